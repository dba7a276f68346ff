// Properties of the adapter's pure translations between the v1 shapes and the
// v2 requests and responses: every input record accounted for exactly once,
// order and request_index kept, 1.14.3's resolve/reject rule, error bodies,
// connection URLs and payloads, and vault URLs. No network.
import fc from 'fast-check';
import { parse as parseQuery, stringify as stringifyQuery } from 'qs';
import { describe, expect, it } from 'vitest';
import { filledConnectionUrl, connectionPayload } from '../../src/adapter/connection.js';
import { toDetokenizeOutcome, toDetokenizeRequest } from '../../src/adapter/detokenize.js';
import { toV1ErrorBody, withRequestId } from '../../src/adapter/errors.js';
import { toGetError, toGetRecords, toGetRequest } from '../../src/adapter/get.js';
import { toBatchInsert, toInsertResult, type LegacyInsertOptions } from '../../src/adapter/insert.js';
import { combine } from '../../src/adapter/outcome.js';
import { toUpdateRecord, toUpdateRequest } from '../../src/adapter/update.js';
import { toVaultConfig } from '../../src/adapter/v2-client.js';
import { RedactionType, RequestMethod } from '../../src/v1/enums.js';
import type { IConnectionConfig, IDetokenizeRecord, IGetRecord, IInsertRecord, IUpsertOption } from '../../src/v1/types.js';
import {
  DetokenizeResponse,
  Env,
  GetResponse,
  InsertResponse,
  SkyflowAbortError,
  SkyflowConnectionError,
  SkyflowError,
  SkyflowTimeoutError,
  UpdateResponse,
  type InsertedRecord,
  type RecordError,
} from '../../src/v2/index.js';

const RUNS = { numRuns: 300 };

// --- building blocks -----------------------------------------------------------

const TABLES = ['cards', 'persons', 'accounts', 'notes'] as const;
const table = fc.constantFrom(...TABLES);
/** A column name; none of the keys the v1 shapes use themselves. */
const column = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/).filter((name) => !['skyflow_id', 'table', 'id'].includes(name));
const fieldValue = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const fields = fc.dictionary(column, fieldValue, { minKeys: 1, maxKeys: 5 });
const uuid = fc.uuid();
const message = fc.string({ maxLength: 40 });
const requestId = fc.option(fc.uuid(), { nil: null });
const httpCode = fc.option(fc.integer({ min: 400, max: 599 }), { nil: undefined });
const redaction = fc.constantFrom(...Object.values(RedactionType));

const suffixed = (text: string, id: string | null) => (id === null ? text : `${text} - requestId: ${id}`);

/** Whether `list` is in increasing order of `key`. */
const increasing = <T>(list: T[], key: (item: T) => number) => list.every((item, index) => index === 0 || key(list[index - 1]!) < key(item));

// --- insert ----------------------------------------------------------------------

interface LegacyInsert {
  records: IInsertRecord[];
  options: LegacyInsertOptions;
}

const upsertEntry: fc.Arbitrary<IUpsertOption> = fc.record({ table: fc.constantFrom(...TABLES, 'other'), column });
const legacyInsert: fc.Arbitrary<LegacyInsert> = fc
  .record({
    records: fc.array(fc.record({ table, fields }), { minLength: 1, maxLength: 30 }),
    tokens: fc.boolean(),
    continueOnError: fc.boolean(),
    upsert: fc.option(fc.array(upsertEntry, { minLength: 1, maxLength: 6 }), { nil: undefined }),
  })
  .map(({ records, tokens, continueOnError, upsert }) => ({ records, options: { tokens, continueOnError, upsert } }));

/** The vault's answer to each record: inserted, or (with continueOnError) failed. */
interface RecordOutcome {
  inserted: boolean;
  skyflowId: string;
  message: string;
  requestId: string | null;
  httpCode: number | undefined;
}
const recordOutcome: fc.Arbitrary<RecordOutcome> = fc.record({ inserted: fc.boolean(), skyflowId: uuid, message, requestId, httpCode });

