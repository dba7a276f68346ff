// Reliability under injected faults, for both APIs: every fault kind the
// local vault can inject (429 with Retry-After, 500, 503, an answer slower
// than the client's timeout, a connection reset, a failing or slow token
// endpoint), against every class of operation the retry policy tells apart
// (reads, idempotent writes, plain inserts, deletes). Each test checks:
//   - the retry policy of DESIGN.md / README "Retries and timeouts": how many
//     attempts reached the vault, the delays (recorded in v2; real time in the
//     v1 facade, which takes no retry options), and — with faults 'after' the
//     vault applied a write — that the write exists exactly once;
//   - the error the caller gets when retries run out, in its API's form and
//     with the request id of the last answer (none where no answer came);
//   - that it settles quickly (small timeouts), with no unhandled rejection.
// The whole file runs under a capture of everything the SDK prints or throws
// (no secret, no stored value) and ends with nothing left open.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../src/local-vault/http/faults.js';
import type { Operation } from '../../src/local-vault/http/operations.js';
import {
  LogLevel,
  Skyflow,
  SkyflowConnectionError,
  SkyflowTimeoutError,
  isSkyflowError,
  type SkyflowError,
} from '../../src/v2/index.js';
import { RedactionType, SkyflowError as LegacyError, setDeprecationPolicy, type Skyflow as LegacySkyflow } from '../../src/v1/index.js';
import { startCapture, type Capture } from '../helpers/capture.js';
import { card } from '../helpers/data.js';
import { expectNothingLeftOpen, openResources, type Resources } from '../helpers/resources.js';
import {
  Clients,
  UUID,
  attemptsSince,
  closedPort,
  expectAnsweredWith,
  legacyErrorBody,
  requestIdOf,
  settle,
  startFaultVault,
  type FaultVault,
  type LegacyMethod,
  type Settled,
} from './fault-harness.js';

/**
 * Time the clients allow one attempt in the slow cases, and how slow the vault
 * is then. Not much shorter: on a busy machine the vault must have read each
 * attempt before the client gives up on it, or the attempt is not counted.
 */
const TIMEOUT_MS = 600;
const SLOW_MS = 2_000;
/** The default `retry.limit`: a retried request is sent 1 + 2 times. */
const LIMIT = 2;
/** The least time the default backoff waits over two retries: 500 + 1000 ms, minus 25 % jitter. */
const MIN_REAL_BACKOFF_MS = (500 + 1000) * 0.75;
/** Under this, no backoff was waited (a Retry-After of 0 was honoured instead). */
const NO_BACKOFF_MS = 1_000;
const UUID_ONLY = new RegExp(`^${UUID}$`);

type Api = 'v2' | 'v1';
type OperationClass = 'read' | 'idempotent write' | 'plain insert' | 'delete';
const APIS: Api[] = ['v2', 'v1'];
const CLASSES: OperationClass[] = ['read', 'idempotent write', 'plain insert', 'delete'];
const CLASS_LABEL: Record<Api, Record<OperationClass, string>> = {
  v2: {
    read: 'reads (get, detokenize, query, tokenize)',
    'idempotent write': 'idempotent writes (update, upsert insert)',
    'plain insert': 'a plain insert',
    delete: 'a delete',
  },
  v1: {
    read: 'reads (get, detokenize)',
    'idempotent write': 'idempotent writes (update, insert with upsert)',
    'plain insert': 'a plain insert',
    delete: 'a delete',
  },
};

/** How a failed call ended on the wire: an answer with a status, or no answer. */
type Ending = { answer: number } | { noAnswer: 'timeout' | 'reset' };

interface VaultFault {
  name: string;
  phase: 'before' | 'after';
  /** The rule for one operation. The v1 facade's backoff cannot be recorded, so its 5xx carry `Retry-After: 0`. */
  rule: (api: Api) => Omit<FaultRule, 'operation' | 'phase'>;
  retried: (operationClass: OperationClass) => boolean;
  /** Delays a v2 client records per retried request (no jitter). */
  v2Delays: number[];
  ending: Ending;
  timeoutMs?: number;
}

