// Reads of the v2 core against the run's shared local vault: get, detokenize, tokenize, query, and server errors.
import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import {
  DetokenizeRequest,
  DetokenizeResponse,
  GetRequest,
  GetResponse,
  LogLevel,
  OrderBy,
  QueryRequest,
  QueryResponse,
  RedactionType,
  Skyflow,
  SkyflowAbortError,
  SkyflowError,
  SkyflowTimeoutError,
  TokenizeRequest,
  TokenizeResponse,
  isSkyflowError,
  type InsertedRecord,
  type RecordData,
  type VaultClient,
} from '../../src/v2/index.js';
import { UUID, card, person } from '../helpers/data.js';
import {
  closeFixture,
  insertCards,
  insertPerson,
  masked,
  rejectionOf,
  shared,
  thrownBy,
  vault,
  type Card,
  type Person,
} from './operations-fixture.js';

afterAll(closeFixture);

describe('get', () => {
  let values: Card[];
  let inserted: InsertedRecord[];

  beforeAll(async () => {
    values = [card(), card(), card()];
    inserted = await insertCards(values);
  });

  const idOf = (index: number) => inserted[index]!.skyflowId;

  it('gets by ids in the order asked, with skyflowId and without skyflow_id', async () => {
    const response = await vault.get(
      new GetRequest({ table: 'cards', ids: [idOf(2), idOf(0)], redactionType: RedactionType.PLAIN_TEXT }),
    );
    expect(response).toBeInstanceOf(GetResponse);
    expectTypeOf(response.data).toEqualTypeOf<readonly RecordData[]>();
    expect(response.data).toEqual([
      { skyflowId: idOf(2), ...values[2] },
      { skyflowId: idOf(0), ...values[0] },
    ]);
    for (const record of response.data) expect(record).not.toHaveProperty('skyflow_id');
    expect(response.errors).toEqual([]);
  });

  it('leaves out ids that do not exist when others do', async () => {
    const response = await vault.get({ table: 'cards', ids: [randomUUID(), idOf(1)], redactionType: RedactionType.PLAIN_TEXT });
    expect(response.data).toEqual([{ skyflowId: idOf(1), ...values[1] }]);
  });

  it('gets by values of a unique column', async () => {
    const response = await vault.get({
      table: 'cards',
      columnName: 'card_number',
      columnValues: [values[1]!.card_number, values[0]!.card_number],
      redactionType: RedactionType.PLAIN_TEXT,
    });
    expect(response.data).toEqual([
      { skyflowId: idOf(1), ...values[1] },
      { skyflowId: idOf(0), ...values[0] },
    ]);
  });

  it('MASKED masks letters and digits, keeps separators and the last four digits of the card number', async () => {
    const response = await vault.get({ table: 'cards', ids: [idOf(0)], redactionType: RedactionType.MASKED });
    expect(response.data).toEqual([
      {
        skyflowId: idOf(0),
        card_number: masked(values[0]!.card_number),
        cardholder_name: 'XXX XXXXXXXX', // Ada Lovelace
        expiry_date: 'XX/XX', // 12/30
        cvv: 'XXX',
      },
    ]);
  });

  it('REDACTED replaces every value', async () => {
    const response = await vault.get({ table: 'cards', ids: [idOf(0)], redactionType: RedactionType.REDACTED });
    expect(response.data).toEqual([
      { skyflowId: idOf(0), card_number: '*REDACTED*', cardholder_name: '*REDACTED*', expiry_date: '*REDACTED*', cvv: '*REDACTED*' },
    ]);
  });

  it('DEFAULT, given or not, applies each column policy', async () => {
    const expected = [
      {
        skyflowId: idOf(0),
        card_number: masked(values[0]!.card_number),
        cardholder_name: values[0]!.cardholder_name,
        expiry_date: values[0]!.expiry_date,
        cvv: '*REDACTED*',
      },
    ];
    expect((await vault.get({ table: 'cards', ids: [idOf(0)], redactionType: RedactionType.DEFAULT })).data).toEqual(expected);
    expect((await vault.get({ table: 'cards', ids: [idOf(0)] })).data).toEqual(expected);
  });

  it('returnTokens gives the tokens insert returned', async () => {
    const response = await vault.get({ table: 'cards', ids: [idOf(0), idOf(1)], returnTokens: true });
    const { requestIndex: _first, ...tokens0 } = inserted[0]!;
    const { requestIndex: _second, ...tokens1 } = inserted[1]!;
    expect(response.data).toEqual([tokens0, tokens1]);
  });

  it('returns only the asked fields, as values or as tokens', async () => {
    const plain = await vault.get({
      table: 'cards',
      ids: [idOf(2)],
      fields: ['cvv', 'card_number'],
      redactionType: RedactionType.PLAIN_TEXT,
    });
    expect(plain.data).toEqual([{ skyflowId: idOf(2), cvv: values[2]!.cvv, card_number: values[2]!.card_number }]);
    const tokens = await vault.get({ table: 'cards', ids: [idOf(2)], fields: ['cvv'], returnTokens: true });
    expect(tokens.data).toEqual([{ skyflowId: idOf(2), cvv: inserted[2]!.cvv }]);
  });

  it('accepts downloadUrl (the local vault stores no files)', async () => {
    const response = await vault.get({ table: 'cards', ids: [idOf(0)], redactionType: RedactionType.PLAIN_TEXT, downloadUrl: true });
    expect(response.data).toEqual([{ skyflowId: idOf(0), ...values[0] }]);
  });

  it('rejects with 404 "No records found." when no id exists', async () => {
    const error = await rejectionOf(vault.get({ table: 'cards', ids: [randomUUID(), randomUUID()] }));
    expect(error).toMatchObject({
      httpCode: 404,
      httpStatus: 'Not Found',
      grpcCode: 5,
      requestId: expect.stringMatching(UUID),
      message: 'No records found.',
    });
  });

  it('refuses returnTokens without ids (a listing) with 400', async () => {
    // Refused by the vault today; a client-side check would be as good, so only the status is pinned.
    const error = await rejectionOf(vault.get({ table: 'cards', returnTokens: true, limit: 1 }));
    expect(error.httpCode).toBe(400);
  });
});

