// The migration client against the run's shared local vault, with the real
// skyflow-node@1.14.3 as the legacy path and skyflow-bridge/v1 as the bridge:
// routing, shadow comparisons of reads and writes, the time budget and the
// concurrency cap, the guard, user code that fails, config checks,
// OpenTelemetry and the dual view.
import { randomUUID } from 'node:crypto';
import { LogLevel as LegacyLogLevel, setLogLevel as setLegacyLogLevel } from 'skyflow-node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import {
  createMigrationClient,
  dualView,
  type DualView,
  type MeterLike,
  type MigrationClient,
  type MigrationClientOptions,
  type TracerLike,
} from '../../src/migrate/index.js';
import {
  Skyflow as Bridge,
  LogLevel as BridgeLogLevel,
  SkyflowError as V1SkyflowError,
  setDeprecationPolicy,
  setLogLevel as setBridgeLogLevel,
} from '../../src/v1/index.js';
import { generateBearerToken as generateV2BearerToken } from '../../src/v2/index.js';
import { card } from '../helpers/data.js';
import { rejection, thrownBy } from '../helpers/outcomes.js';
import { restClient, type RestClient } from '../helpers/rest.js';
import {
  bridgeClient,
  cardsNamed,
  gate,
  getInput,
  legacyClient,
  listen,
  observe,
  rest,
  seedCard,
  uniqueName,
  wrap,
} from './migration-harness.js';

let shadowVault: LocalVault;
let shadowRest: RestClient;

beforeAll(() => {
  setDeprecationPolicy('silent');
  setLegacyLogLevel(LegacyLogLevel.OFF);
  setBridgeLogLevel(BridgeLogLevel.OFF);
});

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  rest.close();
  shadowRest?.close();
  await shadowVault?.close();
});

describe('a constant route', () => {
  it("'legacy' calls only skyflow-node, and the caller gets its very value and rejection", async () => {
    const legacy = legacyClient();
    const bridge = bridgeClient();
    const legacySeen = observe(legacy);
    const bridgeSeen = observe(bridge);
    const client = createMigrationClient({ legacy, bridge, route: 'legacy' });
    const events = listen(client);
    const { id, fields } = await seedCard();

    const value = (await client.get(getInput(id))) as { records: Array<{ fields: Record<string, unknown> }> };
    expect(value.records[0]!.fields['cardholder_name']).toBe(fields.cardholder_name);
    expect(value).toBe(legacySeen.settled[0]!.value);

    const error = await rejection(client.get(getInput(randomUUID())));
    expect(legacySeen.settled[1]!.error).toBeDefined();
    expect(error).toBe(legacySeen.settled[1]!.error);

    expect(legacySeen.spies.get).toHaveBeenCalledTimes(2);
    expect(bridgeSeen.calls()).toBe(0);
    expect(events.result.map(({ operation, route, reason, outcome }) => ({ operation, route, reason, outcome }))).toEqual([
      { operation: 'get', route: 'legacy', reason: 'default route', outcome: 'resolved' },
      { operation: 'get', route: 'legacy', reason: 'default route', outcome: 'rejected' },
    ]);
    expect(client.stats().get?.routes).toEqual({ legacy: expect.objectContaining({ calls: 2, rejected: 1 }) });
  });

  it("'v2' calls only the bridge, and the caller gets its very value and rejection", async () => {
    const legacy = legacyClient();
    const bridge = bridgeClient();
    const legacySeen = observe(legacy);
    const bridgeSeen = observe(bridge);
    const views: DualView[] = [];
    dualView(bridge, (view) => views.push(view));
    const client = createMigrationClient({ legacy, bridge, route: 'v2' });
    const { tokens, fields } = await seedCard();

    const value = (await client.detokenize({ records: [{ token: tokens['cardholder_name'] }] })) as { records: Array<{ value: string }> };
    expect(value.records[0]!.value).toBe(fields.cardholder_name);
    expect(value).toBe(bridgeSeen.settled[0]!.value);

    const error = await rejection(client.delete({ records: [{ id: randomUUID(), table: 'cards' }] }));
    expect(error).toBe(bridgeSeen.settled[1]!.error);

    expect(legacySeen.calls()).toBe(0);
    expect(bridgeSeen.spies.detokenize).toHaveBeenCalledTimes(1);
    expect(views.map((view) => view.method)).toEqual(['detokenize', 'delete']);
    expect(views[0]!.result).toBe(value);
    expect(views[1]!.rejection).toBe(error);
  });

  it('lets setRoute move later calls', async () => {
    const legacy = legacyClient();
    const legacySeen = observe(legacy);
    const bridge = bridgeClient();
    const bridgeSeen = observe(bridge);
    const client = createMigrationClient({ legacy, bridge });
    const { id } = await seedCard();
    await client.get(getInput(id));
    client.setRoute('v2');
    await client.get(getInput(id));
    expect(legacySeen.spies.get).toHaveBeenCalledTimes(1);
    expect(bridgeSeen.spies.get).toHaveBeenCalledTimes(1);
  });
});

