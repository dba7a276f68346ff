// The behaviour test: examples/legacy-app, rewritten by the codemod, gives
// the same results against the local vault as the original on the real
// skyflow-node@1 (ids, tokens and request ids replaced as the app does).
//
// The rewritten app imports skyflow-bridge/v2 and skyflow-bridge/migrate, so
// the package is built for it into a temporary folder (not dist/, which other
// suites read): node_modules/skyflow-bridge there holds package.json and the
// ESM build with the CLI, and the app next to it resolves the package as an
// installed one. The codemod runs as the built CLI, ts-morph loaded from
// node_modules as a user's install would.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedVault } from '../helpers/shared-vault.js';

const root = resolve(import.meta.dirname, '../..');
let folder: string;

/** Builds the package's ESM entry points and the CLI (rollup.config.mjs, without declarations) into `dist`. */
async function buildPackage(dist: string): Promise<void> {
  const [library, cli] = (await import(resolve(root, 'rollup.config.mjs'))).default as RollupOptions[];
  for (const config of [library!, cli!]) {
    const outputs = [config.output].flat() as OutputOptions[];
    const esm = outputs.find((output) => output.format === 'es')!;
    const bundle = await rollup({ ...config, onwarn: () => {} });
    try {
      await bundle.write({ ...esm, dir: dist, sourcemap: false });
    } finally {
      await bundle.close();
    }
  }
}

/** Runs an app against the shared local vault; its result lines (the `step: json` lines it prints) and stderr. */
async function runApp(file: string, cardNumber: string): Promise<{ code: number; results: string[]; stderr: string }> {
  const vault = sharedVault();
  const env = {
    ...process.env,
    VAULT_ID: vault.vaultId,
    VAULT_URL: vault.url,
    CREDENTIALS_PATH: vault.credentialsPath,
    NODE_EXTRA_CA_CERTS: vault.caCertPath,
    CARD_NUMBER: cardNumber,
  };
  const run = await promisify(execFile)(process.execPath, [file], { env }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  const results = run.stdout
    .split('\n')
    .filter((line) => /^[a-zA-Z ]+: /.test(line))
    // The masked card number shows its last four digits, which differ between the two runs.
    .map((line) => line.replace(/XXXX-XXXX-XXXX-\d{4}/, 'XXXX-XXXX-XXXX-<last4>'));
  return { code: run.code, results, stderr: run.stderr };
}

const cardNumber = () => `4000-${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}-${String(Date.now() % 10_000).padStart(4, '0')}-0002`;

describe('examples/legacy-app rewritten by the codemod', () => {
  beforeAll(async () => {
    // Inside the repository (node_modules above it resolves skyflow-node and the package's dependencies); .vitest-* is ignored by git.
    folder = mkdtempSync(join(root, '.vitest-codemod-'));
    // Its own package.json: the app is not part of skyflow-bridge, so 'skyflow-bridge/v2' is not the repository itself.
    writeFileSync(join(folder, 'package.json'), '{ "private": true, "type": "module" }\n');
    const installed = join(folder, 'node_modules', 'skyflow-bridge');
    mkdirSync(installed, { recursive: true });
    copyFileSync(join(root, 'package.json'), join(installed, 'package.json'));
    await buildPackage(join(installed, 'dist'));
    copyFileSync(join(root, 'examples/legacy-app/app.mjs'), join(folder, 'app.mjs'));
  }, 120_000);

  afterAll(() => {
    if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps ts-morph out of the CLI bundle and loads it when the codemod runs', () => {
    const cli = readFileSync(join(folder, 'node_modules/skyflow-bridge/dist/cli.js'), 'utf8');
    expect(cli).toContain("import('ts-morph')");
    expect(cli).not.toMatch(/from ['"]ts-morph['"]/);
  });

  it('rewrites every legacy call and gives the original results', { timeout: 120_000 }, async () => {
    const cli = join(folder, 'node_modules/skyflow-bridge/dist/cli.js');
    const { stdout: summary } = await promisify(execFile)(process.execPath, [cli, 'codemod', 'app.mjs'], { cwd: folder });
    expect(summary).toMatch(/1 file read, 1 changed; 6 calls rewritten, 0 left\./);
    const rewritten = readFileSync(join(folder, 'app.mjs'), 'utf8');
    expect(rewritten).not.toMatch(/client\.(insert|get|getById|detokenize|update|delete)\(/);
    expect(rewritten).not.toContain('Skyflow.init(');

    const original = await runApp(join(root, 'examples/legacy-app/app.mjs'), cardNumber());
    const migrated = await runApp(join(folder, 'app.mjs'), cardNumber());
    expect(original.code).toBe(0);
    expect(migrated.code).toBe(0);
    expect(original.results).toHaveLength(6);
    expect(migrated.results).toEqual(original.results);
    // No legacy call is left to warn about, and nothing else is printed (the
    // wrappers do not log: the v1 log level the app set no longer applies).
    expect(migrated.stderr).not.toContain('DeprecationWarning');
    expect(migrated.stderr).toBe(original.stderr);
  });
});