describe('on a vault of known contents', () => {
  let own: LocalVault;
  let ownClient: Skyflow;
  let ownVault: VaultClient;
  let people: Person[];
  let ids: string[];

  beforeAll(async () => {
    own = await startLocalVault();
    ownClient = new Skyflow({
      vaultConfigs: [{ vaultId: own.vaultId, baseUrl: own.url, caCert: own.caCert! }],
      skyflowCredentials: { apiKey: own.apiKey },
      logLevel: LogLevel.OFF,
      retry: { limit: 0 },
    });
    ownVault = ownClient.vault();
    people = Array.from({ length: 7 }, () => person());
    const response = await ownVault.insert({ table: 'persons', values: people });
    ids = response.insertedFields.map((record) => record.skyflowId);
  });

  afterAll(async () => {
    ownClient.close();
    await own.close();
  });

  const listed = (response: GetResponse) => response.data.map((record) => record.skyflowId);

  describe('get without ids lists a table', () => {
    it('all records in insertion order, with every column', async () => {
      const response = await ownVault.get({ table: 'persons', redactionType: RedactionType.PLAIN_TEXT });
      expect(response.data).toEqual(people.map((values, index) => ({ skyflowId: ids[index], ...values })));
    });

    it('pages with offset and limit', async () => {
      expect(listed(await ownVault.get({ table: 'persons', offset: 2, limit: 3 }))).toEqual(ids.slice(2, 5));
      expect(listed(await ownVault.get({ table: 'persons', offset: 5 }))).toEqual(ids.slice(5));
      expect(listed(await ownVault.get({ table: 'persons', limit: 2 }))).toEqual(ids.slice(0, 2));
    });

    it('orders ASCENDING, DESCENDING or NONE', async () => {
      expect(listed(await ownVault.get({ table: 'persons', orderBy: OrderBy.ASCENDING, offset: 4, limit: 2 }))).toEqual(ids.slice(4, 6));
      expect(listed(await ownVault.get({ table: 'persons', orderBy: OrderBy.DESCENDING, limit: 3 }))).toEqual(
        ids.slice(-3).reverse(),
      );
      expect(listed(await ownVault.get({ table: 'persons', orderBy: OrderBy.DESCENDING, offset: 6 }))).toEqual([ids[0]]);
      expect(listed(await ownVault.get({ table: 'persons', orderBy: OrderBy.NONE }))).toEqual(ids);
    });

    it('with fields and a redaction', async () => {
      const response = await ownVault.get({
        table: 'persons',
        fields: ['ssn'],
        redactionType: RedactionType.MASKED,
        orderBy: OrderBy.ASCENDING,
        limit: 2,
      });
      expect(response.data).toEqual(
        people.slice(0, 2).map((values, index) => ({ skyflowId: ids[index], ssn: `XXX-XX-${values.ssn.slice(-4)}` })),
      );
    });

    it('resolves with no records past the end', async () => {
      const response = await ownVault.get({ table: 'persons', offset: 100 });
      expect(response.data).toEqual([]);
      expect(response.errors).toEqual([]);
    });
  });

  describe('call options', () => {
    it('an aborted signal rejects with SkyflowAbortError before any request', async () => {
      const before = own.stats().requests.getMany;
      const error = await rejectionOf(ownVault.get({ table: 'persons', ids: [ids[0]!] }, { signal: AbortSignal.abort() }));
      expect(error).toBeInstanceOf(SkyflowAbortError);
      expect(error).toMatchObject({ name: 'SkyflowAbortError', httpCode: 0, httpStatus: 'Aborted', requestId: null });
      expect(own.stats().requests.getMany).toBe(before);
    });

    it('a signal that aborts in flight rejects with SkyflowAbortError', async () => {
      own.setFaults([{ operation: 'getMany', latencyMs: 500 }]);
      try {
        const controller = new AbortController();
        const pending = ownVault.get({ table: 'persons', ids: [ids[0]!] }, { signal: controller.signal });
        setTimeout(() => controller.abort(), 50);
        const error = await rejectionOf(pending);
        expect(error).toBeInstanceOf(SkyflowAbortError);
      } finally {
        own.setFaults([]);
      }
    });

    it('timeoutMs bounds each attempt of the call', async () => {
      own.setFaults([{ operation: 'getMany', latencyMs: 1000 }]);
      try {
        const error = await rejectionOf(ownVault.get({ table: 'persons', ids: [ids[0]!] }, { timeoutMs: 50 }));
        expect(error).toBeInstanceOf(SkyflowTimeoutError);
        expect(error).toMatchObject({ httpCode: 0, httpStatus: 'Timeout', message: 'The vault did not answer within 50 ms.' });
      } finally {
        own.setFaults([]);
      }
      // the same call with room to answer
      const response = await ownVault.get(
        { table: 'persons', ids: [ids[0]!], redactionType: RedactionType.PLAIN_TEXT },
        { timeoutMs: 10_000 },
      );
      expect(response.data).toEqual([{ skyflowId: ids[0], ...people[0] }]);
    });

    it('refuses invalid call options before any request', async () => {
      const before = own.stats().requests.getMany;
      const error = await rejectionOf(ownVault.get({ table: 'persons', ids: [ids[0]!] }, { timeoutMs: -1 }));
      expect(error.message).toBe('Validation error. Invalid call options. Specify { signal?: AbortSignal, timeoutMs?: positive number }.');
      expect(own.stats().requests.getMany).toBe(before);
    });
  });

  describe('query refuses writes client-side', () => {
    it('sends nothing for a statement that is not a SELECT', async () => {
      const message = 'Validation error. Invalid query. Only SELECT queries are supported. Specify a SELECT statement.';
      const before = own.stats().requests.query;
      expect(thrownBy(() => new QueryRequest({ query: 'DELETE FROM persons' }))).toMatchObject({
        httpCode: 400,
        grpcCode: null,
        requestId: null,
        message,
      });
      const error = await rejectionOf(ownVault.query({ query: "UPDATE persons SET name = 'x'" }));
      expect(error.message).toBe(message);
      expect(own.stats().requests.query).toBe(before);
      expect(listed(await ownVault.get({ table: 'persons' }))).toEqual(ids);
    });
  });
});

