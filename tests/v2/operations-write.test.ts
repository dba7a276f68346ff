// Writes of the v2 core against the run's shared local vault: insert, insertBatch, update, delete.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  BatchInsertRequest,
  DeleteRequest,
  DeleteResponse,
  InsertRequest,
  InsertResponse,
  RedactionType,
  SkyflowError,
  TokenMode,
  UpdateRequest,
  UpdateResponse,
  type InsertedRecord,
  type RecordError,
} from '../../src/v2/index.js';
import { UUID, card, person } from '../helpers/data.js';
import {
  FORMAT_PRESERVING_CARD,
  SSN_SHAPE,
  closeFixture,
  existsOver,
  freshCard,
  insertCards,
  insertPerson,
  rejectionOf,
  storedOver,
  vault,
} from './operations-fixture.js';

afterAll(closeFixture);

describe('insert', () => {
  it('returns the tokens of every inserted column with returnTokens, and stores the values', async () => {
    const values = card();
    const response = await vault.insert(new InsertRequest({ table: 'cards', values: [values], returnTokens: true }));
    expect(response).toBeInstanceOf(InsertResponse);
    expectTypeOf(response.insertedFields).toEqualTypeOf<readonly InsertedRecord[]>();
    expect(response.errors).toEqual([]);
    expect(response.insertedFields).toEqual([
      {
        skyflowId: expect.stringMatching(UUID),
        requestIndex: 0,
        card_number: expect.stringMatching(FORMAT_PRESERVING_CARD),
        cardholder_name: expect.stringMatching(UUID),
        expiry_date: expect.stringMatching(UUID),
        cvv: expect.stringMatching(UUID),
      },
    ]);
    const [record] = response.insertedFields;
    expect(record!.card_number).not.toBe(values.card_number);
    expect(record).not.toHaveProperty('skyflow_id');
    expect(await storedOver('cards', record!.skyflowId)).toEqual({ skyflow_id: record!.skyflowId, ...values });
  });

  it('returns only ids and request indexes without returnTokens', async () => {
    const values = card();
    const response = await vault.insert({ table: 'cards', values: [values] });
    expect(response.insertedFields).toEqual([{ skyflowId: expect.stringMatching(UUID), requestIndex: 0 }]);
    expect(response.errors).toEqual([]);
    expect(await storedOver('cards', response.insertedFields[0]!.skyflowId)).toEqual({
      skyflow_id: response.insertedFields[0]!.skyflowId,
      ...values,
    });
  });

  it('keeps the order of many records, each with its requestIndex', async () => {
    const values = [card(), card(), card(), card()];
    const inserted = await insertCards(values);
    expect(inserted.map((record) => record.requestIndex)).toEqual([0, 1, 2, 3]);
    expect(new Set(inserted.map((record) => record.skyflowId)).size).toBe(4);
    for (const [index, record] of inserted.entries()) {
      expect(await storedOver('cards', record.skyflowId)).toEqual({ skyflow_id: record.skyflowId, ...values[index] });
    }
  });

  it('upserts on a unique column: the same record is updated, not duplicated', async () => {
    const values = card();
    const first = await vault.insert({ table: 'cards', values: [values], upsert: 'card_number', returnTokens: true });
    const second = await vault.insert({
      table: 'cards',
      values: [{ ...values, cvv: '999', expiry_date: '01/40' }],
      upsert: 'card_number',
      returnTokens: true,
    });
    const id = first.insertedFields[0]!.skyflowId;
    expect(second.insertedFields).toEqual([
      {
        skyflowId: id,
        requestIndex: 0,
        // the unchanged values keep their tokens
        card_number: first.insertedFields[0]!.card_number,
        cardholder_name: first.insertedFields[0]!.cardholder_name,
        expiry_date: expect.stringMatching(UUID),
        cvv: expect.stringMatching(UUID),
      },
    ]);
    expect(await storedOver('cards', id)).toEqual({ skyflow_id: id, ...values, cvv: '999', expiry_date: '01/40' });
  });

  it('inserts homogeneous records, and the vault refuses records that are not', async () => {
    const values = [card(), card()];
    const response = await vault.insert({ table: 'cards', values, homogeneous: true, returnTokens: true });
    expect(response.insertedFields.map((record) => record.requestIndex)).toEqual([0, 1]);
    for (const [index, record] of response.insertedFields.entries()) {
      expect(await storedOver('cards', record.skyflowId)).toEqual({ skyflow_id: record.skyflowId, ...values[index] });
    }

    const mixed = [card(), { card_number: card().card_number, cvv: '123' }];
    const error = await rejectionOf(vault.insert({ table: 'cards', values: mixed, homogeneous: true }));
    expect(error).toMatchObject({
      httpCode: 400,
      grpcCode: 3,
      message: 'records[1]: homogeneous records must all have the same fields.',
    });
    expect(await existsOver('cards', 'card_number', mixed[0]!.card_number as string)).toBe(false);
  });

  it('tokenMode ENABLE: the given token is used, the other columns get generated ones, and it detokenizes', async () => {
    const values = freshCard();
    const token = `byot-${randomUUID()}`;
    const response = await vault.insert(
      new InsertRequest({ table: 'cards', values: [values], tokenMode: TokenMode.ENABLE, tokens: [{ cvv: token }], returnTokens: true }),
    );
    expect(response.insertedFields).toEqual([
      {
        skyflowId: expect.stringMatching(UUID),
        requestIndex: 0,
        card_number: expect.stringMatching(FORMAT_PRESERVING_CARD),
        cardholder_name: expect.stringMatching(UUID),
        expiry_date: expect.stringMatching(UUID),
        cvv: token,
      },
    ]);
    const revealed = await vault.detokenize({ tokens: [{ token, redactionType: RedactionType.PLAIN_TEXT }] });
    expect(revealed.detokenizedFields).toEqual([{ token, value: values.cvv, type: 'STRING' }]);
  });

  it('tokenMode ENABLE_STRICT: every column has the given token', async () => {
    const values = freshCard();
    const tokens = {
      card_number: `cn-${randomUUID()}`,
      cardholder_name: `ch-${randomUUID()}`,
      expiry_date: `ex-${randomUUID()}`,
      cvv: `cv-${randomUUID()}`,
    };
    const response = await vault.insert({
      table: 'cards',
      values: [values],
      tokenMode: TokenMode.ENABLE_STRICT,
      tokens: [tokens],
      returnTokens: true,
    });
    expect(response.insertedFields).toEqual([{ skyflowId: expect.stringMatching(UUID), requestIndex: 0, ...tokens }]);
    const revealed = await vault.detokenize({
      tokens: Object.values(tokens).map((token) => ({ token, redactionType: RedactionType.PLAIN_TEXT })),
    });
    expect(revealed.detokenizedFields.map((field) => field.value)).toEqual([
      values.card_number,
      values.cardholder_name,
      values.expiry_date,
      values.cvv,
    ]);
  });

  it('continueOnError: inserts the good record and reports the bad one, which is not written', async () => {
    const good = card();
    const bad = { ...card(), colour: 'red' };
    const response = await vault.insert({ table: 'cards', values: [good, bad], continueOnError: true, returnTokens: true });
    expect(response.insertedFields).toEqual([
      {
        skyflowId: expect.stringMatching(UUID),
        requestIndex: 0,
        card_number: expect.stringMatching(FORMAT_PRESERVING_CARD),
        cardholder_name: expect.stringMatching(UUID),
        expiry_date: expect.stringMatching(UUID),
        cvv: expect.stringMatching(UUID),
      },
    ]);
    expectTypeOf(response.errors).toEqualTypeOf<readonly RecordError[]>();
    expect(response.errors).toEqual([
      {
        requestIndex: 1,
        requestId: expect.stringMatching(UUID),
        httpCode: 400,
        error: 'Column colour does not exist in table cards.',
      },
    ]);
    expect(await storedOver('cards', response.insertedFields[0]!.skyflowId)).toEqual({
      skyflow_id: response.insertedFields[0]!.skyflowId,
      ...good,
    });
    expect(await existsOver('cards', 'card_number', bad.card_number)).toBe(false);
  });

  it('continueOnError without returnTokens and with upsert', async () => {
    const existing = card();
    const [first] = await insertCards([existing]);
    const fresh = card();
    const response = await vault.insert({
      table: 'cards',
      values: [{ ...existing, cvv: '321' }, { card_number: card().card_number, colour: 'red' }, fresh],
      upsert: 'card_number',
      continueOnError: true,
    });
    expect(response.insertedFields).toEqual([
      { skyflowId: first!.skyflowId, requestIndex: 0 },
      { skyflowId: expect.stringMatching(UUID), requestIndex: 2 },
    ]);
    expect(response.errors).toEqual([
      { requestIndex: 1, requestId: expect.stringMatching(UUID), httpCode: 400, error: 'Column colour does not exist in table cards.' },
    ]);
    expect(await storedOver('cards', first!.skyflowId)).toEqual({ skyflow_id: first!.skyflowId, ...existing, cvv: '321' });
    expect(await existsOver('cards', 'card_number', fresh.card_number)).toBe(true);
  });

  it('without continueOnError, one bad record rejects the insert and nothing is written', async () => {
    const good = card();
    const bad = { ...card(), colour: 'red' };
    const error = await rejectionOf(vault.insert({ table: 'cards', values: [good, bad] }));
    expect(error).toBeInstanceOf(SkyflowError);
    expect(error).toMatchObject({
      name: 'SkyflowError',
      httpCode: 400,
      httpStatus: 'Bad Request',
      grpcCode: 3,
      requestId: expect.stringMatching(UUID),
      message: 'records[1]: Column colour does not exist in table cards.',
      details: [],
    });
    expect(await existsOver('cards', 'card_number', good.card_number)).toBe(false);
    expect(await existsOver('cards', 'card_number', bad.card_number)).toBe(false);
  });
});

