// The v1-shape wrappers of skyflow-bridge/migrate: a legacy call rewritten
// into v2 calls and wrapped settles exactly as the v1 facade settles for the
// legacy call — same value, same rejection (v1 SkyflowError singular or
// plural, `{errors}` / `{records, errors}`), and a failure that is not the
// vault's passes through unchanged. Against the run's shared vault.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  toV1DeleteResult,
  toV1DetokenizeResult,
  toV1GetResult,
  toV1InsertResult,
  toV1UpdateResult,
} from '../../src/migrate/index.js';
import { SkyflowError as V1SkyflowError } from '../../src/v1/index.js';
import { DetokenizeRequest, DetokenizeResponse, GetResponse, InsertResponse, RedactionType, isSkyflowError } from '../../src/v2/index.js';
import { rejection, rejectionOf, thrownBy } from '../helpers/outcomes.js';
import { Run, closeRest, quietSdks, rest, vaultToken } from '../v1/parity-harness.js';
import { bothOutcomes, facadeClient, failingVault, migrated, v2Client, type LegacyCall, type LegacyMethod, type Scenario } from './v1-shape-harness.js';

beforeAll(quietSdks);
afterAll(closeRest);

const REDACTIONS = [RedactionType.PLAIN_TEXT, RedactionType.MASKED, RedactionType.REDACTED, RedactionType.DEFAULT] as const;

/** An HS256 JWT the vault did not issue, valid for ten minutes: the vault answers 401. */
const forgedToken = () =>
  new SignJWT({ sub: 'intruder' })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + 600)
    .sign(new TextEncoder().encode('a key the vault has never seen, 32+ bytes'));

/** Nothing listens there: no answer comes (v1: code 500). */
const UNREACHABLE = 'https://127.0.0.1:1';

/** A table name v1 accepts (only '' is refused) and the v2 core refuses. */
const BLANK_TABLE = '   ';

const call = (method: LegacyMethod, ...args: any[]): LegacyCall => ({ method, args });

/** The same legacy call failing on the vault's side: a token it refuses, and no vault at all. */
function serverFailures(method: LegacyMethod, make: Scenario['call']): Scenario[] {
  return [
    { name: `${method}: the vault refuses the token (401)`, call: make, token: forgedToken },
    { name: `${method}: no answer from the vault`, call: make, vaultURL: UNREACHABLE },
  ];
}

function scenarios(title: string, list: Scenario[]): void {
  describe(title, () => {
    for (const scenario of list) {
      it(scenario.name, async () => {
        const { facade, migrated: wrapped } = await bothOutcomes(scenario);
        expect(wrapped, 'wrapper (received) vs facade (expected)').toStrictEqual(facade);
        // These scenarios are about the v2 core's own checks: make sure that is what failed.
        if (scenario.form === 'init') expect(JSON.stringify(facade)).toContain('Validation error.');
      });
    }
  });
}

// --- insert -----------------------------------------------------------------------

const oneCard = (run: Run) => call('insert', { records: [{ table: 'cards', fields: run.card() }] });

