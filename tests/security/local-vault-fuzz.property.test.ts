// Whatever reaches the local vault over HTTP — any JSON or none, invalid JSON,
// random bytes, huge strings, deep nesting, wrong types, any content type,
// odd methods, paths, query strings and header values, bytes that are not
// HTTP at all — the answer is a 2xx (the input happened to be valid) or a 4xx
// with the Skyflow JSON error body and an `x-request-id`: never a 5xx, never
// a reset or a hang, never a stack trace, SQLite's text or the vault's own
// SQL; and the vault keeps serving. The stated security properties, one by
// one: local-vault.test.ts.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import fc from 'fast-check';
import { SignJWT, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSchema, startLocalVault, type LocalVault, type VaultSchema } from '../../src/local-vault/index.js';
import { UUID } from '../helpers/data.js';

// ~200 runs in all (13 endpoints × 9, 60, 30), a few seconds.
const RUNS_PER_ENDPOINT = 9;
const REQUEST_RUNS = 60;
const RAW_RUNS = 30;
const ANSWER_WITHIN_MS = 10_000;
// Small, so that generated bodies cross it cheaply.
const BODY_LIMIT = 256 * 1024;

const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_PATH = '/v1/auth/sa/oauth/token';

// The demo tables and one with a column of every type.
const schema: VaultSchema = {
  tables: {
    ...demoSchema.tables,
    kinds: {
      columns: {
        text: { unique: true, columnGroup: 'text' },
        whole: { type: 'integer' },
        real: { type: 'float' },
        flag: { type: 'boolean' },
        day: { type: 'date' },
        moment: { type: 'datetime' },
        doc: { type: 'json' },
        code: { tokenFormat: 'format-preserving', mask: { keepFirst: 1, keepLast: 2 }, redaction: 'MASKED' },
      },
    },
  },
};
const TABLES = Object.keys(schema.tables);
const COLUMNS = [...new Set(Object.values(schema.tables).flatMap((table) => Object.keys(table.columns)))];
const GROUPS = ['card_number', 'name', 'email', 'ssn', 'text'];

let vault: LocalVault;
let agent: Agent;
let accessToken: string;
let assertions: string[] = [];
const ids: string[] = [];
const tokens: string[] = [];
const internalErrors: string[] = [];

beforeAll(async () => {
  vault = await startLocalVault({
    schema,
    bodyLimit: BODY_LIMIT,
    log: (line) => {
      if (line.startsWith('internal error')) internalErrors.push(line);
    },
  });
  agent = new Agent({ keepAlive: true, ca: vault.caCert });
  const key = await importPKCS8(vault.credentials.privateKey, 'RS256');
  const { clientID, keyID, tokenURI } = vault.credentials;
  assertions = await Promise.all(
    [0, 1, 2].map(() =>
      new SignJWT({ iss: clientID, key: keyID, aud: tokenURI, sub: clientID })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(key),
    ),
  );
  const token = await send(exchange('POST', TOKEN_PATH, {}, JSON.stringify({ grant_type: GRANT, assertion: assertions[0] })));
  accessToken = JSON.parse((token as Answer).text).accessToken;
  // Records and tokens for the generated requests to find.
  const seed = await send(
    exchange(
      'POST',
      `/v1/vaults/${vault.vaultId}/kinds`,
      { authorization: `Bearer ${vault.apiKey}` },
      JSON.stringify({
        records: [
          { fields: { text: 'alpha', whole: 1, real: 1.5, flag: true, day: '2024-02-29', moment: '2024-02-29T12:00:00Z', doc: { a: [1] }, code: 'AB-12' } },
          { fields: { text: 'beta', doc: null } },
        ],
        tokenization: true,
      }),
    ),
  );
  for (const record of JSON.parse((seed as Answer).text).records) {
    ids.push(record.skyflow_id);
    tokens.push(...(Object.values(record.tokens) as string[]));
  }
});

afterAll(async () => {
  agent?.destroy();
  await vault?.close();
});

// ---------------------------------------------------------------------------
// Sending a request and judging its answer

