// Nothing lost, nothing doubled: a mixed load (inserts, gets, updates,
// detokenizes, deletes) at concurrency 32 with ~5 % injected faults — errors
// and resets before the vault writes, errors and lost answers after it has
// committed, latencies — through the v2 core and, for a share of the callers,
// the v1 facade. Then, with the faults cleared, the vault is read directly and
// compared with what the callers were told.
//
// The guarantees checked:
// - every insert reported as succeeded is in the vault, once, with the id the
//   caller got (nothing lost);
// - no insert is ever applied twice (nothing doubled), whatever it was told;
// - an insert reported as failed may or may not have been applied — a fault
//   after the commit loses the answer, and the SDK must not send a plain
//   insert again — so such rows are counted apart ("possibly applied"),
//   never asserted absent;
// - a delete reported as succeeded is gone; an update reported as succeeded
//   is what the vault holds (unless a later update changed it);
// - every failure is a fault's (no answer, 429, 5xx), never a 4xx a retry
//   could cause (a 409 for a unique value only this insert used, a 404 for a
//   record a repeated delete had already removed).
//
// SOAK=1: 20,000 operations instead of 1,000, figures in .soak-results.json.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocalVault, type FaultRule, type LocalVault } from '../../src/local-vault/index.js';
import { LogLevel, RedactionType, Skyflow, generateBearerToken } from '../../src/v2/index.js';
import { RedactionType as V1RedactionType, Skyflow as V1Skyflow } from '../../src/v1/index.js';
import { startCapture, type Capture } from '../helpers/capture.js';
import { uniqueCardNumber } from '../helpers/data.js';
import { expectNothingLeftOpen, openResources, type Resources } from '../helpers/resources.js';
import { restClient } from '../helpers/rest.js';
import { SHORT_RETRY, SOAK, elapsedMs, failureCode, isFaultCode, recordSoakResult, runId, runWorkers } from './support.js';

const OPERATIONS = SOAK ? 20_000 : 1_000;
const CONCURRENCY = 32;
/** Workers that call through the v1 facade (the rest use the v2 core): about a fifth of the load. */
const V1_WORKERS = 6;
const FAULT_RATE = 0.05;
/** Share of the operations logged at DEBUG (all of them would only slow the leak check down). */
const DEBUG_SHARE = 0.1;
const RUN = runId();
const PREFIX = `load-${RUN}-`;

/**
 * About FAULT_RATE of all requests get one of these (weights sum to ~1). A
 * 429 means "refused before processing" (RFC 6585), and the SDK retries even
 * a plain insert on it; a 429 sent after the vault committed would be a server
 * breaking that contract, so 'after' 429s only go to operations that are
 * harmless to repeat (reads, updates).
 */
function faultRules(rate: number): FaultRule[] {
  const share = (weight: number) => rate * weight;
  return [
    // before: nothing is written
    { phase: 'before', status: 500, rate: share(0.15) },
    { phase: 'before', status: 503, rate: share(0.15) },
    { phase: 'before', retryAfterSeconds: 0, rate: share(0.1) },
    { phase: 'before', retryAfterSeconds: 1, rate: share(0.04) },
    { phase: 'before', reset: true, rate: share(0.1) },
    { phase: 'before', latencyMs: 30, rate: share(0.06) },
    // after: written and committed, then the answer is replaced or cut
    { phase: 'after', status: 500, rate: share(0.12) },
    { phase: 'after', status: 503, rate: share(0.08) },
    { phase: 'after', reset: true, rate: share(0.1) },
    { phase: 'after', latencyMs: 30, rate: share(0.05) },
    ...(['getMany', 'update', 'detokenize'] as const).map(
      (operation): FaultRule => ({ operation, phase: 'after', status: 429, rate: share(0.05) }),
    ),
  ];
}

type Via = 'v2' | 'v1';
type Kind = 'insert' | 'get' | 'update' | 'detokenize' | 'delete';

interface InsertOutcome {
  via: Via;
  ok: boolean;
  id?: string;
  /** The unique card number it carried, if any (half of the inserts). */
  cardNumber?: string;
}

/** A record a worker inserted and owns: only that worker touches it, one call at a time. */
interface Owned {
  id: string;
  marker: string;
  nameToken: string;
  /** expiry_date as the last update reported as succeeded left it (or the insert). */
  expiry: string;
  /** Values of updates reported as failed since then: each may or may not have been applied. */
  maybeExpiry: Set<string>;
}

