import { describe, expect, it } from 'vitest';
import { OrderBy, RedactionType, TokenMode } from '../../../src/v2/enums.js';
import { isSkyflowError } from '../../../src/v2/errors/SkyflowError.js';
import { BatchInsertRequest } from '../../../src/v2/vault/requests/BatchInsertRequest.js';
import { DeleteRequest } from '../../../src/v2/vault/requests/DeleteRequest.js';
import { DetokenizeRequest } from '../../../src/v2/vault/requests/DetokenizeRequest.js';
import { GetRequest } from '../../../src/v2/vault/requests/GetRequest.js';
import { InsertRequest } from '../../../src/v2/vault/requests/InsertRequest.js';
import { QueryRequest } from '../../../src/v2/vault/requests/QueryRequest.js';
import { TokenizeRequest } from '../../../src/v2/vault/requests/TokenizeRequest.js';
import { UpdateRequest } from '../../../src/v2/vault/requests/UpdateRequest.js';

const V = (text: string): string => `Validation error. ${text}`;
type Case = [label: string, init: Record<string, unknown>, message: string];

/** Constructs with an init object the types would refuse, and returns the SkyflowError it throws. */
function failure(make: (init: never) => unknown, init: unknown): { message: string; httpCode: number } {
  try {
    make(init as never);
  } catch (error) {
    if (!isSkyflowError(error)) throw error;
    return { message: error.message, httpCode: error.httpCode };
  }
  throw new Error('expected a SkyflowError');
}
const expectMessage = (make: (init: never) => unknown, init: unknown, message: string): void => {
  expect(failure(make, init)).toStrictEqual({ message, httpCode: 400 });
};

const insert = (init: never) => new InsertRequest(init);
const batch = (init: never) => new BatchInsertRequest(init);
const get = (init: never) => new GetRequest(init);
const update = (init: never) => new UpdateRequest(init);
const remove = (init: never) => new DeleteRequest(init);
const detokenize = (init: never) => new DetokenizeRequest(init);
const tokenize = (init: never) => new TokenizeRequest(init);
const query = (init: never) => new QueryRequest(init);

const M = {
  emptyTable: V('Table name cannot be empty. Specify a valid table name.'),
  invalidTable: V('Invalid table name. Specify a valid table name as string.'),
  bool: (name: string, type: string) => V(`The ${name} key has a value of type ${type}. Specify ${name} as boolean.`),
  tokenMode: (type: string) => V(`The tokenMode key has a value of type ${type}. Specify tokenMode as a TokenMode.`),
  noTokens: V("Tokens weren't specified for records while tokenMode was ENABLE or ENABLE_STRICT."),
  tokensWithDisable: V('Tokens were specified while tokenMode is DISABLE. Set tokenMode to ENABLE or ENABLE_STRICT.'),
  strict: V('tokenMode is ENABLE_STRICT, but some fields are missing tokens. Specify tokens for all fields.'),
  emptyRecord: (i: number) => V(`A record cannot be empty. Specify at least one field at index ${i}.`),
  invalidRecord: (i: number) => V(`Invalid record. Specify the record's fields as an object at index ${i}.`),
  emptyToken: (i: number) => V(`Tokens object cannot be empty. Specify a valid tokens object at index ${i}.`),
  invalidToken: (i: number) => V(`Invalid tokens object. Specify column names mapped to string tokens, for columns of the record, at index ${i}.`),
  upsert: (type: string) => V(`The upsert key has a value of type ${type}. Specify upsert as a non-empty column name.`),
  redaction: V('Invalid redaction type. Specify a valid RedactionType.'),
  homogeneousContinue: V('homogeneous cannot be combined with continueOnError. Remove one of them.'),
  tokensGet: V('returnTokens can only be used when getting by ids. Specify ids, or remove returnTokens.'),
  offset: V('Invalid offset. Specify offset as a non-negative integer.'),
  limit: V('Invalid limit. Specify limit as a positive integer.'),
  missingSkyflowId: V('Skyflow id cannot be empty in update request. Specify skyflowId as a string.'),
  tokenData: (i: number) => V(`Invalid token data in detokenize request. Specify { token, redactionType? } at index ${i}.`),
  tokenizeValue: (i: number) => V(`Invalid type of value passed in tokenize request. Value must be a string, number or boolean at index ${i}.`),
};

describe.each<[string, (init: never) => unknown, string]>([
  ['InsertRequest', insert, 'insert'],
  ['BatchInsertRequest', batch, 'batch insert'],
  ['GetRequest', get, 'get'],
  ['UpdateRequest', update, 'update'],
  ['DeleteRequest', remove, 'delete'],
  ['DetokenizeRequest', detokenize, 'detokenize'],
  ['TokenizeRequest', tokenize, 'tokenize'],
  ['QueryRequest', query, 'query'],
])('%s init object', (_, make, operation) => {
  it.each<[string, unknown]>([['undefined', undefined], ['null', null], ['a string', 'x'], ['an array', []], ['a number', 1]])(
    'refuses %s',
    (__, init) => expectMessage(make, init, V(`Invalid ${operation} request. Specify the request as an object.`)),
  );
});

