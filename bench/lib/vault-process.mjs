// The benchmark's vault process: two local vaults over HTTPS with their data
// on disk in the folder the parent names — `main` with hour-long access
// tokens, and `shortTtl` whose tokens expire within seconds (the token
// refresh workload). The parent asks for request counts between rounds.
import { join } from 'node:path';
import { startLocalVault } from '../../dist/local-vault.js';
import { serve } from './child.mjs';

/** @type {Record<string, import('../../dist/local-vault.js').LocalVault>} */
const vaults = {};

serve({
  async start({ dataDir, shortTokenTtlSeconds }) {
    vaults.main = await startLocalVault({ dataDir: join(dataDir, 'main') });
    vaults.shortTtl = await startLocalVault({ dataDir: join(dataDir, 'short-ttl'), tokenTtlSeconds: shortTokenTtlSeconds });
    return Object.fromEntries(
      Object.entries(vaults).map(([name, vault]) => [
        name,
        { url: vault.url, vaultId: vault.vaultId, credentials: vault.credentials, caCert: vault.caCert },
      ]),
    );
  },
  stats() {
    return Object.fromEntries(Object.entries(vaults).map(([name, vault]) => [name, vault.stats()]));
  },
  async close() {
    await Promise.all(Object.values(vaults).map((vault) => vault.close()));
  },
});