describe('detokenize', () => {
  it('detokenizes many tokens in one call, each with its redaction, with the value type', async () => {
    const values = person();
    const tokens = await insertPerson(values);
    const cardValues = card();
    const [cardRecord] = await insertCards([cardValues]);
    const response = await vault.detokenize(
      new DetokenizeRequest({
        tokens: [
          { token: tokens.ssn as string, redactionType: RedactionType.PLAIN_TEXT },
          { token: tokens.ssn as string, redactionType: RedactionType.MASKED },
          { token: tokens.date_of_birth as string, redactionType: RedactionType.PLAIN_TEXT },
          { token: tokens.email as string, redactionType: RedactionType.REDACTED },
          { token: tokens.name as string, redactionType: RedactionType.MASKED },
          { token: tokens.ssn as string },
          { token: cardRecord!.card_number as string },
        ],
      }),
    );
    expect(response).toBeInstanceOf(DetokenizeResponse);
    expect(response.errors).toEqual([]);
    expect(response.detokenizedFields).toEqual([
      { token: tokens.ssn, value: values.ssn, type: 'STRING' },
      { token: tokens.ssn, value: `XXX-XX-${values.ssn.slice(-4)}`, type: 'STRING' },
      { token: tokens.date_of_birth, value: values.date_of_birth, type: 'DATE' },
      { token: tokens.email, value: '*REDACTED*', type: 'STRING' },
      { token: tokens.name, value: 'XXXXX XXXXXX', type: 'STRING' }, // Grace Hopper
      // DEFAULT: the column's policy (ssn and card_number are MASKED)
      { token: tokens.ssn, value: `XXX-XX-${values.ssn.slice(-4)}`, type: 'STRING' },
      { token: cardRecord!.card_number, value: masked(cardValues.card_number), type: 'STRING' },
    ]);
  });

  it('continueOnError reports unknown tokens with their token and request id', async () => {
    const values = person();
    const tokens = await insertPerson(values);
    const unknown = [`unknown-${randomUUID()}`, `unknown-${randomUUID()}`];
    const response = await vault.detokenize({
      tokens: [{ token: unknown[0]! }, { token: tokens.email as string, redactionType: RedactionType.PLAIN_TEXT }, { token: unknown[1]! }],
      continueOnError: true,
    });
    expect(response.detokenizedFields).toEqual([{ token: tokens.email, value: values.email, type: 'STRING' }]);
    const requestId = response.errors[0]?.requestId;
    expect(requestId).toMatch(UUID);
    expect(response.errors).toEqual([
      { token: unknown[0], error: 'Token not found.', requestId },
      { token: unknown[1], error: 'Token not found.', requestId },
    ]);
  });

  it('without continueOnError an unknown token rejects the call with 404', async () => {
    const tokens = await insertPerson();
    const unknown = `unknown-${randomUUID()}`;
    const error = await rejectionOf(
      vault.detokenize({ tokens: [{ token: tokens.email as string }, { token: unknown }], downloadUrl: false }),
    );
    expect(error).toMatchObject({
      httpCode: 404,
      httpStatus: 'Not Found',
      grpcCode: 5,
      requestId: expect.stringMatching(UUID),
      message: 'detokenizationParameters[1]: Token not found.',
    });
  });

  it('a token no longer detokenizes once its record is deleted', async () => {
    const values = card({ cvv: `cvv-${randomUUID()}` });
    const [record] = await insertCards([values]);
    await vault.delete({ table: 'cards', ids: [record!.skyflowId] });
    const error = await rejectionOf(vault.detokenize({ tokens: [{ token: record!.cvv as string }] }));
    expect(error.httpCode).toBe(404);
  });
});