interface Exchange {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | undefined;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

function exchange(method: string, path: string, headers: Record<string, string>, body?: string | Uint8Array): Exchange {
  const request = { method, path, headers, body: body === undefined ? undefined : Buffer.from(body) };
  // A counterexample can hold megabytes: fast-check prints this line instead.
  return Object.assign(request, { [fc.toStringMethod]: () => show(request) });
}

function show(request: Exchange): string {
  const body = request.body === undefined ? '' : ` with a ${request.body.length}-byte body ${JSON.stringify(request.body.toString('latin1').slice(0, 200))}`;
  return `${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers).slice(0, 300)}${body}`;
}

/** Sends one request; a reset, a hang or a client-side refusal is a `failure`. */
function send(request: Exchange): Promise<Answer | { failure: string }> {
  return new Promise((resolve) => {
    const url = new URL(vault.url);
    const headers = { ...request.headers };
    if (request.body !== undefined) headers['content-length'] = String(request.body.length);
    let outgoing;
    try {
      outgoing = httpsRequest({ hostname: url.hostname, port: url.port, path: request.path, method: request.method, headers, agent });
    } catch (error) {
      resolve({ failure: `the test client refused to send it: ${(error as Error).message}` });
      return;
    }
    outgoing.setTimeout(ANSWER_WITHIN_MS, () => outgoing.destroy(new Error(`no answer within ${ANSWER_WITHIN_MS} ms`)));
    outgoing.on('error', (error) => resolve({ failure: `${(error as NodeJS.ErrnoException).code ?? ''} ${error.message}` }));
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => resolve({ failure: `response: ${error.message}` }));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.end(request.body);
  });
}

