import type { Env, LogLevel } from '../enums.js';
import type { LogSink } from '../logging/Logger.js';

/** An API key (`sky-…`), sent as the bearer token. */
export interface ApiKeyCredentials {
  apiKey: string;
}

/** A bearer token (a JWT) used as is; it is never refreshed. */
export interface TokenCredentials {
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
  path: string;
}

/** Service-account credentials as a JSON string. */
export interface StringCredentials extends ServiceAccountOptions {
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
 * const credentials = { bearerTokenSource: () => session.vaultToken() };
 */
export interface BearerTokenSourceCredentials {
  bearerTokenSource: () => string | Promise<string>;
}

/** Exactly one kind of credentials. Absent everywhere: the `SKYFLOW_CREDENTIALS` environment variable. */
export type Credentials = ApiKeyCredentials | TokenCredentials | PathCredentials | StringCredentials | BearerTokenSourceCredentials;

/** One vault a client talks to. */
export interface VaultConfig {
  vaultId: string;
  /** The cluster id of the vault URL (`https://{clusterId}.vault.skyflowapis.com`); not needed with `baseUrl`. */
  clusterId?: string;
  /** @default Env.PROD */
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
  connectionId: string;
  /** The connection's URL; `{name}` placeholders are filled from a request's path params. */
  connectionUrl: string;
  /** Credentials for this connection; they take precedence over the client's. */
  credentials?: Credentials;
  /** PEM of a CA to trust for this connection, in addition to the system's. */
  caCert?: string;
}

/** Retries of failed requests. */
export interface RetryOptions {
  /** Retries after the first attempt. @default 2 */
  limit?: number;
  /** Delay before the first retry; it doubles with each retry. @default 500 */
  baseDelayMs?: number;
  /** Longest delay between attempts. @default 8000 */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured; a longer one ends the retries. @default 30000 */
  maxRetryAfterMs?: number;
  /** Waits between attempts; replace it in tests to see the delays without waiting. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

/** Everything a client is built from: `new Skyflow(config)` or the builder. */
export interface SkyflowConfig {
  vaultConfigs?: VaultConfig[];
  connectionConfigs?: ConnectionConfig[];
  /** Credentials for every vault that has none of its own. */
  skyflowCredentials?: Credentials;
  /** @default LogLevel.ERROR */
  logLevel?: LogLevel;
  /** Receives log entries instead of the console. */
  logger?: LogSink;
  /** Time allowed for one HTTP attempt. @default 60000 */
  timeoutMs?: number;
  retry?: RetryOptions;
}
