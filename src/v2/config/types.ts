import type { Env, LogLevel } from '../enums.js';
import type { LogSink } from '../logging/Logger.js';

/** An API key (`sky-…`), sent as the bearer token. */
export interface ApiKeyCredentials {
  /** The API key; it must start with `sky-` and have no spaces. */
  apiKey: string;
}

/** A bearer token (a JWT) used as is; it is never refreshed. */
export interface TokenCredentials {
  /** The JWT; one that has expired, or is not a JWT, is refused when the config is added. */
  token: string;
}

/** What service-account credentials may add to the token they are exchanged for. */
export interface ServiceAccountOptions {
  /** Role ids to scope the token to (sent as `scope: "role:<id> …"`). */
  roles?: string[];
  /** Context for context-aware authorization (the `ctx` claim). */
  context?: string | Record<string, unknown>;
  /** Token endpoint to use instead of the credentials' `tokenURI`. */
  tokenUri?: string;
}

/** The path of a service-account credentials file. */
export interface PathCredentials extends ServiceAccountOptions {
  /** Path of the JSON file downloaded when the service account was created; it must exist when the config is added. */
  path: string;
}

/** Service-account credentials as a JSON string. */
export interface StringCredentials extends ServiceAccountOptions {
  /** The content of a credentials file (e.g. read from a secret store). */
  credentialsString: string;
}

/**
 * A function the client calls for a bearer token (or API key) before each
 * operation — the v2 form of skyflow-node@1's `getBearerToken`, for apps
 * that already get their tokens their own way (e.g. one per user). Called
 * once per operation; retries of that operation's request reuse its token.
 * Never cached, never refreshed: a 401 on its token is the answer. A JWT past
 * its `exp` is refused before sending; any other non-empty string is sent as
 * is. When it throws or rejects, the operation rejects with that same value.
 *
 * @example
 * ```ts
 * import type { BearerTokenSourceCredentials } from 'skyflow-bridge';
 *
 * declare function fetchTokenForCurrentUser(): Promise<string>;
 * const credentials: BearerTokenSourceCredentials = { bearerTokenSource: () => fetchTokenForCurrentUser() };
 * ```
 */
export interface BearerTokenSourceCredentials {
  /** Returns (or resolves to) the bearer token or API key for one operation. */
  bearerTokenSource: () => string | Promise<string>;
}

/** Exactly one kind of credentials. Absent everywhere: the `SKYFLOW_CREDENTIALS` environment variable. */
export type Credentials = ApiKeyCredentials | TokenCredentials | PathCredentials | StringCredentials | BearerTokenSourceCredentials;

/** One vault a client talks to, and how to reach it. */
export interface VaultConfig {
  /** The vault's id; also the key to get its client with `client.vault(vaultId)`. */
  vaultId: string;
  /** The cluster id of the vault URL (`https://{clusterId}.vault.skyflowapis.com`); not needed with `baseUrl`. */
  clusterId?: string;
  /** Skyflow environment of the cluster; with `clusterId` it decides the vault URL. @default Env.PROD */
  env?: Env;
  /** Credentials for this vault; they take precedence over the client's. */
  credentials?: Credentials;
  /** Vault URL to use instead of the one derived from `clusterId` and `env`, e.g. a local vault's URL. */
  baseUrl?: string;
  /** PEM of a CA to trust for this vault, in addition to the system's (e.g. a local vault's `caCert`). */
  caCert?: string;
}

/** A connection: a route of Skyflow's gateway to a third-party API. */
export interface ConnectionConfig {
  /** The connection's id; also the key to get its client with `client.connection(connectionId)`. */
  connectionId: string;
  /** The connection's URL; `{name}` placeholders are filled from a request's path params. */
  connectionUrl: string;
  /** Credentials for this connection; they take precedence over the client's. */
  credentials?: Credentials;
  /** PEM of a CA to trust for this connection, in addition to the system's. */
  caCert?: string;
}

/**
 * How failed requests are retried. Reads and other idempotent calls are
 * retried on 408, 429, 5xx, network errors and timeouts; other writes only
 * on 429 and when the connection was never made. Delays grow exponentially
 * from `baseDelayMs` up to `maxDelayMs`; a `Retry-After` header is honoured.
 */
export interface RetryOptions {
  /** Retries after the first attempt. @default 2 */
  limit?: number;
  /** Delay before the first retry; it doubles with each retry. @default 500 */
  baseDelayMs?: number;
  /** Longest delay between attempts. @default 8000 */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one ends the retries. @default 30000 */
  maxRetryAfterMs?: number;
  /**
   * Waits between attempts; replace it in tests to see the delays without
   * waiting. By default a real timer (`setTimeout` of `node:timers/promises`).
   */
  sleep?: (ms: number) => Promise<void>;
  /** Source of the jitter that shortens each backoff delay by up to 25 %; returns a number in [0, 1). @default Math.random */
  random?: () => number;
}

/** Everything a client is built from: `new Skyflow(config)` or the builder. */
export interface SkyflowConfig {
  /** The vaults to reach; more can be added later with `addVaultConfig`. @default [] */
  vaultConfigs?: VaultConfig[];
  /** The connections to reach; more can be added later with `addConnectionConfig`. @default [] */
  connectionConfigs?: ConnectionConfig[];
  /**
   * Credentials for every vault and connection that has none of its own.
   * Without any, the `SKYFLOW_CREDENTIALS` environment variable is used.
   */
  skyflowCredentials?: Credentials;
  /** How much the client logs. @default LogLevel.ERROR */
  logLevel?: LogLevel;
  /** Receives log entries instead of the console; by default they are written with `console.log`, `console.warn` and `console.error`. */
  logger?: LogSink;
  /** Time allowed for each HTTP attempt, in milliseconds. @default 60000 */
  timeoutMs?: number;
  /** How failed requests are retried; options not given keep their defaults. @default {} */
  retry?: RetryOptions;
}