describe('shadow mode on reads', () => {
  it('compares get, getById and detokenize of real records: all match, and the caller gets the legacy results', async () => {
    const legacy = legacyClient();
    const bridge = bridgeClient();
    const legacySeen = observe(legacy);
    const bridgeSeen = observe(bridge);
    const client = createMigrationClient({ legacy, bridge, route: 'shadow' });
    const events = listen(client);
    const first = await seedCard();
    const second = await seedCard();

    const got = await client.get({ records: [{ table: 'cards', ids: [first.id, second.id], redaction: 'MASKED' }] });
    const byId = await client.getById({ records: [{ table: 'cards', ids: [second.id], redaction: 'PLAIN_TEXT' }] });
    const detokenized = await client.detokenize({
      records: [{ token: first.tokens['card_number'] }, { token: second.tokens['cvv'], redaction: 'REDACTED' }],
    });
    await client.drain();

    expect([got, byId, detokenized]).toEqual(legacySeen.settled.map((s) => s.value));
    expect(got).toBe(legacySeen.settled.find((s) => s.operation === 'get')!.value);
    expect(byId).toBe(legacySeen.settled.find((s) => s.operation === 'getById')!.value);
    expect(detokenized).toBe(legacySeen.settled.find((s) => s.operation === 'detokenize')!.value);
    expect(bridgeSeen.settled.map((s) => s.operation).sort()).toEqual(['detokenize', 'get', 'getById']);
    // Each path gets its own copy of the arguments.
    for (const operation of ['get', 'getById', 'detokenize'] as const) {
      const [legacyArgs] = legacySeen.spies[operation].mock.calls;
      const [bridgeArgs] = bridgeSeen.spies[operation].mock.calls;
      expect(bridgeArgs![0]).toEqual(legacyArgs![0]);
      expect(bridgeArgs![0]).not.toBe(legacyArgs![0]);
    }

    expect(events.mismatch).toEqual([]);
    expect(events.problem).toEqual([]);
    expect(events.shadow.map((e) => [e.operation, e.status]).sort()).toEqual([
      ['detokenize', 'match'],
      ['get', 'match'],
      ['getById', 'match'],
    ]);
    for (const event of events.shadow) {
      expect(event.controlLatencyMs).toBeGreaterThan(0);
      expect(event.candidateLatencyMs).toBeGreaterThan(0);
    }
    expect(events.result.map((e) => e.route)).toEqual(['shadow', 'shadow', 'shadow']);
    const stats = client.stats();
    for (const operation of ['get', 'getById', 'detokenize'] as const) {
      expect(stats[operation]!.shadow).toMatchObject({ compared: 1, matches: 1, mismatches: 0, timeouts: 0 });
      expect(stats[operation]!.shadow.candidateLatencyMs.count).toBe(1);
      expect(stats[operation]!.routes.shadow).toMatchObject({ calls: 1, rejected: 0 });
    }
  });

  it('compares rejections too: the same failure on both paths is a match', async () => {
    const client = createMigrationClient({ legacy: legacyClient(), bridge: bridgeClient(), route: 'shadow' });
    const events = listen(client);
    await rejection(client.get(getInput(randomUUID())));
    await client.drain();
    expect(events.shadow.map((e) => e.status)).toEqual(['match']);
    expect(events.result[0]!.outcome).toBe('rejected');
  });

  it('skips a sample rate of 0 and counts it', async () => {
    const bridge = bridgeClient();
    const bridgeSeen = observe(bridge);
    const client = createMigrationClient({ legacy: legacyClient(), bridge, route: 'shadow', shadow: { sampleRate: 0 } });
    const events = listen(client);
    const { id } = await seedCard();
    await client.get(getInput(id));
    await client.drain();
    expect(events.shadow.map((e) => e.status)).toEqual(['skipped-sample']);
    expect(client.stats().get!.shadow).toMatchObject({ compared: 0, skippedSample: 1 });
    expect(bridgeSeen.calls()).toBe(0);
  });
});