const insertWithAnswer = legacyInsert.chain((input) =>
  fc.tuple(fc.constant(input), fc.array(recordOutcome, { minLength: input.records.length, maxLength: input.records.length })).map(
    ([legacy, outcomes]) => ({
      input: legacy,
      // Without continueOnError the batch is all-or-nothing: an answer has only inserted records.
      outcomes: legacy.options.continueOnError ? outcomes : outcomes.map((outcome) => ({ ...outcome, inserted: true })),
    }),
  ),
);

const tokenOf = (index: number, name: string) => `tok-${index}-${name}`;

/** The v2 InsertResponse of a batch insert, as the v2 core builds it. */
function insertResponse({ records, options }: LegacyInsert, outcomes: RecordOutcome[]): InsertResponse {
  const inserted: InsertedRecord[] = [];
  const errors: RecordError[] = [];
  outcomes.forEach((outcome, index) => {
    const record = records[index]!;
    if (outcome.inserted) {
      const tokens = options.tokens ? Object.fromEntries(Object.keys(record.fields).map((name) => [name, tokenOf(index, name)])) : {};
      inserted.push({ skyflowId: outcome.skyflowId, requestIndex: index, table: record.table, ...tokens });
    } else {
      errors.push({
        error: outcome.message,
        requestId: outcome.requestId,
        requestIndex: index,
        ...(outcome.httpCode !== undefined ? { httpCode: outcome.httpCode } : {}),
      });
    }
  });
  return new InsertResponse(inserted, errors);
}

describe('insert', () => {
  it('toBatchInsert: one batch record per input record, in order, with the upsert column of the last entry for its table', () => {
    fc.assert(
      fc.property(legacyInsert, ({ records, options }) => {
        const request = toBatchInsert({ records }, options);
        expect(request.records).toHaveLength(records.length);
        request.records.forEach((entry, index) => {
          const record = records[index]!;
          expect(entry.table).toBe(record.table);
          expect(entry.fields).toEqual(record.fields);
          const matching = (options.upsert ?? []).filter((option) => option.table === record.table);
          if (matching.length === 0) expect('upsert' in entry).toBe(false);
          else expect(entry.upsert).toBe(matching[matching.length - 1]!.column);
          expect(entry.tokens).toBeUndefined();
        });
        expect(request.returnTokens).toBe(options.tokens);
        expect(request.continueOnError).toBe(options.continueOnError);
      }),
      RUNS,
    );
  });

  it('toInsertResult: every input record exactly once, in order, with its request_index, table and id', () => {
    fc.assert(
      fc.property(insertWithAnswer, ({ input, outcomes }) => {
        const { records, options } = input;
        const result = toInsertResult(insertResponse(input, outcomes), { records }, options);

        const expectedRecords = outcomes.flatMap((outcome, index) => {
          if (!outcome.inserted) return [];
          const { table: recordTable, fields: recordFields } = records[index]!;
          const tokens = Object.fromEntries(Object.keys(recordFields).map((name) => [name, tokenOf(index, name)]));
          return [
            options.tokens
              ? { table: recordTable, fields: { skyflow_id: outcome.skyflowId, ...tokens }, request_index: index }
              : { table: recordTable, skyflow_id: outcome.skyflowId, request_index: index },
          ];
        });
        const expectedErrors = outcomes.flatMap((outcome, index) =>
          outcome.inserted
            ? []
            : [{ error: { code: outcome.httpCode ?? 400, description: suffixed(outcome.message, outcome.requestId), request_index: index } }],
        );

        const got = result.records ?? [];
        const failed = result.errors ?? [];
        // Accounted for exactly once, in order.
        const indexes = [...got.map((record) => record.request_index), ...failed.map((entry) => entry.error.request_index)];
        expect(indexes.toSorted((a, b) => a - b)).toEqual(records.map((_, index) => index));
        expect(increasing(got, (record) => record.request_index)).toBe(true);
        expect(increasing(failed, (entry) => entry.error.request_index)).toBe(true);
        expect(got).toEqual(expectedRecords);
        expect(failed).toEqual(expectedErrors);

        if (options.continueOnError) {
          expect('records' in result).toBe(expectedRecords.length > 0);
          expect('errors' in result).toBe(expectedErrors.length > 0);
        } else {
          expect(Object.keys(result)).toEqual(['records']);
        }
      }),
      RUNS,
    );
  });

  it('toInsertResult takes the table from the input record, not from the answer', () => {
    const response = new InsertResponse([{ skyflowId: 'id-1', requestIndex: 0, table: 'elsewhere', cvv: 'tok' }]);
    expect(toInsertResult(response, { records: [{ table: 'cards', fields: { cvv: '1' } }] }, { tokens: true, continueOnError: false })).toEqual({
      records: [{ table: 'cards', fields: { skyflow_id: 'id-1', cvv: 'tok' }, request_index: 0 }],
    });
  });
});