describe.each<[string, (init: never) => unknown, Record<string, unknown>]>([
  ['InsertRequest', insert, { values: [{ a: 1 }] }],
  ['GetRequest', get, {}],
  ['UpdateRequest', update, { data: { skyflowId: 'id', a: 1 } }],
  ['DeleteRequest', remove, { ids: ['id'] }],
])('%s table', (_, make, rest) => {
  it.each<[unknown, string]>([
    [undefined, M.emptyTable],
    [null, M.emptyTable],
    ['', M.emptyTable],
    ['   ', M.emptyTable],
    ['\t\n', M.emptyTable],
    [5, M.invalidTable],
    [['cards'], M.invalidTable],
  ])('refuses %j', (table, message) => expectMessage(make, { ...rest, table }, message));
});

describe('InsertRequest', () => {
  const base = { table: 'cards', values: [{ cvv: '123', name: 'Ada' }] };
  it.each<Case>([
    ['values missing', { table: 'cards' }, V('Values array cannot be empty. Specify values in the insert request.')],
    ['values null', { ...base, values: null }, V('Values array cannot be empty. Specify values in the insert request.')],
    ['values empty', { ...base, values: [] }, V('Values array cannot be empty. Specify values in the insert request.')],
    ['values an object', { ...base, values: { cvv: '1' } }, V('Invalid type of values in insert request. Specify values as an array of objects.')],
    ['a null record', { ...base, values: [null] }, M.emptyRecord(0)],
    ['an empty record', { ...base, values: [{ a: 1 }, {}] }, M.emptyRecord(1)],
    ['a string record', { ...base, values: [{ a: 1 }, 'x'] }, M.invalidRecord(1)],
    ['an array record', { ...base, values: [['a']] }, M.invalidRecord(0)],
    ['returnTokens a string', { ...base, returnTokens: 'yes' }, M.bool('returnTokens', 'string')],
    ['continueOnError a number', { ...base, continueOnError: 1 }, M.bool('continueOnError', 'number')],
    ['homogeneous null', { ...base, homogeneous: null }, M.bool('homogeneous', 'null')],
    ['upsert empty', { ...base, upsert: ' ' }, M.upsert('string')],
    ['upsert an array', { ...base, upsert: ['id'] }, M.upsert('array')],
    ['homogeneous with upsert', { ...base, homogeneous: true, upsert: 'name' }, V('homogeneous cannot be combined with upsert. Remove one of them.')],
    ['homogeneous with continueOnError', { ...base, homogeneous: true, continueOnError: true }, M.homogeneousContinue],
    ['tokenMode lower case', { ...base, tokenMode: 'enable' }, M.tokenMode('string')],
    ['tokenMode a boolean', { ...base, tokenMode: true }, M.tokenMode('boolean')],
    ['ENABLE without tokens', { ...base, tokenMode: TokenMode.ENABLE }, M.noTokens],
    ['ENABLE_STRICT without tokens', { ...base, tokenMode: TokenMode.ENABLE_STRICT }, M.noTokens],
    ['ENABLE with an empty tokens array', { ...base, tokenMode: TokenMode.ENABLE, tokens: [] }, M.noTokens],
    ['ENABLE_STRICT with an empty tokens array', { ...base, tokenMode: TokenMode.ENABLE_STRICT, tokens: [] }, M.noTokens],
    ['an empty tokens array with DISABLE', { ...base, tokens: [] }, M.tokensWithDisable],
    ['tokens with DISABLE (the default)', { ...base, tokens: [{ cvv: 't' }] }, M.tokensWithDisable],
    ['tokens with DISABLE given', { ...base, tokenMode: TokenMode.DISABLE, tokens: [{ cvv: 't' }] }, M.tokensWithDisable],
    ['tokens an object', { ...base, tokenMode: TokenMode.ENABLE, tokens: { cvv: 't' } }, V('Invalid tokens. Specify tokens as an array of objects, one per record.')],
    ['more token objects than records', { ...base, tokenMode: TokenMode.ENABLE, tokens: [{ cvv: 't' }, { cvv: 'u' }] }, V('Invalid tokens. Specify tokens as an array of objects, one per record.')],
    ['ENABLE_STRICT with fewer token objects', { table: 't', values: [{ a: 1 }, { a: 2 }], tokenMode: TokenMode.ENABLE_STRICT, tokens: [{ a: 't' }] }, M.strict],
    ['ENABLE_STRICT missing a field', { ...base, tokenMode: TokenMode.ENABLE_STRICT, tokens: [{ cvv: 't' }] }, M.strict],
    ['an empty token object', { ...base, tokenMode: TokenMode.ENABLE, tokens: [{}] }, M.emptyToken(0)],
    ['a token naming a column not in the record', { ...base, tokenMode: TokenMode.ENABLE, tokens: [{ card: 't' }] }, M.invalidToken(0)],
    ['a token that is not a string', { ...base, tokenMode: TokenMode.ENABLE, tokens: [{ cvv: 5 }] }, M.invalidToken(0)],
    ['an empty token', { ...base, tokenMode: TokenMode.ENABLE, tokens: [{ cvv: '' }] }, M.invalidToken(0)],
    ['a null token object', { table: 't', values: [{ a: 1 }, { a: 2 }], tokenMode: TokenMode.ENABLE, tokens: [{ a: 't' }, null] }, M.invalidToken(1)],
    ['ENABLE_STRICT with an undefined token object', { table: 't', values: [{ a: 1 }, { a: 2 }], tokenMode: TokenMode.ENABLE_STRICT, tokens: [{ a: 't' }, undefined] }, M.strict],
  ])('refuses %s', (_, init, message) => expectMessage(insert, init, message));

  it('accepts homogeneous, and continueOnError, each without the other', () => {
    expect(new InsertRequest({ ...base, homogeneous: true, continueOnError: false })).toMatchObject({ homogeneous: true, continueOnError: false });
    expect(new InsertRequest({ ...base, homogeneous: false, continueOnError: true })).toMatchObject({ homogeneous: false, continueOnError: true });
  });

  it('checks in constructor order: table, values, options, then tokens', () => {
    expectMessage(insert, { values: 'x', returnTokens: 'x' }, M.emptyTable);
    expectMessage(insert, { table: 't', values: 'x', returnTokens: 'x' }, V('Invalid type of values in insert request. Specify values as an array of objects.'));
    expectMessage(insert, { ...base, returnTokens: 1, continueOnError: 'x' }, M.bool('returnTokens', 'number'));
    expectMessage(insert, { ...base, upsert: 1, tokenMode: 'x' }, M.upsert('number'));
    expectMessage(insert, { ...base, homogeneous: true, continueOnError: true, upsert: 'name' }, V('homogeneous cannot be combined with upsert. Remove one of them.'));
    expectMessage(insert, { ...base, homogeneous: true, continueOnError: true, tokenMode: 'x' }, M.homogeneousContinue);
  });

  it('has its defaults', () => {
    expect({ ...new InsertRequest(base) }).toStrictEqual({
      table: 'cards', values: [{ cvv: '123', name: 'Ada' }], returnTokens: false, continueOnError: false,
      homogeneous: false, upsert: undefined, tokenMode: TokenMode.DISABLE, tokens: undefined,
    });
  });

  it('accepts tokens by mode', () => {
    const values = [{ cvv: '1', name: 'A' }, { cvv: '2', name: 'B' }];
    expect(new InsertRequest({ table: 't', values, tokenMode: TokenMode.ENABLE, tokens: [{ cvv: 't1' }] }).tokens).toStrictEqual([{ cvv: 't1' }]);
    const strict = new InsertRequest({
      table: 't',
      values,
      tokenMode: TokenMode.ENABLE_STRICT,
      tokens: [{ cvv: 't1', name: 'n1' }, { cvv: 't2', name: 'n2' }],
    });
    expect(strict.tokens).toStrictEqual([{ cvv: 't1', name: 'n1' }, { cvv: 't2', name: 'n2' }]);
  });

  it('is frozen, and a copy of what the caller passed', () => {
    const values: Array<Record<string, unknown>> = [{ cvv: '123' }];
    const tokens = [{ cvv: 'tok' }];
    const request = new InsertRequest({ table: 'cards', values, tokenMode: TokenMode.ENABLE, tokens });
    values[0]!['cvv'] = '999';
    values.push({ cvv: '456' });
    tokens[0]!.cvv = 'changed';
    expect(request.values).toStrictEqual([{ cvv: '123' }]);
    expect(request.tokens).toStrictEqual([{ cvv: 'tok' }]);
    expect(Object.isFrozen(request)).toBe(true);
    expect(Object.isFrozen(request.values[0])).toBe(true);
    expect(Object.isFrozen(request.tokens![0])).toBe(true);
    expect(Object.isFrozen(request.values)).toBe(true);
    expect(Object.isFrozen(request.tokens)).toBe(true);
    expect(Object.isFrozen(values)).toBe(false);
    expect(() => Object.assign(request, { table: 'other' })).toThrow(TypeError);
  });
});

