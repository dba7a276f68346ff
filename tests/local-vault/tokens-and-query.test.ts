// Detokenize, tokenize and query over the REST API. What the query endpoint
// refuses is in tests/security/local-vault.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { card, person } from '../helpers/data.js';
import { restClient, type RestClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';

const rest = restClient(sharedVault());
afterAll(() => rest.close());

async function insertPerson(values = person()) {
  const response = await rest.post('/persons', { records: [{ fields: values }], tokenization: true });
  expect(response.status).toBe(200);
  return { values, ...(response.body.records[0] as { skyflow_id: string; tokens: Record<string, string> }) };
}

describe('POST /v1/vaults/{vaultID}/detokenize', () => {
  it('detokenizes many tokens in one request, with valueType and per-token redaction', async () => {
    const { values, tokens } = await insertPerson();
    const response = await rest.post('/detokenize', {
      detokenizationParameters: [
        { token: tokens.ssn, redaction: 'PLAIN_TEXT' },
        { token: tokens.ssn },
        { token: tokens.date_of_birth, redaction: 'PLAIN_TEXT' },
        { token: tokens.email, redaction: 'REDACTED' },
      ],
    });
    expect(response.body).toEqual({
      records: [
        { token: tokens.ssn, valueType: 'STRING', value: values.ssn },
        { token: tokens.ssn, valueType: 'STRING', value: `XXX-XX-${values.ssn.slice(-4)}` },
        { token: tokens.date_of_birth, valueType: 'DATE', value: values.date_of_birth },
        { token: tokens.email, valueType: 'STRING', value: '*REDACTED*' },
      ],
    });
  });

  it('without continueOnError, an unknown token fails the whole request with 404', async () => {
    const { tokens } = await insertPerson();
    const response = await rest.post('/detokenize', {
      detokenizationParameters: [{ token: tokens.email }, { token: 'unknown-token' }],
    });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe('detokenizationParameters[1]: Token not found.');
  });

  it('with continueOnError, reports each unknown token in its place', async () => {
    const { values, tokens } = await insertPerson();
    const response = await rest.post('/detokenize', {
      detokenizationParameters: [
        { token: 'unknown-1' },
        { token: tokens.email, redaction: 'PLAIN_TEXT' },
        { token: 'unknown-2' },
      ],
      continueOnError: true,
    });
    expect(response.status).toBe(200);
    expect(response.body.records).toEqual([
      { token: 'unknown-1', error: 'Token not found.' },
      { token: tokens.email, valueType: 'STRING', value: values.email },
      { token: 'unknown-2', error: 'Token not found.' },
    ]);
  });

  it('refuses an empty list and an unknown redaction', async () => {
    expect((await rest.post('/detokenize', { detokenizationParameters: [] })).body.error.message).toBe(
      'detokenizationParameters must hold at least one token.',
    );
    const badRedaction = await rest.post('/detokenize', { detokenizationParameters: [{ token: 'x', redaction: 'SOME' }] });
    expect(badRedaction.status).toBe(400);
    expect(badRedaction.body.error.message).toBe(
      'Invalid request: body/detokenizationParameters/0/redaction must be equal to one of the allowed values.',
    );
  });
});

describe('POST /v1/vaults/{vaultID}/tokenize', () => {
  it('returns the existing tokens of values by column group', async () => {
    const { values, tokens } = await insertPerson();
    const response = await rest.post('/tokenize', {
      tokenizationParameters: [
        { value: values.email, columnGroup: 'email' },
        { value: values.ssn, columnGroup: 'ssn' },
        { value: values.name, columnGroup: 'name' },
      ],
    });
    expect(response.body).toEqual({ records: [{ token: tokens.email }, { token: tokens.ssn }, { token: tokens.name }] });
  });

  it('has no token for a value no record holds, and knows only declared groups', async () => {
    const missing = await rest.post('/tokenize', {
      tokenizationParameters: [{ value: `nobody-${randomUUID()}@example.test`, columnGroup: 'email' }],
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('No record holds this value in column group email.');
    const unknownGroup = await rest.post('/tokenize', { tokenizationParameters: [{ value: 'x', columnGroup: 'colours' }] });
    expect(unknownGroup.status).toBe(404);
    expect(unknownGroup.body.error.message).toBe('Column group colours does not exist.');
  });
});

describe('POST /v1/vaults/{vaultID}/query', () => {
  it('runs a SELECT over vault tables and returns the rows as records', async () => {
    const { values, skyflow_id } = await insertPerson();
    const response = await rest.post('/query', {
      query: `SELECT skyflow_id, name, email FROM persons WHERE email = '${values.email}'`,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ records: [{ fields: { skyflow_id, name: values.name, email: values.email } }] });
  });

  it('can join tables and compute', async () => {
    const name = `Joined ${randomUUID()}`;
    await insertPerson(person({ name }));
    await rest.post('/cards', { records: [{ fields: card({ cardholder_name: name }) }, { fields: card({ cardholder_name: name }) }] });
    const response = await rest.post('/query', {
      query: `SELECT p.name, COUNT(c.skyflow_id) AS cards FROM persons p JOIN cards c ON c.cardholder_name = p.name
              WHERE p.name = '${name}' GROUP BY p.name`,
    });
    expect(response.body.records).toEqual([{ fields: { name, cards: 2 } }]);
  });

  describe('with a row cap', () => {
    let own: LocalVault;
    let client: RestClient;
    beforeAll(async () => {
      own = await startLocalVault({ tls: false, maxQueryRows: 3 });
      client = restClient(own);
      await client.post('/cards', { records: Array.from({ length: 4 }, () => ({ fields: card() })) });
    });
    afterAll(async () => {
      client.close();
      await own.close();
    });

    it('refuses a result larger than maxQueryRows and accepts it with a LIMIT', async () => {
      const tooMany = await client.post('/query', { query: 'SELECT skyflow_id FROM cards' });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.message).toBe('Invalid query: the result has more than 3 rows; add a LIMIT clause.');
      const limited = await client.post('/query', { query: 'SELECT skyflow_id FROM cards LIMIT 3' });
      expect(limited.body.records).toHaveLength(3);
    });
  });
});
