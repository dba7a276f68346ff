// Every code block of the README is type-checked or run. Blocks are found by
// their `<!-- snippet: name -->` line (tests/package/readme-snippets.ts); each
// name has exactly one check below, so a new block without one fails the first
// test. Code runs against the built package (npm test builds first) and real
// local vaults; output blocks are compared with the real output once the parts
// that differ per run (ports, ids, keys, paths) are replaced.
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REDACTED_VALUE, startLocalVault } from '../../src/local-vault/index.js';
import { SERVER_PEERS } from '../../src/local-vault/peers.js';
import { InsertRequest, GetRequest, RedactionType, Skyflow } from '../../src/v2/index.js';
import { restClient } from '../helpers/rest.js';
import { typeErrors } from '../helpers/typecheck.js';
import { normalised, readmeSnippets, shellCommands, type Snippet } from './readme-snippets.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const snippets = readmeSnippets(readFileSync(join(root, 'README.md'), 'utf8'));
// Inside the repository, so that `skyflow-bridge/*` resolves to this package
// (self-reference through `exports`) and skyflow-node to the dev dependency.
const work = join(root, `.vitest-readme-${process.pid}`);
mkdirSync(work, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

function snippet(name: string): Snippet {
  const found = snippets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`README.md has no block named "${name}"`);
  return found;
}

/** A fresh folder under the work folder. */
function folder(name: string): string {
  const path = join(work, name);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path, { recursive: true });
  return path;
}

// Blocks type-checked as TypeScript modules. The value is what the block
// leaves to the reader (a client made earlier, a logger of their own), declared.
const TYPE_CHECKED: Record<string, string> = {
  'local-vault-legacy-sdk': '',
  'local-vault-faults': "declare const vault: import('skyflow-bridge/local-vault').LocalVault;",
  'migrate-shadow': [
    'declare const config: { vaultID: string; vaultURL: string; getBearerToken: () => Promise<string> };',
    'declare const log: { warn(...values: unknown[]): void };',
  ].join('\n'),
  'migrate-cutover': [
    "declare const client: import('skyflow-bridge/migrate').MigrationClient;",
    'declare function currentTenant(): string;',
  ].join('\n'),
  'v1-shape-wrapper': [
    "declare const skyflow: import('skyflow-bridge/v2').Skyflow;",
    'declare const fields: Record<string, unknown>;',
  ].join('\n'),
  'usage-report-write': '',
  'errors-v2': ["declare const skyflow: import('skyflow-bridge/v2').Skyflow;", 'declare function scheduleRetryLater(): void;'].join('\n'),
  'errors-v1': "declare const client: import('skyflow-bridge/v1').Skyflow;",
  retries: 'declare const cardId: string;',
};

// Blocks checked some other way: run, or compared with what the code does.
const CHECKED_OTHERWISE = [
  'install',
  'two-commands',
  'v2-quickstart',
  'v1-drop-in',
  'local-vault-command',
  'local-vault-output',
  'local-vault-code',
  'local-vault-curl',
  'local-vault-schema',
  'deprecation-warning',
  'codemod-commands',
  'usage-report-command',
  'usage-report-output',
  'release',
];