describe('BatchInsertRequest', () => {
  const record = { table: 'persons', fields: { name: 'Ada' } };
  it.each<Case>([
    ['returnTokens a string (before records)', { records: 5, returnTokens: 'x' }, M.bool('returnTokens', 'string')],
    ['continueOnError null', { records: [record], continueOnError: null }, M.bool('continueOnError', 'null')],
    ['tokenMode unknown', { records: [record], tokenMode: 'STRICT' }, M.tokenMode('string')],
    ['records missing', {}, V('Records array cannot be empty. Specify records in the batch insert request.')],
    ['records null', { records: null }, V('Records array cannot be empty. Specify records in the batch insert request.')],
    ['records empty', { records: [] }, V('Records array cannot be empty. Specify records in the batch insert request.')],
    ['records an object', { records: record }, V('Invalid records in batch insert request. Specify records as an array of { table, fields }.')],
    ['tokens with DISABLE', { records: [{ ...record, tokens: { name: 't' } }] }, M.tokensWithDisable],
    ['ENABLE without any tokens', { records: [record], tokenMode: TokenMode.ENABLE }, M.noTokens],
    ['a record that is a string', { records: [record, 'x'] }, V('Invalid record in batch insert request. Specify { table, fields, tokens?, upsert? } at index 1.')],
    ['a record without fields', { records: [{ table: 't' }] }, M.emptyRecord(0)],
    ['a record with empty fields', { records: [record, { table: 't', fields: {} }] }, M.emptyRecord(1)],
    ['a record with array fields', { records: [{ table: 't', fields: ['a'] }] }, M.invalidRecord(0)],
    ['a record without table', { records: [{ fields: { a: 1 } }] }, M.emptyTable],
    ['a record with a numeric table', { records: [{ table: 1, fields: { a: 1 } }] }, M.invalidTable],
    ['a record with an empty upsert', { records: [{ ...record, upsert: '' }] }, M.upsert('string')],
    ['a token for another column', { records: [{ ...record, tokens: { ssn: 't' } }], tokenMode: TokenMode.ENABLE }, M.invalidToken(0)],
    ['an empty token object', { records: [{ ...record, tokens: {} }], tokenMode: TokenMode.ENABLE }, M.emptyToken(0)],
    ['ENABLE_STRICT missing a field', { records: [{ table: 't', fields: { a: 1, b: 2 }, tokens: { a: 't' } }], tokenMode: TokenMode.ENABLE_STRICT }, M.strict],
    ['ENABLE_STRICT with a record without tokens', { records: [{ ...record, tokens: { name: 't' } }, { table: 'u', fields: { b: 1 } }], tokenMode: TokenMode.ENABLE_STRICT }, M.strict],
    ['a record with a blank table', { records: [record, { table: ' \t', fields: { a: 1 } }] }, M.emptyTable],
  ])('refuses %s', (_, init, message) => expectMessage(batch, init, message));

  it('accepts a record without tokens under ENABLE, and keeps it without tokens', () => {
    const request = new BatchInsertRequest({ records: [{ ...record, tokens: { name: 't' } }, { table: 'u', fields: { b: 1 } }], tokenMode: TokenMode.ENABLE });
    expect(request.records[1]).toStrictEqual({ table: 'u', fields: { b: 1 } });
  });

  it('has its defaults', () => {
    expect({ ...new BatchInsertRequest({ records: [record] }) }).toStrictEqual({
      records: [{ table: 'persons', fields: { name: 'Ada' } }], returnTokens: false,
      continueOnError: false, tokenMode: TokenMode.DISABLE,
    });
  });

  it('keeps upsert and tokens per record, only where given', () => {
    const request = new BatchInsertRequest({
      records: [{ ...record, tokens: { name: 'tok' } }, { table: 'cards', fields: { cvv: '1' }, upsert: 'cvv' }],
      tokenMode: TokenMode.ENABLE,
    });
    expect(request.records).toStrictEqual([
      { table: 'persons', fields: { name: 'Ada' }, tokens: { name: 'tok' } },
      { table: 'cards', fields: { cvv: '1' }, upsert: 'cvv' },
    ]);
  });

  it('is frozen, and a copy of what the caller passed', () => {
    const fields: Record<string, unknown> = { name: 'Ada' };
    const records = [{ table: 'persons', fields }];
    const request = new BatchInsertRequest({ records });
    fields['name'] = 'Bob';
    records.push({ table: 'x', fields: { a: 1 } });
    expect(request.records).toStrictEqual([{ table: 'persons', fields: { name: 'Ada' } }]);
    expect(Object.isFrozen(request)).toBe(true);
    expect(Object.isFrozen(request.records[0])).toBe(true);
    expect(Object.isFrozen(request.records[0]!.fields)).toBe(true);
    expect(Object.isFrozen(request.records)).toBe(true);
    expect(Object.isFrozen(records)).toBe(false);
  });
});