describe('a difference between the two paths', () => {
  const PATH = '/resolved/records/0/fields/cardholder_name';

  async function shadowedGetWithAlteredName(shadow: MigrationClientOptions['shadow'] = {}, altered = uniqueName()) {
    const bridge = bridgeClient();
    const candidate = wrap(bridge, {
      get: async (...args) => {
        const result = await bridge.get(...(args as Parameters<Bridge['get']>));
        result.records[0]!.fields!['cardholder_name'] = altered;
        return result;
      },
    });
    const client = createMigrationClient({ legacy: legacyClient(), bridge: candidate, route: 'shadow', shadow });
    const events = listen(client);
    const { id, fields } = await seedCard();
    const value = (await client.get(getInput(id))) as { records: Array<{ fields: Record<string, unknown> }> };
    await client.drain();
    return { client, events, value, original: fields.cardholder_name as string, altered };
  }

  it('is one mismatch event at its JSON pointer, with both values hashed', async () => {
    const { client, events, value, original, altered } = await shadowedGetWithAlteredName();
    expect(value.records[0]!.fields['cardholder_name']).toBe(original);
    expect(events.mismatch).toHaveLength(1);
    const [mismatch] = events.mismatch;
    expect(mismatch).toEqual({
      operation: 'get',
      differences: [
        {
          path: PATH,
          control: { type: 'string', hash: expect.stringMatching(/^[0-9a-f]{16}$/) },
          candidate: { type: 'string', hash: expect.stringMatching(/^[0-9a-f]{16}$/) },
        },
      ],
      controlLatencyMs: expect.any(Number),
      candidateLatencyMs: expect.any(Number),
    });
    const difference = mismatch!.differences[0]!;
    expect(difference.control).not.toEqual(difference.candidate);
    const text = JSON.stringify(mismatch);
    expect(text).not.toContain(original);
    expect(text).not.toContain(altered);
    expect(events.shadow.map((e) => e.status)).toEqual(['mismatch']);
    expect(client.stats().get!.shadow).toMatchObject({ compared: 1, matches: 0, mismatches: 1 });
  });

  it('shows the values at allow-listed paths', async () => {
    const { events, original, altered } = await shadowedGetWithAlteredName({ revealPaths: ['/resolved/records/*/fields/cardholder_name'] });
    expect(events.mismatch[0]!.differences).toEqual([
      { path: PATH, control: { type: 'string', value: original }, candidate: { type: 'string', value: altered } },
    ]);
  });

  it('hashes with the configured salt, so equal values hash equally across clients', async () => {
    const altered = uniqueName();
    const salted = async (salt?: string) =>
      (await shadowedGetWithAlteredName(salt === undefined ? {} : { salt }, altered)).events.mismatch[0]!.differences[0]!;
    const [one, two, other, random] = await Promise.all([salted('s1'), salted('s1'), salted('s2'), salted()]);
    // The same altered value on the candidate side; different records on the control side.
    expect(one.candidate).toEqual(two.candidate);
    expect(one.control).not.toEqual(two.control);
    expect(other.candidate).not.toEqual(one.candidate);
    expect(random.candidate).not.toEqual(one.candidate);
  });
});

describe('shadow mode on writes', () => {
  it('runs an insert without a writeTarget once, on the legacy path, and counts it as skipped', async () => {
    const legacy = legacyClient();
    const legacySeen = observe(legacy);
    const bridge = bridgeClient();
    const bridgeSeen = observe(bridge);
    const client = createMigrationClient({ legacy, bridge, route: 'shadow' });
    const events = listen(client);
    const name = uniqueName();
    const value = await client.insert({ records: [{ table: 'cards', fields: card({ cardholder_name: name }) }] });
    await client.drain();

    expect(value).toBe(legacySeen.settled[0]!.value);
    expect(await cardsNamed(rest, name)).toHaveLength(1);
    expect(bridgeSeen.calls()).toBe(0);
    expect(events.shadow).toEqual([{ operation: 'insert', status: 'skipped-write', controlLatencyMs: expect.any(Number) }]);
    expect(client.stats().insert!.shadow).toMatchObject({ compared: 0, skippedWrites: 1 });
  });

  it('runs an update and a delete without a writeTarget once each', async () => {
    const legacy = legacyClient();
    const legacySeen = observe(legacy);
    const bridge = bridgeClient();
    const bridgeSeen = observe(bridge);
    const client = createMigrationClient({ legacy, bridge, route: 'shadow' });
    const events = listen(client);
    const { id, fields } = await seedCard();

    await client.update({ records: [{ id, table: 'cards', fields: { expiry_date: '01/35' } }] });
    const stored = await rest.get(`/cards/${id}?redaction=PLAIN_TEXT`);
    expect(stored.body.fields).toMatchObject({ cardholder_name: fields.cardholder_name, expiry_date: '01/35' });

    await client.delete({ records: [{ id, table: 'cards' }] });
    expect((await rest.get(`/cards/${id}?redaction=PLAIN_TEXT`)).status).toBe(404);
    await client.drain();

    expect(legacySeen.spies.update).toHaveBeenCalledTimes(1);
    expect(legacySeen.spies.delete).toHaveBeenCalledTimes(1);
    expect(bridgeSeen.calls()).toBe(0);
    expect(events.shadow.map((e) => [e.operation, e.status])).toEqual([
      ['update', 'skipped-write'],
      ['delete', 'skipped-write'],
    ]);
    const stats = client.stats();
    expect(stats.update!.shadow.skippedWrites).toBe(1);
    expect(stats.delete!.shadow.skippedWrites).toBe(1);
    expect(events.result.every((e) => e.outcome === 'resolved')).toBe(true);
  });

  it('writes into both vaults with a writeTarget, and the results match once ids and tokens are normalised', async () => {
    shadowVault ??= await startLocalVault();
    shadowRest ??= restClient(shadowVault);
    const shadowToken = (await generateV2BearerToken(shadowVault.credentials, { caCert: shadowVault.caCert! })).accessToken;
    const writeTarget = Bridge.init({
      vaultID: shadowVault.vaultId,
      vaultURL: shadowVault.url,
      getBearerToken: () => shadowToken,
      options: { deprecationWarnings: 'silent', caCert: shadowVault.caCert! },
    });
    const bridge = bridgeClient();
    const bridgeSeen = observe(bridge);
    const client = createMigrationClient({ legacy: legacyClient(), bridge, route: 'shadow', shadow: { writeTarget } });
    const events = listen(client);
    const name = uniqueName();

    const value = (await client.insert({ records: [{ table: 'cards', fields: card({ cardholder_name: name }) }] })) as {
      records: Array<{ fields: Record<string, string> }>;
    };
    await client.drain();

    const [primary] = await cardsNamed(rest, name);
    const [secondary] = await cardsNamed(shadowRest, name);
    expect(await cardsNamed(rest, name)).toHaveLength(1);
    expect(await cardsNamed(shadowRest, name)).toHaveLength(1);
    expect(value.records[0]!.fields['skyflow_id']).toBe(primary!['skyflow_id']);
    expect(secondary!['skyflow_id']).not.toBe(primary!['skyflow_id']);

    expect(events.mismatch).toEqual([]);
    expect(events.shadow.map((e) => e.status)).toEqual(['match']);
    expect(client.stats().insert!.shadow).toMatchObject({ compared: 1, matches: 1, skippedWrites: 0 });
    // The bridge (on the primary vault) never ran the write.
    expect(bridgeSeen.calls()).toBe(0);
  });
});

