import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalVault } from '../../src/local-vault/index.js';
import type { SharedVault } from '../helpers/shared-vault.js';

/**
 * Starts the run's local vault in a temporary data folder and makes its CA
 * trusted by every test process — the way a user trusts it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-tests-'));
  const vault = await startLocalVault({ dataDir });
  process.env['NODE_EXTRA_CA_CERTS'] = vault.caCertPath;
  const shared: SharedVault = {
    url: vault.url,
    vaultId: vault.vaultId,
    apiKey: vault.apiKey,
    credentials: vault.credentials,
    credentialsPath: vault.credentialsPath!,
    caCert: vault.caCert!,
    caCertPath: vault.caCertPath!,
  };
  project.provide('localVault', shared);
  return async () => {
    await vault.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}