// Text that an answer must not hold unless the request itself did (an error
// may name a table or column the caller sent).
const LEAKS: Array<[string, RegExp]> = [
  ['a stack trace', /\n\s+at |\bat [\w.<>]+ \(/],
  ['a source location', /node_modules|\.[cm]?[jt]s:\d+/],
  ["SQLite's error text", /SQLITE_[A-Z]|SqliteError|better-sqlite3|near ".*": syntax error/],
  ["the vault's own SQL", /_sb_tokens|INSERT (OR IGNORE )?INTO "|UPDATE "|DELETE FROM "|FROM "\w+" WHERE|rootpage/],
  ['a JavaScript error', /TypeError|RangeError|ReferenceError|Cannot read propert|is not a function|is not iterable|Maximum call stack|\[object Object\]/],
  ['a Fastify error code', /FST_[A-Z_]+/],
];

/** What is wrong with an answer, if anything. */
function judge(request: Exchange, outcome: Answer | { failure: string }): string | undefined {
  if ('failure' in outcome) return `no answer: ${outcome.failure}`;
  const { status, headers, text } = outcome;
  const asked = /^\/v1\/gateway\/status\/(\d+)$/.exec(request.path.split('?')[0]!)?.[1];
  const fine = (status >= 200 && status < 300) || (status >= 400 && status < 500) || Number(asked) === status;
  if (!fine) return `status ${status}: ${text.slice(0, 300)}`;
  if (!UUID.test(String(headers['x-request-id']))) return `x-request-id ${String(headers['x-request-id'])}`;
  if (request.method === 'HEAD') return text === '' ? undefined : 'a body for HEAD';
  if (!/^application\/json/.test(String(headers['content-type']))) return `content-type ${String(headers['content-type'])}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `a body that is not JSON: ${text.slice(0, 200)}`;
  }
  if (status < 400) return undefined;
  const error = (body as { error?: Record<string, unknown> }).error;
  const shaped =
    Object.keys(body as object).join() === 'error' &&
    error !== undefined &&
    Object.keys(error).sort().join() === 'details,grpc_code,http_code,http_status,message' &&
    Number.isInteger(error['grpc_code']) &&
    error['http_code'] === status &&
    typeof error['http_status'] === 'string' &&
    typeof error['message'] === 'string' &&
    Array.isArray(error['details']);
  if (!shaped) return `not the Skyflow error body: ${text.slice(0, 300)}`;
  const sent = `${request.method} ${request.path} ${JSON.stringify(request.headers)} ${request.body?.toString('latin1') ?? ''}`;
  for (const [what, pattern] of LEAKS) {
    if (pattern.test(text) && !pattern.test(sent)) return `${what} in the answer: ${text.slice(0, 300)}`;
  }
  return undefined;
}

async function expectWellAnswered(request: Exchange): Promise<void> {
  const problem = judge(request, await send(request));
  if (problem !== undefined) throw new Error(`${show(request)}\n→ ${problem}`);
}

// ---------------------------------------------------------------------------
// Values

const printable = (maxLength = 40) =>
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength });

/** Deep nesting as JSON text (built as text: JSON.stringify would overflow the test's own stack). */
const deepJson = fc
  .tuple(fc.integer({ min: 50, max: 60_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

/** A JSON text to plant in a generated body as it is (huge, deep or odd). */
class Json {
  constructor(readonly json: string) {}
}
const json = (value: unknown): Json => new Json(JSON.stringify(value) ?? 'null');

/** Any value, as JSON text: wrong types, odd keys, huge strings, deep nesting. */
const junk: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom<unknown>(null, true, 0, -1, 1e308, -0, '', ' ', '__proto__', 'constructor', 'NaN', [], {}, [[]], [null], 'sky-', 'Bearer')
      .map(json),
  },
  { weight: 1, arbitrary: fc.constant(new Json('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}')) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: BODY_LIMIT * 2 }).map((length) => json('x'.repeat(length))) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((length) => json('€\u0000\uD800'.repeat(length))) },
  { weight: 1, arbitrary: deepJson.map((text) => new Json(text)) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }).map((value) => json(value)) },
);

/** Mostly `valid`, sometimes junk. */
const maybe = <T,>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | Json> =>
  fc.oneof({ weight: 9, arbitrary: valid }, { weight: 1, arbitrary: junk });

/** JSON text of a value whose parts may be `Json` texts. */
function toJson(value: unknown): string {
  if (value instanceof Json) return value.json;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .filter(([, entry]) => entry !== undefined)
      .map(([key, entry]) => `${JSON.stringify(key)}:${toJson(entry)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const table = maybe(fc.constantFrom(...TABLES, 'detokenize', 'query', 'nowhere', '__proto__'));
const column = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...COLUMNS, 'skyflow_id') },
  { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'toString', '', 'a"b', 'x; DROP TABLE cards') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const fieldValue = maybe(
  fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('2024-02-29', '2023-02-29', '9999-12-31', '0000-00-00', '4111-1111-1111-1111', "' OR 1=1 --", '9007199254740993', '1e400'),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);
const fields = fc.dictionary(column, fieldValue, { maxKeys: 5 });
/** A table and fields mostly of its own columns, so that some writes succeed. */
const tableWithFields = fc.constantFrom(...TABLES).chain((name) =>
  fc.tuple(
    maybe(fc.constant(name)),
    fc.dictionary(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...Object.keys(schema.tables[name]!.columns)) }, { weight: 1, arbitrary: column }), fieldValue, {
      minKeys: 1,
      maxKeys: 4,
    }),
  ),
);
const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }));
const knownId = fc.integer({ min: 0, max: 9 }).map((index) => ids[index % Math.max(ids.length, 1)] ?? randomUUID());
const knownToken = fc.integer({ min: 0, max: 99 }).map((index) => tokens[index % Math.max(tokens.length, 1)] ?? 'no-token');
const token = maybe(fc.oneof(knownToken, fc.uuid(), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })));
const tokenMap = fc.dictionary(column, token, { maxKeys: 3 });
const byot = maybe(fc.constantFrom('DISABLE', 'ENABLE', 'ENABLE_STRICT'));
const redaction = maybe(fc.constantFrom('DEFAULT', 'PLAIN_TEXT', 'MASKED', 'REDACTED'));
const flag = maybe(fc.boolean());
const list = <T,>(item: fc.Arbitrary<T>) => maybe(fc.array(item, { minLength: 1, maxLength: 4 }));
/** Mostly absent: options that make a write fail unless they fit the record. */
const rarely = <T,>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const upsertColumn = maybe(fc.oneof(fc.constantFrom('text', 'card_number', 'email'), column));

