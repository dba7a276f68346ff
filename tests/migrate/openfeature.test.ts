// Routing by an OpenFeature flag, with the SDK's in-memory provider: the
// flag's variant picks the route per targeting key; a missing flag, a value
// that is not a route and a failing provider fall back to the default route
// and say why, and the call still goes through. The two clients are fakes
// (no HTTP is involved in choosing a route).
import { randomUUID } from 'node:crypto';
import { OpenFeature, TypedInMemoryProvider, type EvaluationContext, type Provider } from '@openfeature/server-sdk';
import { describe, expect, it } from 'vitest';
import {
  createMigrationClient,
  OPERATIONS,
  type OpenFeatureClientLike,
  type Operation, type ProblemEvent, type ResultEvent, type Route, type ShadowEvent } from '../../src/migrate/index.js';

const FLAG = 'vault-route';

/** A legacy-shaped client whose methods resolve a fresh `{ records: [{ operation }] }` and count calls. */
function fakeClient() {
  const calls: Array<{ operation: Operation; args: unknown[] }> = [];
  const results: unknown[] = [];
  const client = Object.fromEntries(
    OPERATIONS.map((operation) => [
      operation,
      async (...args: unknown[]) => {
        calls.push({ operation, args });
        const result = { records: [{ operation }] };
        results.push(result);
        return result;
      },
    ]),
  ) as Record<Operation, (...args: unknown[]) => Promise<unknown>>;
  return { client, calls, results };
}

/** An OpenFeature client of its own domain, served by `provider`. */
async function openFeatureClient(provider: Provider) {
  const domain = `migrate-${randomUUID()}`;
  await OpenFeature.setProviderAndWait(domain, provider);
  return OpenFeature.getClient(domain);
}

/** The route flag: v2 for tenant-new, shadow for tenant-trial, legacy for everyone else and for deletes. */
function routeFlagProvider() {
  return new TypedInMemoryProvider({
    [FLAG]: {
      variants: { old: 'legacy', compare: 'shadow', new: 'v2' },
      defaultVariant: 'old',
      disabled: false,
      contextEvaluator: (context: EvaluationContext) =>
        context['operation'] === 'delete' ? 'old' : context.targetingKey === 'tenant-new' ? 'new' : context.targetingKey === 'tenant-trial' ? 'compare' : 'old',
    },
  });
}

/** A migration client routed by `flagKey` of `client`, the tenant of a call being its first argument's `tenant`. */
function routedBy(flagClient: OpenFeatureClientLike, flagKey = FLAG, defaultRoute: Route = 'legacy') {
  const legacy = fakeClient();
  const bridge = fakeClient();
  const client = createMigrationClient({
    legacy: legacy.client,
    bridge: bridge.client,
    route: {
      default: defaultRoute,
      openFeature: { client: flagClient, flagKey, context: (_operation, args) => ({ targetingKey: (args[0] as { tenant?: string } | undefined)?.tenant }) },
    },
  });
  const results: ResultEvent[] = [];
  const shadows: ShadowEvent[] = [];
  const problems: ProblemEvent[] = [];
  client.on('result', (event) => results.push(event));
  client.on('shadow', (event) => shadows.push(event));
  client.on('problem', (event) => problems.push(event));
  return { client, legacy, bridge, results, shadows, problems };
}

describe('an OpenFeature flag routes each call', () => {
  it('by its variant for the call\'s targeting key', async () => {
    const setup = routedBy(await openFeatureClient(routeFlagProvider()));
    const { client, legacy, bridge, results } = setup;

    expect(await client.get({ tenant: 'tenant-new' })).toBe(bridge.results[0]);
    expect(results[0]).toMatchObject({ operation: 'get', route: 'v2', outcome: 'resolved', reason: `openfeature ${FLAG}: new (TARGETING_MATCH)` });
    expect(legacy.calls).toHaveLength(0);

    expect(await client.get({ tenant: 'tenant-old' })).toBe(legacy.results[0]);
    expect(results[1]).toMatchObject({ route: 'legacy', reason: `openfeature ${FLAG}: old (TARGETING_MATCH)` });
    expect(bridge.calls).toHaveLength(1);

    // Shadow: the caller gets the legacy result; the bridge runs beside it and agrees.
    expect(await client.detokenize({ tenant: 'tenant-trial' })).toBe(legacy.results[1]);
    await client.drain();
    expect(results[2]).toMatchObject({ operation: 'detokenize', route: 'shadow', reason: `openfeature ${FLAG}: compare (TARGETING_MATCH)` });
    expect(setup.shadows).toEqual([expect.objectContaining({ operation: 'detokenize', status: 'match' })]);
    expect(bridge.calls.map((c) => c.operation)).toEqual(['get', 'detokenize']);

    // The evaluation context always names the operation.
    await client.delete({ tenant: 'tenant-new' });
    expect(results[3]).toMatchObject({ operation: 'delete', route: 'legacy' });
    expect(setup.problems).toEqual([]);
  });

  it('follows a change of the flag on the next call', async () => {
    const provider = routeFlagProvider();
    const { client, results } = routedBy(await openFeatureClient(provider));
    await client.get({ tenant: 'tenant-x' });
    provider.putConfiguration({ [FLAG]: { variants: { all: 'v2' }, defaultVariant: 'all', disabled: false } });
    await client.get({ tenant: 'tenant-x' });
    expect(results.map(({ route, reason }) => [route, reason])).toEqual([
      ['legacy', `openfeature ${FLAG}: old (TARGETING_MATCH)`],
      ['v2', `openfeature ${FLAG}: all (STATIC)`],
    ]);
  });

  it('uses the default route for a disabled flag', async () => {
    const provider = new TypedInMemoryProvider({ [FLAG]: { variants: { new: 'v2' }, defaultVariant: 'new', disabled: true } });
    const { client, results, bridge } = routedBy(await openFeatureClient(provider), FLAG, 'legacy');
    await client.get({ tenant: 'tenant-new' });
    expect(results[0]).toMatchObject({ route: 'legacy', reason: `openfeature ${FLAG}: legacy (DISABLED)` });
    expect(bridge.calls).toHaveLength(0);
  });
});

