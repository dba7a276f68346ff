// Behaviours fixed after review, each pinned by the case that showed it.
import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../src/adapter/deprecation/call-site.js';
import { describeReplacement } from '../../src/adapter/deprecation/replacement.js';
import { filledConnectionUrl } from '../../src/adapter/connection.js';
import { DeprecationNotifier } from '../../src/adapter/deprecation/notifier.js';
import { legacyUsage, resetLegacyUsage } from '../../src/v1/index.js';
import { notifyInit } from '../../src/v1/Skyflow.js';

describe('warnings', () => {
  it('name the upsert column the facade uses: the last entry of the table', () => {
    const upsert = [
      { table: 'cards', column: 'card_number' },
      { table: 'cards', column: 'cvv' },
    ];
    const records = { records: [{ table: 'cards', fields: {} }] };
    expect(describeReplacement('insert', 'v1', [records, { upsert }])).toBe(
      "skyflow.vault('v1').insertBatch(new BatchInsertRequest({ records: [/* 1 record: cards ×1 (upsert cvv) */], returnTokens: true }))",
    );
    const twoTables = { records: [{ table: 'cards', fields: {} }, { table: 'persons', fields: {} }] };
    expect(describeReplacement('insert', 'v1', [twoTables, { upsert }])).toBe(
      "skyflow.vault('v1').insertBatch(new BatchInsertRequest({ records: [/* 2 records: cards ×1 (upsert cvv), persons ×1 */], returnTokens: true }))",
    );
  });

  it('suggest a baseUrl for a Skyflow host with a port or a path, as the facade uses one', () => {
    for (const vaultURL of ['https://abc123.vault.skyflowapis.com:8443', 'https://abc123.vault.skyflowapis.com/proxy']) {
      expect(describeReplacement('init', undefined, [{ vaultID: 'v1', vaultURL }])).toContain("baseUrl: '<vault URL>'");
    }
  });

  it("hold init's once-per-call-site policy across calls", () => {
    resetLegacyUsage();
    const warned: string[] = [];
    const emit = process.emitWarning;
    process.emitWarning = ((message: string) => void warned.push(message)) as typeof process.emitWarning;
    try {
      for (let i = 0; i < 3; i++) notifyInit({ vaultID: 'v1', vaultURL: 'https://x.example', options: { deprecationWarnings: 'once-per-call-site' } });
    } finally {
      process.emitWarning = emit;
    }
    expect(warned).toHaveLength(1);
    expect(legacyUsage()[0]).toMatchObject({ method: 'init', count: 3 });
  });

  it('read call sites in paths with spaces and parentheses', () => {
    expect(parseFrame('    at /tmp/my app/app.cjs:2:1')).toEqual({ file: '/tmp/my app/app.cjs', line: 2, column: 1 });
    expect(parseFrame('    at Object.<anonymous> (/tmp/my app/app.cjs:2:1)')).toEqual({ file: '/tmp/my app/app.cjs', line: 2, column: 1 });
    expect(parseFrame('    at /tmp/paren(x)/app.mjs:2:1')).toEqual({ file: '/tmp/paren(x)/app.mjs', line: 2, column: 1 });
    expect(parseFrame('    at run (/tmp/paren(x)/app.cjs:7:3)')).toEqual({ file: '/tmp/paren(x)/app.cjs', line: 7, column: 3 });
    expect(parseFrame('    at async main (file:///tmp/my%20app/app.mjs:4:5)')).toEqual({ file: '/tmp/my app/app.mjs', line: 4, column: 5 });
    expect(parseFrame('    at new Client (/srv/app.js:9:9)')).toEqual({ file: '/srv/app.js', line: 9, column: 9 });
    expect(parseFrame('    at async file:///srv/app.mjs:75:5')).toEqual({ file: '/srv/app.mjs', line: 75, column: 5 });
    expect(parseFrame('    at async Promise.all (index 0)')).toBeUndefined();
    expect(parseFrame('Error')).toBeUndefined();
  });

  it('keep counting under every policy, for a fresh notifier too', () => {
    resetLegacyUsage();
    const silent = new DeprecationNotifier('silent');
    for (let i = 0; i < 2; i++) silent.notify('isExpired', 'isExpired(token)');
    expect(legacyUsage().map((entry) => entry.count)).toEqual([2]);
  });
});

describe('call sites', () => {
  it('are told apart when two places call in turn (each place is formatted once, then looked up)', () => {
    resetLegacyUsage();
    const silent = new DeprecationNotifier('silent');
    const here = (line: number) => expect.stringMatching(new RegExp(`^tests/v1/regressions\\.test\\.ts:${line}:\\d+$`));
    const first = new Error().stack!.split('\n')[1]!;
    const firstLine = parseFrame(first)!.line + 3;
    for (let i = 0; i < 3; i++) {
      silent.notify('isExpired', 'isExpired(token)');
      silent.notify('isExpired', 'isExpired(token)');
    }
    const entries = legacyUsage();
    expect(entries.map(({ callSite, count }) => ({ callSite, count }))).toEqual([
      { callSite: here(firstLine), count: 3 },
      { callSite: here(firstLine + 1), count: 3 },
    ]);
    expect(entries[0]!.firstSeen).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(entries[0]!.lastSeen)).toBeGreaterThanOrEqual(Date.parse(entries[0]!.firstSeen));
  });
});

describe('invokeConnection URLs', () => {
  it('fill every placeholder once, with the value exactly as given', () => {
    const url = filledConnectionUrl({
      connectionURL: 'https://gw.example/{a}/{b}',
      methodName: 'GET',
      pathParams: { a: 'p$&q', b: "r$'s" },
    });
    expect(url).toBe("https://gw.example/p$&q/r$'s");
    expect(filledConnectionUrl({ connectionURL: 'https://gw.example/{a}/{b}', methodName: 'GET', pathParams: { a: '{b}', b: 'v' } })).toBe(
      'https://gw.example/{b}/v',
    );
  });
});
