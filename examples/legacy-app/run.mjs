// Runs the legacy app twice against one local vault: as written (the real
// skyflow-node@1), then with its import changed to 'skyflow-bridge/v1'.
// From the repository: npm run build && node examples/legacy-app/run.mjs
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalVault } from 'skyflow-bridge/local-vault';

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'legacy-app-'));
const vault = await startLocalVault({ dataDir });

const original = readFileSync(join(here, 'app.mjs'), 'utf8');
const bridged = join(here, 'app.bridged.mjs');
writeFileSync(bridged, original.replace("from 'skyflow-node';", "from 'skyflow-bridge/v1';"));

const env = {
  ...process.env,
  VAULT_ID: vault.vaultId,
  VAULT_URL: vault.url,
  CREDENTIALS_PATH: vault.credentialsPath,
  NODE_EXTRA_CA_CERTS: vault.caCertPath,
};
try {
  for (const [label, file, cardNumber] of [
    ['skyflow-node@1', join(here, 'app.mjs'), '5479-4229-4622-1393'],
    ['skyflow-bridge/v1', bridged, '4111-1111-1111-1111'],
  ]) {
    // Asynchronously: the vault serves from this process while the app runs.
    const run = await promisify(execFile)(process.execPath, [file], { env: { ...env, CARD_NUMBER: cardNumber } }).catch(
      (error) => error,
    );
    console.log(`== ${label} (exit ${run.code ?? 0})`);
    process.stdout.write(run.stdout);
    if (run.stderr) process.stdout.write(run.stderr.replace(/^(?=.)/gm, '   stderr: '));
  }
} finally {
  rmSync(bridged, { force: true });
  await vault.close();
  rmSync(dataDir, { recursive: true, force: true });
}
