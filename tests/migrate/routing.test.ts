// Routing of the migration client, without a network: the sticky percentage
// ramp (bucketOf / inRamp) and the Router's strategies, their precedence,
// their failures (reported, never thrown into a call) and their config checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf, inRamp } from '../../src/migrate/routing/ramp.js';
import { Router, type Decision, type RouteConfig } from '../../src/migrate/routing/Router.js';
import { OPERATIONS, type Operation, type Route } from '../../src/migrate/operations.js';
import { createMigrationClient } from '../../src/migrate/index.js';
import { thrownBy } from '../helpers/outcomes.js';

/** Ten thousand distinct targeting keys, the same on every run. */
const KEYS = Array.from({ length: 10_000 }, (_, i) => `tenant-${i}`);

interface Problem {
  source: string;
  error: unknown;
}

/** A decision of `router`, with the problems it reported. */
async function decide(router: Router, operation: Operation = 'get', args: readonly unknown[] = []): Promise<Decision & { problems: Problem[] }> {
  const problems: Problem[] = [];
  const decision = await router.decide(operation, args, (source, error) => problems.push({ source, error }));
  return { ...decision, problems };
}

/** A ramp router whose targeting key is the first argument of the call. */
function rampRouter(percent: number, extra: Partial<Exclude<RouteConfig, Route>> = {}, flagKey = 'vault-v2'): Router {
  return new Router({ ...extra, ramp: { flagKey, percent, targetingKey: (_operation, args) => args[0] as string | undefined } });
}

const share = (keys: readonly string[], flagKey: string, percent: number) =>
  (keys.filter((key) => inRamp(bucketOf(flagKey, key), percent)).length / keys.length) * 100;