describe('when the flag cannot decide, the default route takes the call and the reason says why', () => {
  it('a flag that does not exist', async () => {
    const { client, legacy, bridge, results } = routedBy(await openFeatureClient(routeFlagProvider()), 'no-such-flag', 'legacy');
    expect(await client.get({ tenant: 'tenant-new' })).toBe(legacy.results[0]);
    expect(results[0]).toMatchObject({ route: 'legacy', outcome: 'resolved', reason: 'openfeature no-such-flag: FLAG_NOT_FOUND: default route' });
    expect(bridge.calls).toHaveLength(0);
  });

  it('a flag whose value is not a route', async () => {
    const provider = new TypedInMemoryProvider({
      [FLAG]: { variants: { typo: 'V2', other: 'bridge' }, defaultVariant: 'typo', disabled: false },
    });
    const { client, legacy, results } = routedBy(await openFeatureClient(provider), FLAG, 'legacy');
    expect(await client.insert({ tenant: 'tenant-new' })).toBe(legacy.results[0]);
    expect(results[0]).toMatchObject({ route: 'legacy', outcome: 'resolved', reason: `openfeature ${FLAG}: not a route: default route` });
  });

  it('a flag of another type', async () => {
    const provider = new TypedInMemoryProvider({ [FLAG]: { variants: { on: true }, defaultVariant: 'on', disabled: false } });
    const { client, results } = routedBy(await openFeatureClient(provider), FLAG, 'shadow');
    await client.get({ tenant: 'tenant-new' });
    await client.drain();
    expect(results[0]).toMatchObject({ route: 'shadow', reason: `openfeature ${FLAG}: TYPE_MISMATCH: default route` });
  });

  it('a provider whose evaluation throws', async () => {
    const failing: Provider = {
      metadata: { name: 'failing' },
      runsOn: 'server',
      resolveBooleanEvaluation: async () => {
        throw new Error('flag service unreachable');
      },
      resolveStringEvaluation: async () => {
        throw new Error('flag service unreachable');
      },
      resolveNumberEvaluation: async () => {
        throw new Error('flag service unreachable');
      },
      resolveObjectEvaluation: async () => {
        throw new Error('flag service unreachable');
      },
    };
    const { client, legacy, bridge, results } = routedBy(await openFeatureClient(failing), FLAG, 'legacy');
    expect(await client.getById({ tenant: 'tenant-new' })).toBe(legacy.results[0]);
    expect(results[0]).toMatchObject({ route: 'legacy', outcome: 'resolved', reason: `openfeature ${FLAG}: GENERAL: default route` });
    expect(bridge.calls).toHaveLength(0);
  });

  it('a client (not the SDK\'s) whose getStringDetails throws, reported as a problem', async () => {
    const broken = {
      getStringDetails: async (): Promise<{ value: string }> => {
        throw new TypeError('not connected');
      },
    };
    const legacy = fakeClient();
    const client = createMigrationClient({ legacy: legacy.client, bridge: fakeClient().client, route: { openFeature: { client: broken, flagKey: FLAG } } });
    const results: ResultEvent[] = [];
    const problems: ProblemEvent[] = [];
    client.on('result', (event) => results.push(event));
    client.on('problem', (event) => problems.push(event));
    expect(await client.get({})).toBe(legacy.results[0]);
    expect(results[0]).toMatchObject({ route: 'legacy', reason: `openfeature ${FLAG}: evaluation failed: default route` });
    expect(problems).toEqual([{ source: 'openFeature', message: 'TypeError: not connected' }]);
  });

  it('a throwing context function, reported as a problem', async () => {
    const legacy = fakeClient();
    const client = createMigrationClient({
      legacy: legacy.client,
      bridge: fakeClient().client,
      route: {
        default: 'legacy',
        openFeature: {
          client: await openFeatureClient(routeFlagProvider()),
          flagKey: FLAG,
          context: () => {
            throw new Error('no request scope');
          },
        },
      },
    });
    const problems: ProblemEvent[] = [];
    client.on('problem', (event) => problems.push(event));
    const result = await client.update({});
    expect(result).toBe(legacy.results[0]);
    expect(problems).toEqual([{ source: 'openFeature', message: 'Error: no request scope' }]);
  });
});
