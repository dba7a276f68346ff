// One client in a process of its own. The parent sets it up once per
// workload, then asks for rounds; each round reports its latencies, its wall
// and CPU time, and the errors it met (their messages only: no values).
import { performance } from 'node:perf_hooks';
import { serve } from './child.mjs';
import { createDriver } from './clients.mjs';
import { WORKLOADS } from './workloads.mjs';

let driver;
let context;

serve({
  async setup({ client, vault, data, cardPrefix }) {
    driver = await createDriver(client, vault);
    context = { data, newCard: cardFactory(cardPrefix) };
    return { pid: process.pid };
  },

  /** Inserts `count` records, 25 at a time, and returns their ids and card-number tokens. */
  async seed({ count }) {
    const ids = [];
    const tokens = [];
    while (ids.length < count) {
      const batch = Array.from({ length: Math.min(25, count - ids.length) }, () => context.newCard());
      for (const { skyflowId, token } of await driver.insert(batch)) {
        ids.push(skyflowId);
        tokens.push(token);
      }
    }
    return { ids, tokens };
  },

  /** Rounds of `ops` until `durationMs` has passed: the JIT reaches its steady state before anything is measured. */
  async warmUp({ workload: name, ops, durationMs }) {
    const workload = workloadNamed(name);
    const until = performance.now() + durationMs;
    let rounds = 0;
    do {
      await inFlight(ops, workload.concurrency, (index) => workload.run(driver, context, index).catch(() => {}));
      rounds++;
    } while (performance.now() < until);
    return { rounds };
  },

  async round({ workload: name, ops }) {
    const workload = workloadNamed(name);
    const latencies = new Float64Array(ops);
    let errors = 0;
    let firstError;
    const providerCallsBefore = driver.providerCalls();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await inFlight(ops, workload.concurrency, async (index) => {
      const start = performance.now();
      try {
        await workload.run(driver, context, index);
      } catch (error) {
        errors++;
        firstError ??= describeError(error);
      }
      latencies[index] = performance.now() - start;
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const providerCalls = driver.providerCalls();
    return {
      ops,
      wallMs,
      cpuUs: cpu.user + cpu.system,
      latencies,
      errors,
      firstError,
      providerCalls: providerCalls === null ? null : providerCalls - providerCallsBefore,
    };
  },

  /**
   * `calls` single-record inserts, `concurrency` in flight; after every
   * `calls / samples` calls a full GC, then RSS and heap are sampled.
   */
  async memory({ calls, concurrency, samples }) {
    if (typeof globalThis.gc !== 'function') throw new Error('the memory run needs node --expose-gc');
    const every = Math.ceil(calls / samples);
    const points = [];
    const sample = (done) => {
      globalThis.gc();
      const { rss, heapUsed } = process.memoryUsage();
      points.push({ calls: done, rssBytes: rss, heapUsedBytes: heapUsed });
    };
    sample(0);
    let errors = 0;
    for (let done = 0; done < calls; done += every) {
      const batch = Math.min(every, calls - done);
      await inFlight(batch, concurrency, async () => {
        try {
          await driver.insert([context.newCard()]);
        } catch {
          errors++;
        }
      });
      sample(done + batch);
    }
    return { points, errors, usageEntries: driver.usageEntries?.() ?? null };
  },

  finish() {
    return { maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  },

  close: () => driver?.close(),
});

// What failed, in a line: an Error's name and message, or the code and
// description of a legacy SDK's `{ error: { code, description } }` rejection.
// SDK errors name no values, so the line can go into the report.
function describeError(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  const body = error?.error ?? error;
  if (body && typeof body === 'object' && ('code' in body || 'description' in body)) {
    return `${body.code ?? 'no code'}: ${body.description ?? 'no description'}`;
  }
  return 'a rejection that is neither an Error nor a legacy error body';
}

function workloadNamed(name) {
  const workload = WORKLOADS.find((candidate) => candidate.name === name);
  if (!workload) throw new Error(`unknown workload '${name}'`);
  return workload;
}

/** Runs `task(0 … total-1)` with at most `concurrency` in flight. */
async function inFlight(total, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < total) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
}

// Card numbers are unique in the vault: a two-digit prefix per process, then a counter.
function cardFactory(prefix) {
  let sequence = 0;
  return () => {
    const digits = `${String(prefix).padStart(2, '0')}${String(sequence++).padStart(14, '0')}`;
    return {
      card_number: `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8, 12)}-${digits.slice(12)}`,
      cardholder_name: 'Ada Lovelace',
      expiry_date: '12/30',
      cvv: '123',
    };
  };
}