describe('the time budget and the concurrency cap', () => {
  it('counts a candidate slower than timeoutMs as a timeout, not a mismatch, and the caller does not wait for it', async () => {
    const bridge = bridgeClient();
    const hold = gate();
    const order: string[] = [];
    let candidateDone!: Promise<unknown>;
    const candidate = wrap(bridge, {
      get: (...args) => {
        candidateDone = hold.opened.then(() => bridge.get(...(args as Parameters<Bridge['get']>))).finally(() => order.push('candidate finished'));
        return candidateDone;
      },
    });
    const legacy = legacyClient();
    const legacySeen = observe(legacy);
    const client = createMigrationClient({ legacy, bridge: candidate, route: 'shadow', shadow: { timeoutMs: 50 } });
    const events = listen(client);
    const { id } = await seedCard();

    const value = await client.get(getInput(id));
    order.push('caller resolved');
    expect(value).toBe(legacySeen.settled[0]!.value);
    // The budget ran out while the candidate was still held.
    await client.drain();
    expect(events.shadow).toEqual([{ operation: 'get', status: 'timeout', controlLatencyMs: expect.any(Number) }]);

    hold.open();
    await candidateDone;
    await client.drain();
    expect(order).toEqual(['caller resolved', 'candidate finished']);
    expect(events.shadow).toHaveLength(1);
    expect(events.mismatch).toEqual([]);
    expect(client.stats().get!.shadow).toMatchObject({ compared: 0, matches: 0, mismatches: 0, timeouts: 1 });
  });

  it('runs at most maxConcurrent candidates at once and skips the rest', async () => {
    const bridge = bridgeClient();
    const hold = gate();
    let started = 0;
    const candidate = wrap(bridge, {
      get: async (...args) => {
        started++;
        await hold.opened;
        return bridge.get(...(args as Parameters<Bridge['get']>));
      },
    });
    const client = createMigrationClient({ legacy: legacyClient(), bridge: candidate, route: 'shadow', shadow: { maxConcurrent: 2, timeoutMs: 20_000 } });
    const events = listen(client);
    const { id } = await seedCard();

    await Promise.all(Array.from({ length: 5 }, () => client.get(getInput(id))));
    expect(started).toBe(2);
    // A skipped candidate is reported with the call's own result.
    expect(events.shadow.map((e) => e.status)).toEqual(['skipped-concurrency', 'skipped-concurrency', 'skipped-concurrency']);

    hold.open();
    await client.drain();
    expect(events.shadow.map((e) => e.status).sort()).toEqual(['match', 'match', 'skipped-concurrency', 'skipped-concurrency', 'skipped-concurrency']);
    expect(client.stats().get!.shadow).toMatchObject({ compared: 2, matches: 2, skippedConcurrency: 3 });

    // The slots are free again.
    await client.get(getInput(id));
    await client.drain();
    expect(started).toBe(3);
  });
});