const onlyIdempotent = (operationClass: OperationClass) => operationClass === 'read' || operationClass === 'idempotent write';
const serverError = (status: number) => (api: Api) => (api === 'v1' ? { status, retryAfterSeconds: 0 } : { status });

const VAULT_FAULTS: VaultFault[] = [
  {
    name: '429 with Retry-After (refused before processing)',
    phase: 'before',
    rule: (api) => ({ retryAfterSeconds: api === 'v2' ? 2 : 0 }),
    retried: () => true,
    v2Delays: [2000, 2000],
    ending: { answer: 429 },
  },
  {
    name: '500 after the vault applied the request',
    phase: 'after',
    rule: serverError(500),
    retried: onlyIdempotent,
    v2Delays: [500, 1000],
    ending: { answer: 500 },
  },
  {
    name: '503 before processing',
    phase: 'before',
    rule: serverError(503),
    retried: onlyIdempotent,
    v2Delays: [500, 1000],
    ending: { answer: 503 },
  },
  {
    name: 'an answer slower than the client timeout, after the vault applied the request',
    phase: 'after',
    rule: () => ({ latencyMs: SLOW_MS }),
    retried: onlyIdempotent,
    v2Delays: [500, 1000],
    ending: { noAnswer: 'timeout' },
    timeoutMs: TIMEOUT_MS,
  },
  {
    name: 'a connection reset after the vault applied the request',
    phase: 'after',
    rule: () => ({ reset: true }),
    retried: onlyIdempotent,
    v2Delays: [500, 1000],
    ending: { noAnswer: 'reset' },
  },
];

interface TokenFault {
  name: string;
  rule: (api: Api) => Omit<FaultRule, 'operation' | 'phase'>;
  ending: Ending;
  timeoutMs?: number;
}

const TOKEN_FAULTS: TokenFault[] = [
  { name: 'a token endpoint answering 500', rule: serverError(500), ending: { answer: 500 } },
  { name: 'a token endpoint answering 503', rule: serverError(503), ending: { answer: 503 } },
  { name: 'a token endpoint slower than the client timeout', rule: () => ({ latencyMs: SLOW_MS }), ending: { noAnswer: 'timeout' }, timeoutMs: TIMEOUT_MS },
];

let capture: Capture;
let harness: FaultVault;
let clients: Clients;
let checker: Skyflow;
let baseline: Resources;
let seed: { id: string; token: string; name: string };
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);

beforeAll(async () => {
  baseline = openResources();
  capture = startCapture();
  process.on('unhandledRejection', onUnhandled);
  // The v1 token helper warns at every call; the capture still sees any warning.
  setDeprecationPolicy('silent');
  harness = await startFaultVault();
  clients = new Clients(harness.vault, capture);
  // Sets up and checks the vault's data; never under a fault (faults are cleared first).
  checker = new Skyflow({
    vaultConfigs: [{ vaultId: harness.vault.vaultId, baseUrl: harness.vault.url, caCert: harness.vault.caCert!, credentials: { apiKey: harness.vault.apiKey } }],
    logLevel: LogLevel.DEBUG,
    logger: capture.logger,
  });
  const stored = await storeCard();
  seed = { id: stored.id, token: stored.nameToken, name: stored.values.cardholder_name };
});

afterAll(async () => {
  const { vault } = harness;
  try {
    vault.setFaults([]);
    clients.closeAll();
    checker.close();
    // Every client is closed: only the vault's listening socket may be left.
    await expectNothingLeftOpen({ ...baseline, TCPServerWrap: (baseline['TCPServerWrap'] ?? 0) + 1 });
    await harness.close();
    await expectNothingLeftOpen(baseline);
    expect(unhandled).toEqual([]);
    capture.expectClean({ apiKey: vault.apiKey, privateKey: vault.credentials.privateKey });
  } finally {
    process.off('unhandledRejection', onUnhandled);
    setDeprecationPolicy('every-call');
    capture.stop();
    await harness.close();
  }
});

// ---------------------------------------------------------------------------
// Data: every value stored is remembered by the capture (it must never leak).

function newCard() {
  const values = card({ cardholder_name: `Name ${randomUUID()}` });
  for (const value of Object.values(values)) capture.remember(value);
  return values;
}