describe('insertBatch', () => {
  it('inserts records into two tables in one call; entries carry their table and requestIndex', async () => {
    const someone = person();
    const someCard = card();
    const response = await vault.insertBatch(
      new BatchInsertRequest({
        records: [
          { table: 'persons', fields: someone },
          { table: 'cards', fields: someCard },
        ],
        returnTokens: true,
      }),
    );
    expect(response.errors).toEqual([]);
    expect(response.insertedFields).toEqual([
      {
        skyflowId: expect.stringMatching(UUID),
        requestIndex: 0,
        table: 'persons',
        name: expect.stringMatching(UUID),
        email: expect.stringMatching(UUID),
        ssn: expect.stringMatching(SSN_SHAPE),
        date_of_birth: expect.stringMatching(UUID),
      },
      {
        skyflowId: expect.stringMatching(UUID),
        requestIndex: 1,
        table: 'cards',
        card_number: expect.stringMatching(FORMAT_PRESERVING_CARD),
        cardholder_name: expect.stringMatching(UUID),
        expiry_date: expect.stringMatching(UUID),
        cvv: expect.stringMatching(UUID),
      },
    ]);
    const [personRecord, cardRecord] = response.insertedFields;
    expect(await storedOver('persons', personRecord!.skyflowId)).toEqual({ skyflow_id: personRecord!.skyflowId, ...someone });
    expect(await storedOver('cards', cardRecord!.skyflowId)).toEqual({ skyflow_id: cardRecord!.skyflowId, ...someCard });
  });

  it('without returnTokens, entries have only id, index and table', async () => {
    const response = await vault.insertBatch({
      records: [
        { table: 'cards', fields: card() },
        { table: 'persons', fields: person() },
      ],
    });
    expect(response.insertedFields).toEqual([
      { skyflowId: expect.stringMatching(UUID), requestIndex: 0, table: 'cards' },
      { skyflowId: expect.stringMatching(UUID), requestIndex: 1, table: 'persons' },
    ]);
  });

  it('upserts per record and takes tokens with tokenMode ENABLE', async () => {
    const existing = person();
    const first = await insertPerson(existing);
    const values = freshCard();
    const token = `byot-${randomUUID()}`;
    const response = await vault.insertBatch({
      records: [
        { table: 'persons', fields: { ...existing, name: 'Renamed' }, upsert: 'email' },
        { table: 'cards', fields: values, tokens: { cvv: token } },
      ],
      tokenMode: TokenMode.ENABLE,
      returnTokens: true,
    });
    expect(response.insertedFields[0]).toMatchObject({ skyflowId: first.skyflowId, requestIndex: 0, table: 'persons' });
    expect(response.insertedFields[1]).toMatchObject({ requestIndex: 1, table: 'cards', cvv: token });
    expect(await storedOver('persons', first.skyflowId)).toEqual({ skyflow_id: first.skyflowId, ...existing, name: 'Renamed' });
  });

  it('is all-or-nothing without continueOnError', async () => {
    const someone = person();
    const error = await rejectionOf(
      vault.insertBatch({
        records: [
          { table: 'persons', fields: someone },
          { table: 'cards', fields: { ...card(), colour: 'red' } },
        ],
      }),
    );
    expect(error).toMatchObject({
      httpCode: 400,
      grpcCode: 3,
      requestId: expect.stringMatching(UUID),
      message: 'records[1]: Column colour does not exist in table cards.',
    });
    expect(await existsOver('persons', 'email', someone.email)).toBe(false);
  });

  it('continueOnError reports each failed record in its place and keeps the others', async () => {
    const someone = person();
    const bad = { ...card(), colour: 'red' };
    const good = card();
    const response = await vault.insertBatch({
      records: [
        { table: 'persons', fields: someone },
        { table: 'cards', fields: bad },
        { table: 'nowhere', fields: { a: '1' } },
        { table: 'cards', fields: good },
      ],
      continueOnError: true,
    });
    expect(response.insertedFields).toEqual([
      { skyflowId: expect.stringMatching(UUID), requestIndex: 0, table: 'persons' },
      { skyflowId: expect.stringMatching(UUID), requestIndex: 3, table: 'cards' },
    ]);
    const requestId = response.errors[0]?.requestId;
    expect(requestId).toMatch(UUID);
    expect(response.errors).toEqual([
      { requestIndex: 1, requestId, httpCode: 400, error: 'Column colour does not exist in table cards.' },
      { requestIndex: 2, requestId, httpCode: 404, error: 'Table nowhere does not exist in this vault.' },
    ]);
    expect(await storedOver('persons', response.insertedFields[0]!.skyflowId)).toEqual({
      skyflow_id: response.insertedFields[0]!.skyflowId,
      ...someone,
    });
    expect(await existsOver('cards', 'card_number', bad.card_number)).toBe(false);
    expect(await existsOver('cards', 'card_number', good.card_number)).toBe(true);
  });
});