describe('README code blocks', () => {
  it('each block has exactly one check, and each check a block', () => {
    const checked = [...Object.keys(TYPE_CHECKED), ...CHECKED_OTHERWISE];
    expect(new Set(checked).size).toBe(checked.length);
    expect(snippets.map((block) => block.name).sort()).toEqual(checked.sort());
  });

  it('the TypeScript and JavaScript blocks type-check, and the v1 drop-in swaps names both modules export', { timeout: 120_000 }, () => {
    const files = Object.entries(TYPE_CHECKED).map(([name, declarations]) => {
      const path = join(work, `${name}.ts`);
      writeFileSync(path, `${declarations}\n${snippet(name).code}\nexport {};\n`);
      return path;
    });
    // The diff's two lines import the same names: each module must export all of them.
    const swap = snippet('v1-drop-in').code.split('\n');
    const before = swap.find((line) => line.startsWith('-import'))!.slice(1);
    const after = swap.find((line) => line.startsWith('+import'))!.slice(1);
    expect(before.replace("'skyflow-node'", "'skyflow-bridge/v1'")).toBe(after);
    const names = /\{([^}]*)\}/.exec(after)![1]!.split(',').map((name) => name.trim());
    const dropIn = join(work, 'v1-drop-in.ts');
    writeFileSync(
      dropIn,
      [
        `import { ${names.map((name) => `${name} as old_${name}`).join(', ')} } from 'skyflow-node';`,
        `import { ${names.map((name) => `${name} as new_${name}`).join(', ')} } from 'skyflow-bridge/v1';`,
        `export const both = [${names.flatMap((name) => [`old_${name}`, `new_${name}`]).join(', ')}];`,
      ].join('\n'),
    );
    const errors = typeErrors([...files, dropIn]);
    expect([...errors.values()].flat()).toEqual([]);
  });

  it('install: the package and the optional peers with the ranges package.json declares', () => {
    const [sdk, localVault, codemod] = shellCommands(snippet('install').code);
    expect(sdk).toBe(`npm install ${pkg.name}`);
    const peers = Object.entries(SERVER_PEERS).map(([name, range]) => `${name}@${range}`);
    expect(localVault).toBe(`npm install --save-dev ${peers.join(' ')}`);
    for (const [name, range] of Object.entries(SERVER_PEERS)) {
      expect({ name, range: pkg.peerDependencies[name], optional: pkg.peerDependenciesMeta[name]?.optional }).toEqual({ name, range, optional: true });
    }
    expect(codemod).toBe(`npm install --save-dev ts-morph@${pkg.peerDependencies['ts-morph']}`);
    expect(pkg.peerDependenciesMeta['ts-morph'].optional).toBe(true);
  });

  it('the two commands: npm scripts that exist, and the test command is what CI runs', () => {
    const commands = shellCommands(snippet('two-commands').code).flatMap((line) => line.split('&&').map((part) => part.trim()));
    expect(commands).toEqual(['npm ci', 'npm run demo', 'npm ci', 'npm test']);
    expect(pkg.scripts.demo).toContain('examples/demo/run.mjs');
    expect(pkg.scripts.test).toContain('vitest run');
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^npm ci\nnpm run check\nnpm test$/m);
  });

  it('the v2 quick start is examples/v2-quickstart.mjs, which the examples test runs', () => {
    expect(snippet('v2-quickstart').code).toBe(readFileSync(join(root, 'examples/v2-quickstart.mjs'), 'utf8'));
  });

  it('local vault from code: runs as written and leaves its data folder', { timeout: 60_000 }, async () => {
    const cwd = folder('local-vault-code');
    writeFileSync(join(cwd, 'index.mjs'), snippet('local-vault-code').code);
    const { stdout } = await run(process.execPath, ['index.mjs'], { cwd });
    expect(stdout.trim()).toMatch(/^https:\/\/127\.0\.0\.1:\d+ [0-9a-f]{32}$/);
    expect(readdirSync(join(cwd, '.local-vault')).sort()).toEqual(expect.arrayContaining(['ca.pem', 'credentials.json']));
  });

  it('local vault command: takes every option shown, and prints the output shown', { timeout: 60_000 }, async () => {
    const [command] = shellCommands(snippet('local-vault-command').code);
    const options = [...command!.matchAll(/\[(--[a-z-]+)(?: (\S+))?\]/g)].map((match) => [match[1]!, match[2]] as const);
    expect(options.map(([flag]) => flag)).toEqual(['--port', '--data', '--schema', '--http', '--token-ttl']);
    const { stdout: help } = await run(process.execPath, [cli, 'local-vault', '--help']);
    for (const [flag] of options) expect(help).toContain(flag);

    const cwd = folder('local-vault-command');
    writeFileSync(join(cwd, 'schema.json'), snippet('local-vault-schema').code);
    // The options as shown, on a free port and without --http (the output shown is the HTTPS one).
    const args = options.flatMap(([flag, value]) =>
      flag === '--http' ? [] : flag === '--port' ? [flag, '0'] : value === undefined ? [flag] : [flag, value],
    );
    const output = await untilPrinted([cli, 'local-vault', ...args], cwd, 'Press Ctrl-C to stop.');
    const placeholders = [
      [/https:\/\/127\.0\.0\.1:\d+/g, 'https://127.0.0.1:PORT'],
      [/Vault ID: \S+/, 'Vault ID: ID'],
      [/sky-\S+/, 'sky-KEY'],
      [/\S*\/\.local-vault\//g, 'DATA/'],
    ] as const;
    expect(normalised(output, placeholders)).toBe(normalised(snippet('local-vault-output').code, placeholders));
  });

  it('local vault schema: a vault started with it masks, redacts and reveals as the schema says', { timeout: 60_000 }, async () => {
    const vault = await startLocalVault({ schema: JSON.parse(snippet('local-vault-schema').code) });
    const client = Skyflow.builder()
      .addVaultConfig({ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert!, credentials: { apiKey: vault.apiKey } })
      .build();
    try {
      const { insertedFields } = await client.vault().insert(
        new InsertRequest({ table: 'cards', values: [{ card_number: '5479-4229-4622-1393', cardholder_name: 'Ada Lovelace', cvv: '123' }], returnTokens: true }),
      );
      const id = insertedFields[0]!.skyflowId!;
      expect(insertedFields[0]!.card_number).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/); // format-preserving
      const { data } = await client.vault().get(new GetRequest({ table: 'cards', ids: [id], redactionType: RedactionType.DEFAULT }));
      expect(data[0]).toMatchObject({ card_number: 'XXXX-XXXX-XXXX-1393', cardholder_name: 'Ada Lovelace', cvv: REDACTED_VALUE });
    } finally {
      client.close();
      await vault.close();
    }
  });

  it('local vault with curl: the request shown, sent as shown, answers with the masked records', { timeout: 60_000 }, async () => {
    const dataDir = folder('local-vault-curl');
    const vault = await startLocalVault({ dataDir });
    const seed = restClient(vault);
    try {
      expect((await seed.post('/cards', { records: [{ fields: { card_number: '4111-1111-1111-1111' } }] })).status).toBe(200);

      const command = snippet('local-vault-curl').code.replace(/\\\n\s*/g, ' ');
      const port = new URL(vault.url).port;
      const fill = (text: string) =>
        text
          .replaceAll('.local-vault/', `${dataDir}/`)
          .replaceAll('$API_KEY', vault.apiKey)
          .replaceAll('$VAULT_ID', vault.vaultId)
          .replace(':8443', `:${port}`);
      const caCert = readFileSync(fill(/--cacert (\S+)/.exec(command)![1]!), 'utf8');
      const [name, value] = fill(/-H "([^"]+)"/.exec(command)![1]!).split(': ');
      const url = new URL(fill(/"(https:[^"]+)"/.exec(command)![1]!));
      // The README's request as curl sends it: its URL, its one header, its CA file.
      const curl = restClient({ url: url.origin, vaultId: vault.vaultId, apiKey: '', caCert });
      const answer = await curl.call('GET', url.pathname + url.search, undefined, { bearer: null, headers: { [name!]: value! } });
      curl.close();
      expect(answer.status).toBe(200);
      expect(answer.body.records.map((record: { fields: Record<string, unknown> }) => record.fields.card_number)).toEqual([
        'XXXX-XXXX-XXXX-1111',
      ]);
    } finally {
      seed.close();
      await vault.close();
    }
  });

  it('the deprecation warning shown is the one a two-table insert emits', { timeout: 60_000 }, async () => {
    const cwd = folder('deprecation-warning');
    writeFileSync(
      join(cwd, 'payments.mjs'),
      [
        "import { Skyflow } from 'skyflow-bridge/v1';",
        "const client = Skyflow.init({ vaultID: 'f1a7', vaultURL: 'https://127.0.0.1:1', getBearerToken: async () => 'token' });",
        "await client.insert({ records: [{ table: 'cards', fields: { card_number: '1' } }, { table: 'persons', fields: { name: 'A' } }] }).catch(() => {});",
      ].join('\n'),
    );
    const { stderr } = await run(process.execPath, ['payments.mjs'], { cwd });
    const warning = stderr.split('\n').find((line) => line.includes('[SKYFLOW_BRIDGE_V1_INSERT]'))!;
    const placeholders = [
      [/\(node:\d+\)/, '(node:PID)'],
      [/called at \S+:\d+:\d+\./, 'called at SITE.'],
      [/vault\('[^']*'\)/, "vault('ID')"],
    ] as const;
    expect(normalised(warning, placeholders)).toBe(normalised(snippet('deprecation-warning').code, placeholders));
  });

  it('the codemod commands run as shown on a copy of the legacy app', { timeout: 120_000 }, async () => {
    const [install, ...commands] = shellCommands(snippet('codemod-commands').code);
    expect(install).toBe('npm install --save-dev ts-morph');
    expect(pkg.peerDependencies['ts-morph']).toBeDefined();
    const cwd = folder('codemod');
    cpSync(join(root, 'examples/legacy-app'), join(cwd, 'src'), { recursive: true });
    writeFileSync(join(cwd, 'usage.json'), JSON.stringify({ format: 'skyflow-bridge-usage', version: 1, generatedAt: '', pid: 1, entries: [] }));
    const original = readFileSync(join(cwd, 'src/app.mjs'), 'utf8');
    const outcomes: Array<{ command: string; changed: boolean }> = [];
    for (const command of commands) {
      expect(command).toMatch(/^npx skyflow-bridge codemod /);
      const args = command.replace(/^npx skyflow-bridge /, '').split(/\s+/);
      const before = readFileSync(join(cwd, 'src/app.mjs'), 'utf8');
      const { stdout } = await run(process.execPath, [cli, ...args], { cwd });
      expect(stdout).not.toBe('');
      outcomes.push({ command, changed: readFileSync(join(cwd, 'src/app.mjs'), 'utf8') !== before });
    }
    // --dry-run writes nothing; the rewrite does; the later runs find nothing left to do.
    expect(outcomes.map((outcome) => outcome.changed)).toEqual([false, true, false, false]);
    expect(readFileSync(join(cwd, 'src/app.mjs'), 'utf8')).not.toBe(original);
  });

  it('the usage report: written as shown by two processes, merged by the command shown into the table shown', { timeout: 60_000 }, async () => {
    const cwd = folder('usage-report');
    const app = [
      "import { Skyflow } from 'skyflow-bridge/v1';",
      snippet('usage-report-write').code.trim(),
      "const client = Skyflow.init({ vaultID: 'f1a7', vaultURL: 'https://127.0.0.1:1', getBearerToken: async () => 'token', options: { deprecationWarnings: 'silent' } });",
      "for (let i = 0; i < 28; i++) await client.get({ records: [{ table: 'cards', ids: ['1'], redaction: Skyflow.RedactionType.MASKED }] }).catch(() => {});",
    ].join('\n');
    writeFileSync(join(cwd, 'app.mjs'), app);
    const callLine = app.split('\n').findIndex((line) => line.includes('client.get(')) + 1;
    await run(process.execPath, ['app.mjs'], { cwd });
    await run(process.execPath, ['app.mjs'], { cwd });
    expect(readdirSync(cwd).filter((file) => /^legacy-usage-\d+\.json$/.test(file))).toHaveLength(2);

    const [command] = shellCommands(snippet('usage-report-command').code);
    expect(command).toBe('npx skyflow-bridge report legacy-usage-*.json');
    const { stdout } = await run('/bin/sh', ['-c', command!.replace('npx skyflow-bridge', `"${process.execPath}" "${cli}"`)], { cwd });
    const cells = (line: string) => line.trim().split(/\s{2,}/);
    const printed = stdout.trimEnd().split('\n');
    const shown = snippet('usage-report-output').code.trimEnd().split('\n');
    expect(cells(printed[0]!)).toEqual(cells(shown[0]!));
    expect(printed[1]).toMatch(/^[-\s]+$/);
    expect(printed.slice(-2)).toEqual(shown.slice(-2)); // a blank line, then the totals
    const rows = (lines: string[]) => lines.slice(2, -2).map(cells);
    const [real, example] = [rows(printed), rows(shown)];
    expect(real.map(([count, method]) => [count, method])).toEqual(example.map(([count, method]) => [count, method]));
    expect(real.map(([, , site]) => site)).toEqual([`app.mjs:${callLine}:43`, expect.stringMatching(/^app\.mjs:\d+:\d+$/)]);
    // The table cuts long cells with "…"; the two must agree up to the shorter cut.
    const agreed = (text: string) => text.replace(/vaultId: '[^']*'|vault\('[^']*'\)/, 'VAULT').replace(/…$/, '');
    for (const [index, row] of real.entries()) {
      const [a, b] = [agreed(row[3]!), agreed(example[index]![3]!)];
      expect(a.startsWith(b) || b.startsWith(a), `${a}\n${b}`).toBe(true);
    }
  });

  it('the release flow: npm version dates the changelog, pins VERSION, commits and tags; an empty release is refused', { timeout: 120_000 }, async () => {
    const commands = shellCommands(snippet('release').code);
    expect(commands).toEqual(['npm version minor', 'git push --follow-tags', 'npm publish']);
    expect(pkg.scripts.preversion).toBe('npm run check && npm test');
    expect(pkg.scripts.version).toBe('node scripts/release.mjs');
    expect(pkg.scripts.prepublishOnly).toBe('npm run build');

    const repo = folder('release');
    // The real files, except that preversion (the whole check and test run) is not repeated here.
    writeFileSync(join(repo, 'package.json'), JSON.stringify({ ...pkg, scripts: { ...pkg.scripts, preversion: 'node -e 0' } }, null, 2));
    mkdirSync(join(repo, 'scripts'));
    mkdirSync(join(repo, 'src/v2'), { recursive: true });
    cpSync(join(root, 'scripts/release.mjs'), join(repo, 'scripts/release.mjs'));
    cpSync(join(root, 'src/v2/version.ts'), join(repo, 'src/v2/version.ts'));
    const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8').replace('## [Unreleased]\n', '## [Unreleased]\n\n### Added\n\n- A feature.\n');
    writeFileSync(join(repo, 'CHANGELOG.md'), changelog);
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@localhost', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@localhost' };
    const git = (...args: string[]) => run('git', args, { cwd: repo, env });
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-qm', 'start');

    await run('npm', ['version', 'minor'], { cwd: repo, env });
    const [major, minor] = pkg.version.split('.').map(Number);
    const next = `${major}.${minor + 1}.0`;
    const today = new Date().toISOString().slice(0, 10);
    const released = readFileSync(join(repo, 'CHANGELOG.md'), 'utf8');
    expect(released).toContain(`## [Unreleased]\n\n## [${next}] - ${today}\n\n### Added\n\n- A feature.\n`);
    expect(readFileSync(join(repo, 'src/v2/version.ts'), 'utf8')).toContain(`export const VERSION = '${next}';`);
    const { stdout: tags } = await git('tag');
    expect(tags.trim()).toBe(`v${next}`);
    const { stdout: files } = await git('show', '--name-only', '--format=', 'HEAD');
    expect(files.trim().split('\n').sort()).toEqual(['CHANGELOG.md', 'package.json', 'src/v2/version.ts']);

    const refused = await run('npm', ['version', 'patch'], { cwd: repo, env }).then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(refused).toContain('Nothing to release');
    expect(readFileSync(join(repo, 'CHANGELOG.md'), 'utf8')).toBe(released);
  });
});

/** Runs the CLI until it prints `marker`, then stops it with SIGINT; resolves to what it printed. */
function untilPrinted(args: string[], cwd: string, marker: string): Promise<string> {
  return new Promise((settle, fail) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    // A CLI that never prints the marker must not outlive the test.
    const deadline = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', () => clearTimeout(deadline));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (stdout.includes(marker)) child.kill('SIGINT');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('exit', () => (stdout.includes(marker) ? settle(stdout.slice(0, stdout.indexOf(marker) + marker.length)) : fail(new Error(stderr))));
  });
}
