// The skyflow-bridge demo: one local vault, the legacy app three ways.
//   npm run demo
// 1. the app on the real skyflow-node@1.14.3;
// 2. the same app on skyflow-bridge/v1 by changing one import, with its warnings;
// 3. a migration client: shadow mode (A/B), then a ramp 0 → 25 → 50 → 100 % to
//    v2, one call seen in both shapes, and the usage report.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startLocalVault } from 'skyflow-bridge/local-vault';

const here = dirname(fileURLToPath(import.meta.url));
const appDir = join(here, '..', 'legacy-app');
const started = Date.now();
const dataDir = mkdtempSync(join(tmpdir(), 'skyflow-bridge-demo-'));
const vault = await startLocalVault({ dataDir });
const bridgedApp = join(appDir, 'app.demo-bridged.mjs');
writeFileSync(bridgedApp, readFileSync(join(appDir, 'app.mjs'), 'utf8').replace("from 'skyflow-node';", "from 'skyflow-bridge/v1';"));

const env = {
  ...process.env,
  VAULT_ID: vault.vaultId,
  VAULT_URL: vault.url,
  CREDENTIALS_PATH: vault.credentialsPath,
  NODE_EXTRA_CA_CERTS: vault.caCertPath,
};
// Children run asynchronously: the vault serves them from this process.
const node = (file, extraEnv = {}) =>
  promisify(execFile)(process.execPath, [file], { env: { ...env, ...extraEnv }, maxBuffer: 16 * 1024 * 1024 });

function title(text) {
  console.log(`\n${'='.repeat(78)}\n== ${text}\n${'='.repeat(78)}`);
}

let failed = false;
try {
  console.log(`Local vault ${vault.url} (vault ID ${vault.vaultId}), data in ${dataDir}`);

  title('1. The legacy app on skyflow-node@1.14.3');
  const legacy = await node(join(appDir, 'app.mjs'), { CARD_NUMBER: '5479-4229-4622-1393' });
  process.stdout.write(legacy.stdout);

  title("2. The same app on skyflow-bridge/v1: one import changed");
  console.log("-import { Skyflow, generateBearerToken, setLogLevel, LogLevel } from 'skyflow-node';");
  console.log("+import { Skyflow, generateBearerToken, setLogLevel, LogLevel } from 'skyflow-bridge/v1';\n");
  const bridged = await node(bridgedApp, { CARD_NUMBER: '4111-1111-1111-1111' });
  process.stdout.write(bridged.stdout);
  const warnings = bridged.stderr.split('\n').filter((line) => line.includes('DeprecationWarning'));
  const same = legacy.stdout.replace(/XXXX-\d{4}"/g, '') === bridged.stdout.replace(/XXXX-\d{4}"/g, '');
  console.log(`\nSame results as on skyflow-node: ${same ? 'yes' : 'NO'}. ${warnings.length} deprecation warnings, for example:`);
  for (const line of warnings.slice(0, 3)) console.log(`  ${line.replace(/^\(node:\d+\) /, '')}`);

  title('3. A migration client: shadow mode, then a ramp to v2');
  const migration = await node(join(here, 'migrate.mjs'));
  process.stdout.write(migration.stdout);
  if (migration.stderr.trim()) process.stdout.write(migration.stderr.replace(/^(?=.)/gm, '  stderr: '));
} catch (error) {
  failed = true;
  console.error(`The demo failed: ${error.message}`);
  if (error.stdout) process.stdout.write(error.stdout);
  if (error.stderr) process.stderr.write(error.stderr);
} finally {
  rmSync(bridgedApp, { force: true });
  await vault.close();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\nDemo ${failed ? 'FAILED' : 'finished'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exitCode = failed ? 1 : 0;
