// `skyflow-bridge codemod` on files in a temporary folder: --dry-run shows a
// unified diff and writes nothing, a run writes the fixture's output, a second
// run changes nothing, --only and --from-report narrow what is rewritten.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCodemodCommand } from '../../src/cli/codemod.js';
import { unifiedDiff } from '../../src/codemod/diff.js';
import { FIXTURES } from './fixture-cases.js';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'codemod-cli-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

async function codemod(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCodemodCommand(args, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { code, out, err };
}

function copyFixture(name: string, as: string): string {
  const extension = name === 'cjs-then' ? 'cjs' : 'mjs';
  const path = join(folder, as);
  cpSync(join(FIXTURES, name, `input.${extension}`), path);
  return path;
}

const expected = (name: string, extension = 'mjs') => readFileSync(join(FIXTURES, name, `output.${extension}`), 'utf8');

describe('codemod command', () => {
  it('--dry-run prints a unified diff, writes nothing, and sums up on stderr', async () => {
    const path = copyFixture('esm-await', 'app.mjs');
    const before = readFileSync(path, 'utf8');
    const { code, out, err } = await codemod('--dry-run', folder);
    expect(code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(out).toContain('+++ b/');
    // The headers name the file relative to the working directory; the hunks are the diff of input and output.
    const diff = unifiedDiff('app.mjs', before, expected('esm-await'));
    expect(out.slice(out.indexOf('@@'))).toBe(diff.slice(diff.indexOf('@@')));
    expect(err).toMatch(/1 file read, 1 would change; 6 calls rewritten, 0 left\./);
  });

  it('rewrites the files of a folder, and a second run changes nothing', async () => {
    copyFixture('esm-await', 'app.mjs');
    mkdirSync(join(folder, 'lib'));
    copyFixture('cjs-then', join('lib', 'store.cjs'));
    mkdirSync(join(folder, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'dep', 'index.js'), "require('skyflow-node').Skyflow.init({});\n");
    const first = await codemod(folder);
    expect(first.code).toBe(0);
    expect(readFileSync(join(folder, 'app.mjs'), 'utf8')).toBe(expected('esm-await'));
    expect(readFileSync(join(folder, 'lib', 'store.cjs'), 'utf8')).toBe(expected('cjs-then', 'cjs'));
    expect(readFileSync(join(folder, 'node_modules', 'dep', 'index.js'), 'utf8')).toBe("require('skyflow-node').Skyflow.init({});\n");
    expect(first.out).toMatch(/2 files read, 2 changed; 9 calls rewritten, 0 left\./);
    expect(first.out).toMatch(/insert\(\): rewritten/);

    const second = await codemod(folder);
    expect(second.out).toMatch(/2 files read, 0 changed; 0 calls rewritten, 0 left\./);
  });

  it('--print prints the rewritten file and writes it', async () => {
    const path = copyFixture('esm-await', 'app.mjs');
    const { out, err } = await codemod('--print', path);
    expect(out).toBe(expected('esm-await'));
    expect(err).toMatch(/6 calls rewritten/);
    expect(readFileSync(path, 'utf8')).toBe(expected('esm-await'));
  });

  it('--only rewrites the methods named and keeps the client for the others', async () => {
    const path = join(folder, 'app.mjs');
    cpSync(join(FIXTURES, 'only-insert', 'input.mjs'), path);
    await codemod('--only', 'insert', path);
    expect(readFileSync(path, 'utf8')).toBe(expected('only-insert'));
  });

  it('--only refuses a name that is not a rewritable method', async () => {
    const { code, err } = await codemod('--only', 'insert,invokeConnection', folder);
    expect(code).toBe(1);
    expect(err).toContain('(not invokeConnection)');
  });

  it('--from-report rewrites only the files and methods the report saw', async () => {
    const seen = copyFixture('esm-await', 'seen.mjs');
    const unseen = copyFixture('esm-await', 'unseen.mjs');
    const report = {
      format: 'skyflow-bridge-usage',
      version: 1,
      generatedAt: new Date().toISOString(),
      pid: 1,
      entries: [
        { code: 'SKYFLOW_BRIDGE_V1_INSERT', method: 'insert', callSite: `${seen}:11:32`, count: 3, replacement: '', firstSeen: '', lastSeen: '' },
        { code: 'SKYFLOW_BRIDGE_V1_GENERATE_BEARER_TOKEN', method: 'generateBearerToken', callSite: `${seen}:7:51`, count: 3, replacement: '', firstSeen: '', lastSeen: '' },
      ],
    };
    const reportPath = join(folder, 'usage.json');
    writeFileSync(reportPath, JSON.stringify(report));
    const before = readFileSync(unseen, 'utf8');
    const { code, out } = await codemod('--from-report', reportPath, folder);
    expect(code).toBe(0);
    expect(readFileSync(unseen, 'utf8')).toBe(before);
    const rewritten = readFileSync(seen, 'utf8');
    expect(rewritten).toContain('toV1InsertResult(');
    expect(rewritten).not.toContain('toV1GetResult(');
    expect(rewritten).toContain('client.get({ records');
    expect(out).toMatch(/1 file read, 1 changed; 1 call rewritten, 0 left\./);

    // The merged entries `skyflow-bridge report --format json` prints are read the same way.
    writeFileSync(reportPath, JSON.stringify(report.entries));
    expect((await codemod('--dry-run', '--from-report', reportPath, folder)).code).toBe(0);
  });

  it('answers a report that is not one, and a path that does not exist, with exit code 1', async () => {
    const reportPath = join(folder, 'usage.json');
    writeFileSync(reportPath, JSON.stringify({ hello: 'world' }));
    expect((await codemod('--from-report', reportPath, folder)).err).toContain('is neither a skyflow-bridge usage report');
    const missing = await codemod(join(folder, 'nothing-here'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('does not exist');
  });

  it('--help lists the options; no path is a usage error', async () => {
    const help = await codemod('--help');
    expect(help.code).toBe(0);
    for (const option of ['--dry-run', '--print', '--only', '--from-report']) expect(help.out).toContain(option);
    expect((await codemod()).code).toBe(1);
  });

  it('skips a file it cannot parse and says so', async () => {
    writeFileSync(join(folder, 'broken.mjs'), 'const = ;\n');
    const { code, out } = await codemod(folder);
    expect(code).toBe(1);
    expect(out).toContain('broken.mjs: skipped, the file has syntax errors');
  });
});