async function storeCard() {
  const values = newCard();
  const { insertedFields } = await checker.vault().insert({ table: 'cards', values: [values], returnTokens: true });
  const { skyflowId, cardholder_name: nameToken } = insertedFields[0]!;
  return { id: skyflowId, nameToken: nameToken as string, values };
}

async function count(where: string): Promise<number> {
  harness.vault.setFaults([]);
  const { fields } = await checker.vault().query({ query: `SELECT COUNT(*) AS n FROM cards WHERE ${where}` });
  return fields[0]!['n'] as number;
}

// ---------------------------------------------------------------------------
// The calls of each operation class, for each API, and the write they make.

interface Call {
  label: string;
  /** The vault endpoint it reaches. */
  operation: Operation;
  /** v1: the legacy method, whose error form it has, and the record it names. */
  legacy?: { method: LegacyMethod; record: { id?: string; token?: string } };
  run(): Promise<unknown>;
}

interface Scenario {
  calls: Call[];
  /** Asserts what the vault holds afterwards: the writes applied (exactly once) or not at all. */
  expectApplied(applied: boolean): Promise<void>;
}

async function scenario(client: Skyflow | LegacySkyflow, operationClass: OperationClass): Promise<Scenario> {
  const v2 = client instanceof Skyflow ? client.vault() : undefined;
  const v1 = client instanceof Skyflow ? undefined : client;
  switch (operationClass) {
    case 'read': {
      const calls: Call[] = v2
        ? [
            { label: 'get', operation: 'getMany', run: () => v2.get({ table: 'cards', ids: [seed.id] }) },
            { label: 'detokenize', operation: 'detokenize', run: () => v2.detokenize({ tokens: [{ token: seed.token }] }) },
            { label: 'query', operation: 'query', run: () => v2.query({ query: `SELECT skyflow_id FROM cards WHERE skyflow_id = '${seed.id}'` }) },
            { label: 'tokenize', operation: 'tokenize', run: () => v2.tokenize({ values: [{ value: seed.name, columnGroup: 'name' }] }) },
          ]
        : [
            {
              label: 'get',
              operation: 'getMany',
              legacy: { method: 'get', record: { id: seed.id } },
              run: () => v1!.get({ records: [{ table: 'cards', ids: [seed.id], redaction: RedactionType.PLAIN_TEXT }] }),
            },
            {
              label: 'detokenize',
              operation: 'detokenize',
              legacy: { method: 'detokenize', record: { token: seed.token } },
              run: () => v1!.detokenize({ records: [{ token: seed.token }] }),
            },
          ];
      return { calls, expectApplied: async () => {} };
    }
    case 'idempotent write': {
      const target = await storeCard();
      const newName = `Renamed ${randomUUID()}`;
      capture.remember(newName);
      const upserted = newCard();
      const calls: Call[] = v2
        ? [
            { label: 'update', operation: 'update', run: () => v2.update({ table: 'cards', data: { skyflowId: target.id, cardholder_name: newName } }) },
            { label: 'upsert', operation: 'insert', run: () => v2.insert({ table: 'cards', values: [upserted], upsert: 'card_number' }) },
          ]
        : [
            {
              label: 'update',
              operation: 'update',
              legacy: { method: 'update', record: { id: target.id } },
              run: () => v1!.update({ records: [{ id: target.id, table: 'cards', fields: { cardholder_name: newName } }] }),
            },
            {
              label: 'upsert',
              operation: 'batch',
              legacy: { method: 'insert', record: {} },
              run: () => v1!.insert({ records: [{ table: 'cards', fields: upserted }] }, { upsert: [{ table: 'cards', column: 'card_number' }] }),
            },
          ];
      return {
        calls,
        expectApplied: async (applied) => {
          expect(await count(`card_number = '${upserted.card_number}'`)).toBe(applied ? 1 : 0);
          expect(await count(`skyflow_id = '${target.id}' AND cardholder_name = '${newName}'`)).toBe(applied ? 1 : 0);
          expect(await count(`skyflow_id = '${target.id}'`)).toBe(1);
        },
      };
    }
    case 'plain insert': {
      const values = newCard();
      const call: Call = v2
        ? { label: 'insert', operation: 'insert', run: () => v2.insert({ table: 'cards', values: [values] }) }
        : { label: 'insert', operation: 'batch', legacy: { method: 'insert', record: {} }, run: () => v1!.insert({ records: [{ table: 'cards', fields: values }] }) };
      return { calls: [call], expectApplied: async (applied) => expect(await count(`card_number = '${values.card_number}'`)).toBe(applied ? 1 : 0) };
    }
    case 'delete': {
      const { id } = await storeCard();
      const call: Call = v2
        ? { label: 'delete', operation: 'deleteMany', run: () => v2.delete({ table: 'cards', ids: [id] }) }
        : { label: 'delete', operation: 'deleteMany', legacy: { method: 'delete', record: { id } }, run: () => v1!.delete({ records: [{ id, table: 'cards' }] }) };
      return { calls: [call], expectApplied: async (applied) => expect(await count(`skyflow_id = '${id}'`)).toBe(applied ? 0 : 1) };
    }
  }
}

