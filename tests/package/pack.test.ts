// The package as users get it: `npm pack` of the built dist/ (`npm test` builds
// it first), installed offline from the npm cache into fresh projects, then
// loaded, type-checked and bundled from there. Two projects: `full` installs
// the local vault's optional peers (fastify, better-sqlite3, selfsigned), `bare`
// installs the tarball alone.
//
// Installs use --ignore-scripts: better-sqlite3's install script would compile
// SQLite from source (its prebuilt binaries cannot be downloaded offline), which
// takes minutes. `full` borrows the binding this repository's `npm ci` built.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_PEERS } from '../../src/local-vault/peers.js';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
};
const PEERS = Object.keys(SERVER_PEERS);
const ENTRIES = ['skyflow-bridge', 'skyflow-bridge/v2', 'skyflow-bridge/v1', 'skyflow-bridge/migrate', 'skyflow-bridge/local-vault'];
const INSTALL = ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'];

let work = '';
let tarball = '';
let packed: string[] = [];
let full = '';
let bare = '';

const node = (cwd: string, args: string[]) => exec(process.execPath, args, { cwd });
const npm = (cwd: string, args: string[]) => exec('npm', args, { cwd, maxBuffer: 16 * 1024 * 1024 });

async function project(name: string, extra: string[]): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, version: '1.0.0', private: true, type: 'module' }));
  await npm(dir, [...INSTALL, tarball, ...extra]);
  return dir;
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/local-vault.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does).');
  work = await mkdtemp(join(tmpdir(), 'skyflow-bridge-pack-'));
  const { stdout } = await npm(root, ['pack', '--json', '--pack-destination', work]);
  const [info] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!info) throw new Error(`npm pack printed no result: ${stdout}`);
  tarball = join(work, info.filename);
  packed = info.files.map((file) => file.path).sort();
  [full, bare] = await Promise.all([
    project('full', [...PEERS.map((name) => `${name}@${pkg.peerDependencies[name]}`), `@types/node@${pkg.devDependencies['@types/node']}`]),
    project('bare', [`@types/node@${pkg.devDependencies['@types/node']}`]),
  ]);
  // The native binding --ignore-scripts skipped, from this repository's own install (same version).
  const version = async (dir: string) => (JSON.parse(await readFile(join(dir, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
  expect(await version(full)).toBe(await version(root));
  const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  await mkdir(join(full, 'node_modules/better-sqlite3/build/Release'), { recursive: true });
  await copyFile(join(root, binding), join(full, binding));
}, 120_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('ships only dist/, README.md, CHANGELOG.md, LICENSE (and package.json)', () => {
    const outside = packed.filter((path) => !path.startsWith('dist/') && !['README.md', 'CHANGELOG.md', 'LICENSE', 'package.json'].includes(path));
    expect(outside).toEqual([]);
    for (const name of ['index', 'v2', 'v1', 'migrate', 'local-vault']) {
      for (const extension of ['js', 'cjs', 'd.ts', 'd.cts']) expect(packed).toContain(`dist/${name}.${extension}`);
    }
    expect(packed).toEqual(expect.arrayContaining(['README.md', 'CHANGELOG.md', 'LICENSE', 'dist/cli.js']));
  });

  it('declares the local vault server packages as optional peers (and dev dependencies), not dependencies', () => {
    for (const name of PEERS) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.peerDependencies[name], name).toBe(SERVER_PEERS[name as keyof typeof SERVER_PEERS]);
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
      expect(pkg.devDependencies[name], name).toBe(pkg.peerDependencies[name]);
    }
  });
});