scenarios('toV1InsertResult settles as the facade’s insert', [
  { name: 'one record, default options (tokens: true)', call: oneCard },
  { name: 'one record, tokens: false', call: (run) => call('insert', { records: [{ table: 'cards', fields: run.card() }] }, { tokens: false }) },
  {
    name: 'records of two tables keep their order, tables and request_index',
    call: (run) =>
      call('insert', {
        records: [
          { table: 'persons', fields: run.person() },
          { table: 'cards', fields: run.card() },
          { table: 'persons', fields: run.person({ name: 'Ada Lovelace' }) },
        ],
      }),
  },
  {
    name: 'upsert on a unique column updates the record',
    call: async (run) => {
      const { fields } = await run.seedCard();
      return call(
        'insert',
        { records: [{ table: 'cards', fields: { ...fields, cardholder_name: 'Grace Hopper' } }, { table: 'persons', fields: run.person() }] },
        { upsert: [{ table: 'cards', column: 'card_number' }] },
      );
    },
  },
  {
    name: 'continueOnError, all records good (resolves {records})',
    call: (run) => call('insert', { records: [{ table: 'cards', fields: run.card() }, { table: 'persons', fields: run.person() }] }, { continueOnError: true }),
  },
  {
    name: 'continueOnError, one good and one bad record (resolves {records, errors})',
    call: (run) =>
      call(
        'insert',
        { records: [{ table: 'cards', fields: { ...run.card(), nickname: 'x' } }, { table: 'cards', fields: run.card() }] },
        { continueOnError: true },
      ),
  },
  {
    name: 'continueOnError with tokens: false, a duplicate unique value among good records',
    call: async (run) => {
      const { fields } = await run.seedCard();
      return call(
        'insert',
        {
          records: [
            { table: 'cards', fields: run.card() },
            { table: 'cards', fields: run.card({ card_number: fields['card_number'] }) },
            { table: 'persons', fields: run.person() },
          ],
        },
        { continueOnError: true, tokens: false },
      );
    },
  },
  {
    name: 'continueOnError, every record bad (resolves {errors})',
    call: (run) =>
      call(
        'insert',
        { records: [{ table: 'cards', fields: { ...run.card(), nickname: 'x' } }, { table: 'no_such_table', fields: { name: 'x' } }] },
        { continueOnError: true },
      ),
  },
  {
    name: 'without continueOnError, one bad record rejects the call (singular error)',
    call: (run) => call('insert', { records: [{ table: 'cards', fields: run.card() }, { table: 'cards', fields: { ...run.card(), nickname: 'x' } }] }),
  },
  { name: 'unknown table', call: () => call('insert', { records: [{ table: 'no_such_table', fields: { name: 'x' } }] }) },
  {
    name: 'a unique value another record holds (409)',
    call: async (run) => {
      const { fields } = await run.seedCard();
      return call('insert', { records: [{ table: 'cards', fields: run.card({ card_number: fields['card_number'] }) }] });
    },
  },
  ...serverFailures('insert', oneCard),
  {
    name: 'a request the v2 core refuses (blank table name) rejects as the facade does, singular',
    form: 'init',
    call: (run) => call('insert', { records: [{ table: BLANK_TABLE, fields: run.card() }] }),
  },
  {
    name: 'a request the v2 core refuses, with continueOnError',
    form: 'init',
    call: (run) => call('insert', { records: [{ table: 'cards', fields: run.card() }, { table: BLANK_TABLE, fields: {} }] }, { continueOnError: true }),
  },
]);

// --- detokenize ---------------------------------------------------------------------

/** A seeded card's tokens of a card number (masked by default), a cvv (redacted by default) and a name (plain). */
async function cardTokens(run: Run): Promise<string[]> {
  const { tokens } = await run.seedCard();
  return [tokens['card_number']!, tokens['cvv']!, tokens['cardholder_name']!];
}

const twoUnknownTokens = (run: Run) => call('detokenize', { records: [{ token: run.unique() }, { token: run.unique() }] });

scenarios('toV1DetokenizeResult settles as the facade’s detokenize', [
  ...REDACTIONS.map(
    (redaction): Scenario => ({
      name: `redaction ${redaction}`,
      call: async (run) => call('detokenize', { records: (await cardTokens(run)).map((token) => ({ token, redaction })) }),
    }),
  ),
  {
    name: 'no redaction (v1: PLAIN_TEXT)',
    call: async (run) => call('detokenize', { records: (await cardTokens(run)).map((token) => ({ token })) }),
  },
  {
    name: 'the same token twice, and tokens of two records',
    call: async (run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return call('detokenize', {
        records: [
          { token: person.tokens['ssn'], redaction: RedactionType.DEFAULT },
          { token: card.tokens['card_number'] },
          { token: card.tokens['card_number'], redaction: RedactionType.MASKED },
        ],
      });
    },
  },
  {
    name: 'one unknown token among known ones (rejects {records, errors})',
    call: async (run) => {
      const { tokens } = await run.seedCard();
      return call('detokenize', { records: [{ token: tokens['card_number'] }, { token: run.unique() }, { token: tokens['cvv'] }] });
    },
  },
  { name: 'every token unknown (rejects {errors})', call: twoUnknownTokens },
  {
    name: 'a token of a deleted record',
    call: async (run) => {
      const { id, tokens } = await run.seedCard();
      await rest().del(`/cards/${id}`);
      return call('detokenize', { records: [{ token: tokens['card_number'] }] });
    },
  },
  // The whole request fails: v1 reports the error once per token.
  ...serverFailures('detokenize', twoUnknownTokens),
]);