const sql = fc.oneof(
  // Read-only SELECTs over vault tables.
  fc.constantFrom('SELECT * FROM cards', 'SELECT text, doc FROM kinds WHERE whole > 0', 'SELECT COUNT(*) FROM persons', 'SELECT 1 LIMIT 1 OFFSET 9223372036854775807'),
  // Statements the query endpoint refuses.
  fc.constantFrom(
    'SELECT 1; DELETE FROM cards',
    "ATTACH DATABASE '/tmp/fuzz.db' AS x",
    'PRAGMA table_info(cards)',
    'WITH x AS (SELECT 1) SELECT * FROM x',
    'SELECT * FROM sqlite_master',
    'SELECT * FROM _sb_tokens',
    '',
  ),
  // SELECTs that prepare but fail while they run.
  fc.constantFrom(
    'SELECT abs(-9223372036854775808)',
    "SELECT json('x')",
    'SELECT randomblob(2000000000)',
    "SELECT load_extension('/tmp/x')",
    "SELECT json_extract(doc, '$.a[') FROM kinds",
    "SELECT printf('%.*c', 2000000000, 'x')",
  ),
  fc
    .tuple(fc.constantFrom('SELECT', 'select', 'DELETE', 'UPDATE', 'INSERT', 'WITH', 'EXPLAIN', 'VALUES'), column, table, column, fc.string({ maxLength: 20 }))
    .map(([verb, a, from, b, value]) => `${verb} ${a} FROM ${typeof from === 'string' ? from : 'cards'} WHERE ${b} = '${value}'`),
  fc.string({ maxLength: 80 }),
);

const queryKey = fc.oneof(
  fc.constantFrom('skyflow_ids', 'redaction', 'tokenization', 'fields', 'offset', 'limit', 'downloadURL', 'column_name', 'column_values', 'order_by', 'skyflow_ids[]', 'a[b]', '__proto__', 'constructor', ''),
  printable(10).map(encodeURIComponent),
);
const queryValue = fc.oneof(
  fc.constantFrom('true', 'false', 'PLAIN_TEXT', 'MASKED', 'DEFAULT', 'REDACTED', 'ASCENDING', 'DESCENDING', 'NONE', '0', '-1', '1', '999999999', '1e3', '', 'text', 'code', 'doc', '%', '%zz', 'alpha', 'x'.repeat(2000)),
  printable(20).map(encodeURIComponent),
  printable(20).map((text) => text.replaceAll('#', '%23')),
  knownId,
);
/** A query string: parameters of the read endpoints with odd values, or any text. */
const queryString = fc.option(
  fc.oneof(
    fc.array(fc.tuple(queryKey, fc.option(queryValue, { nil: undefined })), { maxLength: 6 }).map((pairs) =>
      pairs.map(([key, value]) => (value === undefined ? key : `${key}=${value}`)).join('&'),
    ),
    printable(60).map((text) => text.replaceAll('#', '%23')),
  ),
  { nil: undefined },
);

// ---------------------------------------------------------------------------
// Requests per endpoint: near-valid bodies with junk planted anywhere

const auth = fc.oneof(
  { weight: 8, arbitrary: fc.constant('api-key') },
  { weight: 2, arbitrary: fc.constant('access-token') },
  { weight: 1, arbitrary: fc.constant('none') },
  { weight: 1, arbitrary: printable(60) },
);

function authHeaders(kind: string, header = 'authorization'): Record<string, string> {
  if (kind === 'none') return {};
  const value = kind === 'api-key' ? vault.apiKey : kind === 'access-token' ? accessToken : kind;
  return { [header]: header === 'authorization' ? `Bearer ${value}` : value };
}

const segment = (value: string | Json) => encodeURIComponent(typeof value === 'string' ? value : value.json);

