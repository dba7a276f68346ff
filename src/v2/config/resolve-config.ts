// Options resolved in one place: a client's config and each vault config are
// checked and given their defaults here, once, when they are added.
import { setTimeout as sleep } from 'node:timers/promises';
import { Env, LogLevel, isEnumValue } from '../enums.js';
import { validationError } from '../errors/messages.js';
import { resolveCredentials, type ResolvedCredentials } from '../credentials/resolve-credentials.js';
import type { LogSink } from '../logging/Logger.js';
import type { TransportOptions } from '../transport/Transport.js';
import { isWellFormed } from '../vault/requests/checks.js';
import type { ConnectionConfig, RetryOptions, SkyflowConfig, VaultConfig } from './types.js';
import { clusterUrl, isSecureUrl, normalizeBaseUrl } from './vault-url.js';

/** A vault config after validation. */
export interface ResolvedVaultConfig {
  readonly vaultId: string;
  /** Origin of the vault's REST API. */
  readonly url: string;
  readonly caCert: string | undefined;
  readonly credentials: ResolvedCredentials | undefined;
  /** The config as given (a copy), for getVaultConfig and updates. */
  readonly source: Readonly<VaultConfig>;
}

/** Client options after validation, with defaults. */
export interface ResolvedClientOptions {
  readonly logLevel: LogLevel;
  readonly logger: LogSink | undefined;
  readonly transport: TransportOptions;
}