describe('GetRequest', () => {
  const t = { table: 'cards' };
  const byColumn = { table: 'cards', columnName: 'email', columnValues: ['a@b.c'] };
  it.each<Case>([
    ['ids null', { ...t, ids: null }, V('Ids cannot be empty in get request. Specify valid ids.')],
    ['ids empty', { ...t, ids: [] }, V('Ids cannot be empty in get request. Specify valid ids.')],
    ['ids a string', { ...t, ids: 'id' }, V('Invalid ids passed in get request. Specify valid ids as array of string.')],
    ['an id that is a number', { ...t, ids: ['a', 5] }, V('Invalid Id. Specify a valid Id at index 1 as string.')],
    ['a blank id', { ...t, ids: [' '] }, V('Id cannot be empty. Specify a valid Id at index 0.')],
    ['columnName a number', { ...t, columnName: 1, columnValues: ['v'] }, V('Invalid column name. Specify a valid column name as string.')],
    ['columnName blank', { ...t, columnName: ' ', columnValues: ['v'] }, V('Column name cannot be empty. Specify a valid column name.')],
    ['columnValues empty', { ...byColumn, columnValues: [] }, V('Column values cannot be empty. Specify valid column values.')],
    ['columnValues null', { ...byColumn, columnValues: null }, V('Column values cannot be empty. Specify valid column values.')],
    ['columnValues a string', { ...byColumn, columnValues: 'v' }, V('Invalid column values. Specify valid column values as string array.')],
    ['a column value that is a number', { ...byColumn, columnValues: [1] }, V('Invalid column value. Specify a valid column value at index 0 as string.')],
    ['an empty column value', { ...byColumn, columnValues: ['v', ''] }, V('Column value cannot be empty. Specify a valid column value at index 1.')],
    ['columnName without values', { ...t, columnName: 'email' }, V('Column values are required with a column name. Specify columnValues.')],
    ['values without columnName', { ...t, columnValues: ['v'] }, V('A column name is required with column values. Specify columnName.')],
    ['ids and column details', { ...byColumn, ids: ['id'] }, V('Ids and column details cannot be combined in get request. Specify either ids or columnName with columnValues.')],
    ['an unknown redactionType', { ...t, redactionType: 'plain_text' }, M.redaction],
    ['returnTokens a string', { ...t, returnTokens: 'true' }, M.bool('returnTokens', 'string')],
    ['returnTokens with column details', { ...byColumn, returnTokens: true }, M.tokensGet],
    ['returnTokens for a page of records', { ...t, returnTokens: true }, M.tokensGet],
    ['returnTokens for a page, with redactionType too', { ...t, returnTokens: true, redactionType: RedactionType.MASKED }, M.tokensGet],
    ['returnTokens with redactionType', { ...t, ids: ['id'], returnTokens: true, redactionType: RedactionType.MASKED }, V('redactionType cannot be used when returnTokens is true. Remove one of them.')],
    ['fields a string', { ...t, fields: 'cvv' }, V('The fields key has a value of type string. Specify fields as array of strings.')],
    ['fields null', { ...t, fields: null }, V('The fields key has a value of type null. Specify fields as array of strings.')],
    ['a field that is a number', { ...t, fields: ['cvv', 2] }, V('Invalid field. Specify a valid field at index 1 as string.')],
    ['a blank field', { ...t, fields: [''] }, V('Field cannot be empty. Specify a valid field at index 0.')],
    ['a negative offset', { ...t, offset: -1 }, M.offset],
    ['a fractional offset', { ...t, offset: 1.5 }, M.offset],
    ['an offset string', { ...t, offset: '10' }, M.offset],
    ['an offset past the safe integers', { ...t, offset: 2 ** 53 }, M.offset],
    ['a null offset', { ...t, offset: null }, M.offset],
    ['a zero limit', { ...t, limit: 0 }, M.limit],
    ['an infinite limit', { ...t, limit: Infinity }, M.limit],
    ['a NaN limit', { ...t, limit: Number.NaN }, M.limit],
    ['a limit string', { ...t, limit: '5' }, M.limit],
    ['an unknown orderBy', { ...t, orderBy: 'ASC' }, V('Invalid orderBy. Specify orderBy as an OrderBy.')],
    ['downloadUrl a number', { ...t, downloadUrl: 1 }, M.bool('downloadUrl', 'number')],
  ])('refuses %s', (_, init, message) => expectMessage(get, init, message));

  it('has its defaults', () => {
    const none = { ids: undefined, columnName: undefined, columnValues: undefined, redactionType: undefined };
    const paging = { fields: undefined, offset: undefined, limit: undefined, orderBy: undefined, downloadUrl: undefined };
    expect({ ...new GetRequest(t) }).toStrictEqual({ table: 'cards', ...none, returnTokens: false, ...paging });
  });

  it('keeps every option it accepts', () => {
    const ids = ['a', 'b'];
    const request = new GetRequest({ table: 'cards', ids, returnTokens: true, fields: ['cvv'], offset: 0, limit: 1, orderBy: OrderBy.DESCENDING, downloadUrl: false });
    ids.push('c');
    expect({ ...request }).toStrictEqual({
      table: 'cards', ids: ['a', 'b'], columnName: undefined, columnValues: undefined, redactionType: undefined,
      returnTokens: true, fields: ['cvv'], offset: 0, limit: 1, orderBy: 'DESCENDING', downloadUrl: false,
    });
    expect(new GetRequest({ ...byColumn, redactionType: RedactionType.REDACTED })).toMatchObject({ ...byColumn, redactionType: 'REDACTED' });
    expect(Object.isFrozen(request)).toBe(true);
  });

  it('accepts returnTokens false without ids, and 0 as an offset', () => {
    expect(new GetRequest({ ...t, returnTokens: false, offset: 0, limit: 1 })).toMatchObject({ returnTokens: false, offset: 0, limit: 1 });
    expect(new GetRequest({ ...byColumn, returnTokens: false })).toMatchObject({ returnTokens: false, columnName: 'email' });
  });
});

