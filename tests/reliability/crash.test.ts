// A crash in the middle of a load: the local vault runs in a child process
// (the built CLI) on a data folder; 16 callers insert through the v2 core; the
// process is killed with SIGKILL while inserts are in flight, and started again
// on the same folder (same vault id, a new port, a new client). Every insert
// whose call resolved — the vault answered, so it had committed — must be
// there after the restart, exactly once, under the id the caller got. An
// insert whose call failed (its answer was lost in the kill) may or may not be
// there, but never twice.
//
// SOAK=1: five kill/restart cycles of up to 3,000 inserts each instead of one
// of 600; the figures go to .soak-results.json.
import { randomInt } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LogLevel, Skyflow } from '../../src/v2/index.js';
import { startCapture, type Capture } from '../helpers/capture.js';
import { expectNothingLeftOpen, openResources, type Resources } from '../helpers/resources.js';
import { SHORT_RETRY, SOAK, elapsedMs, failureCode, isFaultCode, recordSoakResult, runId, runWorkers } from './support.js';
import { startVaultProcess, type VaultProcess } from './vault-process.js';

const CYCLES = SOAK ? 5 : 1;
const INSERTS_PER_CYCLE = SOAK ? 3_000 : 600;
const CONCURRENCY = 16;
const RUN = runId();
const PREFIX = `crash-${RUN}-`;
/** Rows per query page (the CLI's vault answers at most 10,000 rows per query). */
const PAGE = 5_000;

let capture: Capture;
let baseline: Resources;
let dataDir: string;
let vaultProcess: VaultProcess | undefined;
const clients: Skyflow[] = [];
/** The vault's API key and service-account key (kept in the data folder: the same across restarts). */
const secrets: { apiKey?: string; privateKey?: string } = {};
let report: Record<string, unknown> | undefined;

beforeAll(async () => {
  baseline = openResources();
  capture = startCapture();
  dataDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-crash-'));
});

afterAll(async () => {
  for (const client of clients) client.close();
  await vaultProcess?.stop();
  await rm(dataDir, { recursive: true, force: true });
  try {
    capture.expectClean(secrets);
  } finally {
    capture.stop();
  }
  if (report) console.log(`crash: ${JSON.stringify(report)}`);
  await expectNothingLeftOpen(baseline);
});

async function start(): Promise<{ vault: VaultProcess; client: Skyflow }> {
  const vault = await startVaultProcess(dataDir);
  secrets.apiKey = vault.apiKey;
  secrets.privateKey = vault.credentials.privateKey;
  const client = new Skyflow({
    vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert }],
    skyflowCredentials: { credentialsString: JSON.stringify(vault.credentials) },
    logLevel: clients.length === 0 ? LogLevel.DEBUG : LogLevel.INFO,
    logger: capture.logger,
    retry: SHORT_RETRY,
  });
  clients.push(client);
  return { vault, client };
}

/** Every row of this run, by marker: paged, since a query answers a bounded number of rows. */
async function rowsByMarker(client: Skyflow): Promise<Map<string, string[]>> {
  const rows = new Map<string, string[]>();
  for (let offset = 0; ; offset += PAGE) {
    const { fields } = await client.vault().query({
      query: `SELECT skyflow_id, cardholder_name FROM cards WHERE cardholder_name LIKE '${PREFIX}%' ORDER BY skyflow_id LIMIT ${PAGE} OFFSET ${offset}`,
    });
    for (const row of fields) {
      const marker = String(row['cardholder_name']);
      rows.set(marker, [...(rows.get(marker) ?? []), String(row['skyflowId'] ?? row['skyflow_id'])]);
    }
    if (fields.length < PAGE) return rows;
  }
}