// --- get and getById ---------------------------------------------------------------------

const unknownIds = (run: Run) =>
  call('get', {
    records: [
      { ids: [run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
      { ids: [run.unique()], table: 'persons', redaction: RedactionType.PLAIN_TEXT },
    ],
  });

scenarios('toV1GetResult settles as the facade’s get and getById', [
  ...REDACTIONS.map(
    (redaction): Scenario => ({
      name: `get: by ids, redaction ${redaction}`,
      call: async (run) => {
        const first = await run.seedCard();
        const second = await run.seedCard();
        return call('get', { records: [{ ids: [first.id, second.id], table: 'cards', redaction }] });
      },
    }),
  ),
  {
    name: 'get: by values of a unique column',
    call: async (run) => {
      const first = await run.seedPerson();
      const second = await run.seedPerson();
      return call('get', {
        records: [{ table: 'persons', columnName: 'email', columnValues: [first.fields['email'], second.fields['email']], redaction: RedactionType.MASKED }],
      });
    },
  },
  {
    name: 'get: options { tokens: true }, two entries',
    call: async (run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return call('get', { records: [{ ids: [card.id], table: 'cards' }, { ids: [person.id], table: 'persons' }] }, { tokens: true });
    },
  },
  {
    name: 'get: a found and a missing id in one entry',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('get', { records: [{ ids: [id, run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] });
    },
  },
  { name: 'get: every entry failing (rejects {errors})', call: unknownIds },
  {
    name: 'get: one good and one failing entry (rejects {records, errors})',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('get', {
        records: [
          { ids: [run.unique()], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
          { ids: [id], table: 'cards', redaction: RedactionType.REDACTED },
        ],
      });
    },
  },
  {
    name: 'get: a failing column lookup names its column',
    call: (run) => call('get', { records: [{ table: 'cards', columnName: 'nickname', columnValues: [run.unique()], redaction: RedactionType.PLAIN_TEXT }] }),
  },
  { name: 'get: unknown table', call: (run) => call('get', { records: [{ ids: [run.unique()], table: 'no_such_table', redaction: RedactionType.PLAIN_TEXT }] }) },
  ...serverFailures('get', unknownIds),
  {
    name: 'get: an entry the v2 core refuses (an empty id) fails alone',
    form: 'init',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('get', {
        records: [
          { ids: [''], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
          { ids: [id], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
        ],
      });
    },
  },
  {
    name: 'getById: two entries with different redactions',
    call: async (run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return call('getById', {
        records: [
          { ids: [card.id], table: 'cards', redaction: RedactionType.MASKED },
          { ids: [person.id], table: 'persons', redaction: RedactionType.PLAIN_TEXT },
        ],
      });
    },
  },
  {
    name: 'getById: one good and one missing id (rejects {records, errors})',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('getById', {
        records: [
          { ids: [id], table: 'cards', redaction: RedactionType.DEFAULT },
          { ids: [run.unique()], table: 'persons', redaction: RedactionType.DEFAULT },
        ],
      });
    },
  },
]);

// --- update -----------------------------------------------------------------------

const updateUnknown = (run: Run) => call('update', { records: [{ id: run.unique(), table: 'cards', fields: { cvv: '111' } }] });

scenarios('toV1UpdateResult settles as the facade’s update', [
  {
    name: 'default options (tokens: true): the tokens of the updated fields',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('update', { records: [{ id, table: 'cards', fields: { cardholder_name: 'Grace Hopper', cvv: '654' } }] });
    },
  },
  {
    name: 'tokens: false: the ids only',
    call: async (run) => {
      const { id } = await run.seedPerson();
      return call('update', { records: [{ id, table: 'persons', fields: { name: 'Ada Lovelace' } }] }, { tokens: false });
    },
  },
  {
    name: 'two records of two tables',
    call: async (run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return call('update', {
        records: [
          { id: person.id, table: 'persons', fields: { name: 'Ada Lovelace' } },
          { id: card.id, table: 'cards', fields: { expiry_date: '03/33' } },
        ],
      });
    },
  },
  {
    name: 'unknown column',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('update', { records: [{ id, table: 'cards', fields: { nickname: 'x' } }] });
    },
  },
  { name: 'unknown id (404)', call: updateUnknown },
  {
    name: 'a unique value another record holds (409)',
    call: async (run) => {
      const first = await run.seedCard();
      const second = await run.seedCard();
      return call('update', { records: [{ id: second.id, table: 'cards', fields: { card_number: first.fields['card_number'] } }] });
    },
  },
  {
    name: 'one good and one unknown id (rejects {records, errors})',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('update', {
        records: [
          { id: run.unique(), table: 'cards', fields: { cvv: '111' } },
          { id, table: 'cards', fields: { cvv: '222' } },
        ],
      });
    },
  },
  ...serverFailures('update', updateUnknown),
  {
    name: 'a record the v2 core refuses (fields: null, which v1 lets through) fails alone',
    form: 'init',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('update', {
        records: [
          { id, table: 'cards', fields: { cvv: '333' } },
          { id, table: 'cards', fields: null },
        ],
      });
    },
  },
]);