describe('UpdateRequest', () => {
  const base = { table: 'cards', data: { skyflowId: 'id-1', cvv: '321' } };
  const data = (extra: Record<string, unknown>) => ({ table: 'cards', data: extra });
  it.each<Case>([
    ['data missing', { table: 'cards' }, V('Invalid update data in update request. Specify data as an object with skyflowId and fields.')],
    ['data an array', data([] as never), V('Invalid update data in update request. Specify data as an object with skyflowId and fields.')],
    ['no skyflowId', data({ cvv: '1' }), V('Skyflow id cannot be empty in update request. Specify skyflowId as a string.')],
    ['an empty skyflowId', data({ skyflowId: '', cvv: '1' }), V('Skyflow id cannot be empty in update request. Specify skyflowId as a string.')],
    ['a numeric skyflowId', data({ skyflowId: 5, cvv: '1' }), V('Invalid skyflow Id in update request. Specify a valid skyflowId string.')],
    ['a blank skyflowId', data({ skyflowId: '  ', cvv: '1' }), M.missingSkyflowId],
    ['a skyflowId of tabs and newlines', data({ skyflowId: '\t\n', cvv: '1' }), M.missingSkyflowId],
    ['a null skyflowId', data({ skyflowId: null, cvv: '1' }), M.missingSkyflowId],
    ['an array skyflowId', data({ skyflowId: ['id'], cvv: '1' }), V('Invalid skyflow Id in update request. Specify a valid skyflowId string.')],
    ['only a skyflowId', data({ skyflowId: 'id' }), V('Invalid data in update request. Specify at least one field besides skyflowId.')],
    ['returnTokens a number', { ...base, returnTokens: 0 }, M.bool('returnTokens', 'number')],
    ['tokenMode unknown', { ...base, tokenMode: 'ON' }, M.tokenMode('string')],
    ['ENABLE without tokens', { ...base, tokenMode: TokenMode.ENABLE }, M.noTokens],
    ['tokens with DISABLE', { ...base, tokens: { cvv: 't' } }, M.tokensWithDisable],
    ['tokens an array', { ...base, tokenMode: TokenMode.ENABLE, tokens: [{ cvv: 't' }] }, V('Invalid tokens. Specify valid tokens as object.')],
    ['a token for another column', { ...base, tokenMode: TokenMode.ENABLE, tokens: { ssn: 't' } }, V('Invalid tokens. Specify tokens as column names of the data mapped to strings.')],
    ['a token for skyflowId', { ...base, tokenMode: TokenMode.ENABLE, tokens: { skyflowId: 't' } }, V('Invalid tokens. Specify tokens as column names of the data mapped to strings.')],
    ['ENABLE_STRICT missing a field', { table: 't', data: { skyflowId: 'i', a: 1, b: 2 }, tokenMode: TokenMode.ENABLE_STRICT, tokens: { a: 't' } }, M.strict],
  ])('refuses %s', (_, init, message) => expectMessage(update, init, message));

  it('has its defaults, and keeps skyflowId out of the fields', () => {
    expect({ ...new UpdateRequest(base) }).toStrictEqual({
      table: 'cards', skyflowId: 'id-1', fields: { cvv: '321' },
      returnTokens: false, tokenMode: TokenMode.DISABLE, tokens: undefined,
    });
  });

  it('is frozen, and a copy of what the caller passed', () => {
    const record: { skyflowId: string } & Record<string, unknown> = { skyflowId: 'id-1', cvv: '1' };
    const request = new UpdateRequest({ table: 'cards', data: record, tokenMode: TokenMode.ENABLE_STRICT, tokens: { cvv: 'tok' } });
    record['cvv'] = '2';
    record['name'] = 'x';
    expect(request.fields).toStrictEqual({ cvv: '1' });
    expect(request.tokens).toStrictEqual({ cvv: 'tok' });
    expect(Object.isFrozen(request)).toBe(true);
    expect(Object.isFrozen(request.fields)).toBe(true);
  });
});