it(
  `keeps every acknowledged insert across ${CYCLES} SIGKILL/restart cycle(s) of ${INSERTS_PER_CYCLE} inserts, ${CONCURRENCY} callers`,
  async () => {
    const acknowledged = new Map<string, string>(); // marker → id the caller got
    const unacknowledged = new Set<string>(); // markers whose call failed
    const notFaults: string[] = [];
    const cycles: Array<Record<string, number>> = [];
    const started = performance.now();
    let sequence = 0;

    ({ vault: vaultProcess } = await start());
    let client = clients.at(-1)!;
    const vaultId = vaultProcess.vaultId;

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const cycleStarted = performance.now();
      // Kill after 30–70 % of the cycle's inserts have been acknowledged.
      const killAt = Math.round(INSERTS_PER_CYCLE * (0.3 + 0.4 * Math.random()));
      const victim = vaultProcess!;
      let issued = 0;
      let acked = 0;
      let ackedBeforeKill = 0;
      let failed = 0;
      let killed = false;
      let dead = false;
      let killing: Promise<void> | undefined;

      // The callers keep inserting until the process is gone, so that the kill
      // lands on requests in flight (answers lost) and on new connections
      // (refused), not only between requests.
      await runWorkers(CONCURRENCY, async () => {
        while (!dead && issued < INSERTS_PER_CYCLE) {
          issued++;
          const marker = `${PREFIX}${cycle}-${sequence++}-${randomInt(1e9)}`;
          capture.remember(marker);
          try {
            const { insertedFields } = await client.vault().insert({
              table: 'cards',
              values: [{ cardholder_name: marker, expiry_date: '12/30', cvv: '123' }],
            });
            acknowledged.set(marker, insertedFields[0]!.skyflowId);
            acked++;
            if (!killed) ackedBeforeKill++;
            if (acked === killAt) {
              killed = true;
              killing = victim.kill().then(() => {
                dead = true;
              });
            }
          } catch (error) {
            capture.error(error);
            unacknowledged.add(marker);
            failed++;
            const code = failureCode(error);
            if (!isFaultCode(code)) notFaults.push(`cycle ${cycle}: an insert failed with ${code}`);
          }
        }
      });
      await killing;
      expect((await victim.exited).signal).toBe('SIGKILL');

      // Start again on the same folder; a new port, so a new client.
      const restartStarted = performance.now();
      ({ vault: vaultProcess, client } = await start());
      const restartMs = elapsedMs(restartStarted);
      expect(vaultProcess.vaultId).toBe(vaultId);

      const rows = await rowsByMarker(client);
      const lost: string[] = [];
      const duplicated: string[] = [];
      const wrongId: string[] = [];
      let unackedPresent = 0;
      let index = 0;
      for (const [marker, id] of acknowledged) {
        index++;
        const ids = rows.get(marker) ?? [];
        if (ids.length === 0) lost.push(`acknowledged insert #${index} (${id})`);
        else if (ids.length > 1) duplicated.push(`acknowledged insert #${index} (${id}): ${ids.length} rows`);
        else if (ids[0] !== id) wrongId.push(`acknowledged insert #${index}: stored under another id`);
      }
      for (const marker of unacknowledged) {
        const count = rows.get(marker)?.length ?? 0;
        if (count > 0) unackedPresent++;
        if (count > 1) duplicated.push(`an unacknowledged insert: ${count} rows`);
      }
      const strangers = [...rows.keys()].filter((marker) => !acknowledged.has(marker) && !unacknowledged.has(marker)).length;

      cycles.push({
        cycle,
        issued,
        acknowledged: acked,
        acknowledgedBeforeKill: ackedBeforeKill,
        failed,
        unacknowledgedPresentAfterRestart: unackedPresent,
        rowsLost: lost.length,
        rowsDuplicated: duplicated.length,
        restartMs,
        cycleMs: elapsedMs(cycleStarted),
      });
      expect(lost, `cycle ${cycle}: acknowledged inserts missing after the restart`).toEqual([]);
      expect(duplicated, `cycle ${cycle}: inserts applied more than once`).toEqual([]);
      expect(wrongId).toEqual([]);
      expect(strangers, `cycle ${cycle}: rows no insert accounts for`).toBe(0);
      expect(notFaults).toEqual([]);
      expect(ackedBeforeKill).toBeGreaterThanOrEqual(killAt);
    }

    const total = (name: string) => cycles.reduce((sum, entry) => sum + entry[name]!, 0);
    report = {
      cycles: CYCLES,
      concurrency: CONCURRENCY,
      insertsIssued: total('issued'),
      acknowledged: acknowledged.size,
      acknowledgedBeforeKill: total('acknowledgedBeforeKill'),
      acknowledgedPresentAfterRestart: acknowledged.size - cycles.at(-1)!['rowsLost']!,
      unacknowledged: unacknowledged.size,
      unacknowledgedPresentAfterRestart: cycles.at(-1)!['unacknowledgedPresentAfterRestart'],
      rowsLost: cycles.at(-1)!['rowsLost'],
      rowsDuplicated: cycles.at(-1)!['rowsDuplicated'],
      durationMs: elapsedMs(started),
      perCycle: cycles,
      // Lines, warnings and errors captured so far; afterAll scans them all for secrets and values.
      textsCaptured: capture.texts.length,
    };
    if (SOAK) await recordSoakResult('crash', report);
  },
  SOAK ? 900_000 : 60_000,
);
