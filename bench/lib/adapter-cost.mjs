// The cost of the v1 facade itself: the same vault operation called through
// skyflow-bridge/v1 and through the v2 core, with the network replaced by an
// in-process stub (bench/lib/stub-transport.ts), so what differs is only the
// facade's own work — validation, translation, the call-site lookup and the
// deprecation warning.
import { createHmac } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { Bench } from 'tinybench';

const VAULT_ID = 'benchvault01';
// Nothing is ever sent: the stub answers before any connection is made.
const VAULT_URL = 'https://127.0.0.1:1';
const TABLE = 'cards';

/**
 * @typedef {object} AdapterCostCase
 * @property {string} name
 * @property {number} records Records, tokens or ids per call.
 * @property {number} v1DefaultUs Mean µs per v1 call, warning on every call (the default policy).
 * @property {number} v1SilentUs Mean µs per v1 call with `deprecationWarnings: 'silent'`.
 * @property {number} v2Us Mean µs per call of the v2 core.
 * @property {number} v1DefaultP99Us
 * @property {number} v1SilentP99Us
 * @property {number} v2P99Us
 * @property {number} overheadDefaultUs v1DefaultUs − v2Us.
 * @property {number} overheadSilentUs v1SilentUs − v2Us.
 * @property {number} ratioDefault v1DefaultUs / v2Us.
 * @property {number} ratioSilent v1SilentUs / v2Us.
 * @property {number} samples Timed calls behind each mean (the fewest of the three variants).
 */

/**
 * Measures, per operation, the time of a v1 call (default and silent
 * warnings) against the equivalent v2 call, both over a stub transport.
 *
 * @param {{ root: string, quick?: boolean }} options `root`: the repository root (absolute); `quick`: a short run (~3 s instead of ~15 s).
 * @returns {Promise<{ cases: AdapterCostCase[] }>}
 */
export async function measureAdapterCost({ root, quick = false }) {
  const api = await loadWithStubTransport(root);
  const token = benchToken();

  return withQuietWarnings(async (warnings) => {
    // Made inside the quiet section: Skyflow.init warns too.
    const v1Default = api.v1.Skyflow.init({ vaultID: VAULT_ID, vaultURL: VAULT_URL, getBearerToken: () => token });
    const v1Silent = api.v1.Skyflow.init({
      vaultID: VAULT_ID,
      vaultURL: VAULT_URL,
      getBearerToken: () => token,
      options: { deprecationWarnings: 'silent' },
    });
    const v2Client = new api.v2.Skyflow({
      vaultConfigs: [{ vaultId: VAULT_ID, baseUrl: VAULT_URL, credentials: { token } }],
      // The facade's own v2 client logs nothing either (src/adapter/v2-client.ts).
      logLevel: api.v2.LogLevel.OFF,
    });
    const cases = operations(api, { v1Default, v1Silent, v2: v2Client.vault() });
    await new Promise((done) => setImmediate(done));

    for (const operation of cases) await validate(operation, api.stubTraffic, warnings);
    // Every variant is compiled by the JIT before any is timed, so the first
    // task timed does not pay for warming code the later ones share.
    for (const operation of cases) {
      for (const call of Object.values(operation.variants)) for (let i = 0; i < (quick ? 200 : 500); i++) await call();
    }
    // Several short rounds, the variants in a rotated order, and the lowest
    // mean kept: a slow stretch of the machine (GC, another process) then
    // hurts no variant more than another, and the minimum is the least disturbed.
    const rounds = quick ? 2 : 4;
    const timing = quick ? { time: 75, warmupTime: 15 } : { time: 250, warmupTime: 30 };
    const results = [];
    for (const operation of cases) results.push(await measureCase(operation, rounds, timing));
    return { cases: results };
  });
}