describe('the guard', () => {
  const guard = { minSamples: 5, maxMismatchRate: 0.2, windowMs: 60_000 };

  it('demotes shadow to legacy when mismatches pass the rate, until resetGuard', async () => {
    const bridge = bridgeClient();
    let candidateCalls = 0;
    const candidate = wrap(bridge, {
      get: async (...args) => {
        candidateCalls++;
        const result = await bridge.get(...(args as Parameters<Bridge['get']>));
        result.records[0]!.fields!['cardholder_name'] = 'someone else';
        return result;
      },
    });
    const client = createMigrationClient({ legacy: legacyClient(), bridge: candidate, route: 'shadow', guard });
    const events = listen(client);
    const { id, tokens } = await seedCard();

    for (let i = 0; i < 4; i++) {
      await client.get(getInput(id));
      await client.drain();
    }
    expect(events.demotion).toEqual([]);
    await client.get(getInput(id));
    await client.drain();
    expect(events.demotion).toEqual([{ operation: 'get', from: 'shadow', to: 'legacy', reason: 'mismatch rate 100.0% over 5 calls exceeds 20%' }]);

    await client.get(getInput(id));
    await client.drain();
    expect(events.result.at(-1)).toMatchObject({ operation: 'get', route: 'legacy', reason: 'default route; capped at legacy by the guard' });
    expect(candidateCalls).toBe(5);
    expect(events.shadow).toHaveLength(5);
    expect(client.stats().get!.demotedTo).toBe('legacy');

    // Only the misbehaving operation is demoted.
    await client.detokenize({ records: [{ token: tokens['cvv'] }] });
    await client.drain();
    expect(events.result.at(-1)).toMatchObject({ operation: 'detokenize', route: 'shadow', reason: 'default route' });

    client.resetGuard('get');
    await client.get(getInput(id));
    await client.drain();
    expect(events.result.at(-1)).toMatchObject({ operation: 'get', route: 'shadow', reason: 'default route' });
    expect(candidateCalls).toBe(6);
    expect(client.stats().get!.demotedTo).toBeUndefined();
  });

  it('demotes v2 to shadow when the bridge fails with service errors, until resetGuard', async () => {
    const failure = new V1SkyflowError({ code: 500, description: 'Internal Server Error - requestId: abc' });
    const bridge = bridgeClient();
    let failing = true;
    const candidate = wrap(bridge, {
      get: (...args) => (failing ? Promise.reject(failure) : bridge.get(...(args as Parameters<Bridge['get']>))),
    });
    const legacy = legacyClient();
    const legacySeen = observe(legacy);
    const client = createMigrationClient({ legacy, bridge: candidate, route: 'v2', guard });
    const events = listen(client);
    const { id } = await seedCard();

    for (let i = 0; i < 5; i++) expect(await rejection(client.get(getInput(id)))).toBe(failure);
    expect(events.demotion).toEqual([{ operation: 'get', from: 'v2', to: 'shadow', reason: 'error rate 100.0% over 5 calls exceeds 10%' }]);
    expect(legacySeen.calls()).toBe(0);

    // Capped at shadow: the caller gets the legacy result; the failing bridge is still compared.
    const value = await client.get(getInput(id));
    await client.drain();
    expect(value).toBe(legacySeen.settled[0]!.value);
    expect(events.result.at(-1)).toMatchObject({ route: 'shadow', reason: 'default route; capped at shadow by the guard', outcome: 'resolved' });
    expect(events.shadow.map((e) => e.status)).toEqual(['mismatch']);
    expect(client.stats().get!.demotedTo).toBe('shadow');

    failing = false;
    client.resetGuard();
    await client.get(getInput(id));
    expect(events.result.at(-1)).toMatchObject({ route: 'v2', reason: 'default route' });
    expect(client.stats().get!.demotedTo).toBeUndefined();
  });

  it('does not count request errors (a 4xx code) against v2', async () => {
    const invalid = new V1SkyflowError({ code: 404, description: 'No records found - requestId: abc' });
    const candidate = wrap(bridgeClient(), { getById: () => Promise.reject(invalid) });
    const client = createMigrationClient({ legacy: legacyClient(), bridge: candidate, route: 'v2', guard });
    const events = listen(client);
    for (let i = 0; i < 8; i++) expect(await rejection(client.getById({ records: [] }))).toBe(invalid);
    expect(events.demotion).toEqual([]);
    expect(events.result.every((e) => e.route === 'v2')).toBe(true);
  });

  it('can be turned off', async () => {
    const failure = new V1SkyflowError({ code: 503, description: 'Service Unavailable' });
    const client = createMigrationClient({ legacy: legacyClient(), bridge: wrap(bridgeClient(), { get: () => Promise.reject(failure) }), route: 'v2', guard: false });
    const events = listen(client);
    for (let i = 0; i < 25; i++) await rejection(client.get({ records: [] }));
    expect(events.demotion).toEqual([]);
    expect(client.stats().get!.routes.v2).toMatchObject({ calls: 25, rejected: 25 });
  });
});

