// The built package: the local-vault entry from `import` and `require`, and
// the CLI. `npm test` builds dist/ first.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restClient } from '../helpers/rest.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');

beforeAll(() => {
  if (!existsSync(join(root, 'dist/local-vault.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does).');
});

// Inserts one record through the entry point and prints what came back.
const script = (load: string) => `
${load}
const vault = await startLocalVault({ tls: false });
const response = await fetch(vault.url + '/v1/vaults/' + vault.vaultId + '/cards', {
  method: 'POST',
  headers: { authorization: 'Bearer ' + vault.apiKey, 'content-type': 'application/json' },
  body: JSON.stringify({ records: [{ fields: { cvv: '123' } }] }),
});
console.log(JSON.stringify({ status: response.status, body: await response.json() }));
await vault.close();
`;

describe('dist/', () => {
  it.each([
    ['import', ['--input-type=module', '-e', script("import { startLocalVault } from 'skyflow-bridge/local-vault';")]],
    [
      'require',
      ['--input-type=module', '-e', script("const { startLocalVault } = (await import('node:module')).createRequire(process.cwd() + '/')('skyflow-bridge/local-vault');")],
    ],
  ])('serves the local-vault entry through %s', async (_how, args) => {
    const { stdout } = await run(process.execPath, args, { cwd: root });
    const result = JSON.parse(stdout.trim());
    expect(result.status).toBe(200);
    expect(result.body.records[0].skyflow_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('resolves every subpath from both module systems, with declarations', async () => {
    const entries = ['skyflow-bridge', 'skyflow-bridge/v2', 'skyflow-bridge/v1', 'skyflow-bridge/migrate', 'skyflow-bridge/local-vault'];
    const { stdout } = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
         const require = createRequire(process.cwd() + '/');
         const out = {};
         for (const name of ${JSON.stringify(entries)}) {
           out[name] = { esm: Object.keys(await import(name)), cjs: Object.keys(require(name)), file: require.resolve(name) };
         }
         console.log(JSON.stringify(out));`,
      ],
      { cwd: root },
    );
    const result = JSON.parse(stdout.trim());
    for (const name of entries) expect(result[name].file).toMatch(/\.cjs$/);
    expect(result['skyflow-bridge/local-vault'].esm).toContain('startLocalVault');
    expect(result['skyflow-bridge/local-vault'].cjs).toContain('startLocalVault');
    for (const file of ['index', 'v2', 'v1', 'migrate', 'local-vault']) {
      expect(existsSync(join(root, `dist/${file}.d.ts`))).toBe(true);
      expect(existsSync(join(root, `dist/${file}.d.cts`))).toBe(true);
    }
    expect(await readFile(join(root, 'dist/local-vault.d.ts'), 'utf8')).toMatch(/startLocalVault/);
  });
});

describe('skyflow-bridge local-vault', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints how to reach the vault, writes its files, serves, and stops on Ctrl-C', async () => {
    const child = spawn(process.execPath, [cli, 'local-vault', '--port', '0', '--data', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', done));
    await new Promise<void>((ready, fail) => {
      child.stdout.on('data', () => output.includes('Press Ctrl-C') && ready());
      void exited.then(() => fail(new Error(`exited early:\n${output}`)));
    });

    const field = (label: string) => new RegExp(`${label}:\\s+(\\S+)`).exec(output)?.[1];
    const url = field('Vault URL')!;
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(field('Credentials')).toBe(join(dataDir, 'credentials.json'));
    expect(field('CA cert')).toBe(join(dataDir, 'ca.pem'));
    expect(output).toContain(`export NODE_EXTRA_CA_CERTS=${join(dataDir, 'ca.pem')}`);
    const credentials = JSON.parse(await readFile(join(dataDir, 'credentials.json'), 'utf8'));
    expect(credentials.tokenURI).toBe(`${url}/v1/auth/sa/oauth/token`);

    const rest = restClient({
      url,
      vaultId: field('Vault ID')!,
      apiKey: field('API key')!,
      caCert: await readFile(join(dataDir, 'ca.pem'), 'utf8'),
    });
    const response = await rest.get('/cards?limit=1');
    rest.close();
    expect(response.status).toBe(200);
    // the request log names the route, never the query string
    await expect.poll(() => output).toMatch(/GET \/v1\/vaults\/:vaultID\/:table 200 [\d.]+ms [0-9a-f-]{36}/);
    expect(output).not.toContain('limit=1');

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('Local vault stopped.');
  });

  it('explains its options, and refuses unknown ones', async () => {
    const help = await run(process.execPath, [cli, 'local-vault', '--help']);
    expect(help.stdout).toContain('--token-ttl <s>');
    await expect(run(process.execPath, [cli, 'local-vault', '--colour'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Unknown option '--colour'"),
    });
    await expect(run(process.execPath, [cli, 'paint'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Unknown command "paint"'),
    });
  });
});