function clientFor(api: Api, timeoutMs: number | undefined): Skyflow | LegacySkyflow {
  const options = timeoutMs === undefined ? {} : { timeoutMs };
  return api === 'v2' ? clients.v2(options) : clients.v1(options);
}

/** Runs the calls at once under `rules`; the faults are cleared as soon as they settle. */
async function underFaults(calls: Call[], rules: FaultRule[]) {
  const { vault } = harness;
  clients.delays.length = 0;
  const before = vault.stats().requests;
  vault.setFaults(rules);
  const outcomes = await Promise.all(calls.map((call) => settle(call.run(), capture)));
  vault.setFaults([]);
  return { outcomes, attempts: attemptsSince(vault, before), delays: [...clients.delays].sort((a, b) => a - b) };
}

// ---------------------------------------------------------------------------
// The error forms.

/** v2: a SkyflowError with the status and the request id of the last answer, or the no-answer subclass without one. */
async function expectV2Error(error: unknown, ending: Ending, timeoutMs = TIMEOUT_MS): Promise<void> {
  expect(isSkyflowError(error), `not a SkyflowError: ${String(error)}`).toBe(true);
  const skyflowError = error as SkyflowError;
  if ('answer' in ending) {
    expect(skyflowError).not.toBeInstanceOf(SkyflowConnectionError);
    expect(skyflowError).toMatchObject({ httpCode: ending.answer, requestId: expect.stringMatching(UUID_ONLY) });
    await expectAnsweredWith(harness.log, skyflowError.requestId!, ending.answer);
  } else if (ending.noAnswer === 'timeout') {
    expect(skyflowError).toBeInstanceOf(SkyflowTimeoutError);
    expect(skyflowError).toMatchObject({ httpCode: 0, requestId: null, message: `The vault did not answer within ${timeoutMs} ms.` });
  } else {
    expect(skyflowError).toBeInstanceOf(SkyflowConnectionError);
    expect(skyflowError).not.toBeInstanceOf(SkyflowTimeoutError);
    expect(skyflowError).toMatchObject({
      httpCode: 0,
      requestId: null,
      message: expect.stringMatching(/^Network error: the request to the vault failed \((ECONNRESET|EPIPE)\)\.$/),
    });
  }
}

/** v1: the legacy form of the method, `{code, description}` with ` - requestId: <id>` when an answer came. */
async function expectV1Error(call: Call, error: unknown, ending: Ending): Promise<void> {
  const body = legacyErrorBody(call.legacy!.method, error, call.legacy!.record);
  if ('answer' in ending) {
    expect(body.code).toBe(ending.answer);
    const requestId = requestIdOf(body.description);
    expect(requestId, `no request id in "${body.description}"`).toBeDefined();
    await expectAnsweredWith(harness.log, requestId!, ending.answer);
  } else if (ending.noAnswer === 'timeout') {
    expect(body).toEqual({ code: 500, description: `The vault did not answer within ${TIMEOUT_MS} ms.` });
  } else {
    expect(body).toEqual({
      code: 500,
      description: expect.stringMatching(/^Network error: the request to the vault failed \((ECONNRESET|EPIPE)\)\.$/),
    });
  }
}

