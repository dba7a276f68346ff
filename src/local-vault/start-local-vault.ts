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
  readonly port: number;
  readonly vaultId: string;
  /** An API key (`sky-…`) the vault accepts as a bearer token. */
  readonly apiKey: string;
  /** Service-account credentials whose `tokenURI` is this vault's token endpoint. */
  readonly credentials: ServiceAccountCredentials;
  /** PEM of the CA that signed the server certificate; undefined over plain HTTP. */
  readonly caCert: string | undefined;
  readonly dataDir: string | undefined;
  /** `credentials.json` in the data folder, when there is one. */
  readonly credentialsPath: string | undefined;
  /** `ca.pem` in the data folder, when there is one and TLS is on. */
  readonly caCertPath: string | undefined;
  /** Replaces the fault rules (an invalid list throws and changes nothing). */
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
 *
 * @example
 * const vault = await startLocalVault();
 * // give vault.url, vault.vaultId and vault.credentials (or vault.apiKey) to an SDK
 * await vault.close();
 */
export async function startLocalVault(options: LocalVaultOptions = {}): Promise<LocalVault> {
  await loadServerPeers();
  const { launchLocalVault } = await import('./launch-local-vault.js');
  return launchLocalVault(options);
}