// --- delete -----------------------------------------------------------------------

const deleteUnknown = (run: Run) => call('delete', { records: [{ id: run.unique(), table: 'cards' }] });

scenarios('toV1DeleteResult settles as the facade’s delete', [
  {
    name: 'two records of two tables',
    call: async (run) => {
      const card = await run.seedCard();
      const person = await run.seedPerson();
      return call('delete', { records: [{ id: person.id, table: 'persons' }, { id: card.id, table: 'cards' }] });
    },
  },
  { name: 'a missing id (rejects {errors})', call: deleteUnknown },
  {
    name: 'one good and one missing id (rejects {records, errors})',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('delete', { records: [{ id, table: 'cards' }, { id: run.unique(), table: 'cards' }] });
    },
  },
  {
    name: 'an id of another table',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('delete', { records: [{ id, table: 'persons' }] });
    },
  },
  { name: 'unknown table', call: (run) => call('delete', { records: [{ id: run.unique(), table: 'no_such_table' }] }) },
  ...serverFailures('delete', deleteUnknown),
  {
    name: 'a record the v2 core refuses (a table name with a lone surrogate) fails alone',
    form: 'init',
    call: async (run) => {
      const { id } = await run.seedCard();
      return call('delete', { records: [{ id, table: '\uD800' }, { id, table: 'cards' }] });
    },
  },
]);

// --- failures that are not the vault's ------------------------------------------------