describe('tokenize', () => {
  it('returns the tokens insert returned, by column group, in request order', async () => {
    const values = person();
    const tokens = await insertPerson(values);
    const cardValues = card();
    const [cardRecord] = await insertCards([cardValues]);
    const response = await vault.tokenize(
      new TokenizeRequest({
        values: [
          { value: values.email, columnGroup: 'email' },
          { value: values.ssn, columnGroup: 'ssn' },
          { value: values.name, columnGroup: 'name' },
          { value: cardValues.card_number, columnGroup: 'card_number' },
        ],
      }),
    );
    expect(response).toBeInstanceOf(TokenizeResponse);
    expect(response.tokens).toEqual([
      { token: tokens.email },
      { token: tokens.ssn },
      { token: tokens.name },
      { token: cardRecord!.card_number },
    ]);
    expect(response.errors).toEqual([]);
  });

  it('rejects with 404 for a value no record holds', async () => {
    const error = await rejectionOf(vault.tokenize({ values: [{ value: `nobody-${randomUUID()}@example.test`, columnGroup: 'email' }] }));
    expect(error).toMatchObject({
      httpCode: 404,
      grpcCode: 5,
      requestId: expect.stringMatching(UUID),
      message: 'No record holds this value in column group email.',
    });
  });
});

describe('query', () => {
  it('returns the selected columns, skyflowId when skyflow_id is selected', async () => {
    const values = card();
    const [record] = await insertCards([values]);
    const response = await vault.query(
      new QueryRequest({ query: `SELECT skyflow_id, card_number, cvv FROM cards WHERE card_number = '${values.card_number}'` }),
    );
    expect(response).toBeInstanceOf(QueryResponse);
    expect(response.fields).toEqual([{ skyflowId: record!.skyflowId, card_number: values.card_number, cvv: values.cvv }]);
    expect(response.fields[0]).not.toHaveProperty('skyflow_id');
    expect(response.errors).toEqual([]);
  });

  it('has no skyflowId when skyflow_id is not selected, and returns computed columns', async () => {
    const name = `Query ${randomUUID()}`;
    await insertCards([card({ cardholder_name: name }), card({ cardholder_name: name })]);
    const rows = await vault.query({ query: `SELECT cardholder_name FROM cards WHERE cardholder_name = '${name}'` });
    expect(rows.fields).toEqual([{ cardholder_name: name }, { cardholder_name: name }]);
    const counted = await vault.query({ query: `SELECT COUNT(*) AS n FROM cards WHERE cardholder_name = '${name}'` });
    expect(counted.fields).toEqual([{ n: 2 }]);
  });

  it('a write statement is refused client-side', async () => {
    const message = 'Validation error. Invalid query. Only SELECT queries are supported. Specify a SELECT statement.';
    expect(thrownBy(() => new QueryRequest({ query: 'DELETE FROM cards' })).message).toBe(message);
    const error = await rejectionOf(vault.query({ query: 'DROP TABLE cards' }));
    expect(error).toMatchObject({ httpCode: 400, grpcCode: null, requestId: null, message });
  });

  it('an invalid SELECT is refused by the vault with 400', async () => {
    const error = await rejectionOf(vault.query({ query: 'SELECT * FROM no_such_table' }));
    expect(error).toMatchObject({
      httpCode: 400,
      httpStatus: 'Bad Request',
      grpcCode: 3,
      requestId: expect.stringMatching(UUID),
      message: 'Invalid query: no such table: no_such_table.',
    });
  });
});