describe('user code that fails never changes the caller\'s result', () => {
  async function shadowedGet(options: Partial<MigrationClientOptions>, listeners: (client: MigrationClient) => void = () => {}) {
    const legacy = legacyClient();
    const legacySeen = observe(legacy);
    const client = createMigrationClient({ legacy, bridge: bridgeClient(), route: 'shadow', ...options });
    listeners(client);
    const events = listen(client);
    const { id } = await seedCard();
    const value = await client.get(getInput(id));
    await client.drain();
    expect(value).toBe(legacySeen.settled[0]!.value);
    return events;
  }

  it('a throwing comparator', async () => {
    const events = await shadowedGet({
      shadow: {
        compare: () => {
          throw new RangeError('comparator bug');
        },
      },
    });
    expect(events.problem).toEqual([{ source: 'shadow.compare', message: 'RangeError: comparator bug' }]);
    // The field-by-field result stands.
    expect(events.shadow.map((e) => e.status)).toEqual(['match']);
  });

  it('a throwing normalize', async () => {
    const events = await shadowedGet({
      shadow: {
        normalize: () => {
          throw new Error('normaliser bug');
        },
      },
    });
    expect(events.problem).toEqual([
      { source: 'shadow.normalize (control)', message: 'Error: normaliser bug' },
      { source: 'shadow.normalize (candidate)', message: 'Error: normaliser bug' },
    ]);
    expect(events.shadow.map((e) => e.status)).toEqual(['match']);
  });

  it('throwing result, shadow and mismatch listeners', async () => {
    const events = await shadowedGet(
      {
        shadow: { compare: () => false },
      },
      (client) => {
        for (const name of ['result', 'shadow', 'mismatch'] as const) {
          client.on(name, () => {
            throw new Error(`${name} listener bug`);
          });
        }
      },
    );
    expect(events.problem).toEqual([
      { source: 'result listener', message: 'Error: result listener bug' },
      { source: 'shadow listener', message: 'Error: shadow listener bug' },
      { source: 'mismatch listener', message: 'Error: mismatch listener bug' },
    ]);
    // Other listeners still hear the events.
    expect(events.result).toHaveLength(1);
    expect(events.mismatch).toHaveLength(1);
  });

  it('a comparator decides equality both ways', async () => {
    const different = await shadowedGet({ shadow: { compare: () => false } });
    expect(different.mismatch[0]!.differences).toEqual([
      { path: '', control: { type: 'object', hash: expect.any(String) }, candidate: { type: 'object', hash: expect.any(String) } },
    ]);
    const equal = await shadowedGet({ shadow: { compare: (_a, _b, operation) => operation === 'get' } });
    expect(equal.shadow.map((e) => e.status)).toEqual(['match']);
  });

  it('without problem listeners, a problem is one console warning per source', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const client = createMigrationClient({ legacy: legacyClient(), bridge: bridgeClient(), route: 'legacy' });
    client.on('result', () => {
      throw new Error('listener bug');
    });
    const { id } = await seedCard();
    await client.get(getInput(id));
    await client.get(getInput(id));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(
      "WARN: [skyflow-bridge/migrate] result listener failed (Error: listener bug); the call went on. Listen to 'problem' events for more.",
    );
  });
});