let capture: Capture;
let baseline: Resources;
let vault: LocalVault;
let v2: Skyflow;
let v1: V1Skyflow;
let report: Record<string, unknown> | undefined;

beforeAll(async () => {
  baseline = openResources();
  capture = startCapture();
  vault = await startLocalVault({ maxQueryRows: 1_000_000 });
  v2 = new Skyflow({
    vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert! }],
    skyflowCredentials: { credentialsString: JSON.stringify(vault.credentials) },
    logLevel: LogLevel.DEBUG,
    logger: capture.logger,
    retry: SHORT_RETRY,
  });
  // The legacy provider contract: a token per call. This one hands out one
  // service-account token for the whole run (a new one if getting it failed).
  let token: Promise<string> | undefined;
  const getBearerToken = () => {
    token ??= generateBearerToken(vault.credentials, { caCert: vault.caCert! }).then(
      ({ accessToken }) => accessToken,
      (error: unknown) => {
        token = undefined;
        throw error;
      },
    );
    return token;
  };
  v1 = V1Skyflow.init({
    vaultID: vault.vaultId,
    vaultURL: vault.url,
    getBearerToken,
    options: { caCert: vault.caCert!, deprecationWarnings: 'once' },
  });
});

afterAll(async () => {
  v2?.close();
  v1?.close();
  await vault?.close();
  try {
    capture.expectClean({ apiKey: vault.apiKey, privateKey: vault.credentials.privateKey });
  } finally {
    capture.stop();
  }
  if (report) console.log(`load: ${JSON.stringify(report)}`);
  await expectNothingLeftOpen(baseline);
});