/** One call of each method; a failing token source fails it before anything is sent. */
const anyCall: Record<LegacyMethod, LegacyCall> = {
  insert: call('insert', { records: [{ table: 'cards', fields: { cvv: '123' } }, { table: 'persons', fields: { name: 'Ada' } }] }),
  detokenize: call('detokenize', { records: [{ token: 'a-token' }, { token: 'another-token' }] }),
  get: call('get', {
    records: [
      { ids: ['id-1'], table: 'cards', redaction: RedactionType.PLAIN_TEXT },
      { table: 'persons', columnName: 'email', columnValues: ['a@example.test'], redaction: RedactionType.MASKED },
    ],
  }),
  getById: call('getById', { records: [{ ids: ['id-1', 'id-2'], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] }),
  update: call('update', { records: [{ id: 'id-1', table: 'cards', fields: { cvv: '1' } }, { id: 'id-2', table: 'cards', fields: { cvv: '2' } }] }),
  delete: call('delete', { records: [{ id: 'id-1', table: 'cards' }, { id: 'id-2', table: 'persons' }] }),
};

const FOREIGN_FAILURES: ReadonlyArray<readonly [string, () => unknown]> = [
  ['a plain object', () => ({ status: 403, reason: 'denied' })],
  ['an Error', () => new Error('no token for you')],
  ['a string', () => 'denied'],
];

describe('a failure that is not the vault’s (a token source’s) passes through unchanged, as the facade passes on its getBearerToken’s', () => {
  for (const method of Object.keys(anyCall) as LegacyMethod[]) {
    for (const [kind, reason] of FOREIGN_FAILURES) {
      it(`${method}: ${kind}`, async () => {
        const value = reason();
        const client = facadeClient(() => Promise.reject(value));
        const { args } = anyCall[method];
        expect(await rejection((client[method] as (...a: unknown[]) => Promise<unknown>)(...args))).toBe(value);
        // Every v2 call of the rewritten call rejects with it, as each asks the source for its token.
        expect(await rejection(migrated(failingVault(() => value), anyCall[method]))).toBe(value);
      });
    }
  }

  it('one failing call among answered ones still rejects the whole call with its value', async () => {
    const run = new Run();
    const { id } = await run.seedCard();
    const client = v2Client(await vaultToken());
    const reason = { status: 403 };
    try {
      const result = toV1GetResult([
        [client.vault().get({ table: 'cards', ids: [id], redactionType: RedactionType.PLAIN_TEXT }), { table: 'cards', ids: [id] }],
        [client.vault().get({ table: 'cards', ids: [run.unique()], redactionType: RedactionType.PLAIN_TEXT }), { table: 'cards', ids: ['x'] }],
        [Promise.reject(reason), { table: 'cards', ids: ['y'] }],
      ]);
      expect(await rejection(result)).toBe(reason);
    } finally {
      client.close();
    }
  });

  it('the first such call in call order decides, not the first to settle', async () => {
    const first = { first: true };
    const second = { second: true };
    const late = new Promise<never>((_, reject) => setTimeout(() => reject(first), 20));
    const result = toV1DeleteResult([
      [late, { id: 'a', table: 'cards' }],
      [Promise.reject(second), { id: 'b', table: 'cards' }],
    ]);
    expect(await rejection(result)).toBe(first);
  });
});

// --- the forms of the rejection ----------------------------------------------------------

describe('rejections are the v1 forms, built by the facade’s own code', () => {
  it('a failed insert: a v1 SkyflowError, singular', async () => {
    const client = v2Client(await vaultToken());
    try {
      const error = await rejection(
        toV1InsertResult(client.vault().insertBatch({ records: [{ table: 'no_such_table', fields: { a: '1' } }], returnTokens: true }), { tokens: true }),
      );
      expect(error).toBeInstanceOf(V1SkyflowError);
      expect(Object.keys(error)).toEqual(['error']);
      expect(error.error.code).toBe(404);
      expect(error.error.description).toMatch(/ - requestId: \S+$/);
      expect(isSkyflowError(error)).toBe(false);
    } finally {
      client.close();
    }
  });

  it('a partial failure rejects with the plain {records, errors} object, never resolves', async () => {
    const run = new Run();
    const { id } = await run.seedPerson();
    const client = v2Client(await vaultToken());
    try {
      const value = await rejection(
        toV1UpdateResult(
          [
            [client.vault().update({ table: 'persons', data: { skyflowId: id, name: 'Ada' }, returnTokens: false }), { id, table: 'persons' }],
            [client.vault().update({ table: 'persons', data: { skyflowId: run.unique(), name: 'Ada' } }), { id: 'missing', table: 'persons' }],
          ],
          { tokens: false },
        ),
      );
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(value.records).toEqual([{ id }]);
      expect(value.errors).toEqual([{ id: 'missing', error: { code: 404, description: expect.stringMatching(/ - requestId: \S+$/) } }]);
    } finally {
      client.close();
    }
  });
});

// --- toV1DetokenizeResult without the request ---------------------------------------------

describe('toV1DetokenizeResult without the request', () => {
  it('settles as with it when the vault answered', async () => {
    const run = new Run();
    const { tokens } = await run.seedCard();
    const client = v2Client(await vaultToken());
    const request = new DetokenizeRequest({
      tokens: [{ token: tokens['card_number']!, redactionType: RedactionType.PLAIN_TEXT }, { token: run.unique() }],
      continueOnError: true,
    });
    try {
      const withRequest = await rejection(toV1DetokenizeResult(client.vault().detokenize(request), request));
      const without = await rejection(toV1DetokenizeResult(client.vault().detokenize(request)));
      const unifyRequestIds = (value: unknown) => JSON.parse(JSON.stringify(value).replace(/requestId: [^"]+/g, 'requestId: <id>'));
      expect(unifyRequestIds(without)).toEqual(unifyRequestIds(withRequest));
    } finally {
      client.close();
    }
  });

  it('a failed request is one error naming no token: only the request knows them', async () => {
    const client = v2Client(await forgedToken());
    try {
      const value = await rejection(
        toV1DetokenizeResult(client.vault().detokenize(new DetokenizeRequest({ tokens: [{ token: 'a' }, { token: 'b' }], continueOnError: true }))),
      );
      expect(value).toEqual({ errors: [{ token: '', error: { code: 401, description: expect.any(String) } }] });
    } finally {
      client.close();
    }
  });
});

// --- what the wrappers cannot see ----------------------------------------------------------

describe('what a rewritten call has no v1 check for', () => {
  it('input v1’s own checks refuse: the facade rejects with v1’s error; the rewritten call fails on the v2 core’s check, in the v1 form', async () => {
    const input = { records: [{ ids: ['id-1'], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] };
    const byFacade = await rejection(facadeClient(() => vaultToken()).get(input, { tokens: true }));
    expect(byFacade).toBeInstanceOf(V1SkyflowError);
    expect(byFacade.errors).toEqual([{ code: 400, description: 'Interface: get method - redaction cannot be used when tokens are true in options.' }]);
    const client = v2Client(await vaultToken());
    const byWrapper = await rejection(migrated(client.vault(), call('get', input, { tokens: true }), 'init'));
    client.close();
    expect(byWrapper).toEqual({
      errors: [{ ids: ['id-1'], error: { code: 400, description: 'Validation error. redactionType cannot be used when returnTokens is true. Remove one of them.' } }],
    });
  });


  it('a request the v2 core refuses, made with its class, throws where it is made: no wrapper sees it (pass the init object to let the v2 method reject)', () => {
    const never = failingVault(() => new Error('not reached'));
    const error = thrownBy(() => migrated(never, call('insert', { records: [{ table: BLANK_TABLE, fields: { cvv: '1' } }] }), 'class'));
    expect(error.message).toMatch(/^Validation error\./);
  });
});

// --- misuse -----------------------------------------------------------------------

const misuse: ReadonlyArray<readonly [string, () => Promise<unknown>]> = [
  ['toV1InsertResult: no promise', () => toV1InsertResult(undefined as never, { tokens: true })],
  [
    'toV1InsertResult: the answer of vault.insert (its records name no table)',
    () => toV1InsertResult(Promise.resolve(new InsertResponse([{ skyflowId: 'id-1', requestIndex: 0 }])), { tokens: true }),
  ],
  ['toV1InsertResult: no options', () => toV1InsertResult(Promise.resolve(new InsertResponse([])), undefined as never)],
  ['toV1DetokenizeResult: a request without tokens', () => toV1DetokenizeResult(Promise.resolve(new DetokenizeResponse([])), {} as never)],
  ['toV1GetResult: not an array', () => toV1GetResult({} as never)],
  ['toV1GetResult: an entry without its table', () => toV1GetResult([[Promise.resolve(new GetResponse([])), {} as never]])],
  [
    'toV1UpdateResult: the response of another method',
    () => toV1UpdateResult([[Promise.resolve(new GetResponse([])) as never, { id: 'id-1', table: 'cards' }]], { tokens: true }),
  ],
  ['toV1DeleteResult: an entry that is no pair', () => toV1DeleteResult(['id-1'] as never)],
];

describe('a wrapper given what its signature does not take rejects with a SkyflowError naming it, never a TypeError', () => {
  for (const [name, run] of misuse) {
    it(name, async () => {
      const error = await rejectionOf(run());
      expect(error.message).toMatch(new RegExp(`^Invalid argument of ${name.split(':')[0]}\\. `));
    });
  }

  it('refusing an argument leaves no rejection of its calls unhandled', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const result = toV1DeleteResult([
        [Promise.reject(new Error('a rejected call')), { id: 'id-1', table: 'cards' }],
        ['not a call' as never, { id: 'id-2', table: 'cards' }],
      ]);
      expect((await rejectionOf(result)).message).toMatch(/^Invalid argument of toV1DeleteResult\. Entry 1 /);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
