// The batch endpoint, in both response modes.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { UUID, card, person } from '../helpers/data.js';
import { restClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';

const vault = sharedVault();
const rest = restClient(vault);
afterAll(() => rest.close());

async function insertCard(values = card()) {
  const response = await rest.post('/cards', { records: [{ fields: values }], tokenization: true });
  return { values, ...(response.body.records[0] as { skyflow_id: string; tokens: Record<string, string> }) };
}

describe('POST /v1/vaults/{vaultID} without continueOnError', () => {
  it('answers one { records } entry per operation, in request order', async () => {
    const existing = await insertCard();
    const response = await rest.post('', {
      records: [
        { method: 'POST', quorum: true, tableName: 'persons', fields: person(), tokenization: true },
        { method: 'POST', tableName: 'cards', fields: card() },
        { method: 'GET', tableName: 'cards', ID: existing.skyflow_id, redaction: 'PLAIN_TEXT' },
        { method: 'PUT', tableName: 'cards', ID: existing.skyflow_id, fields: { cvv: '321' }, tokenization: true },
      ],
      continueOnError: false,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      vaultID: vault.vaultId,
      responses: [
        { records: [{ skyflow_id: expect.stringMatching(UUID), tokens: expect.objectContaining({ email: expect.stringMatching(UUID) }) }] },
        { records: [{ skyflow_id: expect.stringMatching(UUID) }] },
        { records: [{ fields: { skyflow_id: existing.skyflow_id, ...existing.values } }] },
        { records: [{ skyflow_id: existing.skyflow_id, tokens: { cvv: expect.stringMatching(UUID) } }] },
      ],
    });
  });

  it('is all-or-nothing: a failing operation undoes the ones before it', async () => {
    const existing = await insertCard();
    const newCard = card();
    const response = await rest.post('', {
      records: [
        { method: 'POST', tableName: 'cards', fields: newCard },
        { method: 'PUT', tableName: 'cards', ID: existing.skyflow_id, fields: { cvv: '000' } },
        { method: 'DELETE', tableName: 'cards', ID: randomUUID() },
      ],
    });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toMatch(/^records\[2\]: No record found with skyflow_id /);
    const stored = await rest.get(`/cards/${existing.skyflow_id}?redaction=PLAIN_TEXT`);
    expect(stored.body.fields.cvv).toBe(existing.values.cvv);
    const inserted = await rest.get(`/cards?column_name=card_number&column_values=${encodeURIComponent(newCard.card_number)}`);
    expect(inserted.status).toBe(404);
  });

  it('deletes by ID and upserts by column', async () => {
    const existing = await insertCard();
    const response = await rest.post('', {
      records: [
        { method: 'DELETE', tableName: 'cards', ID: existing.skyflow_id },
        { method: 'POST', tableName: 'cards', fields: { ...existing.values, cvv: '777' }, upsert: 'card_number' },
        { method: 'POST', tableName: 'cards', fields: { ...existing.values, cvv: '778' }, upsert: 'card_number' },
      ],
    });
    expect(response.body.responses[0]).toEqual({ records: [{ skyflow_id: existing.skyflow_id, deleted: true }] });
    expect(response.body.responses[1].records[0].skyflow_id).toBe(response.body.responses[2].records[0].skyflow_id);
  });
});

describe('POST /v1/vaults/{vaultID} with continueOnError', () => {
  it('answers a numeric Status and a Body per operation, and keeps the successes', async () => {
    const good = card();
    const response = await rest.post('', {
      records: [
        { method: 'POST', quorum: true, tableName: 'cards', fields: good, tokenization: true },
        { method: 'POST', quorum: true, tableName: 'cards', fields: { ...card(), namee: 'x' } },
        { method: 'POST', quorum: true, tableName: 'nowhere', fields: { a: 1 } },
        { method: 'GET', tableName: 'cards', ID: randomUUID() },
      ],
      continueOnError: true,
    });
    expect(response.status).toBe(200);
    expect(response.body.responses).toEqual([
      { Status: 200, Body: { records: [{ skyflow_id: expect.stringMatching(UUID), tokens: expect.any(Object) }] } },
      { Status: 400, Body: { error: 'Column namee does not exist in table cards.' } },
      { Status: 404, Body: { error: 'Table nowhere does not exist in this vault.' } },
      { Status: 404, Body: { error: expect.stringMatching(/^No record found with skyflow_id /) } },
    ]);
    const stored = await rest.get(`/cards?column_name=card_number&column_values=${encodeURIComponent(good.card_number)}&redaction=PLAIN_TEXT`);
    expect(stored.body.records[0].fields.cvv).toBe(good.cvv);
  });

  it('rolls back a failing operation alone, including its token side effects', async () => {
    const taken = await insertCard();
    const response = await rest.post('', {
      records: [
        // the first field is written, then the duplicate card number fails the record
        { method: 'POST', tableName: 'cards', fields: { ...card(), card_number: taken.values.card_number } },
        { method: 'POST', tableName: 'cards', fields: card() },
      ],
      continueOnError: true,
    });
    expect(response.body.responses.map((r: any) => r.Status)).toEqual([409, 200]);
  });

  it('refuses method NONE and operations without an ID', async () => {
    const response = await rest.post('', {
      records: [
        { method: 'NONE', tableName: 'cards', fields: card() },
        { method: 'PUT', tableName: 'cards', fields: card() },
      ],
      continueOnError: true,
    });
    expect(response.body.responses).toEqual([
      { Status: 400, Body: { error: 'method must be one of POST, PUT, GET or DELETE.' } },
      { Status: 400, Body: { error: 'ID is required for method PUT.' } },
    ]);
  });
});