describe('DeleteRequest', () => {
  const t = { table: 'cards' };
  it.each<Case>([
    ['ids missing', t, V("Delete ids array cannot be empty. Specify id's in delete request.")],
    ['ids empty', { ...t, ids: [] }, V("Delete ids array cannot be empty. Specify id's in delete request.")],
    ['ids a string', { ...t, ids: 'id' }, V('Invalid delete ids type in delete request. Specify delete ids as a string array.')],
    ['an id that is a number', { ...t, ids: [1] }, V('Invalid type of id passed in delete request. Id must be of type string at index 0.')],
    ['an empty id', { ...t, ids: ['a', ''] }, V('Id cannot be empty in delete request. Specify a valid id at index 1.')],
  ])('refuses %s', (_, init, message) => expectMessage(remove, init, message));

  it('keeps a copy of the ids', () => {
    const ids = ['a'];
    const request = new DeleteRequest({ table: 'cards', ids });
    ids.push('b');
    expect({ ...request }).toStrictEqual({ table: 'cards', ids: ['a'] });
    expect(Object.isFrozen(request)).toBe(true);
  });
});

describe('DetokenizeRequest', () => {
  const one = [{ token: 'tok-1' }];
  it.each<Case>([
    ['tokens missing', {}, V("Tokens array cannot be empty. Specify token's in detokenize request.")],
    ['tokens empty', { tokens: [] }, V("Tokens array cannot be empty. Specify token's in detokenize request.")],
    ['tokens a string', { tokens: 'tok' }, V('Invalid tokens type in detokenize request. Specify tokens as an array of { token, redactionType? }.')],
    ['a bare token string', { tokens: ['tok'] }, M.tokenData(0)],
    ['a null item', { tokens: [...one, null] }, M.tokenData(1)],
    ['an array item', { tokens: [...one, one, [{ token: 't' }]] }, M.tokenData(1)],
    ['an empty token', { tokens: [{ token: '' }] }, V('Token cannot be empty in detokenize request. Specify a valid token at index 0.')],
    ['a missing token', { tokens: [...one, {}] }, V('Token cannot be empty in detokenize request. Specify a valid token at index 1.')],
    ['a numeric token', { tokens: [...one, { token: 1 }] }, V('Invalid type of token passed in detokenize request. token must be of type string at index 1.')],
    ['an unknown redactionType', { tokens: [{ token: 't', redactionType: 'masked' }] }, M.redaction],
    ['continueOnError a string', { tokens: one, continueOnError: 'no' }, M.bool('continueOnError', 'string')],
    ['downloadUrl a number', { tokens: one, downloadUrl: 1 }, M.bool('downloadUrl', 'number')],
  ])('refuses %s', (_, init, message) => expectMessage(detokenize, init, message));

  it('reveals by the column policy (DEFAULT) unless told otherwise', () => {
    const request = new DetokenizeRequest({ tokens: [{ token: 'a' }, { token: 'b', redactionType: RedactionType.PLAIN_TEXT }] });
    expect({ ...request }).toStrictEqual({
      tokens: [{ token: 'a', redactionType: 'DEFAULT' }, { token: 'b', redactionType: 'PLAIN_TEXT' }],
      continueOnError: false,
      downloadUrl: undefined,
    });
    expect(Object.isFrozen(request.tokens[0])).toBe(true);
    expect(Object.isFrozen(request.tokens)).toBe(true);
  });
});

