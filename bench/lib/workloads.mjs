// The workloads. Each runs in rounds; every client runs every round, one
// client at a time, so that drift of the machine hits all clients alike.
// `run` makes one operation and throws when the answer is not what was asked
// for: a client that answers wrongly cannot look fast.

/**
 * @typedef {object} Driver
 * @property {(records: object[]) => Promise<Array<{ skyflowId: string, token: string }>>} insert
 * @property {(tokens: string[]) => Promise<number>} detokenize
 * @property {(ids: string[]) => Promise<number>} get
 * @property {(id: string, fields: object) => Promise<number>} update
 *
 * @typedef {object} Context
 * @property {{ ids: string[], tokens: string[] }} data records seeded before the run
 * @property {() => object} newCard a card whose number no other insert uses
 *
 * @typedef {object} Workload
 * @property {string} name
 * @property {string} title
 * @property {number} concurrency operations in flight at once
 * @property {'main' | 'shortTtl'} vault
 * @property {{ full: Shape, quick: Shape }} shape
 * @property {number} [roundSpacingMs] least time between the starts of one client's rounds
 * @property {(driver: Driver, context: Context, index: number) => Promise<void>} run
 *
 * @typedef {{ rounds: number, opsPerRound: number }} Shape
 */

const EXPIRY_DATES = ['01/30', '02/31', '03/32', '04/33'];

/** @type {Workload[]} */
export const WORKLOADS = [
  {
    name: 'insert-1',
    title: 'Insert of 1 record, sequential (latency)',
    concurrency: 1,
    vault: 'main',
    shape: { full: { rounds: 10, opsPerRound: 50 }, quick: { rounds: 2, opsPerRound: 15 } },
    run: async (driver, context) => expectCount(await driver.insert([context.newCard()]), 1),
  },
  {
    name: 'insert-25',
    title: 'Insert of 25 records, 4 in flight (throughput)',
    concurrency: 4,
    vault: 'main',
    shape: { full: { rounds: 10, opsPerRound: 24 }, quick: { rounds: 2, opsPerRound: 8 } },
    run: async (driver, context) =>
      expectCount(await driver.insert(Array.from({ length: 25 }, () => context.newCard())), 25),
  },
  {
    name: 'detokenize-100',
    title: 'Detokenize of 100 tokens in one call, sequential',
    concurrency: 1,
    vault: 'main',
    shape: { full: { rounds: 8, opsPerRound: 6 }, quick: { rounds: 2, opsPerRound: 2 } },
    run: async (driver, context) => expectCount(await driver.detokenize(context.data.tokens.slice(0, 100)), 100),
  },
  {
    name: 'get-10',
    title: 'Get of 10 ids in one call, sequential',
    concurrency: 1,
    vault: 'main',
    shape: { full: { rounds: 10, opsPerRound: 40 }, quick: { rounds: 2, opsPerRound: 12 } },
    run: async (driver, context, index) => expectCount(await driver.get(window(context.data.ids, index, 10)), 10),
  },
  {
    name: 'update',
    title: 'Update of 1 record, sequential',
    concurrency: 1,
    vault: 'main',
    shape: { full: { rounds: 10, opsPerRound: 50 }, quick: { rounds: 2, opsPerRound: 15 } },
    run: async (driver, context, index) =>
      expectCount(await driver.update(pick(context.data.ids, index), { expiry_date: pick(EXPIRY_DATES, index) }), 1),
  },
  {
    name: 'mixed-16',
    title: 'Mixed (40 % detokenize of 10, 30 % get of 5, 20 % insert of 1, 10 % update), 16 in flight',
    concurrency: 16,
    vault: 'main',
    shape: { full: { rounds: 10, opsPerRound: 160 }, quick: { rounds: 2, opsPerRound: 48 } },
    run: mixed,
  },
  {
    name: 'token-refresh',
    title: 'Mixed, 16 in flight, access tokens that expire every 2 s',
    concurrency: 16,
    vault: 'shortTtl',
    shape: { full: { rounds: 8, opsPerRound: 320 }, quick: { rounds: 2, opsPerRound: 96 } },
    // Each round starts after the client's token has expired: the refresh
    // happens with 16 calls in flight, which is what this workload measures.
    roundSpacingMs: 2_100,
    run: mixed,
  },
];

/** Seconds an access token lives on the `shortTtl` vault. */
export const SHORT_TOKEN_TTL_SECONDS = 2;

/** @type {Workload['run']} */
async function mixed(driver, context, index) {
  const slot = index % 10;
  if (slot < 4) expectCount(await driver.detokenize(window(context.data.tokens, index, 10)), 10);
  else if (slot < 7) expectCount(await driver.get(window(context.data.ids, index, 5)), 5);
  else if (slot < 9) expectCount(await driver.insert([context.newCard()]), 1);
  else expectCount(await driver.update(pick(context.data.ids, index), { expiry_date: pick(EXPIRY_DATES, index) }), 1);
}

function expectCount(answer, expected) {
  const count = Array.isArray(answer) ? answer.length : answer;
  if (count !== expected) throw new Error(`expected ${expected} records in the answer, got ${count}`);
}

function pick(list, index) {
  return list[index % list.length];
}

// `size` consecutive entries starting at a place that moves with the index.
function window(list, index, size) {
  const start = (index * size) % (list.length - size + 1);
  return list.slice(start, start + size);
}

/** How many records the seed inserts: enough for every window above. */
export const SEED_RECORDS = 250;