describe('an invalid migration config is a SkyflowError at construction', () => {
  const valid = () => ({ legacy: legacyClient(), bridge: bridgeClient() });
  const ALL = 'insert, detokenize, getById, get, update, delete, invokeConnection';

  it.each<[string, () => unknown, string]>([
    ['no options', () => undefined, 'Give createMigrationClient an options object with legacy and bridge.'],
    ['no legacy client', () => ({ ...valid(), legacy: undefined }), `legacy must be a legacy client (with ${ALL}); it has no ${ALL}.`],
    [
      'a legacy client without get and delete',
      () => ({ ...valid(), legacy: { ...wrap(legacyClient(), {}), get: undefined, delete: 'delete' } }),
      `legacy must be a legacy client (with ${ALL}); it has no get, delete.`,
    ],
    ['a v2 client as the bridge', () => ({ ...valid(), bridge: { vault: () => ({}) } }), `bridge must be a legacy client (with ${ALL}); it has no ${ALL}.`],
    ['shadow that is not an object', () => ({ ...valid(), shadow: 'on' }), 'shadow must be an object.'],
    ['shadow.timeoutMs of 0', () => ({ ...valid(), shadow: { timeoutMs: 0 } }), 'shadow.timeoutMs must be a positive number.'],
    ['a negative shadow.timeoutMs', () => ({ ...valid(), shadow: { timeoutMs: -50 } }), 'shadow.timeoutMs must be a positive number.'],
    ['a NaN shadow.timeoutMs', () => ({ ...valid(), shadow: { timeoutMs: Number.NaN } }), 'shadow.timeoutMs must be a positive number.'],
    ['shadow.timeoutMs as a string', () => ({ ...valid(), shadow: { timeoutMs: '50' } }), 'shadow.timeoutMs must be a positive number.'],
    ['shadow.maxConcurrent of 0', () => ({ ...valid(), shadow: { maxConcurrent: 0 } }), 'shadow.maxConcurrent must be a positive number.'],
    ['a negative sampleRate', () => ({ ...valid(), shadow: { sampleRate: -0.1 } }), 'shadow.sampleRate must be a number from 0 to 1.'],
    ['a sampleRate over 1', () => ({ ...valid(), shadow: { sampleRate: 1.5 } }), 'shadow.sampleRate must be a number from 0 to 1.'],
    ['a NaN sampleRate', () => ({ ...valid(), shadow: { sampleRate: Number.NaN } }), 'shadow.sampleRate must be a number from 0 to 1.'],
    ['a sampleRate as a percentage string', () => ({ ...valid(), shadow: { sampleRate: '50%' } }), 'shadow.sampleRate must be a number from 0 to 1.'],
    ['revealPaths as one string', () => ({ ...valid(), shadow: { revealPaths: '/resolved' } }), 'shadow.revealPaths must be an array of JSON pointers.'],
    ['a non-function normalize', () => ({ ...valid(), shadow: { normalize: {} } }), 'shadow.normalize must be a function.'],
    ['a non-function compare', () => ({ ...valid(), shadow: { compare: 'deepEqual' } }), 'shadow.compare must be a function.'],
    ['a numeric salt', () => ({ ...valid(), shadow: { salt: 42 } }), 'shadow.salt must be a string.'],
    ['a maxMismatchRate over 1', () => ({ ...valid(), guard: { maxMismatchRate: 5 } }), 'guard.maxMismatchRate must be a number from 0 to 1.'],
    ['a negative maxMismatchRate', () => ({ ...valid(), guard: { maxMismatchRate: -0.01 } }), 'guard.maxMismatchRate must be a number from 0 to 1.'],
    ['a maxErrorRate over 1', () => ({ ...valid(), guard: { maxErrorRate: 1.01 } }), 'guard.maxErrorRate must be a number from 0 to 1.'],
    ['a NaN maxErrorRate', () => ({ ...valid(), guard: { maxErrorRate: Number.NaN } }), 'guard.maxErrorRate must be a number from 0 to 1.'],
    ['a windowMs of 0', () => ({ ...valid(), guard: { windowMs: 0 } }), 'guard.windowMs must be a positive number.'],
    ['a negative minSamples', () => ({ ...valid(), guard: { minSamples: -1 } }), 'guard.minSamples must be a positive number.'],
  ])('%s', (_name, options, message) => {
    const error = thrownBy(() => createMigrationClient(options() as MigrationClientOptions));
    expect(error.message).toBe(`Invalid migration config. ${message}`);
    expect(error.httpCode).toBe(400);
  });

  it('accepts the boundaries', () => {
    for (const sampleRate of [0, 1]) expect(() => createMigrationClient({ ...valid(), shadow: { sampleRate } })).not.toThrow();
    for (const rate of [0, 1]) expect(() => createMigrationClient({ ...valid(), guard: { maxMismatchRate: rate, maxErrorRate: rate } })).not.toThrow();
    expect(() => createMigrationClient({ ...valid(), shadow: { timeoutMs: 1, maxConcurrent: 1 } })).not.toThrow();
  });
});

