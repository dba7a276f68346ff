// Single-table insert, bulk get, get one, update and delete over the REST API.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { UUID, card, person } from '../helpers/data.js';
import { restClient, type RestClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';

const rest = restClient(sharedVault());
afterAll(() => rest.close());

async function insertCards(records: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}) {
  const response = await rest.post('/cards', { records: records.map((fields) => ({ fields })), tokenization: true, ...extra });
  expect(response.status).toBe(200);
  return response.body.records as Array<{ skyflow_id: string; tokens: Record<string, string> }>;
}

describe('POST /v1/vaults/{vaultID}/{table}', () => {
  it('inserts records and returns tokens only when tokenization is true', async () => {
    const withTokens = await rest.post('/persons', { records: [{ fields: person() }], tokenization: true });
    expect(withTokens.body.records[0]).toEqual({
      skyflow_id: expect.stringMatching(UUID),
      tokens: {
        name: expect.stringMatching(UUID),
        email: expect.stringMatching(UUID),
        ssn: expect.stringMatching(/^\d{3}-\d{2}-\d{4}$/),
        date_of_birth: expect.stringMatching(UUID),
      },
    });
    const withoutTokens = await rest.post('/persons', { records: [{ fields: person() }, { fields: person() }] });
    expect(withoutTokens.body).toEqual({
      records: [{ skyflow_id: expect.stringMatching(UUID) }, { skyflow_id: expect.stringMatching(UUID) }],
    });
  });

  it('gives a value the same token every time, also after it was deleted and inserted again', async () => {
    const values = card();
    const [first] = await insertCards([values]);
    expect(first!.tokens.card_number).toMatch(/^\d{4}-\d{4}-\d{4}-\d{4}$/);
    expect(first!.tokens.card_number).not.toBe(values.card_number);
    expect((await rest.del(`/cards/${first!.skyflow_id}`)).status).toBe(200);
    const [again] = await insertCards([values]);
    expect(again!.skyflow_id).not.toBe(first!.skyflow_id);
    expect(again!.tokens).toEqual(first!.tokens);
  });

  it('shares tokens within a column group across tables', async () => {
    const name = `Shared ${randomUUID()}`;
    const [cardRecord] = await insertCards([card({ cardholder_name: name })]);
    const personResponse = await rest.post('/persons', { records: [{ fields: person({ name }) }], tokenization: true });
    expect(personResponse.body.records[0].tokens.name).toBe(cardRecord!.tokens.cardholder_name);
  });

  it('upserts on a unique column', async () => {
    const values = card();
    const [first] = await insertCards([values], { upsert: 'card_number' });
    const [second] = await insertCards([{ ...values, cvv: '999' }], { upsert: 'card_number' });
    expect(second!.skyflow_id).toBe(first!.skyflow_id);
    const stored = await rest.get(`/cards/${first!.skyflow_id}?redaction=PLAIN_TEXT`);
    expect(stored.body.fields.cvv).toBe('999');
  });

  it('refuses upsert on a column that is not unique, or a record without the upsert column', async () => {
    const notUnique = await rest.post('/cards', { records: [{ fields: card() }], upsert: 'cvv' });
    expect(notUnique.status).toBe(400);
    expect(notUnique.body.error.message).toBe('The upsert column must be unique; cvv is not.');
    const { card_number: _omitted, ...rest_ } = card();
    const missing = await rest.post('/cards', { records: [{ fields: rest_ }], upsert: 'card_number' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('The upsert column card_number must have a value in every record.');
  });

  it('is all-or-nothing: one failing record fails the request and writes nothing', async () => {
    const good = card();
    const response = await rest.post('/cards', { records: [{ fields: good }, { fields: { ...card(), cvv: { nested: true } } }] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('records[1]: Invalid value for column cvv in table cards: expected a string.');
    const lookup = await rest.get(`/cards?column_name=card_number&column_values=${encodeURIComponent(good.card_number)}`);
    expect(lookup.status).toBe(404);
  });

  it('checks values against the column type without repeating the value', async () => {
    const response = await rest.post('/persons', { records: [{ fields: person({ date_of_birth: '1999-02-30' }) }] });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Invalid value for column date_of_birth in table persons: expected a date (YYYY-MM-DD).',
    );
    expect(response.text).not.toContain('1999-02-30');
  });

  it('refuses a record without fields and records that are not homogeneous', async () => {
    expect((await rest.post('/cards', { records: [{ fields: {} }] })).body.error.message).toBe(
      'A record needs at least one field.',
    );
    const mixed = await rest.post('/cards', { records: [{ fields: card() }, { fields: { cvv: '1' } }], homogeneous: true });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.message).toBe('records[1]: homogeneous records must all have the same fields.');
  });

  describe('bring your own token (byot)', () => {
    // Values no other test holds: a value that already has a token refuses another one.
    const fresh = () => card({ cvv: `cvv-${randomUUID()}` });

    it('ENABLE uses the given tokens and generates the others', async () => {
      const token = `byot-${randomUUID()}`;
      const response = await rest.post('/cards', {
        records: [{ fields: fresh(), tokens: { cvv: token } }],
        tokenization: true,
        byot: 'ENABLE',
      });
      expect(response.status).toBe(200);
      expect(response.body.records[0].tokens.cvv).toBe(token);
      expect(response.body.records[0].tokens.card_number).toMatch(/^\d{4}-/);
      const revealed = await rest.post('/detokenize', { detokenizationParameters: [{ token, redaction: 'PLAIN_TEXT' }] });
      expect(revealed.body.records[0]).toMatchObject({ token, valueType: 'STRING' });
    });

    it('ENABLE_STRICT needs a token for every field', async () => {
      const response = await rest.post('/cards', {
        records: [{ fields: card(), tokens: { cvv: `t-${randomUUID()}` } }],
        byot: 'ENABLE_STRICT',
      });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'byot is ENABLE_STRICT but no token was given for column(s) card_number, cardholder_name, expiry_date.',
      );
    });

    it('DISABLE (the default) refuses tokens', async () => {
      const response = await rest.post('/cards', { records: [{ fields: card(), tokens: { cvv: 'x' } }] });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^Tokens were given but byot is DISABLE/);
    });

    it('refuses a token that already stands for another value', async () => {
      const token = `t-${randomUUID()}`;
      const first = await rest.post('/cards', { records: [{ fields: fresh(), tokens: { cvv: token } }], byot: 'ENABLE' });
      expect(first.status).toBe(200);
      const second = await rest.post('/persons', {
        records: [{ fields: person({ name: `Unique ${randomUUID()}` }), tokens: { name: token } }],
        byot: 'ENABLE',
      });
      expect(second.status).toBe(409);
      expect(second.body.error.message).toBe('The token given for column name is already in use.');
    });

    it('refuses a token for a value that already has another token', async () => {
      const values = person();
      await rest.post('/persons', { records: [{ fields: values }] });
      const response = await rest.post('/persons', {
        records: [{ fields: person({ name: values.name }), tokens: { name: `t-${randomUUID()}` } }],
        byot: 'ENABLE',
      });
      expect(response.status).toBe(409);
      expect(response.body.error.message).toBe('The token given for column name differs from the token this value already has.');
    });
  });
});