describe('server errors', () => {
  it('an unknown table is a SkyflowError with the vault’s code, status, request id and message', async () => {
    const error = await rejectionOf(vault.insert({ table: 'nowhere', values: [{ a: '1' }] }));
    expect(isSkyflowError(error)).toBe(true);
    expect(error).toBeInstanceOf(SkyflowError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'SkyflowError',
      httpCode: 404,
      httpStatus: 'Not Found',
      grpcCode: 5,
      requestId: expect.stringMatching(UUID),
      message: 'Table nowhere does not exist in this vault.',
      details: [],
    });
    expectTypeOf(error.requestId).toEqualTypeOf<string | null>();
    expectTypeOf(error.grpcCode).toEqualTypeOf<number | null>();
  });

  it.each([
    ['get', () => vault.get({ table: 'nowhere', ids: [randomUUID()] })],
    ['update', () => vault.update({ table: 'nowhere', data: { skyflowId: randomUUID(), a: '1' } })],
    ['delete', () => vault.delete({ table: 'nowhere', ids: [randomUUID()] })],
  ])('%s on an unknown table is the same 404', async (_name, call) => {
    const error = await rejectionOf(call());
    expect(error).toMatchObject({ httpCode: 404, grpcCode: 5, message: 'Table nowhere does not exist in this vault.' });
  });

  it('never carries the API key, however it is printed', async () => {
    const error = await rejectionOf(vault.insert({ table: 'nowhere', values: [{ a: '1' }] }));
    const json = JSON.stringify(error);
    expect(JSON.parse(json)).toEqual({
      name: 'SkyflowError',
      message: 'Table nowhere does not exist in this vault.',
      httpCode: 404,
      httpStatus: 'Not Found',
      grpcCode: 5,
      requestId: error.requestId,
      details: [],
    });
    for (const printed of [json, String(error), inspect(error, { depth: 10, showHidden: true }), error.stack ?? '']) {
      expect(printed).not.toContain(shared.apiKey);
    }
  });
});