function expectRejected(outcome: Settled, call: Call): unknown {
  expect(outcome, `${call.label} resolved`).toHaveProperty('error');
  return outcome.error;
}

// ---------------------------------------------------------------------------
// The matrix: vault faults × API × operation class.

describe.each(VAULT_FAULTS)('$name', (fault) => {
  describe.each(APIS)('%s', (api) => {
    const rows = CLASSES.map((operationClass) => {
      const retried = fault.retried(operationClass);
      const write = operationClass !== 'read';
      const applied = fault.phase === 'after';
      const effect = write ? (applied ? ', its write exists exactly once' : ', nothing is written') : '';
      const error = 'answer' in fault.ending ? 'an error with the request id' : 'an error without a request id (no answer came)';
      return {
        operationClass,
        title: `${CLASS_LABEL[api][operationClass]}: ${retried ? `retried ${LIMIT} times` : 'sent once, not retried'}${effect}; ${error}`,
      };
    });

    it.each(rows)('$title', async ({ operationClass }) => {
      const retried = fault.retried(operationClass);
      const client = clientFor(api, fault.timeoutMs);
      const { calls, expectApplied } = await scenario(client, operationClass);
      const rules = calls.map((call): FaultRule => ({ operation: call.operation, phase: fault.phase, ...fault.rule(api) }));

      const { outcomes, attempts, delays } = await underFaults(calls, rules);

      // Attempts that reached the vault: the token exchange (v2: one for the
      // client; v1: the provider runs at each legacy call), then each request
      // once, or 1 + LIMIT times when the policy retries it.
      const expected: Partial<Record<Operation, number>> = { token: api === 'v2' ? 1 : calls.length };
      for (const call of calls) expected[call.operation] = retried ? LIMIT + 1 : 1;
      expect(attempts).toEqual(expected);

      if (api === 'v2') {
        // The backoff, or the vault's Retry-After, for each retried request.
        expect(delays).toEqual(calls.flatMap(() => (retried ? fault.v2Delays : [])).sort((a, b) => a - b));
      } else if (retried) {
        for (const outcome of outcomes) {
          // Real time: Retry-After 0 is honoured (no backoff), the backoff is waited otherwise.
          if ('answer' in fault.ending) expect(outcome.ms).toBeLessThan(NO_BACKOFF_MS);
          else expect(outcome.ms).toBeGreaterThanOrEqual(MIN_REAL_BACKOFF_MS - 20);
        }
      }

      for (const [index, call] of calls.entries()) {
        const error = expectRejected(outcomes[index]!, call);
        if (api === 'v2') await expectV2Error(error, fault.ending);
        else await expectV1Error(call, error, fault.ending);
      }

      await expectApplied(fault.phase === 'after');
    });
  });
});

// ---------------------------------------------------------------------------
// The token endpoint: nothing reaches the vault, every operation fails with the token's error.

describe.each(TOKEN_FAULTS)('$name', (fault) => {
  it.each(APIS)('%s: the exchange is retried, every operation class fails with its error, nothing reaches the vault', async (api) => {
    const client = clientFor(api, fault.timeoutMs);
    const scenarios = [];
    for (const operationClass of CLASSES) scenarios.push(await scenario(client, operationClass));
    const calls = scenarios.flatMap((s) => s.calls);

    const { outcomes, attempts, delays } = await underFaults(calls, [{ operation: 'token', ...fault.rule(api) }]);

    // v2: concurrent calls share one exchange; v1: the provider runs once per legacy call.
    expect(attempts).toEqual({ token: (LIMIT + 1) * (api === 'v2' ? 1 : calls.length) });
    if (api === 'v2') {
      expect(delays).toEqual([500, 1000]);
    } else {
      for (const outcome of outcomes) {
        if ('answer' in fault.ending) expect(outcome.ms).toBeLessThan(NO_BACKOFF_MS);
        else expect(outcome.ms).toBeGreaterThanOrEqual(MIN_REAL_BACKOFF_MS - 20);
      }
    }

    for (const [index, call] of calls.entries()) {
      const error = expectRejected(outcomes[index]!, call);
      if (api === 'v2') {
        await expectV2Error(error, fault.ending);
        continue;
      }
      // v1: the legacy call rejects with what the provider threw —
      // generateBearerTokenFromCreds' error, in 1.14.3's forms: the token
      // endpoint's answer singular, a failure without an answer plural.
      expect(error).toBeInstanceOf(LegacyError);
      if ('answer' in fault.ending) {
        const { error: body } = error as LegacyError;
        expect(body?.code).toBe(fault.ending.answer);
        const requestId = requestIdOf(body!.description);
        expect(requestId, `no request id in "${body!.description}"`).toBeDefined();
        await expectAnsweredWith(harness.log, requestId!, fault.ending.answer);
      } else {
        expect({ ...(error as object) }).toEqual({ errors: [{ code: '500', description: `The vault did not answer within ${TIMEOUT_MS} ms.` }] });
      }
    }

    for (const { expectApplied } of scenarios) await expectApplied(false);
  });
});