describe('update', () => {
  it('changes the given columns only', async () => {
    const values = card();
    const [record] = await insertCards([values]);
    const id = record!.skyflowId;
    const response = await vault.update(new UpdateRequest({ table: 'cards', data: { skyflowId: id, cvv: '321', expiry_date: '01/31' } }));
    expect(response).toBeInstanceOf(UpdateResponse);
    expect(response.updatedField).toEqual({ skyflowId: id });
    expect(response.errors).toEqual([]);
    const read = await vault.get({ table: 'cards', ids: [id], redactionType: RedactionType.PLAIN_TEXT });
    expect(read.data).toEqual([{ skyflowId: id, ...values, cvv: '321', expiry_date: '01/31' }]);
    expect(await storedOver('cards', id)).toEqual({ skyflow_id: id, ...values, cvv: '321', expiry_date: '01/31' });
  });

  it('returnTokens gives the tokens of the updated columns, which detokenize to the new values', async () => {
    const [record] = await insertCards([card()]);
    const id = record!.skyflowId;
    const newCvv = `cvv-${randomUUID()}`;
    const response = await vault.update({ table: 'cards', data: { skyflowId: id, cvv: newCvv }, returnTokens: true });
    expect(response.updatedField).toEqual({ skyflowId: id, cvv: expect.stringMatching(UUID) });
    expect(response.updatedField['cvv']).not.toBe(record!.cvv);
    const tokens = await vault.get({ table: 'cards', ids: [id], returnTokens: true, fields: ['cvv'] });
    expect(tokens.data).toEqual([{ skyflowId: id, cvv: response.updatedField['cvv'] }]);
    const token = response.updatedField['cvv'] as string;
    const revealed = await vault.detokenize({ tokens: [{ token, redactionType: RedactionType.PLAIN_TEXT }] });
    expect(revealed.detokenizedFields).toEqual([{ token, value: newCvv, type: 'STRING' }]);
  });

  it('tokenMode ENABLE stores the given token for the new value', async () => {
    const values = card();
    const [record] = await insertCards([values]);
    const id = record!.skyflowId;
    const newCvv = `cvv-${randomUUID()}`;
    const token = `byot-${randomUUID()}`;
    const response = await vault.update({
      table: 'cards',
      data: { skyflowId: id, cvv: newCvv },
      tokenMode: TokenMode.ENABLE,
      tokens: { cvv: token },
      returnTokens: true,
    });
    expect(response.updatedField).toEqual({ skyflowId: id, cvv: token });
    const revealed = await vault.detokenize({ tokens: [{ token, redactionType: RedactionType.PLAIN_TEXT }] });
    expect(revealed.detokenizedFields).toEqual([{ token, value: newCvv, type: 'STRING' }]);
    expect(await storedOver('cards', id)).toEqual({ skyflow_id: id, ...values, cvv: newCvv });
  });

  it('rejects with 404 for an unknown skyflowId', async () => {
    const id = randomUUID();
    const error = await rejectionOf(vault.update({ table: 'cards', data: { skyflowId: id, cvv: '1' } }));
    expect(error).toMatchObject({
      httpCode: 404,
      httpStatus: 'Not Found',
      grpcCode: 5,
      requestId: expect.stringMatching(UUID),
      message: `No record found with skyflow_id ${id}.`,
    });
  });
});