const CONNECTION_CONFIG_KEYS = new Set(['connectionId', 'connectionUrl', 'credentials', 'caCert']);
const VAULT_CONFIG_KEYS = new Set(['vaultId', 'clusterId', 'env', 'credentials', 'baseUrl', 'caCert']);
const CLIENT_CONFIG_KEYS = new Set(['vaultConfigs', 'connectionConfigs', 'skyflowCredentials', 'logLevel', 'logger', 'timeoutMs', 'retry']);
const RETRY_KEYS = new Set(['limit', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs', 'sleep', 'random']);
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/;

export function resolveVaultConfig(config: unknown): ResolvedVaultConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw validationError('EMPTY_VAULT_CONFIG');
  // Own keys only: what is validated is exactly what is kept.
  const value = { ...config } as Record<string, unknown>;
  const vaultId = value['vaultId'];
  assertKnownKeys(value, VAULT_CONFIG_KEYS, typeof vaultId === 'string' ? `vault config ${vaultId.slice(0, 64)}` : 'vault config');
  if (vaultId === undefined || vaultId === null || (typeof vaultId === 'string' && vaultId.trim() === '')) {
    throw validationError('EMPTY_VAULT_ID');
  }
  // The id is a segment of every vault path: a lone surrogate cannot be URL-encoded.
  if (typeof vaultId !== 'string' || !isWellFormed(vaultId)) throw validationError('INVALID_VAULT_ID');

  const env = value['env'] === undefined ? Env.PROD : value['env'];
  if (!isEnumValue(Env, env)) throw validationError('INVALID_ENV', vaultId);
  let url: string;
  if (value['baseUrl'] !== undefined && value['clusterId'] !== undefined) throw validationError('BASE_URL_WITH_CLUSTER_ID', vaultId);
  if (value['baseUrl'] !== undefined) {
    const base = typeof value['baseUrl'] === 'string' ? normalizeBaseUrl(value['baseUrl']) : undefined;
    if (base === undefined) throw validationError('INVALID_BASE_URL', vaultId);
    url = base;
  } else {
    const clusterId = value['clusterId'];
    if (clusterId === undefined || clusterId === null || clusterId === '') throw validationError('EMPTY_CLUSTER_ID', vaultId);
    if (typeof clusterId !== 'string' || !/^[A-Za-z0-9-]+$/.test(clusterId)) throw validationError('INVALID_CLUSTER_ID', vaultId);
    url = clusterUrl(clusterId, env);
  }
  const caCert = value['caCert'];
  if (caCert !== undefined && !(typeof caCert === 'string' && PEM_CERTIFICATE.test(caCert))) {
    throw validationError('INVALID_CA_CERT', vaultId);
  }
  const credentials =
    value['credentials'] === undefined
      ? undefined
      : resolveCredentials(value['credentials'], ` for vault with vaultId ${vaultId}`);
  // A deep copy: the caller may change its objects later; this config must not change with them.
  return { vaultId, url, caCert, credentials, source: Object.freeze(copyConfig(value as unknown as VaultConfig, credentials)) };
}

/** A connection config after validation. */
export interface ResolvedConnectionConfig {
  readonly connectionId: string;
  readonly url: string;
  readonly caCert: string | undefined;
  readonly credentials: ResolvedCredentials | undefined;
  readonly source: Readonly<ConnectionConfig>;
}

export function resolveConnectionConfig(config: unknown): ResolvedConnectionConfig {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw validationError('EMPTY_CONNECTION_CONFIG');
  const value = { ...config } as Record<string, unknown>;
  const connectionId = value['connectionId'];
  assertKnownKeys(
    value,
    CONNECTION_CONFIG_KEYS,
    typeof connectionId === 'string' ? `connection config ${connectionId.slice(0, 64)}` : 'connection config',
  );
  if (connectionId === undefined || connectionId === null || (typeof connectionId === 'string' && connectionId.trim() === '')) {
    throw validationError('EMPTY_CONNECTION_ID');
  }
  if (typeof connectionId !== 'string') throw validationError('INVALID_CONNECTION_ID');
  const url = value['connectionUrl'];
  if (!isSecureUrl(url)) throw validationError('INVALID_CONNECTION_URL', connectionId);
  const caCert = value['caCert'];
  if (caCert !== undefined && !(typeof caCert === 'string' && PEM_CERTIFICATE.test(caCert))) {
    throw validationError('INVALID_CA_CERT', connectionId);
  }
  const credentials =
    value['credentials'] === undefined
      ? undefined
      : resolveCredentials(value['credentials'], ` for connection with connectionId ${connectionId}`);
  return { connectionId, url, caCert, credentials, source: Object.freeze(copyConfig(value as unknown as ConnectionConfig, credentials)) };
}

/**
 * A deep copy of a vault or connection config as given, so that neither the
 * caller's objects nor ours change the other's. JSON copies the data; a
 * bearer token source, which JSON would drop, stays the same function (taken
 * from the checked credentials, not read from the caller's object again).
 */
export function copyConfig<T extends VaultConfig | ConnectionConfig>(config: T, credentials: ResolvedCredentials | undefined): T {
  const source = credentials?.kind === 'bearerTokenSource' ? credentials.source : undefined;
  // The function never reaches JSON.stringify, which would call a `toJSON` of it.
  const skipSource = (key: string, value: unknown): unknown => (source && key === 'credentials' ? {} : value);
  const copy = JSON.parse(JSON.stringify(config, skipSource)) as T;
  if (source) copy.credentials = { bearerTokenSource: source };
  return copy;
}

export function resolveClientOptions(config: SkyflowConfig): ResolvedClientOptions {
  assertKnownKeys(config as Record<string, unknown>, CLIENT_CONFIG_KEYS, 'skyflow config');
  const logLevel = resolveLogLevel(config.logLevel === undefined ? LogLevel.ERROR : config.logLevel);
  if (config.logger !== undefined && typeof config.logger !== 'function') throw validationError('INVALID_LOGGER');
  const timeoutMs = positiveNumber(config.timeoutMs, 60_000, 'timeoutMs');
  const retry: RetryOptions = config.retry === undefined ? {} : config.retry;
  if (typeof retry !== 'object' || retry === null || Array.isArray(retry)) {
    throw validationError('INVALID_TRANSPORT_OPTION', 'retry', 'an object');
  }
  assertKnownKeys(retry as Record<string, unknown>, RETRY_KEYS, 'retry options');
  const limit = retry.limit === undefined ? 2 : retry.limit;
  if (!Number.isInteger(limit) || limit < 0) throw validationError('INVALID_TRANSPORT_OPTION', 'retry.limit', 'a non-negative integer');
  for (const name of ['sleep', 'random'] as const) {
    if (retry[name] !== undefined && typeof retry[name] !== 'function') {
      throw validationError('INVALID_TRANSPORT_OPTION', `retry.${name}`, 'a function');
    }
  }
  return {
    logLevel,
    logger: config.logger,
    transport: {
      timeoutMs,
      retry: {
        limit,
        baseDelayMs: positiveNumber(retry.baseDelayMs, 500, 'retry.baseDelayMs'),
        maxDelayMs: positiveNumber(retry.maxDelayMs, 8_000, 'retry.maxDelayMs'),
        maxRetryAfterMs: positiveNumber(retry.maxRetryAfterMs, 30_000, 'retry.maxRetryAfterMs'),
      },
      sleep: retry.sleep ?? ((ms) => sleep(ms)),
      random: retry.random ?? Math.random,
    },
  };
}

export function resolveLogLevel(level: unknown): LogLevel {
  if (!isEnumValue(LogLevel, level)) throw validationError('INVALID_LOG_LEVEL');
  return level;
}

// A misspelt key (`vaultID`, `crendentials`) would otherwise be ignored in silence.
function assertKnownKeys(value: Record<string, unknown>, known: ReadonlySet<string>, what: string): void {
  for (const key of Object.keys(value)) {
    if (!known.has(key)) throw validationError('UNKNOWN_CONFIG_KEY', key.slice(0, 64), what);
  }
}

function positiveNumber(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw validationError('INVALID_TRANSPORT_OPTION', name, 'a positive number of milliseconds');
  }
  return value;
}