interface Planned {
  method: string;
  path: string;
  /** Body value: may hold `Json` texts anywhere. */
  body?: unknown;
  authHeader?: string;
}

const vaultPath = () => `/v1/vaults/${vault.vaultId}`;

/** Every endpoint of the local vault, each as near-valid requests with junk planted anywhere. */
const endpoints: Record<string, fc.Arbitrary<Planned>> = {
  'POST /v1/auth/sa/oauth/token': fc
    .record({
      grant: maybe(fc.constant(GRANT)),
      assertion: maybe(fc.oneof(fc.constantFrom(0, 1, 2).map((i) => assertions[i]!), fc.string())),
      scope: rarely(maybe(fc.constantFrom('role:a role:b', 'admin', ''))),
    })
    .map(({ grant, assertion, scope }) => ({ method: 'POST', path: TOKEN_PATH, body: { grant_type: grant, assertion, scope }, authHeader: 'none' })),

  'POST /v1/vaults/{vaultID} (batch)': fc
    .record({
      records: list(
        fc.record({
          method: maybe(fc.constantFrom('POST', 'PUT', 'GET', 'DELETE', 'NONE')),
          tableName: table,
          fields: rarely(fc.oneof(tableWithFields.map(([, values]) => values), fields)),
          ID: rarely(maybe(fc.oneof(knownId, id))),
          tokens: rarely(tokenMap),
          tokenization: rarely(flag),
          redaction: rarely(redaction),
          upsert: rarely(upsertColumn),
        }),
      ),
      continueOnError: rarely(flag),
      byot: rarely(byot),
    })
    .map((body) => ({ method: 'POST', path: vaultPath(), body })),

  'POST /v1/vaults/{vaultID}/{table} (insert)': tableWithFields.chain(([name, values]) =>
    fc
      .record({
        records: list(fc.record({ fields: fc.oneof({ weight: 3, arbitrary: fc.constant(values) }, { weight: 1, arbitrary: fields }), tokens: rarely(tokenMap) })),
        tokenization: rarely(flag),
        upsert: rarely(upsertColumn),
        homogeneous: rarely(flag),
        byot: rarely(byot),
      })
      .map((body) => ({ method: 'POST', path: `${vaultPath()}/${segment(name)}`, body })),
  ),

  // Deep nesting where a value is stored as it is: a json column.
  'POST /v1/vaults/{vaultID}/kinds (deep json)': fc.tuple(deepJson, fc.boolean()).map(([text, tokenization]) => ({
    method: 'POST',
    path: `${vaultPath()}/kinds`,
    body: { records: [{ fields: { doc: new Json(text) } }], tokenization },
  })),

  'GET /v1/vaults/{vaultID}/{table}[/{id}] (get)': fc
    .tuple(table, fc.option(fc.oneof(knownId, id), { nil: undefined }), queryString)
    .map(([name, recordId, search]) => ({
      method: 'GET',
      path: `${vaultPath()}/${segment(name)}${recordId === undefined ? '' : `/${encodeURIComponent(recordId)}`}${search === undefined ? '' : `?${search}`}`,
    })),

  'PUT /v1/vaults/{vaultID}/{table}/{id} (update)': fc
    .tuple(tableWithFields, fc.option(fc.oneof(knownId, id)), rarely(tokenMap), rarely(flag), rarely(byot))
    .map(([[name, values], recordId, tokens, tokenization, byot]) => ({
      method: 'PUT',
      path: `${vaultPath()}/${segment(name)}/${encodeURIComponent(recordId ?? '')}`,
      body: { record: { fields: values, tokens }, tokenization, byot },
    })),

  'DELETE /v1/vaults/{vaultID}/{table}/{id}': fc
    .tuple(table, fc.oneof(knownId, id))
    .map(([name, recordId]) => ({ method: 'DELETE', path: `${vaultPath()}/${segment(name)}/${encodeURIComponent(recordId)}` })),

  'DELETE /v1/vaults/{vaultID}/{table} (bulk)': fc
    .tuple(table, fc.record({ skyflow_ids: list(maybe(fc.oneof(knownId, id))) }))
    .map(([name, body]) => ({ method: 'DELETE', path: `${vaultPath()}/${segment(name)}`, body })),

  'POST /v1/vaults/{vaultID}/detokenize': fc
    .record({
      detokenizationParameters: list(fc.record({ token, redaction: rarely(redaction) })),
      continueOnError: rarely(flag),
      downloadURL: rarely(flag),
    })
    .map((body) => ({ method: 'POST', path: `${vaultPath()}/detokenize`, body })),

  'POST /v1/vaults/{vaultID}/tokenize': fc
    .record({
      tokenizationParameters: list(
        fc.record({ value: fieldValue, columnGroup: maybe(fc.oneof(fc.constantFrom(...GROUPS), fc.constantFrom('nope', '', '__proto__', 'constructor'))) }),
      ),
    })
    .map((body) => ({ method: 'POST', path: `${vaultPath()}/tokenize`, body })),

  'POST /v1/vaults/{vaultID}/query': fc.record({ query: maybe(sql) }).map((body) => ({ method: 'POST', path: `${vaultPath()}/query`, body })),

  'ALL /v1/gateway/echo/*': fc
    .tuple(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'), fc.array(printable(12).map(encodeURIComponent), { maxLength: 3 }), queryString, junk)
    .map(([method, parts, search, body]) => ({
      method,
      path: `/v1/gateway/echo/${parts.join('/')}${search === undefined ? '' : `?${search}`}`,
      body,
      authHeader: 'x-skyflow-authorization',
    })),

  'ALL /v1/gateway/status/{code}': fc
    .tuple(fc.constantFrom('GET', 'POST', 'DELETE'), fc.oneof(fc.integer({ min: 100, max: 700 }).map(String), printable(8).map(encodeURIComponent)))
    .map(([method, code]) => ({ method, path: `/v1/gateway/status/${code}`, authHeader: 'x-skyflow-authorization' })),
};

/** How the body goes on the wire: as planned, or replaced by junk of any kind. */
const bodyText = (planned: unknown): fc.Arbitrary<string | Uint8Array | undefined> =>
  fc.oneof(
    { weight: 20, arbitrary: fc.constant(planned === undefined ? undefined : toJson(planned)) },
    { weight: 1, arbitrary: junk.map((value) => value.json) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.nat().map((cut) => (planned === undefined ? '{' : toJson(planned).slice(0, cut % Math.max(toJson(planned).length, 1)))) },
    { weight: 1, arbitrary: fc.constantFrom('{', '{"records":', 'NaN', "{'a':1}", '{"a":1}{"b":2}', '\uFEFF{}', '[1,]', 'null', '""', '{"records":[{"fields":{"cvv":1}}]} trailing') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
  );

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=utf-16le',
      'application/json;;;',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'application/xml',
      '*/*',
      'invalid',
      '',
      undefined,
    ),
  },
  { weight: 1, arbitrary: printable(30) },
);

