import { isAbsolute, resolve } from 'node:path';
import { checkFaultRules, type FaultRule } from './http/faults.js';
import { LocalVaultOptionsError } from './options-error.js';
import { demoSchema } from './schema/demo-schema.js';
import { loadSchemaFile, resolveSchema, type ResolvedSchema } from './schema/resolve-schema.js';
import type { VaultSchema } from './schema/types.js';

export { LocalVaultOptionsError };

/** Options of `startLocalVault`. Every one is optional; invalid ones throw a LocalVaultOptionsError. */
export interface LocalVaultOptions {
  /** TCP port to listen on; 0 picks a free one (read it from `LocalVault.port`). @default 0 */
  port?: number;
  /** Interface to bind; keep a loopback address unless other machines must reach the vault. @default '127.0.0.1' */
  host?: string;
  /**
   * Folder for the SQLite file, the keys, `credentials.json` and `ca.pem`;
   * data and identity survive restarts. Absent: everything lives in memory.
   */
  dataDir?: string;
  /** Tables and columns, as an object or the path of a JSON schema file. @default demoSchema */
  schema?: VaultSchema | string;
  /** Serve HTTPS with a certificate from a private CA; false serves plain HTTP. @default true */
  tls?: boolean;
  /** Lifetime of the access tokens the token endpoint issues, in seconds. @default 3600 */
  tokenTtlSeconds?: number;
  /** Faults to inject from the first request on; change them later with `LocalVault.setFaults`. @default [] */
  faults?: FaultRule[];
  /**
   * The vault ID in request paths: 1 to 64 letters, digits, `_` or `-`.
   * Absent, a random one is generated and kept in `dataDir` (a new one on each
   * start without a `dataDir`).
   */
  vaultId?: string;
  /** Largest accepted request body, in bytes (5 MiB); a larger one is answered with 413. @default 5242880 */
  bodyLimit?: number;
  /** Most rows a query may return; a query that would return more fails. @default 10000 */
  maxQueryRows?: number;
  /** Receives one line per request (method, route, status, time, request id); never a value or a query string. */
  log?: (line: string) => void;
}

/** Options with defaults applied and checked. */
export interface ResolvedLocalVaultOptions {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string | undefined;
  readonly schema: ResolvedSchema;
  readonly tls: boolean;
  readonly tokenTtlSeconds: number;
  readonly faults: readonly FaultRule[];
  readonly vaultId: string | undefined;
  readonly bodyLimit: number;
  readonly maxQueryRows: number;
  readonly log: ((line: string) => void) | undefined;
}

const VAULT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Checks the options and applies their defaults; throws a LocalVaultOptionsError (or a SchemaError) for an invalid one. */
export function resolveLocalVaultOptions(options: LocalVaultOptions = {}): ResolvedLocalVaultOptions {
  if (typeof options !== 'object' || options === null) {
    throw new LocalVaultOptionsError('startLocalVault options must be an object.');
  }
  const fail = (message: string) => new LocalVaultOptionsError(message);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw fail('port must be an integer from 0 to 65535.');
  const host = options.host ?? '127.0.0.1';
  if (typeof host !== 'string' || host.length === 0) throw fail('host must be a non-empty string.');
  if (options.dataDir !== undefined && (typeof options.dataDir !== 'string' || options.dataDir.length === 0)) {
    throw fail('dataDir must be a folder path.');
  }
  const tokenTtlSeconds = positiveInteger(options.tokenTtlSeconds, 3600, 'tokenTtlSeconds', fail);
  const bodyLimit = positiveInteger(options.bodyLimit, 5 * 1024 * 1024, 'bodyLimit', fail);
  const maxQueryRows = positiveInteger(options.maxQueryRows, 10_000, 'maxQueryRows', fail);
  if (options.vaultId !== undefined && !(typeof options.vaultId === 'string' && VAULT_ID.test(options.vaultId))) {
    throw fail('vaultId must be 1 to 64 letters, digits, "_" or "-".');
  }
  if (options.tls !== undefined && typeof options.tls !== 'boolean') throw fail('tls must be true or false.');
  // Checked here too, so that a bad rule fails before the data folder is touched.
  if (options.faults !== undefined) checkFaultRules(options.faults);
  if (options.log !== undefined && typeof options.log !== 'function') throw fail('log must be a function.');

  return {
    port,
    host,
    dataDir: options.dataDir === undefined ? undefined : absolute(options.dataDir),
    schema:
      options.schema === undefined
        ? resolveSchema(demoSchema, 'demo schema')
        : typeof options.schema === 'string'
          ? loadSchemaFile(absolute(options.schema))
          : resolveSchema(options.schema),
    tls: options.tls ?? true,
    tokenTtlSeconds,
    faults: options.faults ?? [],
    vaultId: options.vaultId,
    bodyLimit,
    maxQueryRows,
    log: options.log,
  };
}

function positiveInteger(
  value: number | undefined,
  fallback: number,
  name: string,
  fail: (message: string) => Error,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw fail(`${name} must be a positive integer.`);
  return value;
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}