describe('installed with the optional peers', () => {
  const checks = `{
    root: ['Skyflow', 'SkyflowError', 'InsertRequest', 'isSkyflowError'],
    v2: ['Skyflow', 'SkyflowError', 'InsertRequest', 'Env', 'LogLevel'],
    v1: ['Skyflow', 'Configuration', 'InsertOptions', 'generateBearerToken'],
    migrate: ['createMigrationClient', 'MigrationClient', 'usageReport'],
    'local-vault': ['startLocalVault', 'MissingPeerDependencyError', 'demoSchema'],
  }`;
  const report = (load: string) => `
    const entries = ${JSON.stringify(ENTRIES)};
    const checks = ${checks};
    const out = {};
    for (const name of entries) {
      const module = ${load};
      const key = name === 'skyflow-bridge' ? 'root' : name.slice('skyflow-bridge/'.length);
      out[key] = checks[key].filter((symbol) => typeof module[symbol] !== 'function' && typeof module[symbol] !== 'object');
      out[key + ' same Skyflow as root'] = key === 'v2' ? module.Skyflow === root.Skyflow : undefined;
    }
    console.log(JSON.stringify({ out, file: resolveFile }));`;
  const expected = { root: [], v2: [], v1: [], migrate: [], 'local-vault': [], 'v2 same Skyflow as root': true };

  it('loads every entry with `import` and with `require`, one copy of each class', async () => {
    const esm = `const root = await import('skyflow-bridge'); const resolveFile = import.meta.resolve('skyflow-bridge/v2');${report('await import(name)')}`;
    const cjs = `(async () => { const root = require('skyflow-bridge'); const resolveFile = require.resolve('skyflow-bridge/v2');${report('require(name)')} })();`;
    const [fromImport, fromRequire] = await Promise.all([node(full, ['--input-type=module', '-e', esm]), node(full, ['--input-type=commonjs', '-e', cjs])]);
    const imported = JSON.parse(fromImport.stdout) as { out: unknown; file: string };
    const required = JSON.parse(fromRequire.stdout) as { out: unknown; file: string };
    expect(imported.out).toEqual(expected);
    expect(required.out).toEqual(expected);
    expect(imported.file).toMatch(/node_modules\/skyflow-bridge\/dist\/v2\.js$/);
    expect(required.file).toMatch(/node_modules\/skyflow-bridge\/dist\/v2\.cjs$/);
  });

  it('starts a local vault from the installed package', async () => {
    const script = `
      import { startLocalVault } from 'skyflow-bridge/local-vault';
      const vault = await startLocalVault({ tls: false });
      const response = await fetch(vault.url + '/v1/vaults/' + vault.vaultId + '/cards', {
        method: 'POST',
        headers: { authorization: 'Bearer ' + vault.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ records: [{ fields: { cvv: '123' } }] }),
      });
      console.log(response.status);
      await vault.close();`;
    const { stdout } = await node(full, ['--input-type=module', '-e', script]);
    expect(stdout.trim()).toBe('200');
  });

  // Strict consumers of every entry. `@ts-expect-error` fails the check if the
  // declarations were missing or `any`.
  const consumer = `
import { InsertRequest, LogLevel, Skyflow, isSkyflowError } from 'skyflow-bridge';
import { Env, SkyflowError } from 'skyflow-bridge/v2';
import { Skyflow as LegacySkyflow } from 'skyflow-bridge/v1';
import { createMigrationClient } from 'skyflow-bridge/migrate';
import { MissingPeerDependencyError, startLocalVault, type LocalVault } from 'skyflow-bridge/local-vault';

export async function main(): Promise<string> {
  const vault: LocalVault = await startLocalVault({ tls: false });
  const client = Skyflow.builder()
    .addVaultConfig({ vaultId: vault.vaultId, baseUrl: vault.url })
    .addSkyflowCredentials({ apiKey: vault.apiKey })
    .setLogLevel(LogLevel.ERROR)
    .build();
  const inserted = await client.vault().insert(new InsertRequest({ table: 'cards', values: [{ cvv: '123' }] }));
  // @ts-expect-error a table name is a string
  new InsertRequest({ table: 1, values: [] });
  const legacy = LegacySkyflow.init({ vaultID: vault.vaultId, vaultURL: vault.url, getBearerToken: async () => vault.apiKey });
  const missing = (error: unknown): readonly string[] => (error instanceof MissingPeerDependencyError ? error.packages : []);
  const env: Env = Env.PROD;
  const failed = (error: unknown): number | undefined => (isSkyflowError(error) || error instanceof SkyflowError ? error.httpCode : undefined);
  await vault.close();
  return [inserted.insertedFields.length, typeof legacy.insert, missing(null).length, env, typeof createMigrationClient, failed(null)].join();
}
`;
  // skipLibCheck: false also checks every declaration file, typebox's heavy
  // ones included (~30 s), so only one consumer pays for it: the one in `bare`,
  // which also shows that our declarations need none of the optional peers.
  const tsconfig = (module: string, moduleResolution: string, skipLibCheck: boolean) =>
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, skipLibCheck, target: 'es2022', module, moduleResolution, types: ['node'] },
      files: ['consumer.ts'],
    });
  async function typeCheck(dir: string, module: string, moduleResolution: string, options: { type?: 'commonjs'; skipLibCheck?: boolean } = {}) {
    const { type, skipLibCheck = true } = options;
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'consumer.ts'), consumer);
    await writeFile(join(dir, 'tsconfig.json'), tsconfig(module, moduleResolution, skipLibCheck));
    if (type) await writeFile(join(dir, 'package.json'), JSON.stringify({ type }));
    return node(dir, [tsc, '-p', '.']).then(
      () => 'ok',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
  }

  it('type-checks a strict consumer: node16 ESM, node16 CommonJS, bundler; and every declaration file without the peers', async () => {
    const results = await Promise.all([
      typeCheck(join(full, 'tsc-node16-esm'), 'node16', 'node16'),
      typeCheck(join(full, 'tsc-node16-cjs'), 'node16', 'node16', { type: 'commonjs' }),
      typeCheck(join(full, 'tsc-bundler'), 'preserve', 'bundler'),
      typeCheck(join(bare, 'tsc-node16-esm-libcheck'), 'node16', 'node16', { skipLibCheck: false }),
    ]);
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok']);
  }, 120_000);

  // Strings that exist only in one part of the library (checked below by
  // bundling a consumer of that part).
  const MARKERS = {
    v1: 'Interface: init - Invalid client credentials.',
    adapter: 'SKYFLOW_BRIDGE_V1_INIT',
    migrate: 'skyflow_bridge.migrate.calls',
    'local-vault': 'LocalVaultOptionsError',
  };
  async function bundle(source: string): Promise<string> {
    await writeFile(join(full, 'bundle-entry.mjs'), source);
    const result = await build({
      absWorkingDir: full,
      entryPoints: ['bundle-entry.mjs'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      logLevel: 'silent',
      external: [...PEERS, '@openfeature/server-sdk', 'ts-morph'],
    });
    return result.outputFiles.map((file) => file.text).join('\n');
  }
  const present = (code: string) => Object.entries(MARKERS).flatMap(([part, marker]) => (code.includes(marker) ? [part] : []));

  it('bundles a v2-only consumer without v1, adapter, migrate or local-vault code', async () => {
    const v2 = await bundle(`import { Skyflow, InsertRequest } from 'skyflow-bridge/v2';\nexport const use = [Skyflow.builder, InsertRequest];\n`);
    const root = await bundle(`import { Skyflow } from 'skyflow-bridge';\nexport const use = [Skyflow.builder];\n`);
    // The markers are real: each shows up when its part is used.
    const v1 = await bundle(`import { Skyflow } from 'skyflow-bridge/v1';\nexport const use = [Skyflow.init];\n`);
    const migrate = await bundle(`import { createMigrationClient } from 'skyflow-bridge/migrate';\nexport const use = [createMigrationClient];\n`);
    const localVault = await bundle(`import { startLocalVault } from 'skyflow-bridge/local-vault';\nexport const use = [startLocalVault];\n`);
    expect(v2).toContain('SkyflowError'); // not an empty bundle
    expect(present(v2)).toEqual([]);
    expect(present(root)).toEqual([]);
    expect(present(v1)).toEqual(expect.arrayContaining(['v1', 'adapter']));
    expect(present(migrate)).toEqual(expect.arrayContaining(['migrate']));
    expect(present(localVault)).toEqual(expect.arrayContaining(['local-vault']));
  }, 30_000);
});