describe('GET /v1/vaults/{vaultID}/{table}', () => {
  let records: Array<{ skyflow_id: string; tokens: Record<string, string> }>;
  let values: Array<Record<string, string>>;

  beforeAll(async () => {
    values = [card(), card(), card()];
    records = await insertCards(values);
  });

  it('gets by repeated, unencoded skyflow_ids in request order, tolerating a trailing &', async () => {
    const ids = [records[2]!.skyflow_id, records[0]!.skyflow_id];
    const response = await rest.get(`/cards?skyflow_ids=${ids[0]}&skyflow_ids=${ids[1]}&redaction=PLAIN_TEXT&`);
    expect(response.status).toBe(200);
    expect(response.body.records).toEqual([
      { fields: { skyflow_id: ids[0], ...values[2] } },
      { fields: { skyflow_id: ids[1], ...values[0] } },
    ]);
  });

  it('applies DEFAULT redaction (the column policies) when none is given', async () => {
    const response = await rest.get(`/cards?skyflow_ids=${records[0]!.skyflow_id}`);
    expect(response.body.records[0].fields).toEqual({
      skyflow_id: records[0]!.skyflow_id,
      card_number: `XXXX-XXXX-XXXX-${values[0]!.card_number!.slice(-4)}`,
      cardholder_name: values[0]!.cardholder_name,
      expiry_date: values[0]!.expiry_date,
      cvv: '*REDACTED*',
    });
  });

  it('returns tokens with tokenization=true and only the asked fields', async () => {
    const response = await rest.get(
      `/cards?skyflow_ids=${records[1]!.skyflow_id}&tokenization=true&fields=cvv&fields=card_number`,
    );
    expect(response.body.records).toEqual([
      { fields: { skyflow_id: records[1]!.skyflow_id, cvv: records[1]!.tokens.cvv, card_number: records[1]!.tokens.card_number } },
    ]);
  });

  it('gets by unique column values, ignoring an empty column_name from other modes', async () => {
    const byColumn = await rest.get(
      `/cards?column_name=card_number&column_values=${encodeURIComponent(values[1]!.card_number!)}&redaction=PLAIN_TEXT`,
    );
    expect(byColumn.body.records).toEqual([{ fields: { skyflow_id: records[1]!.skyflow_id, ...values[1] } }]);
    const emptyColumnName = await rest.get(`/cards?skyflow_ids=${records[1]!.skyflow_id}&column_name=&redaction=PLAIN_TEXT`);
    expect(emptyColumnName.status).toBe(200);
  });

  it('answers 404 "No records found." when none of the ids exists, and leaves out the missing ones otherwise', async () => {
    const none = await rest.get(`/cards?skyflow_ids=${randomUUID()}&redaction=PLAIN_TEXT`);
    expect(none.status).toBe(404);
    expect(none.body.error).toMatchObject({ http_code: 404, grpc_code: 5, http_status: 'Not Found', message: 'No records found.' });
    const some = await rest.get(`/cards?skyflow_ids=${randomUUID()}&skyflow_ids=${records[0]!.skyflow_id}&redaction=PLAIN_TEXT`);
    expect(some.body.records.map((r: any) => r.fields.skyflow_id)).toEqual([records[0]!.skyflow_id]);
  });

  it.each([
    ['skyflow_ids with column_name', `?skyflow_ids=a&column_name=card_number&column_values=1`, 'skyflow_ids cannot be combined with column_name or column_values.'],
    ['column_name without values', '?column_name=card_number', 'column_values are required when column_name is given.'],
    ['column values without a name', '?column_values=x', 'column_name is required when column_values are given.'],
    ['a column that is not unique', '?column_name=cvv&column_values=1', 'column_name must be a unique column; cvv is not unique.'],
    ['tokenization without ids', '?tokenization=true', 'tokenization can only be used with skyflow_ids.'],
    ['redaction with tokenization', '?skyflow_ids=a&tokenization=true&redaction=MASKED', 'redaction cannot be used together with tokenization.'],
    ['an unknown redaction', '?redaction=SOMETIMES', 'redaction must be one of DEFAULT, PLAIN_TEXT, MASKED, REDACTED.'],
    ['a repeated redaction', '?redaction=MASKED&redaction=DEFAULT', 'redaction must be given at most once.'],
    ['an unknown field', '?fields=colour', 'Column colour does not exist in table cards.'],
    ['a negative offset', '?offset=-1', 'offset must be an integer of at least 0.'],
    ['a zero limit', '?limit=0', 'limit must be an integer of at least 1.'],
    ['an unknown order', '?order_by=RANDOM', 'order_by must be one of ASCENDING, DESCENDING, NONE.'],
    ['a non-boolean tokenization', '?skyflow_ids=a&tokenization=yes', 'tokenization must be true or false.'],
  ])('refuses %s with 400', async (_name, query, message) => {
    const response = await rest.get(`/cards${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ grpc_code: 3, http_code: 400, http_status: 'Bad Request', message, details: [] });
  });
});

describe('listing a table (bulk get without ids)', () => {
  let own: LocalVault;
  let client: RestClient;
  let ids: string[];

  beforeAll(async () => {
    own = await startLocalVault();
    client = restClient(own);
    const response = await client.post('/persons', { records: Array.from({ length: 30 }, () => ({ fields: person() })) });
    ids = response.body.records.map((r: any) => r.skyflow_id);
  });
  afterAll(async () => {
    client.close();
    await own.close();
  });

  it('returns the first 25 records in insertion order by default', async () => {
    const response = await client.get('/persons?redaction=PLAIN_TEXT');
    expect(response.body.records.map((r: any) => r.fields.skyflow_id)).toEqual(ids.slice(0, 25));
  });

  it('pages with offset and limit, in either order', async () => {
    const ascending = await client.get('/persons?offset=25&limit=10&order_by=ASCENDING');
    expect(ascending.body.records.map((r: any) => r.fields.skyflow_id)).toEqual(ids.slice(25));
    const descending = await client.get('/persons?limit=3&order_by=DESCENDING');
    expect(descending.body.records.map((r: any) => r.fields.skyflow_id)).toEqual(ids.slice(-3).reverse());
  });

  it('returns an empty page past the end', async () => {
    const response = await client.get('/persons?offset=100');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ records: [] });
  });
});

describe('GET, PUT and DELETE /v1/vaults/{vaultID}/{table}/{id}', () => {
  it('gets one record with redaction, tokenization and fields', async () => {
    const values = person();
    const response = await rest.post('/persons', { records: [{ fields: values }], tokenization: true });
    const { skyflow_id: id, tokens } = response.body.records[0];
    expect((await rest.get(`/persons/${id}?redaction=PLAIN_TEXT`)).body).toEqual({ fields: { skyflow_id: id, ...values } });
    expect((await rest.get(`/persons/${id}?fields=ssn`)).body).toEqual({
      fields: { skyflow_id: id, ssn: `XXX-XX-${values.ssn.slice(-4)}` },
    });
    expect((await rest.get(`/persons/${id}?tokenization=true&fields=email`)).body).toEqual({
      fields: { skyflow_id: id, email: tokens.email },
    });
    const missing = await rest.get(`/persons/${randomUUID()}`);
    expect(missing.status).toBe(404);
  });

  it('updates a record and returns the tokens of the updated columns', async () => {
    const [record] = await insertCards([card()]);
    const response = await rest.put(`/cards/${record!.skyflow_id}`, {
      record: { fields: { expiry_date: '01/31' } },
      tokenization: true,
    });
    expect(response.body).toEqual({ skyflow_id: record!.skyflow_id, tokens: { expiry_date: expect.stringMatching(UUID) } });
    const stored = await rest.get(`/cards/${record!.skyflow_id}?redaction=PLAIN_TEXT&fields=expiry_date`);
    expect(stored.body.fields.expiry_date).toBe('01/31');
  });

  it('refuses an update that breaks a unique column with 409', async () => {
    const [a, b] = await insertCards([card(), card()]);
    const taken = await rest.get(`/cards/${a!.skyflow_id}?redaction=PLAIN_TEXT`);
    const response = await rest.put(`/cards/${b!.skyflow_id}`, { record: { fields: { card_number: taken.body.fields.card_number } } });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ grpc_code: 6, http_status: 'Conflict' });
    expect(response.text).not.toContain(taken.body.fields.card_number);
  });

  it('deletes one record; a second delete is 404', async () => {
    const [record] = await insertCards([card()]);
    expect((await rest.del(`/cards/${record!.skyflow_id}`, {})).body).toEqual({ skyflow_id: record!.skyflow_id, deleted: true });
    const again = await rest.del(`/cards/${record!.skyflow_id}`, {});
    expect(again.status).toBe(404);
    expect(again.body.error.message).toBe(`No record found with skyflow_id ${record!.skyflow_id}.`);
  });
});

describe('DELETE /v1/vaults/{vaultID}/{table} (bulk delete)', () => {
  it('deletes the records that exist and lists them', async () => {
    const records = await insertCards([card(), card()]);
    const ids = records.map((r) => r.skyflow_id);
    const response = await rest.del('/cards', { skyflow_ids: [...ids, randomUUID()] });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ RecordIDResponse: ids });
    expect((await rest.get(`/cards?skyflow_ids=${ids[0]}&skyflow_ids=${ids[1]}`)).status).toBe(404);
    const detokenized = await rest.post('/detokenize', { detokenizationParameters: [{ token: records[0]!.tokens.card_number }] });
    expect(detokenized.status).toBe(404);
  });

  it('is 404 when none exists and 400 for an empty list', async () => {
    expect((await rest.del('/cards', { skyflow_ids: [randomUUID()] })).status).toBe(404);
    const empty = await rest.del('/cards', { skyflow_ids: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('skyflow_ids must name at least one record.');
  });
});