const headerValue = fc.oneof(
  printable(60),
  fc.constantFrom('', ' ', '\t', 'Bearer', 'Bearer ', 'Bearer  sky-', 'sky-', 'ÿþ', 'null', '0', '-1', 'x'.repeat(4_000), 'gzip', 'chunked', '100-continue', 'websocket'),
);
const oddHeaders = fc.dictionary(
  fc.constantFrom('x-skyflow-authorization', 'accept', 'accept-encoding', 'content-encoding', 'x-request-id', 'x-forwarded-for', 'x-forwarded-host', 'x-http-method-override', 'origin', 'cookie', 'range', 'expect', 'upgrade', 'sky-metadata', 'x-custom'),
  headerValue,
  { maxKeys: 3 },
);

// ---------------------------------------------------------------------------

describe('the local vault answers anything with a 2xx or a Skyflow 4xx, and keeps serving', () => {
  it.each(Object.keys(endpoints))('%s, with near-valid bodies holding junk anywhere, junk bodies and any content type', async (name) => {
    await fc.assert(
      fc.asyncProperty(
        endpoints[name]!.chain((planned) =>
          fc.tuple(bodyText(planned.body), contentType, auth).map(([body, type, kind]) => {
            const headers = planned.authHeader === 'none' ? {} : authHeaders(kind, planned.authHeader);
            if (type !== undefined) headers['content-type'] = type;
            return exchange(planned.method, planned.path, headers, body);
          }),
        ),
        expectWellAnswered,
      ),
      { numRuns: RUNS_PER_ENDPOINT },
    );
  });

  it('odd methods, paths with random segments, query strings and header values', async () => {
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH', 'PURGE', 'MKCOL', 'LOCK', 'BREW', 'get');
    const prefix = fc.constantFrom('', '/v1', '/v1/vaults', '/v1/vaults/VAULT', '/v1/vaults/VAULT/cards', '/v1/vaults/VAULT/kinds', `/v1/vaults/${randomUUID()}`, '/v1/gateway/echo', '/v1/gateway/status', TOKEN_PATH, '/v2', '//', '/.');
    const pathSegment = fc.oneof(
      printable(20).map(encodeURIComponent),
      printable(20).map((text) => text.replaceAll('?', '%3F').replaceAll('#', '%23')),
      fc.constantFrom('..', '.', '%2e%2e', '%00', '%', '%zz', '%E0%A4%A', '%C0%AF', '%2F', '', 'cards', 'kinds', 'detokenize', 'query', 'tokenize', '__proto__', 'x'.repeat(300), 'é', '%F0%9F%92%A9'),
      fc.constantFrom(...(ids.length > 0 ? ids : ['-'])),
    );
    const request = fc
      .tuple(method, prefix, fc.array(pathSegment, { maxLength: 4 }), queryString, oddHeaders, auth, fc.option(junk, { nil: undefined }))
      .map(([verb, start, parts, search, extra, kind, body]) => {
        const joined = [start.replace('VAULT', vault.vaultId), ...parts].join('/');
        const path = `${joined.startsWith('/') ? joined : `/${joined}`}${search === undefined ? '' : `?${search}`}`;
        const headers: Record<string, string> = { ...extra, ...authHeaders(kind), 'content-type': 'application/json' };
        if (headers['x-skyflow-authorization'] === undefined && start.startsWith('/v1/gateway')) headers['x-skyflow-authorization'] = vault.apiKey;
        return exchange(verb, path, headers, verb === 'HEAD' ? undefined : body?.json);
      });
    await fc.assert(
      fc.asyncProperty(request, expectWellAnswered),
      { numRuns: REQUEST_RUNS },
    );
  });

  it('bytes that are not HTTP, or HTTP with a broken request line, headers or framing', async () => {
    const line = fc.tuple(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'CONNECT', 'get', 'G E T', 'PRI', '', 'X'.repeat(100)),
      fc.oneof(fc.constantFrom('/', '*', '/v1/vaults/x/cards', TOKEN_PATH, 'http://evil.example/', '127.0.0.1:22', '/a b', '/\u0000', ''), printable(40)),
      fc.constantFrom('HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'HTTP/1.1x', 'http/1.1', ''),
    );
    const header = fc.tuple(
      fc.constantFrom('X-A', 'Content-Length', 'Transfer-Encoding', 'Expect', 'Upgrade', 'Connection', 'Content-Type', 'Bad Name', ''),
      fc.oneof(
        fc.constantFrom('abc', '-1', '99999999999999999999', 'chunked', 'gzip, chunked', '100-continue', 'nonsense', 'h2c', 'close', 'a\u0001b', 'a\rb', 'é'),
        printable(30),
      ),
    );
    // Always with a Host: Node answers an HTTP/1.1 request without one itself,
    // with a bare 400 and no body (RFC 9112 §3.2), before the vault sees it.
    const structured = fc
      .tuple(line, fc.array(header, { maxLength: 4 }), fc.string({ maxLength: 50 }))
      .map(([[verb, target, version], headers, body]) =>
        Buffer.from(`${verb} ${target} ${version}\r\nHost: localhost\r\n${headers.map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`, 'latin1'),
      );
    await fc.assert(
      fc.asyncProperty(fc.oneof(structured, fc.uint8Array({ minLength: 1, maxLength: 512 }).map((bytes) => Buffer.from(bytes))), async (bytes) => {
        const problem = judgeRaw(bytes, await sendRaw(bytes));
        if (problem !== undefined) throw new Error(`${JSON.stringify(bytes.toString('latin1'))}\n→ ${problem}`);
      }),
      { numRuns: RAW_RUNS },
    );
  });

  it('still inserts and reads a record, injected no fault, and logged no internal error', async () => {
    const headers = { authorization: `Bearer ${vault.apiKey}`, 'content-type': 'application/json' };
    const insert = await send(exchange('POST', `${vaultPath()}/cards`, headers, JSON.stringify({ records: [{ fields: { card_number: '4000-0000-0000-0002', cvv: '123' } }] })));
    expect(insert).toMatchObject({ status: 200 });
    const { skyflow_id } = JSON.parse((insert as Answer).text).records[0];
    const read = await send(exchange('GET', `${vaultPath()}/cards/${skyflow_id}?redaction=PLAIN_TEXT`, headers));
    expect(read).toMatchObject({ status: 200 });
    expect(JSON.parse((read as Answer).text).fields).toMatchObject({ skyflow_id, card_number: '4000-0000-0000-0002', cvv: '123' });
    expect(vault.stats().faultsInjected).toBe(0);
    expect(internalErrors).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Raw bytes over TLS

/** Sends bytes on a new TLS connection and returns all the server sent back before it closed. */
function sendRaw(bytes: Buffer): Promise<{ text: string } | { failure: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = tlsConnect({ host: '127.0.0.1', port: vault.port, ca: vault.caCert, servername: 'localhost' }, () => socket.end(bytes));
    socket.setTimeout(ANSWER_WITHIN_MS, () => {
      socket.destroy();
      resolve({ failure: `the connection stayed open ${ANSWER_WITHIN_MS} ms` });
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ failure: `${error.code ?? ''} ${error.message}` }));
    socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString('latin1') }));
  });
}