describe('the sticky ramp', () => {
  it('puts every key in one integer bucket in [0, 10000), the same on every call', () => {
    expect(BUCKETS).toBe(10_000);
    fc.assert(
      fc.property(fc.string(), fc.string(), (flagKey, key) => {
        const bucket = bucketOf(flagKey, key);
        expect(Number.isInteger(bucket)).toBe(true);
        expect(bucket).toBeGreaterThanOrEqual(0);
        expect(bucket).toBeLessThan(BUCKETS);
        expect(bucketOf(flagKey, key)).toBe(bucket);
      }),
    );
    // Pinned: a change of the hash would move customers of a running ramp between paths on upgrade.
    expect([bucketOf('vault-v2', 'tenant-1'), bucketOf('vault-v2', 'tenant-2'), bucketOf('flag-a', 'user-42')]).toEqual([5060, 3873, 9852]);
  });

  it.each([10, 25, 50, 90])('sends %i %% of 10,000 keys into the ramp, within 2 points', (percent) => {
    expect(Math.abs(share(KEYS, 'vault-v2', percent) - percent)).toBeLessThanOrEqual(2);
  });

  it('has nobody in at 0 % and everybody in at 100 %', () => {
    expect(share(KEYS, 'vault-v2', 0)).toBe(0);
    expect(share(KEYS, 'vault-v2', 100)).toBe(100);
  });

  it('never moves a key out when the percentage rises (any keys, any rising percentages)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.uniqueArray(fc.string(), { maxLength: 60 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 2, maxLength: 8 }),
        (flagKey, keys, percents) => {
          let inBefore = new Set<string>();
          for (const percent of [...percents].sort((a, b) => a - b)) {
            const inNow = new Set(keys.filter((key) => inRamp(bucketOf(flagKey, key), percent)));
            for (const key of inBefore) expect(inNow.has(key)).toBe(true);
            inBefore = inNow;
          }
        },
      ),
    );
  });

  it('keeps a router\'s keys on v2 as setRampPercent raises the percentage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 6 }),
        async (keys, percents) => {
          const router = rampRouter(0);
          let onV2 = new Set<string>();
          for (const percent of [...percents].sort((a, b) => a - b)) {
            router.setRampPercent(percent);
            const now = new Set<string>();
            for (const key of keys) if ((await decide(router, 'get', [key])).route === 'v2') now.add(key);
            for (const key of onV2) expect(now.has(key)).toBe(true);
            onV2 = now;
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('gives the same key the same decision at a fixed percentage, from any router', async () => {
    const first = rampRouter(37);
    const second = rampRouter(37);
    for (const key of KEYS.slice(0, 200)) {
      const decisions = await Promise.all([decide(first, 'get', [key]), decide(first, 'get', [key]), decide(second, 'detokenize', [key])]);
      expect(new Set(decisions.map((d) => d.route)).size).toBe(1);
      expect(new Set(decisions.map((d) => d.reason)).size).toBe(1);
    }
  });

  it('splits keys independently for two flag keys', () => {
    const inA = KEYS.filter((key) => inRamp(bucketOf('flag-a', key), 50));
    const inBoth = inA.filter((key) => inRamp(bucketOf('flag-b', key), 50));
    // Independent halves overlap on a quarter of the keys; the same hash would overlap on half.
    expect(Math.abs((inBoth.length / KEYS.length) * 100 - 25)).toBeLessThanOrEqual(2);

    const a = KEYS.map((key) => bucketOf('flag-a', key));
    const b = KEYS.map((key) => bucketOf('flag-b', key));
    expect(Math.abs(correlation(a, b))).toBeLessThan(0.05);
  });

  it('explains a ramp decision with the flag key, the bucket and the percentage', async () => {
    const key = KEYS.find((k) => bucketOf('vault-v2', k) < 5000)!;
    const out = KEYS.find((k) => bucketOf('vault-v2', k) >= 5000)!;
    const router = rampRouter(50);
    expect(await decide(router, 'get', [key])).toEqual({
      route: 'v2',
      reason: `ramp vault-v2: bucket ${bucketOf('vault-v2', key)} of 10000, inside 50%`,
      problems: [],
    });
    expect(await decide(router, 'get', [out])).toEqual({
      route: 'legacy',
      reason: `ramp vault-v2: bucket ${bucketOf('vault-v2', out)} of 10000, outside 50%`,
      problems: [],
    });
  });
});

describe('the router', () => {
  it('sends every call to a constant route', async () => {
    for (const route of ['legacy', 'shadow', 'v2'] as const) {
      const router = new Router(route);
      for (const operation of OPERATIONS) {
        expect(await decide(router, operation)).toEqual({ route, reason: 'default route', problems: [] });
      }
    }
  });

  it('defaults to legacy, and to `default` when nothing else decides', async () => {
    expect((await decide(new Router())).route).toBe('legacy');
    expect((await decide(new Router({}))).route).toBe('legacy');
    expect(await decide(new Router({ default: 'shadow' }))).toEqual({ route: 'shadow', reason: 'default route', problems: [] });
    expect((await decide(new Router({ default: 'v2', operations: { insert: 'legacy' } }), 'get')).route).toBe('v2');
  });

  describe('a per-operation override wins over every strategy', () => {
    const everyoneOnV2 = { flagKey: 'f', percent: 100, targetingKey: () => 'tenant-1' };
    const openFeatureV2 = { client: { getStringDetails: async () => ({ value: 'v2', reason: 'STATIC' }) }, flagKey: 'f' };
    it.each<[string, Exclude<RouteConfig, Route>]>([
      ['ramp', { ramp: everyoneOnV2 }],
      ['openFeature', { openFeature: openFeatureV2 }],
      ['decide', { decide: () => 'v2' }],
      ['the default', { default: 'v2' }],
    ])('%s', async (_name, config) => {
      const router = new Router({ ...config, operations: { insert: 'legacy', delete: 'shadow' } });
      expect(await decide(router, 'insert')).toEqual({ route: 'legacy', reason: 'operation override: insert → legacy', problems: [] });
      expect(await decide(router, 'delete')).toEqual({ route: 'shadow', reason: 'operation override: delete → shadow', problems: [] });
      expect((await decide(router, 'get')).route).toBe('v2');
    });
  });

  it('asks a decide function, sync or async, with the operation and arguments', async () => {
    const seen: unknown[] = [];
    const sync = new Router({
      decide: (operation, args) => {
        seen.push([operation, args]);
        return args[0] === 'new' ? 'v2' : 'shadow';
      },
    });
    expect(await decide(sync, 'get', ['new'])).toEqual({ route: 'v2', reason: 'decide function', problems: [] });
    expect(await decide(sync, 'update', ['old', 1])).toEqual({ route: 'shadow', reason: 'decide function', problems: [] });
    expect(seen).toEqual([
      ['get', ['new']],
      ['update', ['old', 1]],
    ]);

    const async = new Router({ decide: async (operation) => (operation === 'get' ? 'v2' : 'legacy') });
    expect(await decide(async, 'get')).toEqual({ route: 'v2', reason: 'decide function', problems: [] });
    expect((await decide(async, 'insert')).route).toBe('legacy');
  });

  it.each<[string, () => Route | Promise<Route>, string]>([
    ['throws', () => { throw new TypeError('flag store down'); }, 'flag store down'],
    ['rejects', () => Promise.reject(new Error('timed out')), 'timed out'],
    ['returns a non-route', () => 'v3' as Route, 'decide returned "v3", not legacy, shadow or v2'],
    ['returns nothing', () => undefined as unknown as Route, 'decide returned undefined, not legacy, shadow or v2'],
    ['resolves to a non-route', async () => ({ route: 'v2' }) as unknown as Route, 'decide returned {"route":"v2"}, not legacy, shadow or v2'],
  ])('falls back to the default route when decide %s, and reports it', async (_name, decideFn, message) => {
    const outcome = await decide(new Router({ default: 'shadow', decide: decideFn }));
    expect(outcome.route).toBe('shadow');
    expect(outcome.reason).toBe('decide function failed: default route');
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.source).toBe('decide');
    expect((outcome.problems[0]!.error as Error).message).toBe(message);
  });

  it('sends a call without a targeting key to the ramp\'s otherwise route', async () => {
    const router = new Router({
      ramp: { flagKey: 'f', percent: 100, route: 'v2', otherwise: 'shadow', targetingKey: (_operation, args) => args[0] as string | undefined },
    });
    for (const key of [undefined, '', 42, null]) {
      expect(await decide(router, 'get', [key])).toEqual({ route: 'shadow', reason: 'ramp: no targeting key', problems: [] });
    }
    expect((await decide(router, 'get', ['tenant-1'])).route).toBe('v2');
  });

  it('reports a throwing targetingKey and keeps the call off the ramp, as for a missing key', async () => {
    const failure = new Error('no tenant in context');
    const router = new Router({
      default: 'legacy',
      ramp: { flagKey: 'f', percent: 100, otherwise: 'shadow', targetingKey: () => { throw failure; } },
    });
    const outcome = await decide(router);
    expect(outcome).toEqual({
      route: 'shadow',
      reason: 'ramp: targetingKey failed',
      problems: [{ source: 'ramp.targetingKey', error: failure }],
    });
  });

  it('replaces its config with set(), and keeps it when the new one is invalid', async () => {
    const router = new Router('shadow');
    router.set('v2');
    expect((await decide(router)).route).toBe('v2');
    thrownBy(() => router.set({ default: 'v3' as Route }));
    expect((await decide(router)).route).toBe('v2');
  });

  it('moves the ramp with setRampPercent, and refuses a percentage out of range without changing it', async () => {
    const router = rampRouter(0);
    expect((await decide(router, 'get', ['tenant-1'])).route).toBe('legacy');
    router.setRampPercent(100);
    expect((await decide(router, 'get', ['tenant-1'])).route).toBe('v2');
    expect(thrownBy(() => router.setRampPercent(101)).message).toBe('Invalid migration config. route.ramp.percent must be a number from 0 to 100.');
    expect((await decide(router, 'get', ['tenant-1'])).route).toBe('v2');
  });
});

