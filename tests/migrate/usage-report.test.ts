// The usage report: the legacy calls skyflow-bridge/v1 counted in this
// process (per call site, with the v2 call that replaces each), written as
// JSON, merged across processes, formatted, and the `skyflow-bridge report`
// command over the built CLI.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPORT_FORMAT,
  asUsageReport,
  createMigrationClient,
  formatUsage,
  mergeUsageReports,
  resetLegacyUsage,
  usageReport,
  writeUsageReport,
  writeUsageReportAtExit,
  type UsageReport,
} from '../../src/migrate/index.js';
import { Skyflow as Bridge, LogLevel, setDeprecationPolicy, setLogLevel } from '../../src/v1/index.js';
import { generateBearerToken } from '../../src/v2/index.js';
import { card } from '../helpers/data.js';
import { sharedVault } from '../helpers/shared-vault.js';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.js');
let dir: string;

beforeAll(async () => {
  setDeprecationPolicy('silent');
  setLogLevel(LogLevel.OFF);
  dir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-usage-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const THIS_FILE = /^tests\/migrate\/usage-report\.test\.ts:\d+:\d+$/;

describe('usageReport', () => {
  it('counts the bridge calls of this process per call site, with their v2 replacements', async () => {
    const vault = sharedVault();
    const { accessToken } = await generateBearerToken(vault.credentialsPath, { caCert: vault.caCert });
    resetLegacyUsage();
    const bridge = Bridge.init({ vaultID: vault.vaultId, vaultURL: vault.url, getBearerToken: () => accessToken, options: { deprecationWarnings: 'silent' } });
    const inserted = (await bridge.insert({ records: [{ table: 'cards', fields: card() }] })) as { records: Array<{ fields: Record<string, string> }> };
    const id = inserted.records[0]!.fields['skyflow_id']!;
    for (let i = 0; i < 3; i++) await bridge.get({ records: [{ table: 'cards', ids: [id], redaction: 'PLAIN_TEXT' as never }] });
    // A call through a migration client counts at the caller's line, not inside the package.
    const client = createMigrationClient({ legacy: bridge, bridge, route: 'v2' });
    await client.detokenize({ records: [{ token: inserted.records[0]!.fields['cvv']! }] });

    const report = usageReport();
    expect(report).toMatchObject({ format: REPORT_FORMAT, version: 1, pid: process.pid });
    expect(Number.isNaN(Date.parse(report.generatedAt))).toBe(false);
    const byCode = new Map(report.entries.map((entry) => [entry.code, entry]));
    expect([...byCode.keys()].sort()).toEqual(['SKYFLOW_BRIDGE_V1_DETOKENIZE', 'SKYFLOW_BRIDGE_V1_GET', 'SKYFLOW_BRIDGE_V1_INIT', 'SKYFLOW_BRIDGE_V1_INSERT']);
    for (const entry of report.entries) {
      expect(entry.callSite).toMatch(THIS_FILE);
      expect(entry.firstSeen <= entry.lastSeen).toBe(true);
    }
    expect(byCode.get('SKYFLOW_BRIDGE_V1_GET')).toMatchObject({
      method: 'get',
      count: 3,
      replacement: `skyflow.vault('${vault.vaultId}').get(new GetRequest({ table: 'cards', ids: [/* 1 id */], redactionType: RedactionType.PLAIN_TEXT }))`,
    });
    expect(byCode.get('SKYFLOW_BRIDGE_V1_INSERT')).toMatchObject({
      method: 'insert',
      count: 1,
      replacement: `skyflow.vault('${vault.vaultId}').insertBatch(new BatchInsertRequest({ records: [/* 1 record: cards ×1 */], returnTokens: true }))`,
    });
    expect(byCode.get('SKYFLOW_BRIDGE_V1_DETOKENIZE')).toMatchObject({
      count: 1,
      replacement: `skyflow.vault('${vault.vaultId}').detokenize(new DetokenizeRequest({ tokens: [/* 1 token with redactionType: RedactionType.PLAIN_TEXT (the v1 default) */], continueOnError: true }))`,
    });
    expect(byCode.get('SKYFLOW_BRIDGE_V1_INIT')!.replacement).toContain('Skyflow.builder().addVaultConfig(');
    // Never a value: the replacement is built from shapes and counts.
    expect(JSON.stringify(report)).not.toContain(id);

    resetLegacyUsage();
    expect(usageReport().entries).toEqual([]);
  });

  it('writeUsageReport writes the report as JSON and returns it', async () => {
    resetLegacyUsage();
    const bridge = Bridge.init({ vaultID: 'vault1', vaultURL: 'https://example.vault.skyflowapis.com', getBearerToken: () => '', options: { deprecationWarnings: 'silent' } });
    // Refused by the v1 validation before any request (no records), but counted all the same.
    await bridge.get({ records: [] }).catch(() => undefined);
    const path = join(dir, 'written.json');
    const returned = await writeUsageReport(path);
    const text = await readFile(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(returned);
    expect(returned.entries.map((entry) => [entry.code, entry.count])).toEqual([
      ['SKYFLOW_BRIDGE_V1_INIT', 1],
      ['SKYFLOW_BRIDGE_V1_GET', 1],
    ]);
    expect(asUsageReport(JSON.parse(text), path)).toEqual(returned);
  });

  it('writeUsageReportAtExit registers an exit hook, and its return value removes it', () => {
    const before = process.listenerCount('exit');
    const cancel = writeUsageReportAtExit(join(dir, 'at-exit.json'));
    expect(process.listenerCount('exit')).toBe(before + 1);
    cancel();
    expect(process.listenerCount('exit')).toBe(before);
  });
});

// ---------------------------------------------------------------------------
// Two processes' reports

const entry = (fields: Partial<UsageReport['entries'][number]>): UsageReport['entries'][number] => ({
  code: 'SKYFLOW_BRIDGE_V1_GET',
  method: 'get',
  callSite: 'src/orders.js:10:5',
  count: 1,
  replacement: 'replacement',
  firstSeen: '2025-01-01T00:00:00.000Z',
  lastSeen: '2025-01-01T00:00:00.000Z',
  ...fields,
});

const report = (pid: number, entries: UsageReport['entries']): UsageReport => ({
  format: REPORT_FORMAT,
  version: 1,
  generatedAt: '2025-03-01T00:00:00.000Z',
  pid,
  entries,
});

const GET_ONE = "skyflow.vault('v').get(new GetRequest({ table: 'cards', ids: [/* 1 id */] }))";
const GET_TWO = "skyflow.vault('v').get(new GetRequest({ table: 'cards', ids: [/* 2 ids */] }))";

const A = report(101, [
  entry({ count: 3, replacement: GET_ONE, firstSeen: '2025-01-02T00:00:00.000Z', lastSeen: '2025-01-03T00:00:00.000Z' }),
  entry({
    code: 'SKYFLOW_BRIDGE_V1_INSERT',
    method: 'insert',
    callSite: 'src/signup.js:22:7',
    replacement: 'insert, as of A',
    firstSeen: '2025-01-04T00:00:00.000Z',
    lastSeen: '2025-01-06T00:00:00.000Z',
  }),
]);
const B = report(202, [
  entry({ count: 4, replacement: GET_TWO, firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-01-05T00:00:00.000Z' }),
  entry({ callSite: 'src/admin.js:5:1', count: 2, replacement: 'ids | columnName' }),
  entry({
    code: 'SKYFLOW_BRIDGE_V1_INSERT',
    method: 'insert',
    callSite: 'src/signup.js:22:7',
    replacement: 'insert, as of B',
    firstSeen: '2025-01-05T00:00:00.000Z',
    lastSeen: '2025-01-05T00:00:00.000Z',
  }),
]);

const MERGED = [
  entry({ count: 7, replacement: GET_TWO, firstSeen: '2025-01-01T00:00:00.000Z', lastSeen: '2025-01-05T00:00:00.000Z' }),
  entry({ callSite: 'src/admin.js:5:1', count: 2, replacement: 'ids | columnName' }),
  entry({
    code: 'SKYFLOW_BRIDGE_V1_INSERT',
    method: 'insert',
    callSite: 'src/signup.js:22:7',
    count: 2,
    replacement: 'insert, as of A',
    firstSeen: '2025-01-04T00:00:00.000Z',
    lastSeen: '2025-01-06T00:00:00.000Z',
  }),
];

describe('mergeUsageReports', () => {
  it('sums counts per code and call site, keeps the earliest firstSeen, the latest lastSeen and its replacement, most-used first', () => {
    const copies = structuredClone([A, B]);
    expect(mergeUsageReports([A, B])).toEqual(MERGED);
    // In either order, and without touching its inputs.
    expect(mergeUsageReports([B, A])).toEqual(MERGED);
    expect([A, B]).toEqual(copies);
  });

  it('keeps the same call site of two legacy methods apart', () => {
    const merged = mergeUsageReports([report(1, [entry({}), entry({ code: 'SKYFLOW_BRIDGE_V1_GET_BY_ID', method: 'getById' })])]);
    expect(merged.map((e) => e.code)).toEqual(['SKYFLOW_BRIDGE_V1_GET', 'SKYFLOW_BRIDGE_V1_GET_BY_ID']);
  });

  it('merges nothing into nothing', () => {
    expect(mergeUsageReports([])).toEqual([]);
    expect(mergeUsageReports([report(1, [])])).toEqual([]);
  });
});

const TABLE = `Calls  Legacy method  Call site           Replace with (skyflow-bridge/v2)
-----  -------------  ------------------  ------------------------------------------------------------------------------
7      get()          src/orders.js:10:5  ${GET_TWO}
2      get()          src/admin.js:5:1    ids | columnName
2      insert()       src/signup.js:22:7  insert, as of A

11 legacy calls from 3 call sites.
`;

const MARKDOWN = `| Calls | Legacy method | Call site | Replace with (skyflow-bridge/v2) |
| --- | --- | --- | --- |
| 7 | get() | src/orders.js:10:5 | ${GET_TWO} |
| 2 | get() | src/admin.js:5:1 | ids \\| columnName |
| 2 | insert() | src/signup.js:22:7 | insert, as of A |
`;

describe('formatUsage', () => {
  it('as a text table with a total', () => {
    expect(formatUsage(MERGED, 'table')).toBe(TABLE);
  });

  it('as a text table, cutting long cells with an ellipsis', () => {
    const long = entry({ callSite: `src/${'deep/'.repeat(20)}file.js:1:1`, replacement: 'x'.repeat(150) });
    const [, , row] = formatUsage([long], 'table').split('\n');
    const cells = row!.split(/ {2,}/);
    expect(cells[2]).toHaveLength(60);
    expect(cells[2]!.endsWith('…')).toBe(true);
    expect(cells[3]).toBe(`${'x'.repeat(109)}…`);
  });

  it('as Markdown, escaping pipes', () => {
    expect(formatUsage(MERGED, 'markdown')).toBe(MARKDOWN);
  });

  it('as JSON', () => {
    const text = formatUsage(MERGED, 'json');
    expect(text.endsWith(']\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(MERGED);
  });

  it('of no entries', () => {
    expect(formatUsage([], 'table')).toContain('0 legacy calls from 0 call sites.');
    expect(formatUsage([], 'json')).toBe('[]\n');
  });
});

describe('asUsageReport', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'r.json is not a skyflow-bridge usage report (expected "format": "skyflow-bridge-usage").'],
    ['an array', [], 'r.json is not a skyflow-bridge usage report (expected "format": "skyflow-bridge-usage").'],
    ['another format', { ...A, format: 'eslint' }, 'r.json is not a skyflow-bridge usage report (expected "format": "skyflow-bridge-usage").'],
    ['entries that are not an array', { ...A, entries: {} }, 'r.json is not a skyflow-bridge usage report (expected "format": "skyflow-bridge-usage").'],
    ['an entry without a count', { ...A, entries: [{ code: 'X', callSite: 'a.js:1:1' }] }, 'r.json has entries without code, callSite and count.'],
    ['a fractional count', { ...A, entries: [entry({ count: 1.5 })] }, 'r.json has entries without code, callSite and count.'],
    ['a null entry', { ...A, entries: [null] }, 'r.json has entries without code, callSite and count.'],
  ])('refuses %s', (_name, value, message) => {
    expect(() => asUsageReport(value, 'r.json')).toThrow(message);
  });
});

// ---------------------------------------------------------------------------
// The command line

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('skyflow-bridge report', () => {
  let a: string;
  let b: string;

  beforeAll(async () => {
    if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does).');
    a = join(dir, 'a.json');
    b = join(dir, 'b.json');
    await writeFile(a, JSON.stringify(A));
    await writeFile(b, JSON.stringify(B));
  });

  it('merges reports into a Markdown table', async () => {
    expect(await runCli(['report', a, b, '--format', 'markdown'])).toEqual({ code: 0, stdout: MARKDOWN, stderr: '' });
  });

  it('prints a text table by default, and JSON on request', async () => {
    expect(await runCli(['report', a, b])).toEqual({ code: 0, stdout: TABLE, stderr: '' });
    const json = await runCli(['report', '--format=json', b, a]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(MERGED);
  });

  it('shows its help', async () => {
    const help = await runCli(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: skyflow-bridge report <usage.json>... [--format table|markdown|json]');
  });

  describe('answers bad input with exit code 1 and a message on stderr', () => {
    it.each<[string, () => Promise<string[]>, () => string | RegExp]>([
      ['a missing file', async () => [join(dir, 'none.json')], () => `Cannot read ${join(dir, 'none.json')}: ENOENT.`],
      [
        'a file that is not JSON',
        async () => {
          const path = join(dir, 'broken.json');
          await writeFile(path, '{"format": "skyflow-bridge-usage", ');
          return [a, path];
        },
        () => `${join(dir, 'broken.json')} is not JSON.`,
      ],
      [
        'JSON that is not a usage report',
        async () => {
          const path = join(dir, 'package.json');
          await writeFile(path, JSON.stringify({ name: 'app', version: '1.0.0' }));
          return [path];
        },
        () => `${join(dir, 'package.json')} is not a skyflow-bridge usage report (expected "format": "skyflow-bridge-usage").`,
      ],
      [
        'a report with broken entries',
        async () => {
          const path = join(dir, 'entries.json');
          await writeFile(path, JSON.stringify({ ...A, entries: [{ code: 'X' }] }));
          return [path];
        },
        () => `${join(dir, 'entries.json')} has entries without code, callSite and count.`,
      ],
      ['an unknown format', async () => [a, '--format', 'csv'], () => 'Unknown format "csv": use table, markdown or json.'],
      ['no files', async () => [], () => /^Give at least one usage report\.\n\nUsage: skyflow-bridge report/],
      ['an unknown option', async () => [a, '--output', 'x.md'], () => /Unknown option '--output'/],
    ])('%s', async (_name, args, expected) => {
      const run = await runCli(['report', ...(await args())]);
      const message = expected();
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      if (typeof message === 'string') expect(run.stderr).toBe(`${message}\n`);
      else expect(run.stderr).toMatch(message);
    });
  });
});
