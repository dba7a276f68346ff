// The public `startLocalVault`. The server itself (fastify, better-sqlite3,
// selfsigned) lives in launch-local-vault.ts and is imported on first use, so
// that `import 'skyflow-bridge/local-vault'` loads none of those optional peers.
import type { ServiceAccountCredentials } from '../wire/auth.js';
import type { FaultRule } from './http/faults.js';
import type { Operation } from './http/operations.js';
import type { LocalVaultOptions } from './options.js';
import { loadServerPeers } from './peers.js';

/** A running local vault: what an SDK needs to reach it, and its controls. */
export interface LocalVault {
  /** The vault URL to give an SDK, e.g. `https://127.0.0.1:8443`. */
  readonly url: string;
  /** The TCP port the vault listens on (the one picked when `port` was 0). */
  readonly port: number;
  /** The vault ID to give an SDK (`vaultId` in v2, `vaultID` in v1). */
  readonly vaultId: string;
  /** An API key (`sky-…`) the vault accepts as a bearer token. */
  readonly apiKey: string;
  /** Service-account credentials whose `tokenURI` is this vault's token endpoint. */
  readonly credentials: ServiceAccountCredentials;
  /** PEM of the CA that signed the server certificate; undefined over plain HTTP. */
  readonly caCert: string | undefined;
  /** The data folder as an absolute path; undefined when everything lives in memory. */
  readonly dataDir: string | undefined;
  /** `credentials.json` in the data folder, when there is one. */
  readonly credentialsPath: string | undefined;
  /** `ca.pem` in the data folder, when there is one and TLS is on. */
  readonly caCertPath: string | undefined;
  /**
   * Replaces the fault rules, from the next request on; `[]` removes them. An
   * invalid list throws a TypeError naming the rule and changes nothing.
   *
   * @example
   * ```ts
   * import { startLocalVault } from 'skyflow-bridge/local-vault';
   *
   * const vault = await startLocalVault();
   * // The next two inserts get 503, then one detokenize waits 2 s before its answer is cut.
   * vault.setFaults([
   *   { operation: 'insert', status: 503, times: 2 },
   *   { operation: 'detokenize', phase: 'after', latencyMs: 2000, reset: true, times: 1 },
   * ]);
   * // … run the client under test, then check how many faults it met:
   * console.log(vault.stats().faultsInjected);
   * vault.setFaults([]);
   * ```
   */
  setFaults(rules: FaultRule[]): void;
  /** Requests per endpoint, tokens issued and faults injected so far. */
  stats(): LocalVaultStats;
  /** Stops accepting requests, finishes those in flight, and closes the database. */
  close(): Promise<void>;
}

// Declared here rather than extending the server's own counters, so that the
// public declarations never mention fastify (an optional peer).
/** Counters a test or benchmark can read through the handle. */
export interface LocalVaultStats {
  /** Requests per endpoint, counted when they arrive (faulted ones included). */
  requests: Record<Operation, number>;
  /** Access tokens the token endpoint issued. */
  tokensIssued: number;
  /** Requests a fault rule answered. */
  faultsInjected: number;
}

export { CREDENTIALS_FILE, CA_FILE, DATABASE_FILE } from './data-files.js';

/**
 * Starts a local vault: the Skyflow REST API over SQLite, on loopback.
 * Needs the optional peer dependencies fastify, better-sqlite3 and selfsigned;
 * without them it rejects with a MissingPeerDependencyError naming them.
 * Invalid options reject with a LocalVaultOptionsError or a SchemaError.
 *
 * @example
 * ```ts
 * import { startLocalVault } from 'skyflow-bridge/local-vault';
 * import { InsertRequest, Skyflow } from 'skyflow-bridge/v2';
 *
 * // HTTPS on a free loopback port; data, keys and credentials.json kept in ./.local-vault
 * const vault = await startLocalVault({ dataDir: '.local-vault', tokenTtlSeconds: 600 });
 * const { vaultId, url: baseUrl, caCert } = vault;
 * const skyflow = new Skyflow({
 *   vaultConfigs: [{ vaultId, baseUrl, ...(caCert === undefined ? {} : { caCert }) }],
 *   skyflowCredentials: { credentialsString: JSON.stringify(vault.credentials) }, // or { apiKey: vault.apiKey }
 * });
 * const { insertedFields } = await skyflow.vault().insert(new InsertRequest({ table: 'persons', values: [{ name: 'Ada Lovelace', email: 'ada@example.com' }] }));
 * console.log(insertedFields[0]?.skyflowId);
 * skyflow.close();
 * await vault.close();
 * ```
 */
export async function startLocalVault(options: LocalVaultOptions = {}): Promise<LocalVault> {
  await loadServerPeers();
  const { launchLocalVault } = await import('./launch-local-vault.js');
  return launchLocalVault(options);
}