// Bundles the v1 and v2 public APIs from src/, with the transport swapped for
// the stub, and imports the bundle.
async function loadWithStubTransport(root) {
  const transportPath = resolve(root, 'src/v2/transport/Transport.ts');
  const stubPath = resolve(root, 'bench/lib/stub-transport.ts');
  let substitutions = 0;
  const result = await build({
    stdin: {
      contents: [
        "export * as v1 from './src/v1/index.ts';",
        "export * as v2 from './src/v2/index.ts';",
        "export { stubTraffic } from './bench/lib/stub-transport.ts';",
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'adapter-cost-entry.ts',
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Dependencies stay imports (the plugin below says where they are).
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'stub-transport',
        setup(builder) {
          builder.onResolve({ filter: /(^|\/)Transport(\.js|\.ts)?$/ }, (args) => {
            const target = resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts');
            if (target !== transportPath) return undefined;
            substitutions++;
            return { path: stubPath };
          });
          // The bundle is imported from a temporary directory, where bare
          // package names would not resolve: point them at this repository's
          // node_modules (this module lives inside the repository).
          builder.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('node:') || builtinModules.includes(args.path)) return { external: true };
            return { path: import.meta.resolve(args.path), external: true };
          });
        },
      },
    ],
  });
  if (substitutions === 0) throw new Error(`adapter-cost: nothing imports ${transportPath}; the transport stub was not used.`);
  // A directory named dist: the facade's call-site lookup (src/adapter/deprecation/call-site.ts)
  // skips frames under the package's src/ or dist/, so the reported caller is
  // this file, as it would be an application's file, and the stack walk costs what it does in production.
  const dir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-bench-'));
  try {
    await mkdir(join(dir, 'dist'));
    const file = join(dir, 'dist', 'adapter-cost.mjs');
    await writeFile(file, result.outputFiles[0].contents);
    return await import(pathToFileURL(file).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// A well-formed, unexpired HS256 JWT: both the v1 provider check and the v2
// token check decode it at each call, as they would a real one.
function benchToken() {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: 'bench', iat: now, exp: now + 10 * 365 * 24 * 3600 })}`;
  return `${unsigned}.${createHmac('sha256', 'bench-secret').update(unsigned).digest('base64url')}`;
}

// Each operation as the legacy app writes it and as its v2 replacement is
// written (the replacement the facade's own warning names). Inputs are built
// once; the v2 request object is built per call, as the facade builds one per
// call too. `wellFormed` counts the records of a result that have the expected
// fields. A legacy insert goes out as a batch (to stay all-or-nothing across
// tables) while its v2 replacement is a table insert: that difference is part
// of the facade's cost.
function operations(api, clients) {
  const { v1Default, v1Silent, v2 } = clients;
  const { InsertRequest, DetokenizeRequest, GetRequest, UpdateRequest, RedactionType } = api.v2;
  const ids = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
  const values = Array.from({ length: 25 }, (_, i) => ({
    card_number: `41111111111${String(i).padStart(5, '0')}`,
    cardholder_name: `Card Holder ${i}`,
  }));
  const tokens = Array.from({ length: 100 }, (_, i) => `tok-${String(i).padStart(4, '0')}-bench`);
  const id = ids[0];
  const change = { cardholder_name: 'New Name' };

  const insertV1 = { records: values.map((fields) => ({ table: TABLE, fields })) };
  const detokenizeV1 = { records: tokens.map((token) => ({ token })) };
  const detokenizeV2 = tokens.map((token) => ({ token, redactionType: RedactionType.PLAIN_TEXT }));
  const getV1 = { records: [{ table: TABLE, ids, redaction: api.v1.RedactionType.PLAIN_TEXT }] };
  const updateV1 = { records: [{ id, table: TABLE, fields: change }] };
  const count = (list, test) => list.filter(test).length;
  const isText = (value) => typeof value === 'string' && value.length > 0;

  return [
    {
      name: 'insert',
      records: 25,
      v1: (client) => client.insert(insertV1, { tokens: true }),
      v2: () => v2.insert(new InsertRequest({ table: TABLE, values, returnTokens: true })),
      wellFormed: {
        v1: (result) => count(result.records ?? [], (r) => isText(r.fields?.skyflow_id) && isText(r.fields.card_number)),
        v2: (result) => count(result.insertedFields, (r) => isText(r.skyflowId) && isText(r.card_number)),
      },
    },
    {
      name: 'detokenize',
      records: 100,
      v1: (client) => client.detokenize(detokenizeV1),
      v2: () => v2.detokenize(new DetokenizeRequest({ tokens: detokenizeV2, continueOnError: true })),
      wellFormed: {
        v1: (result) => count(result.records, (r) => isText(r.token) && isText(r.value)),
        v2: (result) => count(result.detokenizedFields, (r) => isText(r.token) && isText(r.value)),
      },
    },
    {
      name: 'get',
      records: 10,
      v1: (client) => client.get(getV1),
      v2: () => v2.get(new GetRequest({ table: TABLE, ids, redactionType: RedactionType.PLAIN_TEXT })),
      wellFormed: {
        v1: (result) => count(result.records, (r) => ids.includes(r.fields?.id) && isText(r.fields.card_number)),
        v2: (result) => count(result.data, (r) => ids.includes(r.skyflowId) && isText(r.card_number)),
      },
    },
    {
      name: 'update',
      records: 1,
      v1: (client) => client.update(updateV1, { tokens: true }),
      v2: () => v2.update(new UpdateRequest({ table: TABLE, data: { skyflowId: id, ...change }, returnTokens: true })),
      wellFormed: {
        v1: (result) => count(result.records, (r) => r.id === id && isText(r.fields?.cardholder_name)),
        v2: (result) => count([result.updatedField], (r) => r.skyflowId === id && isText(r.cardholder_name)),
      },
    },
  ].map((operation) => ({
    ...operation,
    variants: {
      v1Default: () => operation.v1(v1Default),
      v1Silent: () => operation.v1(v1Silent),
      v2: operation.v2,
    },
  }));
}

// One untimed call per variant: each must resolve with the right number of
// records after exactly one request to the stub, and only the default policy
// may warn — so a broken stub or setup cannot produce numbers.
async function validate(operation, traffic, warnings) {
  for (const [variant, call] of Object.entries(operation.variants)) {
    const before = { requests: traffic.requests, warnings: warnings.count };
    const result = await call();
    // Warnings are emitted on the next tick: let it pass.
    await new Promise((done) => setImmediate(done));
    const count = (variant === 'v2' ? operation.wellFormed.v2 : operation.wellFormed.v1)(result);
    const requests = traffic.requests - before.requests;
    const warned = warnings.count - before.warnings;
    const problem =
      count !== operation.records
        ? `resolved with ${count} well-formed records instead of ${operation.records}`
        : requests !== 1
          ? `sent ${requests} requests instead of 1`
          : warned !== (variant === 'v1Default' ? 1 : 0)
            ? `emitted ${warned} warnings`
            : undefined;
    if (problem) throw new Error(`adapter-cost: ${operation.name} (${variant}) ${problem}: ${JSON.stringify(result).slice(0, 300)}`);
  }
}

async function measureCase(operation, rounds, timing) {
  const names = Object.keys(operation.variants);
  const best = {};
  for (let round = 0; round < rounds; round++) {
    const bench = new Bench({ ...timing, throws: true });
    // Rotate the order each round.
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + round) % names.length];
      const call = operation.variants[name];
      bench.add(name, async () => {
        await call();
      });
    }
    await bench.run();
    for (const task of bench.tasks) {
      const { latency } = task.result;
      const previous = best[task.name];
      const samples = (previous?.samples ?? 0) + latency.samplesCount;
      best[task.name] =
        previous && previous.mean <= latency.mean ? { ...previous, samples } : { mean: latency.mean, p99: latency.p99, samples };
    }
  }
  const us = (ms) => round3(ms * 1000);
  const [v1DefaultUs, v1SilentUs, v2Us] = [best.v1Default.mean, best.v1Silent.mean, best.v2.mean].map(us);
  return {
    name: operation.name,
    records: operation.records,
    v1DefaultUs,
    v1SilentUs,
    v2Us,
    v1DefaultP99Us: us(best.v1Default.p99),
    v1SilentP99Us: us(best.v1Silent.p99),
    v2P99Us: us(best.v2.p99),
    overheadDefaultUs: round3(v1DefaultUs - v2Us),
    overheadSilentUs: round3(v1SilentUs - v2Us),
    ratioDefault: round3(v1DefaultUs / v2Us),
    ratioSilent: round3(v1SilentUs / v2Us),
    samples: Math.min(best.v1Default.samples, best.v1Silent.samples, best.v2.samples),
  };
}

// The default policy warns on every call through process.emitWarning. Node's
// own listener would print each one to stderr, so all listeners are taken off
// for the run (and put back after) and a counting no-op listens instead.
// Building and emitting the warning is still measured: only printing is not.
async function withQuietWarnings(run) {
  // --no-deprecation drops the warning before it is built and
  // --throw-deprecation throws it: either changes what a v1 call costs.
  for (const [flag, option] of [['noDeprecation', '--no-deprecation'], ['throwDeprecation', '--throw-deprecation']]) {
    if (process[flag]) throw new Error(`adapter-cost: Node runs with ${option}, which changes what a v1 call costs; run the benchmark without it.`);
  }
  const listeners = process.listeners('warning');
  const warnings = { count: 0 };
  const listener = () => void warnings.count++;
  process.removeAllListeners('warning');
  process.on('warning', listener);
  try {
    return await run(warnings);
  } finally {
    // Let the last warnings of the run reach the no-op listener, not Node's printer.
    await new Promise((done) => setImmediate(done));
    process.off('warning', listener);
    for (const original of listeners) process.on('warning', original);
  }
}

function round3(value) {
  return Math.round(value * 1000) / 1000;
}