describe('OpenTelemetry', () => {
  function fakeTelemetry() {
    const counters: Array<{ name: string; value: number; attributes: Record<string, string> | undefined }> = [];
    const histograms: Array<{ name: string; value: number; attributes: Record<string, string> | undefined }> = [];
    const instruments: Array<{ kind: string; name: string; options: unknown }> = [];
    const spans: Array<{ name: string; attributes: Record<string, string>; ended: number }> = [];
    const meter: MeterLike = {
      createCounter: (name, options) => {
        instruments.push({ kind: 'counter', name, options });
        return { add: (value, attributes) => void counters.push({ name, value, attributes }) };
      },
      createHistogram: (name, options) => {
        instruments.push({ kind: 'histogram', name, options });
        return { record: (value, attributes) => void histograms.push({ name, value, attributes }) };
      },
    };
    const tracer: TracerLike = {
      startSpan: (name, options) => {
        const span = { name, attributes: { ...options?.attributes }, ended: 0 };
        spans.push(span);
        return {
          setAttribute: (key, value) => void (span.attributes[key] = value),
          end: () => void span.ended++,
        };
      },
    };
    return { meter, tracer, counters, histograms, instruments, spans };
  }

  it('counts calls and mismatches, records latency, and wraps each call in a span', async () => {
    const telemetry = fakeTelemetry();
    const bridge = bridgeClient();
    const candidate = wrap(bridge, {
      get: async (...args) => {
        const result = await bridge.get(...(args as Parameters<Bridge['get']>));
        result.records[0]!.fields!['expiry_date'] = '99/99';
        return result;
      },
    });
    const client = createMigrationClient({
      legacy: legacyClient(),
      bridge: candidate,
      route: { default: 'shadow', operations: { delete: 'v2' } },
      openTelemetry: { meter: telemetry.meter, tracer: telemetry.tracer },
    });
    const { id } = await seedCard();
    await client.get(getInput(id));
    await client.drain();
    await rejection(client.delete({ records: [{ id: randomUUID(), table: 'cards' }] }));

    expect(telemetry.instruments.map(({ kind, name }) => [kind, name])).toEqual([
      ['counter', 'skyflow_bridge.migrate.calls'],
      ['histogram', 'skyflow_bridge.migrate.latency'],
      ['counter', 'skyflow_bridge.migrate.mismatches'],
    ]);
    expect(telemetry.counters).toEqual([
      { name: 'skyflow_bridge.migrate.calls', value: 1, attributes: { operation: 'get', route: 'shadow', outcome: 'resolved' } },
      { name: 'skyflow_bridge.migrate.mismatches', value: 1, attributes: { operation: 'get' } },
      { name: 'skyflow_bridge.migrate.calls', value: 1, attributes: { operation: 'delete', route: 'v2', outcome: 'rejected' } },
    ]);
    expect(telemetry.histograms).toEqual([
      { name: 'skyflow_bridge.migrate.latency', value: expect.any(Number), attributes: { operation: 'get', route: 'shadow' } },
      { name: 'skyflow_bridge.migrate.latency', value: expect.any(Number), attributes: { operation: 'delete', route: 'v2' } },
    ]);
    expect(telemetry.histograms.every((h) => h.value > 0)).toBe(true);
    expect(telemetry.spans).toEqual([
      { name: 'skyflow-bridge.migrate get', attributes: { 'skyflow.operation': 'get', 'skyflow.route': 'shadow' }, ended: 1 },
      { name: 'skyflow-bridge.migrate delete', attributes: { 'skyflow.operation': 'delete', 'skyflow.route': 'v2' }, ended: 1 },
    ]);
  });

  it('goes on when the meter or the instruments throw', async () => {
    const throwing = () => {
      throw new Error('exporter down');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const legacy = legacyClient();
    const legacySeen = observe(legacy);
    const broken = createMigrationClient({
      legacy,
      bridge: bridgeClient(),
      openTelemetry: { meter: { createCounter: throwing, createHistogram: throwing }, tracer: { startSpan: throwing } },
    });
    const instrumentsThrow = createMigrationClient({
      legacy,
      bridge: bridgeClient(),
      openTelemetry: { meter: { createCounter: () => ({ add: throwing }), createHistogram: () => ({ record: throwing }) } },
    });
    const { id } = await seedCard();
    expect(await broken.get(getInput(id))).toBe(legacySeen.settled[0]!.value);
    expect(await instrumentsThrow.get(getInput(id))).toBe(legacySeen.settled[1]!.value);
    // The meter failed at construction, before any listener could be added: a console warning.
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      "WARN: [skyflow-bridge/migrate] openTelemetry.meter failed (Error: exporter down); the call went on. Listen to 'problem' events for more.",
    ]);
  });
});

describe('dualView', () => {
  it('shows the v2 request and response behind the v1 result of a bridged call', async () => {
    const bridge = bridgeClient();
    const views: DualView[] = [];
    const stop = dualView(bridge, (view) => views.push(view));
    const client = createMigrationClient({ legacy: legacyClient(), bridge, route: 'v2' });
    const { id, fields } = await seedCard();

    const value = (await client.get({ records: [{ table: 'cards', ids: [id], redaction: 'PLAIN_TEXT' }] })) as {
      records: Array<{ fields: Record<string, unknown>; table: string }>;
    };
    expect(views).toHaveLength(1);
    const [view] = views;
    expect(view!.method).toBe('get');
    expect(view!.result).toBe(value);
    expect(view!.rejection).toBeUndefined();
    expect(view!.exchanges).toHaveLength(1);
    const [exchange] = view!.exchanges as Array<{ operation: string; request: any; response: any }>;
    expect(exchange!.operation).toBe('get');
    expect(exchange!.request).toMatchObject({ table: 'cards', ids: [id], redactionType: 'PLAIN_TEXT' });
    expect(exchange!.response.data).toEqual([expect.objectContaining({ skyflowId: id, cardholder_name: fields.cardholder_name })]);
    expect(value.records[0]!.fields).toMatchObject({ id, cardholder_name: fields.cardholder_name });

    // Unsubscribed: later calls are not shown, and a rejection shows the v2 error.
    const failing: DualView[] = [];
    dualView(bridge, (seen) => failing.push(seen));
    stop();
    const error = await rejection(client.get(getInput(randomUUID())));
    expect(views).toHaveLength(1);
    expect(failing[0]!.rejection).toBe(error);
    expect(failing[0]!.exchanges[0]!.error).toBeDefined();
  });
});