// --- detokenize --------------------------------------------------------------------

const tokenString = fc.string({ minLength: 1, maxLength: 24 });
const detokenizeRecord: fc.Arbitrary<IDetokenizeRecord> = fc.record({ token: tokenString, redaction }, { requiredKeys: ['token'] });

interface TokenOutcome {
  token: string;
  revealed: boolean;
  value: string;
  message: string;
  requestId: string | null;
  httpCode: number | undefined;
}
const tokenOutcomes: fc.Arbitrary<TokenOutcome[]> = fc.uniqueArray(
  fc.record({ token: tokenString, revealed: fc.boolean(), value: fc.string(), message, requestId, httpCode }),
  { minLength: 1, maxLength: 30, selector: (outcome) => outcome.token },
);

function detokenizeResponse(outcomes: TokenOutcome[]): DetokenizeResponse {
  return new DetokenizeResponse(
    outcomes.filter((outcome) => outcome.revealed).map(({ token, value }) => ({ token, value, type: 'STRING' as const })),
    outcomes
      .filter((outcome) => !outcome.revealed)
      .map(({ token, message: error, requestId: id, httpCode: code }) => ({ error, requestId: id, token, ...(code !== undefined ? { httpCode: code } : {}) })),
  );
}

describe('detokenize', () => {
  it('toDetokenizeRequest: one token per record, in order, PLAIN_TEXT where no redaction is given, continueOnError', () => {
    fc.assert(
      fc.property(fc.array(detokenizeRecord, { minLength: 1, maxLength: 30 }), (records) => {
        const request = toDetokenizeRequest({ records });
        expect(request.tokens).toEqual(records.map(({ token, redaction: given }) => ({ token, redactionType: given ?? 'PLAIN_TEXT' })));
        expect(request.continueOnError).toBe(true);
      }),
      RUNS,
    );
  });

  it('toDetokenizeOutcome: every token once, in order, and 1.14.3’s resolve/reject rule', () => {
    fc.assert(
      fc.property(tokenOutcomes, (outcomes) => {
        const outcome = toDetokenizeOutcome(detokenizeResponse(outcomes));
        const records = outcomes.filter((item) => item.revealed).map(({ token, value }) => ({ token, value }));
        const errors = outcomes
          .filter((item) => !item.revealed)
          .map((item) => ({ token: item.token, error: { code: item.httpCode ?? 404, description: suffixed(item.message, item.requestId) } }));

        if (errors.length === 0) {
          expect(outcome).toEqual({ ok: true, value: { records } });
          return;
        }
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.failure).toEqual({ kind: 'partial', value: records.length === 0 ? { errors } : { records, errors } });
        if (outcome.failure.kind !== 'partial') return;
        const value = outcome.failure.value as { records?: Array<{ token: string }>; errors: Array<{ token: string }> };
        expect('records' in value).toBe(records.length > 0);
        // Every token once, each list in the order of the tokens.
        const order = new Map(outcomes.map((item, index) => [item.token, index]));
        const seen = [...(value.records ?? []), ...value.errors].map((item) => item.token);
        expect(seen.toSorted((a, b) => order.get(a)! - order.get(b)!)).toEqual(outcomes.map((item) => item.token));
        expect(increasing(value.records ?? [], (item) => order.get(item.token)!)).toBe(true);
        expect(increasing(value.errors, (item) => order.get(item.token)!)).toBe(true);
      }),
      RUNS,
    );
  });
});