describe('TokenizeRequest', () => {
  const ok = { value: 'Ada', columnGroup: 'names' };
  it.each<Case>([
    ['values missing', {}, V("Values array cannot be empty. Specify value's in tokenize request.")],
    ['values empty', { values: [] }, V("Values array cannot be empty. Specify value's in tokenize request.")],
    ['values an object', { values: ok }, V('Invalid values type in tokenize request. Specify values as an array of { value, columnGroup }.')],
    ['an item that is a string', { values: [ok, 'Ada'] }, V('Invalid data. Specify { value, columnGroup } at index 1.')],
    ['an empty value', { values: [{ ...ok, value: '' }] }, V('Value cannot be empty in tokenize request. Specify a valid value at index 0.')],
    ['a null value', { values: [{ ...ok, value: null }] }, V('Value cannot be empty in tokenize request. Specify a valid value at index 0.')],
    ['an object value', { values: [{ ...ok, value: {} }] }, M.tokenizeValue(0)],
    ['a NaN value', { values: [ok, { ...ok, value: Number.NaN }] }, M.tokenizeValue(1)],
    ['an infinite value', { values: [{ ...ok, value: Number.POSITIVE_INFINITY }] }, M.tokenizeValue(0)],
    ['a negative infinite value', { values: [ok, ok, { ...ok, value: Number.NEGATIVE_INFINITY }] }, M.tokenizeValue(2)],
    ['a bigint value', { values: [{ ...ok, value: 1n }] }, M.tokenizeValue(0)],
    ['a missing columnGroup', { values: [{ value: 'x' }] }, V('Column group cannot be empty in tokenize request. Specify a valid column group at index 0.')],
    ['a numeric columnGroup', { values: [ok, { value: 'x', columnGroup: 1 }] }, V('Invalid type of column group passed in tokenize request. Column group must be of type string at index 1.')],
  ])('refuses %s', (_, init, message) => expectMessage(tokenize, init, message));

  it('accepts strings, finite numbers and booleans, 0 and false included', () => {
    const values = [ok, { value: 0, columnGroup: 'n' }, { value: false, columnGroup: 'b' }, { value: -Number.MAX_VALUE, columnGroup: 'n' }];
    const request = new TokenizeRequest({ values });
    values.pop();
    expect(request.values).toStrictEqual([ok, { value: 0, columnGroup: 'n' }, { value: false, columnGroup: 'b' }, { value: -Number.MAX_VALUE, columnGroup: 'n' }]);
    expect(Object.isFrozen(request)).toBe(true);
    expect(Object.isFrozen(request.values)).toBe(true);
  });
});

describe('QueryRequest', () => {
  it.each<Case>([
    ['query missing', {}, V('Query cannot be empty. Specify a valid query.')],
    ['query null', { query: null }, V('Query cannot be empty. Specify a valid query.')],
    ['query blank', { query: '  \n' }, V('Query cannot be empty. Specify a valid query.')],
    ['query a number', { query: 1 }, V('Invalid query. Specify a valid query as string.')],
    ['a DELETE', { query: 'DELETE FROM cards' }, V('Invalid query. Only SELECT queries are supported. Specify a SELECT statement.')],
    ['SELECT as a prefix of a word', { query: 'selection' }, V('Invalid query. Only SELECT queries are supported. Specify a SELECT statement.')],
  ])('refuses %s', (_, init, message) => expectMessage(query, init, message));

  it('keeps the query as given, in any case', () => {
    expect(new QueryRequest({ query: '  select * from cards' }).query).toBe('  select * from cards');
    expect(new QueryRequest({ query: 'SELECT 1' }).query).toBe('SELECT 1');
  });
});

/** An array of `length` with only the given indexes set: every other index is a hole. */
function sparse(length: number, items: Record<number, unknown> = {}): unknown[] {
  const array: unknown[] = new Array(length);
  for (const [index, item] of Object.entries(items)) array[Number(index)] = item;
  return array;
}

describe('holes of sparse arrays', () => {
  const record = { table: 't', fields: { a: 1 } };
  const two = [{ a: 1 }, { a: 2 }];
  it.each<[string, (init: never) => unknown, (list: unknown[]) => Record<string, unknown>, unknown[], string]>([
    ['an insert record', insert, (values) => ({ table: 't', values }), sparse(2, { 1: { a: 1 } }), M.emptyRecord(0)],
    ['a trailing insert record', insert, (values) => ({ table: 't', values }), sparse(2, { 0: { a: 1 } }), M.emptyRecord(1)],
    ['the only insert record', insert, (values) => ({ table: 't', values }), sparse(1), M.emptyRecord(0)],
    ['insert tokens (ENABLE)', insert, (tokens) => ({ table: 't', values: two, tokenMode: TokenMode.ENABLE, tokens }), sparse(2, { 1: { a: 't' } }), M.invalidToken(0)],
    ['insert tokens (ENABLE_STRICT)', insert, (tokens) => ({ table: 't', values: two, tokenMode: TokenMode.ENABLE_STRICT, tokens }), sparse(2, { 0: { a: 't' } }), M.strict],
    ['a batch record', batch, (records) => ({ records }), sparse(2, { 0: record }), V('Invalid record in batch insert request. Specify { table, fields, tokens?, upsert? } at index 1.')],
    ['get ids', get, (ids) => ({ table: 't', ids }), sparse(2, { 0: 'a' }), V('Invalid Id. Specify a valid Id at index 1 as string.')],
    ['get column values', get, (columnValues) => ({ table: 't', columnName: 'c', columnValues }), sparse(1), V('Invalid column value. Specify a valid column value at index 0 as string.')],
    ['get fields', get, (fields) => ({ table: 't', fields }), sparse(2, { 1: 'a' }), V('Invalid field. Specify a valid field at index 0 as string.')],
    ['delete ids', remove, (ids) => ({ table: 't', ids }), sparse(3, { 0: 'a', 2: 'c' }), V('Invalid type of id passed in delete request. Id must be of type string at index 1.')],
    ['detokenize tokens', detokenize, (tokens) => ({ tokens }), sparse(2, { 0: { token: 't' } }), M.tokenData(1)],
    ['tokenize values', tokenize, (values) => ({ values }), sparse(2, { 1: { value: 'v', columnGroup: 'g' } }), V('Invalid data. Specify { value, columnGroup } at index 0.')],
  ])('refuses a hole in %s as it refuses undefined there', (_, make, init, list, message) => {
    const holes = [...list.keys()].filter((index) => !(index in list));
    expect(holes.length).toBeGreaterThan(0);
    expectMessage(make, init(list), message);
    // The same array with undefined written at each hole.
    const dense = Array.from(list);
    expect(holes.every((index) => index in dense && dense[index] === undefined)).toBe(true);
    expectMessage(make, init(dense), message);
  });
});

