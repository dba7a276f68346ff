// Bad requests get a Skyflow error body with a 4xx, never a stack trace or a
// 500, and the server keeps serving. Authentication and the body size limit
// are in tests/security/local-vault.test.ts.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { card, UUID } from '../helpers/data.js';
import { restClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';
import { expectSkyflowError } from '../helpers/skyflow-error.js';

const vault = sharedVault();
const rest = restClient(vault);
afterAll(() => rest.close());

describe('malformed and mistyped bodies', () => {
  it('refuses malformed JSON', async () => {
    expectSkyflowError(await rest.post('/cards', undefined, { raw: '{"records": [' }), 400, 'The request body is not valid JSON.');
  });

  it('refuses prototype-poisoning keys', async () => {
    const response = await rest.post('/cards', undefined, { raw: '{"records":[{"fields":{"__proto__":{"x":1}}}]}' });
    expectSkyflowError(response, 400);
  });

  it.each([
    ['records that are not an array', '/cards', { records: { fields: {} } }, 'Invalid request: body/records must be array.'],
    ['a missing records key', '/cards', {}, "Invalid request: body must have required property 'records'."],
    ['fields that are not an object', '/cards', { records: [{ fields: 'x' }] }, 'Invalid request: body/records/0/fields must be object.'],
    ['a non-boolean tokenization', '/cards', { records: [{ fields: card() }], tokenization: 'yes' }, 'Invalid request: body/tokenization must be boolean.'],
    ['an unknown byot', '/cards', { records: [{ fields: card() }], byot: 'SOMETIMES' }, 'Invalid request: body/byot must be equal to one of the allowed values.'],
    ['a token that is not a string', '/detokenize', { detokenizationParameters: [{ token: 42 }] }, 'Invalid request: body/detokenizationParameters/0/token must be string.'],
    ['a query that is not a string', '/query', { query: ['SELECT 1'] }, 'Invalid request: body/query must be string.'],
    ['a batch without tableName', '', { records: [{ method: 'POST', fields: {} }] }, "Invalid request: body/records/0 must have required property 'tableName'."],
    ['an empty batch', '', { records: [] }, 'records must hold at least one record.'],
    ['a body that is a JSON string', '/cards', 'records', 'Invalid request: body must be object.'],
    ['a null body', '/tokenize', null, 'Invalid request: body must be object.'],
  ])('refuses %s', async (_name, path, body, message) => {
    expectSkyflowError(await rest.post(path, body), 400, message);
  });

  it('refuses an update body without record', async () => {
    expectSkyflowError(await rest.put(`/cards/${randomUUID()}`, { fields: {} }), 400, "Invalid request: body must have required property 'record'.");
  });

  it('parses a JSON body whatever its content type says', async () => {
    const response = await rest.post('/cards', { records: [{ fields: card() }] }, { headers: { 'content-type': 'text/plain' } });
    expect(response.status).toBe(200);
  });
});

describe('routing', () => {
  it('answers 404 for another vault ID, an unknown table and an unknown path', async () => {
    const otherVault = await rest.call('GET', `/v1/vaults/${randomUUID()}/cards`);
    expectSkyflowError(otherVault, 404, 'No vault exists with this ID.');
    expectSkyflowError(await rest.get('/nowhere'), 404, 'Table nowhere does not exist in this vault.');
    expectSkyflowError(await rest.call('GET', '/v2/anything'), 404, 'No endpoint matches GET /v2/anything.');
    expectSkyflowError(await rest.call('PATCH', `/v1/vaults/${vault.vaultId}/cards`), 404);
  });

  // Regression: the path was parsed as a URL, and `//` threw (a 500).
  it('answers 404 for paths that start with // without reading them as a host', async () => {
    expectSkyflowError(await rest.call('GET', '//'), 404, 'No endpoint matches GET //.');
    expectSkyflowError(await rest.call('GET', '//v1//auth?x=1'), 404, 'No endpoint matches GET //v1//auth.');
  });

  it('refuses an overlong path segment without repeating it', async () => {
    const response = await rest.get(`/${'t'.repeat(5000)}`);
    expectSkyflowError(response, 414, 'A path segment is longer than this vault accepts.');
  });

  it('truncates a long unknown table name in the message', async () => {
    const response = await rest.get(`/${'t'.repeat(90)}`);
    expectSkyflowError(response, 404, /^Table t{64}… does not exist in this vault\.$/);
  });

  it('puts a distinct x-request-id on every response', async () => {
    const responses = await Promise.all([rest.get('/cards?limit=1'), rest.get('/cards?limit=1'), rest.get('/nowhere')]);
    const ids = responses.map((r) => r.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });
});