// --- combine and errors ----------------------------------------------------------------

describe('combine', () => {
  it('resolves {records} without errors; otherwise rejects {errors} or {records, errors}', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 6 }), fc.array(fc.anything(), { maxLength: 6 }), (records, errors) => {
        const outcome = combine(records, errors);
        if (errors.length === 0) {
          expect(outcome).toStrictEqual({ ok: true, value: { records } });
        } else if (records.length === 0) {
          expect(outcome).toStrictEqual({ ok: false, failure: { kind: 'partial', value: { errors } } });
        } else {
          expect(outcome).toStrictEqual({ ok: false, failure: { kind: 'partial', value: { records, errors } } });
        }
      }),
      RUNS,
    );
  });
});

const BRAND = Symbol.for('skyflow-bridge.SkyflowError');

describe('toV1ErrorBody', () => {
  const errorClass = fc.constantFrom(SkyflowError, SkyflowConnectionError, SkyflowTimeoutError, SkyflowAbortError);
  const skyflowError = fc
    .record({
      make: errorClass,
      message: fc.string(),
      httpCode: fc.oneof(fc.constant(0), fc.integer({ min: 100, max: 599 })),
      requestId: fc.option(fc.string(), { nil: null }),
      grpcCode: fc.option(fc.integer({ min: 0, max: 16 }), { nil: null }),
    })
    .map(({ make, ...init }) => new make(init));

  it('a SkyflowError: its status and message, with the request id; 500 when no answer came', () => {
    fc.assert(
      fc.property(skyflowError, (error) => {
        const body = toV1ErrorBody(error);
        if (error.httpCode === 0) expect(body).toEqual({ code: 500, description: error.message });
        else if (error.requestId !== null) expect(body).toEqual({ code: error.httpCode, description: `${error.message} - requestId: ${error.requestId}` });
        else expect(body).toEqual({ code: error.httpCode, description: error.message });
      }),
      RUNS,
    );
  });

  it('a SkyflowError of another copy of the package (branded) is read the same way', () => {
    const foreign = { [BRAND]: true, name: 'SkyflowError', httpCode: 404, httpStatus: 'Not Found', grpcCode: 5, message: 'No records found.', requestId: 'r-1', details: [] };
    expect(toV1ErrorBody(foreign)).toEqual({ code: 404, description: 'No records found. - requestId: r-1' });
  });

  it('anything else: 500 Unknown Error.', () => {
    const other = fc.oneof(
      fc.anything(),
      fc.string().map((text) => new Error(text)),
      fc.string().map((text) => new TypeError(text)),
      fc.record({ httpCode: fc.integer({ min: 100, max: 599 }), message: fc.string(), requestId: fc.string() }),
    );
    fc.assert(
      fc.property(other, (value) => {
        expect(toV1ErrorBody(value)).toEqual({ code: 500, description: 'Unknown Error.' });
      }),
      RUNS,
    );
  });

  it('withRequestId appends the id when there is one', () => {
    fc.assert(
      fc.property(fc.string(), requestId, (text, id) => {
        expect(withRequestId(text, id)).toBe(id === null ? text : `${text} - requestId: ${id}`);
      }),
    );
  });
});

// --- get and update ------------------------------------------------------------------

const recordData = fc
  .tuple(uuid, fc.dictionary(column, fieldValue, { maxKeys: 5 }))
  .map(([skyflowId, columns]) => ({ skyflowId, columns }));