describe('delete', () => {
  it('deletes by ids and lists them; the records are gone afterwards', async () => {
    const inserted = await insertCards([card(), card()]);
    const ids = inserted.map((record) => record.skyflowId);
    const response = await vault.delete(new DeleteRequest({ table: 'cards', ids }));
    expect(response).toBeInstanceOf(DeleteResponse);
    expect(response.deletedIds).toEqual(ids);
    expect(response.errors).toEqual([]);
    const error = await rejectionOf(vault.get({ table: 'cards', ids }));
    expect(error).toMatchObject({ httpCode: 404, message: 'No records found.' });
    expect(await storedOver('cards', ids[0]!)).toBeNull();
    expect(await storedOver('cards', ids[1]!)).toBeNull();
  });

  it('lists only the ids that existed', async () => {
    const [record] = await insertCards([card()]);
    const response = await vault.delete({ table: 'cards', ids: [randomUUID(), record!.skyflowId] });
    expect(response.deletedIds).toEqual([record!.skyflowId]);
  });

  it('rejects with 404 when none of the ids exists, naming the id when there is one', async () => {
    const id = randomUUID();
    const error = await rejectionOf(vault.delete({ table: 'cards', ids: [id] }));
    expect(error).toMatchObject({
      httpCode: 404,
      httpStatus: 'Not Found',
      grpcCode: 5,
      requestId: expect.stringMatching(UUID),
      message: `No record found with skyflow_id ${id}.`,
    });
    const several = await rejectionOf(vault.delete({ table: 'cards', ids: [randomUUID(), randomUUID()] }));
    expect(several.message).toBe('No records found for the given skyflow_ids.');
  });
});
