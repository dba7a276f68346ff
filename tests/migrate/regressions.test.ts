// Behaviours fixed after review, each pinned by the case that showed it.
import { describe, expect, it } from 'vitest';
import { createMigrationClient, type LegacyClientLike } from '../../src/migrate/index.js';
import { normalize } from '../../src/migrate/shadow/normalize.js';
import { thrownBy } from '../helpers/outcomes.js';

/** A client whose every method resolves `value` and counts its calls. */
function fake(value: (operation: string) => unknown = () => ({ records: [] })) {
  const calls: string[] = [];
  const client = Object.fromEntries(
    ['insert', 'detokenize', 'getById', 'get', 'update', 'delete', 'invokeConnection'].map((operation) => [
      operation,
      async () => {
        calls.push(operation);
        return value(operation);
      },
    ]),
  ) as unknown as LegacyClientLike;
  return { client, calls };
}

describe('migration client', () => {
  it('keeps the call when a tracer span throws', async () => {
    const legacy = fake();
    const throwing = { setAttribute: () => { throw new Error('attr'); }, end: () => { throw new Error('end'); } };
    const client = createMigrationClient({
      legacy: legacy.client,
      bridge: fake().client,
      openTelemetry: { tracer: { startSpan: () => throwing } },
    });
    await expect(client.get({})).resolves.toEqual({ records: [] });
    expect(legacy.calls).toEqual(['get']);
  });

  it('compares ids on reads: a swapped record is a mismatch', () => {
    const a = { resolved: { records: [{ fields: { skyflow_id: 'A', v: '1' } }, { fields: { skyflow_id: 'B', v: '2' } }] } };
    const b = { resolved: { records: [{ fields: { skyflow_id: 'B', v: '1' } }, { fields: { skyflow_id: 'A', v: '2' } }] } };
    expect(normalize(a, false)).not.toEqual(normalize(b, false));
    expect(normalize(a, true)).toEqual(normalize(b, true));
  });

  it('never runs a connection call, an update or a delete twice, even with a writeTarget', async () => {
    const legacy = fake();
    const target = fake();
    const client = createMigrationClient({ legacy: legacy.client, bridge: fake().client, route: 'shadow', shadow: { writeTarget: target.client } });
    const statuses: string[] = [];
    client.on('shadow', ({ status }) => statuses.push(status));
    await client.invokeConnection({ connectionURL: 'https://payments.example/charge', methodName: 'POST' });
    await client.update({ records: [] });
    await client.delete({ records: [] });
    await client.insert({ records: [] });
    await client.drain();
    await new Promise((resolve) => setImmediate(resolve));
    expect(target.calls).toEqual(['insert']);
    expect(legacy.calls).toEqual(['invokeConnection', 'update', 'delete', 'insert']);
    expect(statuses.filter((status) => status === 'skipped-write')).toHaveLength(3);
  });

  it('names shadow.writeTarget, and refuses a guard that is not an object or false, and a null route', () => {
    const ok = { legacy: fake().client, bridge: fake().client };
    expect(thrownBy(() => createMigrationClient({ ...ok, shadow: { writeTarget: {} as LegacyClientLike } })).message).toMatch(
      /^Invalid migration config\. shadow\.writeTarget must be a legacy client/,
    );
    for (const guard of [null, 'off', true]) {
      expect(thrownBy(() => createMigrationClient({ ...ok, guard: guard as never })).message).toBe(
        'Invalid migration config. guard must be an object of guard options, or false to turn the guard off.',
      );
    }
    expect(thrownBy(() => createMigrationClient({ ...ok, guard: { minSamples: 0.5 } })).message).toBe(
      'Invalid migration config. guard.minSamples must be a whole number.',
    );
    expect(thrownBy(() => createMigrationClient({ ...ok, route: null as never })).message).toMatch(/^Invalid migration config\. route must be/);
  });
});