describe('get', () => {
  it('toGetRecords: {fields: {id, ...columns}, table} per record, in order', () => {
    fc.assert(
      fc.property(fc.array(recordData, { maxLength: 25 }), table, (rows, name) => {
        const result = toGetRecords(new GetResponse(rows.map(({ skyflowId, columns }) => ({ skyflowId, ...columns }))), name);
        expect(result).toEqual(rows.map(({ skyflowId, columns }) => ({ fields: { id: skyflowId, ...columns }, table: name })));
        for (const record of result) expect('skyflowId' in record.fields).toBe(false);
      }),
      RUNS,
    );
  });

  const byIds = fc.record(
    { table, ids: fc.array(uuid, { minLength: 1, maxLength: 5 }), redaction },
    { requiredKeys: ['table', 'ids'] },
  );
  const byColumn = fc.record(
    { table, columnName: column, columnValues: fc.array(fc.string({ minLength: 1 }).filter((text) => text.trim() !== ''), { minLength: 1, maxLength: 5 }), redaction },
    { requiredKeys: ['table', 'columnName', 'columnValues'] },
  );

  it('toGetRequest: the table, the ids or the column, the redaction and tokens', () => {
    const entry = fc.oneof(
      byIds.map((record) => ({ record: record as IGetRecord, tokens: false })),
      byColumn.map((record) => ({ record: record as IGetRecord, tokens: false })),
      // Tokens go with ids and no redaction.
      byIds.map(({ redaction: _redaction, ...record }) => ({ record: record as IGetRecord, tokens: true })),
    );
    fc.assert(
      fc.property(entry, ({ record, tokens }) => {
        const request = toGetRequest(record, tokens);
        expect(request.table).toBe(record.table);
        expect(request.ids).toEqual(record.ids);
        expect(request.columnName).toBe(record.columnName);
        expect(request.columnValues).toEqual(record.columnValues);
        expect(request.redactionType).toBe(record.redaction);
        expect(request.returnTokens).toBe(tokens);
      }),
      RUNS,
    );
  });

  it('toGetError: the v1 error body, the ids, and the column name when there is one', () => {
    fc.assert(
      fc.property(fc.oneof(byIds, byColumn).map((record): IGetRecord => record), fc.integer({ min: 400, max: 599 }), message, requestId, (record, code, text, id) => {
        const error = new SkyflowError({ message: text, httpCode: code, requestId: id });
        const result = toGetError(error, record);
        expect(result).toStrictEqual({
          error: { code, description: suffixed(text, id) },
          ids: record.ids,
          ...(record.columnName !== undefined ? { columnName: record.columnName } : {}),
        });
      }),
      RUNS,
    );
  });
});

describe('update', () => {
  it('toUpdateRecord: {id, fields} with tokens, {id} without', () => {
    fc.assert(
      fc.property(recordData, fc.boolean(), ({ skyflowId, columns }, tokens) => {
        const result = toUpdateRecord(new UpdateResponse({ skyflowId, ...columns }), tokens);
        expect(result).toStrictEqual(tokens ? { id: skyflowId, fields: { ...columns } } : { id: skyflowId });
      }),
      RUNS,
    );
  });

  it('toUpdateRequest: the table, the record id and its fields', () => {
    fc.assert(
      fc.property(table, uuid, fields, fc.boolean(), (name, id, values, tokens) => {
        const request = toUpdateRequest({ id, table: name, fields: values }, tokens);
        expect(request.table).toBe(name);
        expect(request.skyflowId).toBe(id);
        expect(request.fields).toEqual(values);
        expect(request.returnTokens).toBe(tokens);
      }),
      RUNS,
    );
  });
});

// --- invokeConnection --------------------------------------------------------------

const paramName = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);
// Path values as a caller might give them, raw. `{`, `}` and `$` are left out:
// see the report of this test file (String.prototype.replace patterns).
const pathValue = fc.string({ maxLength: 12 }).filter((text) => !/[{}$]/.test(text));
const queryValue = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean());