describe('an invalid routing config is a SkyflowError that names the option', () => {
  const targetingKey = () => 'k';
  const ramp = { flagKey: 'f', percent: 10, targetingKey };
  const client = { getStringDetails: async () => ({ value: 'v2' }) };
  const ROUTE_FORMS = "route must be 'legacy', 'shadow', 'v2' or an object with default, operations, ramp, openFeature or decide.";
  const PERCENT = 'route.ramp.percent must be a number from 0 to 100.';

  it.each<[string, unknown, string]>([
    ['an unknown route name', 'v3', ROUTE_FORMS],
    ['null', null, ROUTE_FORMS],
    ['a number', 2, ROUTE_FORMS],
    ['a bad default', { default: 'new' }, "route.default must be 'legacy', 'shadow' or 'v2'."],
    [
      'an unknown operation name',
      { operations: { fetch: 'v2' } },
      'route.operations: unknown operation fetch; use one of insert, detokenize, getById, get, update, delete, invokeConnection.',
    ],
    ['a bad route of an operation', { operations: { get: 'v1' } }, "route.operations.get must be 'legacy', 'shadow' or 'v2'."],
    ['ramp and decide', { ramp, decide: () => 'v2' }, 'route takes one of ramp, openFeature or decide, not ramp and decide.'],
    ['ramp and openFeature', { ramp, openFeature: { client, flagKey: 'f' } }, 'route takes one of ramp, openFeature or decide, not ramp and openFeature.'],
    [
      'all three strategies',
      { ramp, openFeature: { client, flagKey: 'f' }, decide: () => 'v2' },
      'route takes one of ramp, openFeature or decide, not ramp and openFeature and decide.',
    ],
    ['a ramp that is not an object', { ramp: 'ten percent' }, 'route.ramp must be an object.'],
    ['a negative percent', { ramp: { ...ramp, percent: -1 } }, PERCENT],
    ['a percent over 100', { ramp: { ...ramp, percent: 100.5 } }, PERCENT],
    ['a NaN percent', { ramp: { ...ramp, percent: Number.NaN } }, PERCENT],
    ['an infinite percent', { ramp: { ...ramp, percent: Number.POSITIVE_INFINITY } }, PERCENT],
    ['a percent as a string', { ramp: { ...ramp, percent: '50' } }, PERCENT],
    ['a missing percent', { ramp: { flagKey: 'f', targetingKey } }, PERCENT],
    ['a ramp without flagKey', { ramp: { percent: 10, targetingKey } }, 'route.ramp.flagKey must be a non-empty string.'],
    ['a ramp with an empty flagKey', { ramp: { ...ramp, flagKey: '' } }, 'route.ramp.flagKey must be a non-empty string.'],
    ['a non-function targetingKey', { ramp: { ...ramp, targetingKey: 'tenantId' } }, 'route.ramp.targetingKey must be a function of (operation, args).'],
    ['a missing targetingKey', { ramp: { flagKey: 'f', percent: 10 } }, 'route.ramp.targetingKey must be a function of (operation, args).'],
    ['a bad ramp route', { ramp: { ...ramp, route: 'new' } }, "route.ramp.route and otherwise must be 'legacy', 'shadow' or 'v2'."],
    ['a bad ramp otherwise', { ramp: { ...ramp, otherwise: 'old' } }, "route.ramp.route and otherwise must be 'legacy', 'shadow' or 'v2'."],
    [
      'an openFeature client without getStringDetails',
      { openFeature: { client: {}, flagKey: 'f' } },
      'route.openFeature.client must be an OpenFeature client (with getStringDetails).',
    ],
    [
      'an openFeature config that is not an object',
      { openFeature: 'vault-v2' },
      'route.openFeature.client must be an OpenFeature client (with getStringDetails).',
    ],
    ['an openFeature config without flagKey', { openFeature: { client } }, 'route.openFeature.flagKey must be a non-empty string.'],
    ['a non-function openFeature context', { openFeature: { client, flagKey: 'f', context: {} } }, 'route.openFeature.context must be a function.'],
    ['a non-function decide', { decide: 'v2' }, 'route.decide must be a function.'],
  ])('%s', (_name, config, message) => {
    const error = thrownBy(() => new Router(config as RouteConfig));
    expect(error.message).toBe(`Invalid migration config. ${message}`);
    expect(error.httpCode).toBe(400);
    // The same check guards the migration client, at construction and in setRoute
    // (`route: null` at construction reads as no route, i.e. the default, so it is left out there).
    if (config !== null) {
      expect(thrownBy(() => createMigrationClient({ legacy: fakeClient(), bridge: fakeClient(), route: config as RouteConfig })).message).toBe(
        `Invalid migration config. ${message}`,
      );
    }
    const migration = createMigrationClient({ legacy: fakeClient(), bridge: fakeClient() });
    expect(thrownBy(() => migration.setRoute(config as RouteConfig)).message).toBe(`Invalid migration config. ${message}`);
  });

  it('setRampPercent without a ramp', () => {
    for (const router of [new Router('v2'), new Router({ decide: () => 'v2' })]) {
      expect(thrownBy(() => router.setRampPercent(10)).message).toBe('Invalid migration config. There is no ramp to set: give route.ramp first.');
    }
    const migration = createMigrationClient({ legacy: fakeClient(), bridge: fakeClient(), route: 'shadow' });
    expect(thrownBy(() => migration.setRampPercent(10)).message).toBe('Invalid migration config. There is no ramp to set: give route.ramp first.');
  });

  it.each([-0.01, 100.01, Number.NaN, '10' as unknown as number])('setRampPercent(%s)', (percent) => {
    expect(thrownBy(() => rampRouter(10).setRampPercent(percent)).message).toBe(`Invalid migration config. ${PERCENT}`);
  });
});

/** A legacy-shaped client that is never called here. */
function fakeClient() {
  const never = async (): Promise<unknown> => {
    throw new Error('not called in routing tests');
  };
  return Object.fromEntries(OPERATIONS.map((operation) => [operation, never])) as Record<Operation, () => Promise<unknown>>;
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  const ma = mean(a);
  const mb = mean(b);
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    cov += da * db;
    va += da * da;
    vb += db * db;
  }
  return cov / Math.sqrt(va * vb);
}