/** Every answer in the stream must be well formed; bytes that hold a request must get one. */
function judgeRaw(bytes: Buffer, outcome: { text: string } | { failure: string }): string | undefined {
  if ('failure' in outcome) return `no answer: ${outcome.failure}`;
  let rest = outcome.text;
  // An answer to `Expect: 100-continue` comes first; the real answer follows.
  rest = rest.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '');
  if (rest === '') return /\S/.test(bytes.toString('latin1')) ? 'no answer at all' : undefined;
  while (rest !== '') {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) return `an incomplete answer: ${JSON.stringify(rest.slice(0, 200))}`;
    const head = rest.slice(0, end);
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(head)?.[1]);
    const headers = Object.fromEntries(
      head
        .split('\r\n')
        .slice(1)
        .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    let body: string;
    rest = rest.slice(end + 4);
    if (headers['content-length'] !== undefined) {
      body = rest.slice(0, Number(headers['content-length']));
      rest = rest.slice(body.length);
    } else if (headers['transfer-encoding'] === 'chunked') {
      body = '';
      for (;;) {
        const lineEnd = rest.indexOf('\r\n');
        const size = parseInt(rest.slice(0, lineEnd), 16);
        body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
        rest = rest.slice(lineEnd + 2 + size + 2);
        if (size === 0 || Number.isNaN(size)) break;
      }
    } else {
      body = rest;
      rest = '';
    }
    const fake: Exchange = { method: /^HEAD /.test(bytes.toString('latin1')) ? 'HEAD' : 'GET', path: '/', headers: {}, body: bytes };
    const problem = judge(fake, { status, headers: headers as IncomingHttpHeaders, text: body });
    if (problem !== undefined) return `${head.split('\r\n')[0]}: ${problem}`;
  }
  return undefined;
}