/** A connection URL of literal segments and `{name}` placeholders, and the URL with the placeholders filled. */
const connectionTemplate = fc
  .uniqueArray(paramName, { maxLength: 4 })
  .chain((names) =>
    fc.tuple(
      fc.constant(names),
      fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: names.length + 1, maxLength: names.length + 1 }),
      fc.array(pathValue, { minLength: names.length, maxLength: names.length }),
      fc.uniqueArray(fc.tuple(paramName, queryValue), { maxLength: 5, selector: ([name]) => name }),
      fc.dictionary(paramName, pathValue, { maxKeys: 2 }),
    ),
  )
  .map(([names, literals, values, query, unused]) => {
    const parts = (fill: (index: number) => string) =>
      literals.map((literal, index) => (index < names.length ? `${literal}/${fill(index)}` : literal)).join('/');
    const pathParams: Record<string, string> = {};
    // Parameters the template does not name change nothing.
    for (const [name, value] of Object.entries(unused)) if (!names.includes(name)) pathParams[name] = value;
    for (const [index, name] of names.entries()) pathParams[name] = values[index]!;
    return {
      config: {
        connectionURL: `https://gateway.example.test/v1/gateway/${parts((index) => `{${names[index]}}`)}`,
        methodName: RequestMethod.POST,
        pathParams,
        queryParams: Object.fromEntries(query),
      } satisfies IConnectionConfig,
      filled: `https://gateway.example.test/v1/gateway/${parts((index) => values[index]!)}`,
      query,
    };
  });

describe('filledConnectionUrl', () => {
  it('fills every {name} that has a parameter, and appends the query raw, in order', () => {
    fc.assert(
      fc.property(connectionTemplate, ({ config, filled, query }) => {
        const url = filledConnectionUrl(config);
        const expected = query.length === 0 ? filled : `${filled}?${query.map(([name, value]) => `${name}=${String(value)}`).join('&')}`;
        expect(url).toBe(expected);
      }),
      RUNS,
    );
  });

  it('leaves the URL as it is without parameters', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: false, withFragments: false }), (connectionURL) => {
        expect(filledConnectionUrl({ connectionURL, methodName: RequestMethod.GET })).toBe(connectionURL);
        expect(filledConnectionUrl({ connectionURL, methodName: RequestMethod.GET, pathParams: {}, queryParams: {} })).toBe(connectionURL);
      }),
    );
  });
});

describe('connectionPayload', () => {
  const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
  const headers = fc.dictionary(
    headerName.filter((name) => name.toLowerCase() !== 'content-type'),
    fc.string({ maxLength: 20 }),
    { maxKeys: 6 },
  );
  // Not a name of Object.prototype: qs.parse leaves those out, and the round trip below reads with it.
  const bodyKey = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,9}$/).filter((key) => !(key in Object.prototype));
  const jsonBody = fc.dictionary(bodyKey, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
  const config = (requestHeader: Record<string, string>, requestBody: unknown): IConnectionConfig => ({
    connectionURL: 'https://gateway.example.test/v1/gateway/x',
    methodName: RequestMethod.POST,
    requestHeader,
    requestBody,
  });

  /** The headers with lower-cased names (the last of names that differ in case only), over a JSON content type. */
  function lowerCased(given: Record<string, string>): Record<string, string> {
    const result: Record<string, string> = { 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(given)) result[name.toLowerCase()] = value;
    return result;
  }

  it('JSON by default: the body as JSON, header names lower-cased', async () => {
    await fc.assert(
      fc.asyncProperty(headers, jsonBody, async (given, body) => {
        const payload = await connectionPayload(config(given, body));
        expect(payload.headers).toEqual(lowerCased(given));
        expect(Object.keys(payload.headers).every((name) => name === name.toLowerCase())).toBe(true);
        expect(typeof payload.body).toBe('string');
        expect(JSON.parse(payload.body as string)).toEqual(JSON.parse(JSON.stringify(body)));
      }),
      RUNS,
    );
  });

  it('form-urlencoded when the content type says so, whatever the case of the header name', async () => {
    const contentTypeName = fc.constantFrom('content-type', 'Content-Type', 'CONTENT-TYPE', 'Content-type');
    const formBody = fc.dictionary(bodyKey, fc.string({ maxLength: 20 }), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(contentTypeName, formBody, headers, async (name, body, others) => {
        const given = { ...others, [name]: 'application/x-www-form-urlencoded' };
        const payload = await connectionPayload(config(given, body));
        expect(payload.headers).toEqual(lowerCased(given));
        expect(payload.headers['content-type']).toBe('application/x-www-form-urlencoded');
        expect(payload.body).toBe(stringifyQuery(body));
        expect(parseQuery(payload.body as string)).toEqual(body);
      }),
      RUNS,
    );
  });

  it('multipart: a copy of the body object', async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, async (body) => {
        const payload = await connectionPayload(config({ 'Content-Type': 'multipart/form-data' }, body));
        expect(payload.headers).toEqual({ 'content-type': 'multipart/form-data' });
        expect(payload.body).toEqual(body);
        expect(payload.body).not.toBe(body);
      }),
    );
  });

  it('no body and no headers: {} as JSON', async () => {
    expect(await connectionPayload({ connectionURL: 'https://gateway.example.test/x', methodName: RequestMethod.GET })).toEqual({
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
  });
});

