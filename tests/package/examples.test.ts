// The README's examples run as written (against the built package).
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

  it('the README shows the quick start exactly as it is tested', async () => {
    const readme = await readFile(join(root, 'README.md'), 'utf8');
    const example = await readFile(join(root, 'examples/v2-quickstart.mjs'), 'utf8');
    expect(readme).toContain(example.trim());
  });

  it('the version constant matches package.json', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(VERSION).toBe(pkg.version);
  });
});
