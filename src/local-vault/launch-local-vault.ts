// The local vault server: loaded by `startLocalVault` on first use, because it
// imports the optional peers fastify, better-sqlite3 (through VaultStore) and
// selfsigned (through identity/state).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isIPv6 } from 'node:net';
import { TOKEN_PATH } from '../wire/paths.js';
import type { ServiceAccountCredentials } from '../wire/auth.js';
import { FaultInjector } from './http/faults.js';
import { OPERATIONS, type Operation } from './http/operations.js';
import { buildServer } from './http/server.js';
import type { ServerStats } from './http/context.js';
import { AccessTokens } from './identity/AccessTokens.js';
import { loadState, writePrivate } from './identity/state.js';
import { resolveLocalVaultOptions, type LocalVaultOptions } from './options.js';
import { CA_FILE, CREDENTIALS_FILE, DATABASE_FILE } from './data-files.js';
import type { LocalVault } from './start-local-vault.js';
import { VaultStore } from './storage/VaultStore.js';
import { Vault } from './vault/Vault.js';

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '::1'];

/** Starts the server; `startLocalVault` calls it once the optional peers are known to be installed. */
export async function launchLocalVault(options: LocalVaultOptions = {}): Promise<LocalVault> {
  const resolved = resolveLocalVaultOptions(options);
  const { dataDir } = resolved;
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const state = await loadState(dataDir, { vaultId: resolved.vaultId, tls: resolved.tls, host: resolved.host });

  const store = new VaultStore(dataDir === undefined ? undefined : join(dataDir, DATABASE_FILE), resolved.schema);
  const faults = new FaultInjector(resolved.faults);
  const stats: ServerStats = {
    requests: Object.fromEntries(OPERATIONS.map((operation) => [operation, 0])) as Record<Operation, number>,
    tokensIssued: 0,
  };
  let url = '';
  let audiences: string[] = [];
  const app = buildServer(
    {
      vault: new Vault(store, resolved.schema, Buffer.from(state.tokenSecret, 'hex')),
      vaultId: state.vaultId,
      accessTokens: new AccessTokens(state.serviceAccount, state.accessTokenSecret, state.apiKey, resolved.tokenTtlSeconds),
      faults,
      stats,
      tokenAudiences: () => audiences,
      maxQueryRows: resolved.maxQueryRows,
      log: resolved.log,
    },
    { tls: resolved.tls && state.tls ? { key: state.tls.key, cert: state.tls.cert } : undefined, bodyLimit: resolved.bodyLimit },
  );

  try {
    await app.listen({ port: resolved.port, host: resolved.host });
  } catch (error) {
    store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : resolved.port;
  const scheme = resolved.tls ? 'https' : 'http';
  const origin = (host: string) => `${scheme}://${isIPv6(host) ? `[${host}]` : host}:${port}`;
  url = origin(resolved.host);
  // An SDK may reach the vault as localhost rather than 127.0.0.1; the
  // assertion's audience names the token endpoint the way the SDK reached it.
  audiences = [...new Set([resolved.host, ...LOOPBACK_HOSTS])].map((host) => `${origin(host)}${TOKEN_PATH}`);

  const credentials: ServiceAccountCredentials = { ...state.serviceAccount, tokenURI: `${url}${TOKEN_PATH}` };
  const caCert = resolved.tls ? state.tls?.caCert : undefined;
  let credentialsPath: string | undefined;
  let caCertPath: string | undefined;
  if (dataDir !== undefined) {
    credentialsPath = join(dataDir, CREDENTIALS_FILE);
    await writePrivate(credentialsPath, `${JSON.stringify(credentials, null, 2)}\n`);
    if (caCert !== undefined) {
      caCertPath = join(dataDir, CA_FILE);
      await writePrivate(caCertPath, caCert);
    }
  }

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    vaultId: state.vaultId,
    apiKey: state.apiKey,
    credentials,
    caCert,
    dataDir,
    credentialsPath,
    caCertPath,
    setFaults: (rules) => faults.set(rules),
    stats: () => ({ ...stats, requests: { ...stats.requests }, faultsInjected: faults.injected }),
    close: () => {
      closing ??= app.close().finally(() => store.close());
      return closing;
    },
  };
}