// --- vault URL → v2 vault config ------------------------------------------------------

describe('toVaultConfig', () => {
  const SUFFIXES: Array<[string, Env]> = [
    ['vault.skyflowapis.com', Env.PROD],
    ['vault.skyflowapis-preview.com', Env.SANDBOX],
    ['vault.skyflowapis.dev', Env.DEV],
    ['vault.skyflowapis.tech', Env.STAGE],
  ];
  const cluster = fc.stringMatching(/^[a-zA-Z0-9]{1,12}$/);
  const suffix = fc.constantFrom(...SUFFIXES);
  const vaultId = fc.stringMatching(/^[a-z0-9]{32}$/);
  const caCert = fc.option(fc.constant('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'), { nil: undefined });
  const withCa = (ca: string | undefined) => (ca === undefined ? {} : { caCert: ca });

  it('a Skyflow vault host: clusterId and env', () => {
    fc.assert(
      fc.property(vaultId, cluster, suffix, fc.constantFrom('', '/'), caCert, (id, name, [host, env], slash, ca) => {
        const config = toVaultConfig(id, `https://${name}.${host}${slash}`, ca);
        expect(config).toStrictEqual({ vaultId: id, clusterId: name.toLowerCase(), env, ...withCa(ca) });
      }),
      RUNS,
    );
  });

  it('a Skyflow vault host with a port or a path: baseUrl, as given', () => {
    const extra = fc.oneof(
      fc.integer({ min: 1, max: 65535 }).filter((port) => port !== 443).map((port) => `:${port}`),
      fc.stringMatching(/^\/[a-z0-9-]{1,10}$/),
      fc.tuple(fc.integer({ min: 1024, max: 65535 }), fc.stringMatching(/^\/[a-z0-9-]{1,10}$/)).map(([port, path]) => `:${port}${path}`),
    );
    fc.assert(
      fc.property(vaultId, cluster, suffix, extra, caCert, (id, name, [host], more, ca) => {
        const vaultURL = `https://${name}.${host}${more}`;
        expect(toVaultConfig(id, vaultURL, ca)).toStrictEqual({ vaultId: id, baseUrl: vaultURL, ...withCa(ca) });
      }),
      RUNS,
    );
  });

  it('any other host: baseUrl, as given', () => {
    const other = fc.oneof(
      fc.integer({ min: 1, max: 65535 }).map((port) => `https://127.0.0.1:${port}`),
      fc.integer({ min: 1, max: 65535 }).map((port) => `http://localhost:${port}`),
      fc.webUrl({ withQueryParameters: false, withFragments: false }).filter((url) => !/skyflowapis/.test(url)),
      // Near misses of a Skyflow host.
      suffix.map(([host]) => `https://${host}`),
      fc.tuple(cluster, cluster, suffix).map(([a, b, [host]]) => `https://${a}.${b}.${host}`),
      fc.tuple(cluster, suffix).map(([a, [host]]) => `https://${a}.${host}.example.test`),
      fc.tuple(cluster, suffix).map(([a, [host]]) => `https://${a}${host}`),
    );
    fc.assert(
      fc.property(vaultId, other, caCert, (id, vaultURL, ca) => {
        expect(toVaultConfig(id, vaultURL, ca)).toStrictEqual({ vaultId: id, baseUrl: vaultURL, ...withCa(ca) });
      }),
      RUNS,
    );
  });
});