it(
  `loses and doubles nothing: ${OPERATIONS} mixed operations, ${CONCURRENCY} callers, ${FAULT_RATE * 100} % faults`,
  async () => {
    const inserts = new Map<string, InsertOutcome>(); // by marker
    const deleted = new Set<string>(); // ids whose delete was reported as succeeded
    const maybeDeleted = new Set<string>(); // ids whose delete was reported as failed
    const owned: Owned[][] = Array.from({ length: CONCURRENCY }, () => []);
    const counts: Record<Kind, { ok: number; failed: number }> = {
      insert: { ok: 0, failed: 0 },
      get: { ok: 0, failed: 0 },
      update: { ok: 0, failed: 0 },
      detokenize: { ok: 0, failed: 0 },
      delete: { ok: 0, failed: 0 },
    };
    const notFaults: string[] = []; // failures no fault explains
    const wrongAnswers: string[] = []; // reads that returned something else than the vault holds
    let issued = 0;
    let sequence = 0;
    const fresh = (kind: string) => {
      const value = `${kind === 'marker' ? PREFIX : `${kind}-${RUN}-`}${sequence++}-${randomInt(1e9)}`;
      capture.remember(value);
      return value;
    };

    async function insert(via: Via, mine: Owned[]): Promise<void> {
      const marker = fresh('marker');
      const fields: Record<string, string> = { cardholder_name: marker, expiry_date: '12/30', cvv: '123' };
      const outcome: InsertOutcome = { via, ok: false };
      // Half of the inserts also carry a unique card number: sent twice, the
      // second copy would fail with 409 (the other half would make a second row).
      if (sequence % 2 === 0) {
        fields['card_number'] = outcome.cardNumber = uniqueCardNumber();
        capture.remember(fields['card_number']);
      }
      inserts.set(marker, outcome);
      let id: string;
      let nameToken: string;
      if (via === 'v2') {
        const { insertedFields } = await v2.vault().insert({ table: 'cards', values: [fields], returnTokens: true });
        id = insertedFields[0]!.skyflowId;
        nameToken = String(insertedFields[0]!['cardholder_name']);
      } else {
        const result = await v1.insert({ records: [{ table: 'cards', fields }] }, { tokens: true });
        const written = (result.records![0] as { fields: Record<string, string> }).fields;
        id = written['skyflow_id']!;
        nameToken = written['cardholder_name']!;
      }
      outcome.ok = true;
      outcome.id = id;
      mine.push({ id, marker, nameToken, expiry: '12/30', maybeExpiry: new Set() });
    }

    async function get(via: Via, record: Owned): Promise<void> {
      let fields: Record<string, unknown> | undefined;
      if (via === 'v2') {
        const { data } = await v2.vault().get({ table: 'cards', ids: [record.id], redactionType: RedactionType.PLAIN_TEXT });
        fields = data[0];
      } else {
        const { records } = await v1.getById({
          records: [{ ids: [record.id], table: 'cards', redaction: V1RedactionType.PLAIN_TEXT }],
        });
        fields = records[0]?.fields;
      }
      const expiry = fields?.['expiry_date'] as string;
      if (fields?.['cardholder_name'] !== record.marker) wrongAnswers.push(`${via} get of ${record.id}: another name`);
      else if (expiry !== record.expiry && !record.maybeExpiry.has(expiry)) wrongAnswers.push(`${via} get of ${record.id}: another expiry_date`);
    }

    async function update(via: Via, record: Owned): Promise<void> {
      const expiry = fresh('upd');
      try {
        if (via === 'v2') await v2.vault().update({ table: 'cards', data: { skyflowId: record.id, expiry_date: expiry } });
        else await v1.update({ records: [{ id: record.id, table: 'cards', fields: { expiry_date: expiry } }] });
      } catch (error) {
        record.maybeExpiry.add(expiry);
        throw error;
      }
      record.expiry = expiry;
      record.maybeExpiry.clear();
    }

    async function detokenize(via: Via, record: Owned): Promise<void> {
      let value: unknown;
      if (via === 'v2') {
        const { detokenizedFields } = await v2.vault().detokenize({
          tokens: [{ token: record.nameToken, redactionType: RedactionType.PLAIN_TEXT }],
        });
        value = detokenizedFields[0]?.value;
      } else {
        const { records } = await v1.detokenize({ records: [{ token: record.nameToken, redaction: V1RedactionType.PLAIN_TEXT }] });
        value = records[0]?.value;
      }
      if (value !== record.marker) wrongAnswers.push(`${via} detokenize of ${record.id}`);
    }

    async function remove(via: Via, record: Owned, mine: Owned[]): Promise<void> {
      // Whatever the answer, the worker lets go of the record: after a failed
      // delete it may be gone or not.
      mine.splice(mine.indexOf(record), 1);
      try {
        if (via === 'v2') await v2.vault().delete({ table: 'cards', ids: [record.id] });
        else await v1.delete({ records: [{ id: record.id, table: 'cards' }] });
      } catch (error) {
        maybeDeleted.add(record.id);
        throw error;
      }
      deleted.add(record.id);
    }

    vault.setFaults(faultRules(FAULT_RATE));
    const started = performance.now();
    await runWorkers(CONCURRENCY, async (worker) => {
      const via: Via = worker < CONCURRENCY - V1_WORKERS ? 'v2' : 'v1';
      const mine = owned[worker]!;
      while (issued < OPERATIONS) {
        issued++;
        if (issued === Math.round(OPERATIONS * DEBUG_SHARE)) v2.setLogLevel(LogLevel.WARN);
        const draw = mine.length < 2 ? 0 : Math.random();
        const kind: Kind = draw < 0.35 ? 'insert' : draw < 0.55 ? 'get' : draw < 0.7 ? 'update' : draw < 0.85 ? 'detokenize' : 'delete';
        const record = mine[randomInt(Math.max(1, mine.length))]!;
        try {
          if (kind === 'insert') await insert(via, mine);
          else if (kind === 'get') await get(via, record);
          else if (kind === 'update') await update(via, record);
          else if (kind === 'detokenize') await detokenize(via, record);
          else await remove(via, record, mine);
          counts[kind].ok++;
        } catch (error) {
          capture.error(error);
          counts[kind].failed++;
          const code = failureCode(error);
          if (!isFaultCode(code)) notFaults.push(`${via} ${kind} failed with ${code}`);
        }
      }
    });
    const durationMs = elapsedMs(started);
    const faultsInjected = vault.stats().faultsInjected;
    vault.setFaults([]);

    // The vault as it is, read over plain HTTPS with the API key (not through
    // the SDK under test): every row this run wrote, by marker.
    const rest = restClient({ url: vault.url, vaultId: vault.vaultId, apiKey: vault.apiKey, caCert: vault.caCert! });
    const answer = await rest.post('/query', {
      query: `SELECT skyflow_id, cardholder_name, expiry_date, card_number FROM cards WHERE cardholder_name LIKE '${PREFIX}%'`,
    });
    rest.close();
    expect(answer.status).toBe(200);
    const rows = (answer.body.records as Array<{ fields: Record<string, string | null> }>).map(({ fields }) => fields);
    const rowsByMarker = new Map<string, Array<Record<string, string | null>>>();
    for (const row of rows) {
      const marker = row['cardholder_name']!;
      rowsByMarker.set(marker, [...(rowsByMarker.get(marker) ?? []), row]);
    }

    const lost: string[] = [];
    const duplicated: string[] = [];
    const mismatched: string[] = [];
    const deletedButPresent: string[] = [];
    let possiblyApplied = 0;
    let failedNotApplied = 0;
    let stillPresent = 0;
    let maybeDeletedGone = 0;
    const finalState = new Map(owned.flat().map((record) => [record.id, record]));
    let index = 0;
    for (const [marker, outcome] of inserts) {
      index++;
      const found = rowsByMarker.get(marker) ?? [];
      rowsByMarker.delete(marker);
      const what = `insert #${index} (${outcome.via}, ${outcome.ok ? `reported ${outcome.id}` : 'reported failed'})`;
      if (found.length > 1) duplicated.push(`${what}: ${found.length} rows`);
      if (!outcome.ok) {
        if (found.length > 0) possiblyApplied++;
        else failedNotApplied++;
        continue;
      }
      const id = outcome.id!;
      if (deleted.has(id)) {
        if (found.length > 0) deletedButPresent.push(what);
        continue;
      }
      if (maybeDeleted.has(id)) {
        if (found.length === 0) maybeDeletedGone++;
        continue;
      }
      if (found.length === 0) {
        lost.push(what);
        continue;
      }
      stillPresent++;
      const row = found[0]!;
      const record = finalState.get(id);
      if (row['skyflow_id'] !== id) mismatched.push(`${what}: stored under another id`);
      if ((row['card_number'] ?? undefined) !== outcome.cardNumber) mismatched.push(`${what}: another card number`);
      if (record && row['expiry_date'] !== record.expiry && !record.maybeExpiry.has(row['expiry_date']!)) {
        mismatched.push(`${what}: an update reported as succeeded is not what the vault holds`);
      }
    }
    const strangers = [...rowsByMarker.values()].flat().length;

    const insertsOk = [...inserts.values()].filter((outcome) => outcome.ok).length;
    report = {
      operations: issued,
      concurrency: CONCURRENCY,
      v1Share: `${V1_WORKERS}/${CONCURRENCY} callers`,
      faultRate: FAULT_RATE,
      faultsInjected,
      durationMs,
      counts,
      insertsSucceeded: insertsOk,
      insertsFailed: inserts.size - insertsOk,
      insertsFailedButApplied: possiblyApplied,
      insertsFailedNotApplied: failedNotApplied,
      deletesConfirmedGone: deleted.size,
      deletesFailed: maybeDeleted.size,
      deletesFailedButApplied: maybeDeletedGone,
      rowsChecked: stillPresent,
      rowsLost: lost.length,
      rowsDuplicated: duplicated.length,
      // Lines, warnings and errors captured so far; afterAll scans them all for secrets and values.
      textsCaptured: capture.texts.length,
    };
    if (SOAK) await recordSoakResult('load', report);

    expect(issued).toBe(OPERATIONS);
    expect(faultsInjected).toBeGreaterThan(0);
    expect(counts.insert.ok).toBeGreaterThan(OPERATIONS / 5);
    expect(lost, 'inserts reported as succeeded that are not in the vault').toEqual([]);
    expect(duplicated, 'inserts applied more than once').toEqual([]);
    expect(deletedButPresent, 'deletes reported as succeeded whose record is still there').toEqual([]);
    expect(mismatched).toEqual([]);
    expect(strangers, 'rows no insert of this run accounts for').toBe(0);
    expect(wrongAnswers).toEqual([]);
    expect(notFaults, 'failures that no injected fault explains').toEqual([]);
  },
  SOAK ? 900_000 : 60_000,
);