// ---------------------------------------------------------------------------
// The cases the matrix leaves out.

describe('a connection that was never made (refused)', () => {
  it.each(APIS)('%s: a plain insert and a delete are retried (nothing was sent), then fail without a request id', async (api) => {
    const port = await closedPort();
    const values = newCard();
    const refused = `${api === 'v2' ? 'http' : 'https'}://127.0.0.1:${port}`;
    const calls: Call[] =
      api === 'v2'
        ? (() => {
            const vault = clients.v2({ baseUrl: refused }).vault();
            return [
              { label: 'insert', operation: 'insert', run: () => vault.insert({ table: 'cards', values: [values] }) },
              { label: 'delete', operation: 'deleteMany', run: () => vault.delete({ table: 'cards', ids: [seed.id] }) },
            ];
          })()
        : (() => {
            const legacy = clients.v1({ vaultURL: refused });
            return [
              { label: 'insert', operation: 'batch', legacy: { method: 'insert', record: {} }, run: () => legacy.insert({ records: [{ table: 'cards', fields: values }] }) },
              { label: 'delete', operation: 'deleteMany', legacy: { method: 'delete', record: { id: seed.id } }, run: () => legacy.delete({ records: [{ id: seed.id, table: 'cards' }] }) },
            ];
          })();

    const { outcomes, attempts, delays } = await underFaults(calls, []);

    expect(attempts).toEqual({ token: api === 'v2' ? 1 : calls.length });
    const message = 'Network error: the request to the vault failed (ECONNREFUSED).';
    calls.forEach((call, index) => {
      const error = expectRejected(outcomes[index]!, call);
      if (api === 'v2') {
        expect(error).toBeInstanceOf(SkyflowConnectionError);
        expect(error).toMatchObject({ httpCode: 0, requestId: null, message });
      } else {
        expect(legacyErrorBody(call.legacy!.method, error, call.legacy!.record)).toEqual({ code: 500, description: message });
      }
    });
    if (api === 'v2') expect(delays).toEqual([500, 500, 1000, 1000]);
    else for (const outcome of outcomes) expect(outcome.ms).toBeGreaterThanOrEqual(MIN_REAL_BACKOFF_MS - 20);
    expect(await count(`card_number = '${values.card_number}'`)).toBe(0);
    expect(await count(`skyflow_id = '${seed.id}'`)).toBe(1);
  });
});

describe('Retry-After in real time (v1: the facade sleeps for real and takes no retry options)', () => {
  it('v1: a get refused with 429 and Retry-After: 1 waits that second, then succeeds', async () => {
    const legacy = clients.v1();
    const { outcomes, attempts } = await underFaults(
      [{ label: 'get', operation: 'getMany', run: () => legacy.get({ records: [{ table: 'cards', ids: [seed.id], redaction: RedactionType.PLAIN_TEXT }] }) }],
      [{ operation: 'getMany', retryAfterSeconds: 1, times: 1 }],
    );
    expect(outcomes[0]!.error).toBeUndefined();
    expect(outcomes[0]!.value).toMatchObject({ records: [{ table: 'cards', fields: { id: seed.id } }] });
    expect(attempts).toEqual({ token: 1, getMany: 2 });
    // The backoff alone would be at most 500 ms.
    expect(outcomes[0]!.ms).toBeGreaterThanOrEqual(1000 - 20);
  });
});