describe('arrays held by a request', () => {
  const values = [{ value: 'v', columnGroup: 'g' }];
  it.each<[string, () => object, string[]]>([
    ['InsertRequest', () => new InsertRequest({ table: 't', values: [{ a: 1 }], tokenMode: TokenMode.ENABLE, tokens: [{ a: 't' }] }), ['values', 'tokens']],
    ['BatchInsertRequest', () => new BatchInsertRequest({ records: [{ table: 't', fields: { a: 1 } }] }), ['records']],
    ['GetRequest by ids', () => new GetRequest({ table: 't', ids: ['i'], fields: ['a'] }), ['ids', 'fields']],
    ['GetRequest by column', () => new GetRequest({ table: 't', columnName: 'c', columnValues: ['v'] }), ['columnValues']],
    ['DeleteRequest', () => new DeleteRequest({ table: 't', ids: ['i'] }), ['ids']],
    ['DetokenizeRequest', () => new DetokenizeRequest({ tokens: [{ token: 't' }] }), ['tokens']],
    ['TokenizeRequest', () => new TokenizeRequest({ values }), ['values']],
  ])('%s: each is a frozen array', (_, build, names) => {
    const request = build() as Record<string, unknown>;
    for (const name of names) {
      const array = request[name] as unknown[];
      expect(Array.isArray(array), name).toBe(true);
      expect(Object.isFrozen(array), name).toBe(true);
      expect(() => array.push('x'), name).toThrow(TypeError);
      expect(() => {
        array[0] = 'x';
      }, name).toThrow(TypeError);
      expect(array, name).toHaveLength(1);
    }
  });

  it.each<[string, (list: string[]) => object, string]>([
    ['GetRequest ids', (ids) => new GetRequest({ table: 't', ids }), 'ids'],
    ['GetRequest columnValues', (columnValues) => new GetRequest({ table: 't', columnName: 'c', columnValues }), 'columnValues'],
    ['GetRequest fields', (fields) => new GetRequest({ table: 't', fields }), 'fields'],
    ['DeleteRequest ids', (ids) => new DeleteRequest({ table: 't', ids }), 'ids'],
  ])('%s: a copy, and the caller\'s array stays unfrozen', (_, build, name) => {
    const list = ['a', 'b'];
    const held = (build(list) as Record<string, unknown>)[name];
    expect(held).not.toBe(list);
    expect(Object.isFrozen(list)).toBe(false);
    list.push('c');
    expect(held).toStrictEqual(['a', 'b']);
  });
});

describe('from()', () => {
  it.each<[string, { from(x: never): unknown }, new (init: never) => unknown, Record<string, unknown>]>([
    ['InsertRequest', InsertRequest, InsertRequest, { table: 't', values: [{ a: 1 }] }],
    ['BatchInsertRequest', BatchInsertRequest, BatchInsertRequest, { records: [{ table: 't', fields: { a: 1 } }] }],
    ['GetRequest', GetRequest, GetRequest, { table: 't' }],
    ['UpdateRequest', UpdateRequest, UpdateRequest, { table: 't', data: { skyflowId: 'i', a: 1 } }],
    ['DeleteRequest', DeleteRequest, DeleteRequest, { table: 't', ids: ['i'] }],
    ['DetokenizeRequest', DetokenizeRequest, DetokenizeRequest, { tokens: [{ token: 't' }] }],
    ['TokenizeRequest', TokenizeRequest, TokenizeRequest, { values: [{ value: 'v', columnGroup: 'g' }] }],
    ['QueryRequest', QueryRequest, QueryRequest, { query: 'select 1' }],
  ])('%s.from returns an instance itself and builds one from an init object', (_, Class, Ctor, init) => {
    const instance = new Ctor(init as never);
    expect(Class.from(instance as never)).toBe(instance);
    const built = Class.from(init as never);
    expect(built).toBeInstanceOf(Ctor);
    expect(built).not.toBe(instance);
    expect({ ...(built as object) }).toStrictEqual({ ...(instance as object) });
  });
});
