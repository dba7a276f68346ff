// `npm run bench -- --quick` runs end to end: every workload through every
// client, the offline measurements, the report and the raw results. What is
// checked are facts of the run that do not depend on the machine's speed
// (requests per call, warnings per call, completeness), never its timings.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the harness is plain JavaScript without declarations.
import { WORKLOADS } from '../../bench/lib/workloads.mjs';

const root = resolve(import.meta.dirname, '../..');
const CLIENT_IDS = ['legacy', 'v1', 'v1-silent', 'v2', 'raw'];

interface ClientSummary {
  client: string;
  ops: number;
  opsPerSecond: number;
  httpRequestsPerOp: number;
  warningLinesPerOp: number;
  providerCallsPerOp: number | null;
  tokenExchanges: number;
  peakRssBytes: number;
  errors: number;
  firstError?: string;
}

let out: string;
let stdout: string;
let results: {
  mode: string;
  machine: { cores: number; node: string };
  workloads: { workload: string; title: string; rounds: number; opsPerRound: number; clients: ClientSummary[] }[];
  adapterCost: { cases: { name: string; v1SilentUs: number; v2Us: number }[] };
  packageSize: { entries: { entry: string; gzipBytes: number; areas: string[] }[] };
  coldImports: { entries: { entry: string; loadedAreas: string[] }[] };
  memory: { calls: number; points: unknown[]; errors: number; usageEntries: number };
  targets: { target: string; measured: string; met: boolean }[];
};
let report: string;

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'skyflow-bridge-bench-test-'));
  ({ stdout } = await promisify(execFile)(process.execPath, ['bench/run.mjs', '--quick', '--out', out], {
    cwd: root,
    timeout: 170_000,
    maxBuffer: 16 * 1024 * 1024,
  }));
  results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8'));
  report = await readFile(join(out, 'BENCHMARKS.md'), 'utf8');
}, 180_000);
afterAll(() => rm(out, { recursive: true, force: true }));

const client = (workload: string, id: string) =>
  results.workloads.find((entry) => entry.workload === workload)!.clients.find((entry) => entry.client === id)!;

describe('npm run bench -- --quick', () => {
  it('runs every workload through every client, each operation answered as asked', () => {
    expect(results.mode).toBe('quick');
    expect(results.workloads.map((entry) => entry.workload)).toEqual(WORKLOADS.map((workload: { name: string }) => workload.name));
    for (const workload of results.workloads) {
      expect(workload.clients.map((entry) => entry.client)).toEqual(CLIENT_IDS);
      for (const entry of workload.clients) {
        expect(entry.ops).toBe(workload.rounds * workload.opsPerRound);
        expect(entry.opsPerSecond).toBeGreaterThan(0);
        expect(entry.peakRssBytes).toBeGreaterThan(0);
        // Short-lived tokens may expire in flight for a provider that uses them to the last second.
        const mayFail = workload.workload === 'token-refresh' && ['legacy', 'v1', 'v1-silent'].includes(entry.client);
        if (!mayFail) expect(entry.errors, `${workload.workload} / ${entry.client}: ${entry.firstError}`).toBe(0);
      }
    }
  });

  it('counts what each client sends: one detokenize request for the bridge, one per token for skyflow-node', () => {
    expect(client('detokenize-100', 'legacy').httpRequestsPerOp).toBe(100);
    for (const id of ['v1', 'v1-silent', 'v2', 'raw']) expect(client('detokenize-100', id).httpRequestsPerOp).toBe(1);
    for (const id of CLIENT_IDS) expect(client('insert-1', id).httpRequestsPerOp).toBe(1);
    expect(client('insert-1', 'legacy').providerCallsPerOp).toBe(1);
    expect(client('insert-1', 'v2').providerCallsPerOp).toBeNull();
  });

  it('sees the default policy warn on every legacy call, and silence when asked', () => {
    // Each operation is a legacy call plus isExpired() in the README's token provider.
    expect(client('update', 'v1').warningLinesPerOp).toBeGreaterThanOrEqual(1);
    expect(client('update', 'v1-silent').warningLinesPerOp).toBe(0);
    expect(client('update', 'legacy').warningLinesPerOp).toBe(0);
  });

  it('refreshes short-lived tokens during the run', () => {
    // Every round starts with an expired token and 16 calls in flight: at least one
    // exchange per round, and never one per call (the refresh is shared).
    const rounds = results.workloads.find((entry) => entry.workload === 'token-refresh')!.rounds;
    for (const id of ['v2', 'raw']) {
      expect(client('token-refresh', id).tokenExchanges).toBeGreaterThanOrEqual(rounds);
      expect(client('token-refresh', id).tokenExchanges).toBeLessThanOrEqual(2 * rounds);
    }
    expect(client('insert-1', 'v2').tokenExchanges).toBe(0);
  });

  it('measures the facade without network, the entries and memory', () => {
    expect(results.adapterCost.cases.map((entry) => entry.name)).toEqual(['insert', 'detokenize', 'get', 'update']);
    for (const entry of results.adapterCost.cases) expect(entry.v1SilentUs).toBeGreaterThan(0);
    const v2 = results.packageSize.entries.find((entry) => entry.entry === 'v2')!;
    expect(v2.areas).toEqual(['v2', 'wire']);
    expect(results.coldImports.entries.find((entry) => entry.entry === 'v2')!.loadedAreas).toEqual(['v2', 'wire']);
    expect(results.memory).toMatchObject({ calls: 5_000, errors: 0 });
    expect(results.memory.points).toHaveLength(11);
    // One entry per legacy method and call site, however many calls.
    expect(results.memory.usageEntries).toBeLessThanOrEqual(5);
  });

  it('writes a report with the machine, every target marked, and every workload', () => {
    expect(results.targets).toHaveLength(9);
    for (const target of results.targets) expect(typeof target.met).toBe('boolean');
    expect(report).toContain(`Node ${results.machine.node}`);
    expect(report).toContain('## Targets');
    for (const target of results.targets) expect(report).toContain(target.target);
    for (const workload of results.workloads) expect(report).toContain(`### ${workload.title}`);
    expect(stdout).toContain(`Report: ${join(out, 'BENCHMARKS.md')}`);
  });
});
