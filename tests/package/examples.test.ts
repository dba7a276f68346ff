// The examples run as written (against the built package); the README's copy
// of the quick start is compared with the file in tests/package/readme.test.ts.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/v2/index.js';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

describe('examples', () => {
  it('the v2 quick start inserts and detokenizes against a local vault', async () => {
    const { stdout } = await run(process.execPath, [join(root, 'examples/v2-quickstart.mjs')], { cwd: root });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^inserted [0-9a-f-]{36} card token \d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(lines.slice(1)).toEqual(['revealed STRING XXXX-XXXX-XXXX-1393', 'revealed STRING 123']);
  });

  it('the version constant matches package.json', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