describe('installed without the optional peers', () => {
  it('npm left the optional peers out', () => {
    for (const name of PEERS) expect(existsSync(join(bare, 'node_modules', name)), name).toBe(false);
  });

  const install = `npm install --save-dev ${PEERS.map((name) => `${name}@${pkg.peerDependencies[name]}`).join(' ')}`;

  it.each([
    ['import', '--input-type=module', `const v2 = await import('skyflow-bridge/v2'); const lv = await import('skyflow-bridge/local-vault');`],
    ['require', '--input-type=commonjs', `const v2 = require('skyflow-bridge/v2'); const lv = require('skyflow-bridge/local-vault');`],
  ])('loads v2 and local-vault through %s; startLocalVault rejects naming the missing packages', async (_how, inputType, load) => {
    const script = `(async () => { ${load}
      const error = await lv.startLocalVault({ tls: false }).then(() => null, (e) => e);
      console.log(JSON.stringify({ v2: typeof v2.Skyflow, name: error?.name, message: error?.message, packages: error?.packages, isClass: error instanceof lv.MissingPeerDependencyError }));
    })();`;
    const { stdout } = await node(bare, [inputType, '-e', script]);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toEqual({ v2: 'function', name: 'MissingPeerDependencyError', message: expect.stringContaining(install), packages: PEERS, isClass: true });
    expect(result.message).toContain('"fastify", "better-sqlite3", "selfsigned"');
  });

  it('the CLI local-vault command fails with the same message', async () => {
    const cli = join(bare, 'node_modules/skyflow-bridge/dist/cli.js');
    const failure = await node(bare, [cli, 'local-vault', '--http', '--port', '0', '--data', join(bare, 'vault-data')]).then(
      () => undefined,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('MissingPeerDependencyError: skyflow-bridge/local-vault needs the packages');
    expect(failure?.stderr).toContain(install);
    expect(existsSync(join(bare, 'vault-data'))).toBe(false);
  });
});
