// The local vault's security properties, each a test against a real vault of
// this file over HTTPS:
//   - it listens on loopback unless the `host` option names another interface;
//   - the token endpoint issues a token only for an RS256 assertion signed by
//     the registered service account, with its client id, key id, this
//     endpoint as audience, and a bounded, unexpired `exp`;
//   - the vault API answers 401 to anything but its API key or an unexpired
//     access token it issued, before it says whether a vault exists;
//   - the query endpoint runs exactly one read-only SELECT over vault tables;
//   - a body over the size limit gets 413 and the vault keeps serving;
//   - nothing over HTTP controls the vault: no admin, fault or debug endpoint
//     (faults are set in-process with `vault.setFaults`);
//   - malformed HTTP gets a Skyflow error body like everything else.
// Any input at all, generated: local-vault-fuzz.property.test.ts.
import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect as tcpConnect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { SignJWT, decodeJwt, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { card, person, UUID } from '../helpers/data.js';
import { restClient, type RestClient, type RestResponse } from '../helpers/rest.js';
import { expectSkyflowError } from '../helpers/skyflow-error.js';

const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const TOKEN_PATH = '/v1/auth/sa/oauth/token';
const NOT_SIGNED_BY_ACCOUNT = 'Invalid assertion: it is not a JWT signed by the registered service account.';
const TOKEN_NOT_VALID = 'Authentication failed. Bearer token is not valid.';
const API_KEY_NOT_VALID = 'Authentication failed. The API key is not valid.';
const ONLY_SELECT = 'Invalid query: only a single SELECT statement is allowed.';
const VAULT_TABLES_ONLY = 'Invalid query: only vault tables can be queried.';
const FAILED_WHILE_RUNNING = 'Invalid query: the statement failed while running.';

let vault: LocalVault;
let rest: RestClient;
let signingKey: Awaited<ReturnType<typeof importPKCS8>>;

beforeAll(async () => {
  vault = await startLocalVault();
  rest = restClient({ ...vault, caCert: vault.caCert! });
  signingKey = await importPKCS8(vault.credentials.privateKey, 'RS256');
});
afterAll(async () => {
  rest.close();
  await vault.close();
});

type SigningKey = Parameters<SignJWT['sign']>[0];

/** An assertion as the SDKs build it (reference B.3), with claims and signing overridable. */
async function assertion(overrides: Record<string, unknown> = {}, key: SigningKey = signingKey, alg = 'RS256') {
  const { clientID, keyID, tokenURI } = vault.credentials;
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: clientID, key: keyID, aud: tokenURI, sub: clientID, exp: now + 3600, iat: now, ...overrides };
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

/** A JWT with `alg: none`: a header and claims, and no signature. */
function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

function requestToken(body: Record<string, unknown>) {
  return rest.call('POST', TOKEN_PATH, body, { bearer: null });
}

async function accessToken(): Promise<string> {
  const response = await requestToken({ grant_type: GRANT, assertion: await assertion() });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

/** Rows per table, through the query endpoint. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['cards', 'persons']) {
    const response = await rest.post('/query', { query: `SELECT COUNT(*) AS n FROM ${table}` });
    expect(response.status).toBe(200);
    counts[table] = response.body.records[0].fields.n;
  }
  return counts;
}

describe('network exposure', () => {
  /** `connected`, or the error code of a TCP connection attempt. */
  function probePort(host: string, port: number): Promise<string> {
    return new Promise((resolve) => {
      const socket = tcpConnect({ host, port, timeout: 2_000 });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('timeout', () => {
        socket.destroy();
        resolve('timeout');
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    });
  }

  /** An IPv4 address of this machine that is not loopback, if it has one. */
  const external = Object.values(networkInterfaces())
    .flat()
    .find((address) => address !== undefined && !address.internal && address.family === 'IPv4')?.address;

  it('binds 127.0.0.1 by default: the URL and token URI name it, and the port is closed on other interfaces', async () => {
    expect(new URL(vault.url).hostname).toBe('127.0.0.1');
    expect(new URL(vault.credentials.tokenURI).hostname).toBe('127.0.0.1');
    expect(await probePort('127.0.0.1', vault.port)).toBe('connected');
    if (external !== undefined) expect(await probePort(external, vault.port)).toBe('ECONNREFUSED');
  });

  it('keeps to loopback whatever the environment says: HOST=0.0.0.0 does not widen it', async () => {
    const saved = { HOST: process.env['HOST'], HOSTNAME: process.env['HOSTNAME'] };
    process.env['HOST'] = '0.0.0.0';
    process.env['HOSTNAME'] = '0.0.0.0';
    try {
      const started = await startLocalVault({ tls: false });
      await started.close();
      expect(new URL(started.url).hostname).toBe('127.0.0.1');
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it.skipIf(external === undefined)('binds another interface only when the host option names it, and then only that one', async () => {
    const exposed = await startLocalVault({ host: external!, tls: false });
    try {
      expect(new URL(exposed.url).hostname).toBe(external);
      expect(await probePort(external!, exposed.port)).toBe('connected');
      expect(await probePort('127.0.0.1', exposed.port)).toBe('ECONNREFUSED');
    } finally {
      await exposed.close();
    }
  });
});

describe('the token endpoint (JWT-bearer grant)', () => {
  it('exchanges a valid assertion for an access token (the control for the refusals below)', async () => {
    const issued = vault.stats().tokensIssued;
    const response = await requestToken({ grant_type: GRANT, assertion: await assertion() });
    expect(response.status).toBe(200);
    expect(decodeJwt(response.body.accessToken).sub).toBe(vault.credentials.clientID);
    expect(vault.stats().tokensIssued).toBe(issued + 1);
  });

  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, () => Promise<string>, string]>([
    ['signed by another RSA key', async () => assertion({}, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), NOT_SIGNED_BY_ACCOUNT],
    ['unsigned (alg none)', async () => unsigned(decodeJwt(await assertion())), NOT_SIGNED_BY_ACCOUNT],
    // Algorithm confusion: an HMAC keyed with the account's public key, which anyone may know.
    ['HS256 keyed with the public key', async () => assertion({}, new TextEncoder().encode(publicKeyPem()), 'HS256'), NOT_SIGNED_BY_ACCOUNT],
    ['PS256, the right key but another algorithm', async () => assertion({}, await importPKCS8(vault.credentials.privateKey, 'PS256'), 'PS256'), NOT_SIGNED_BY_ACCOUNT],
    ['expired', () => assertion({ exp: now() - 120 }), 'Invalid assertion: it has expired.'],
    ['without exp', () => assertion({ exp: undefined }), 'Invalid assertion: the exp claim is not accepted.'],
    ['valid for days', () => assertion({ exp: now() + 86_400 }), 'Invalid assertion: exp is too far in the future.'],
    ['not valid yet (nbf)', () => assertion({ nbf: now() + 600 }), 'Invalid assertion: the nbf claim is not accepted.'],
    ['for another audience', () => assertion({ aud: 'https://elsewhere.example/v1/auth/sa/oauth/token' }), 'Invalid assertion: the aud claim is not accepted.'],
    ['from another issuer', () => assertion({ iss: 'someone-else' }), 'Invalid assertion: the iss claim is not accepted.'],
    ['for another subject', () => assertion({ sub: 'someone-else' }), 'Invalid assertion: the sub claim is not accepted.'],
    // Skyflow assertions name their key in the `key` claim, not a `kid` header (reference B.3).
    ['with an unknown key id', () => assertion({ key: 'other-key' }), 'Invalid assertion: unknown key id.'],
    ['without a key id', () => assertion({ key: undefined }), 'Invalid assertion: unknown key id.'],
    ['that is not a JWT', async () => 'not-a-jwt', NOT_SIGNED_BY_ACCOUNT],
    ['that is empty', async () => '', NOT_SIGNED_BY_ACCOUNT],
  ])('refuses an assertion %s with 401, a JSON error and no token', async (_name, make, message) => {
    const issued = vault.stats().tokensIssued;
    const response = await requestToken({ grant_type: GRANT, assertion: await make() });
    expectSkyflowError(response, 401, message);
    expect(response.body.error).toMatchObject({ grpc_code: 16, http_status: 'Unauthorized' });
    expect(response.text).not.toContain('accessToken');
    expect(vault.stats().tokensIssued).toBe(issued);
  });

  it('refuses another grant type, a bad scope and a missing assertion with 400', async () => {
    const wrongGrant = await requestToken({ grant_type: 'client_credentials', assertion: await assertion() });
    expectSkyflowError(wrongGrant, 400, `grant_type must be ${GRANT}.`);
    const badScope = await requestToken({ grant_type: GRANT, assertion: await assertion(), scope: 'admin' });
    expectSkyflowError(badScope, 400, 'scope must be a list of role:<id> entries.');
    expectSkyflowError(await requestToken({ grant_type: GRANT }), 400);
  });

  it('never repeats the assertion in an error', async () => {
    const value = await assertion({ aud: 'https://elsewhere.example' });
    const response = await requestToken({ grant_type: GRANT, assertion: value });
    expect(response.status).toBe(401);
    expect(response.text).not.toContain(value.split('.')[2]);
  });

  function publicKeyPem(): string {
    return createPublicKey(vault.credentials.privateKey).export({ type: 'spki', format: 'pem' }).toString();
  }
});

describe('vault API authentication', () => {
  const forged = (claims: Record<string, unknown> = {}) => ({
    iss: 'skyflow-bridge-local-vault',
    sub: vault.credentials.clientID,
    roles: [],
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...claims,
  });
  const hs256 = (claims: Record<string, unknown>, secret: string) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));

  it('accepts the API key and an access token the vault issued (the control for the refusals below)', async () => {
    expect((await rest.get('/cards?limit=1')).status).toBe(200);
    expect((await rest.get('/cards?limit=1', { bearer: await accessToken() })).status).toBe(200);
  });

  it.each<[string, () => Promise<Record<string, string>>, string]>([
    ['no Authorization header', async () => ({}), 'Authentication failed. The Authorization header is missing.'],
    ['the Basic scheme', async () => ({ authorization: `Basic ${vault.apiKey}` }), 'Authentication failed. Expected "Authorization: Bearer <token>".'],
    ['Bearer without a token', async () => ({ authorization: 'Bearer ' }), 'Authentication failed. Expected "Authorization: Bearer <token>".'],
    ['the API key in x-skyflow-authorization only', async () => ({ 'x-skyflow-authorization': vault.apiKey }), 'Authentication failed. The Authorization header is missing.'],
    ['an unknown API key', async () => ({ authorization: `Bearer sky-${'0'.repeat(48)}` }), API_KEY_NOT_VALID],
    ['the API key with one character changed', async () => ({ authorization: `Bearer ${vault.apiKey.slice(0, -1)}${vault.apiKey.endsWith('0') ? '1' : '0'}` }), API_KEY_NOT_VALID],
    ['a prefix of the API key', async () => ({ authorization: `Bearer ${vault.apiKey.slice(0, 12)}` }), API_KEY_NOT_VALID],
    ['the API key upper-cased', async () => ({ authorization: `Bearer ${vault.apiKey.toUpperCase()}` }), TOKEN_NOT_VALID],
    ['an opaque token', async () => ({ authorization: 'Bearer opaque-token' }), TOKEN_NOT_VALID],
    ['an HS256 token signed with another secret', async () => ({ authorization: `Bearer ${await hs256(forged(), 'not-the-secret')}` }), TOKEN_NOT_VALID],
    ['an HS256 token signed with the API key', async () => ({ authorization: `Bearer ${await hs256(forged(), vault.apiKey)}` }), TOKEN_NOT_VALID],
    ['an unsigned token (alg none)', async () => ({ authorization: `Bearer ${unsigned(forged())}` }), TOKEN_NOT_VALID],
    [
      'an issued token with its claims changed',
      async () => {
        const [header, , signature] = (await accessToken()).split('.');
        const claims = Buffer.from(JSON.stringify(forged({ roles: ['admin'] }))).toString('base64url');
        return { authorization: `Bearer ${header}.${claims}.${signature}` };
      },
      TOKEN_NOT_VALID,
    ],
    ['a token signed by the service account key (RS256)', async () => ({ authorization: `Bearer ${await new SignJWT(forged()).setProtectedHeader({ alg: 'RS256' }).sign(signingKey)}` }), TOKEN_NOT_VALID],
    ['the service-account assertion itself', async () => ({ authorization: `Bearer ${await assertion()}` }), TOKEN_NOT_VALID],
  ])('refuses %s with 401 and a JSON error', async (_name, headers, message) => {
    const sent = await headers();
    const response = await rest.get('/cards?limit=1', { bearer: null, headers: sent });
    expectSkyflowError(response, 401, message);
    expect(response.body.error).toMatchObject({ grpc_code: 16, http_status: 'Unauthorized' });
    expect(response.text).not.toContain('skyflow_id');
    // The refused credential is not repeated.
    for (const value of Object.values(sent)) {
      const credential = value.replace(/^(Bearer|Basic) /, '');
      if (credential.length >= 8) expect(response.text).not.toContain(credential.slice(0, 8));
    }
  });

  it('refuses an issued access token once it has expired', async () => {
    const token = await accessToken();
    expect((await rest.get('/cards?limit=1', { bearer: token })).status).toBe(200);
    // The vault runs in this process: moving its clock past the token's
    // hour (the default tokenTtlSeconds) is time passing for the vault.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + (3600 + 60) * 1000 });
    try {
      const response = await rest.get('/cards?limit=1', { bearer: token });
      expectSkyflowError(
        response,
        401,
        'Authentication failed. Bearer token is expired. Request a new token from the token endpoint.',
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('never repeats a refused API key or token', async () => {
    const wrongKey = `sky-${randomUUID().replaceAll('-', '')}`;
    const response = await rest.get('/cards', { bearer: wrongKey });
    expectSkyflowError(response, 401, API_KEY_NOT_VALID);
    expect(response.text).not.toContain(wrongKey.slice(4));
    const token = await hs256(forged(), 'not-the-secret');
    expect((await rest.get('/cards', { bearer: token })).text).not.toContain(token.split('.')[2]);
  });

  it('refuses every endpoint without valid credentials, and nothing is read or written', async () => {
    const values = person();
    const existing = await rest.post('/persons', { records: [{ fields: values }], tokenization: true });
    const { skyflow_id: id, tokens } = existing.body.records[0];
    const before = await rowCounts();
    const calls: Array<[string, string, unknown]> = [
      ['POST', '/cards', { records: [{ fields: card() }] }],
      ['GET', `/persons?skyflow_ids=${id}`, undefined],
      ['GET', `/persons/${id}`, undefined],
      ['PUT', `/persons/${id}`, { record: { fields: { name: 'Mallory' } } }],
      ['DELETE', `/persons/${id}`, undefined],
      ['DELETE', '/persons', { skyflow_ids: [id] }],
      ['POST', '', { records: [{ method: 'POST', tableName: 'cards', fields: card() }] }],
      ['POST', '/detokenize', { detokenizationParameters: [{ token: tokens.ssn, redaction: 'PLAIN_TEXT' }] }],
      ['POST', '/tokenize', { tokenizationParameters: [{ value: values.email, columnGroup: 'email' }] }],
      ['POST', '/query', { query: 'SELECT * FROM persons' }],
    ];
    for (const bearer of [null, `sky-${'1'.repeat(48)}`, await hs256(forged(), 'not-the-secret')]) {
      for (const [method, path, body] of calls) {
        const response = await rest.call(method, rest.vaultPath + path, body, { bearer });
        expectSkyflowError(response, 401);
        expect(response.text, `${method} ${path}`).not.toContain(values.email);
        expect(response.text, `${method} ${path}`).not.toContain(values.ssn);
      }
    }
    expect(await rowCounts()).toEqual(before);
    const after = await rest.get(`/persons/${id}?redaction=PLAIN_TEXT`);
    expect(after.body.fields.name).toBe('Grace Hopper');
  });

  it('refuses the gateway without a valid x-skyflow-authorization', async () => {
    for (const headers of [{}, { 'x-skyflow-authorization': `sky-${'2'.repeat(48)}` }, { 'x-skyflow-authorization': 'opaque' }]) {
      const response = await rest.call('POST', '/v1/gateway/echo/x', { a: 1 }, { headers });
      expectSkyflowError(response, 401);
    }
    const allowed = await rest.call('POST', '/v1/gateway/echo/x', { a: 1 }, { bearer: null, headers: { 'x-skyflow-authorization': vault.apiKey } });
    expect(allowed.status).toBe(200);
  });

  it('authenticates before it says whether a vault exists', async () => {
    expectSkyflowError(await rest.call('GET', `/v1/vaults/${randomUUID()}/cards`, undefined, { bearer: null }), 401);
    expectSkyflowError(await rest.call('GET', `/v1/vaults/${randomUUID()}/cards`), 404, 'No vault exists with this ID.');
  });
});

describe('the query endpoint: one read-only SELECT over vault tables', () => {
  const attached = join(tmpdir(), `skyflow-bridge-attach-${randomUUID()}.db`);

  const refusals: Array<[string, string]> = [
    ['DELETE FROM cards', ONLY_SELECT],
    ["UPDATE cards SET cvv = '1'", ONLY_SELECT],
    ["INSERT INTO cards (skyflow_id) VALUES ('x')", ONLY_SELECT],
    ["REPLACE INTO cards (skyflow_id) VALUES ('x')", ONLY_SELECT],
    ['DROP TABLE cards', ONLY_SELECT],
    ['CREATE TABLE evil (x)', ONLY_SELECT],
    ['CREATE TEMP TRIGGER t AFTER INSERT ON cards BEGIN DELETE FROM cards; END', ONLY_SELECT],
    ["ATTACH DATABASE '/tmp/x.db' AS x", ONLY_SELECT],
    [`ATTACH DATABASE '${attached}' AS x`, ONLY_SELECT],
    ['DETACH DATABASE main', ONLY_SELECT],
    ['PRAGMA table_info(cards)', ONLY_SELECT],
    ['PRAGMA writable_schema = ON', ONLY_SELECT],
    ['VACUUM', ONLY_SELECT],
    ['SELECT 1; DELETE FROM cards', ONLY_SELECT],
    ['select 1 /* ; */ ; delete from cards', ONLY_SELECT],
    ['SELECT 1 -- comment\n; DROP TABLE cards', ONLY_SELECT],
    ['/* SELECT */ DELETE FROM cards', ONLY_SELECT],
    ['SELECT * FROM _sb_tokens', VAULT_TABLES_ONLY],
    ['SELECT * FROM sqlite_schema', VAULT_TABLES_ONLY],
    ['SELECT * FROM sqlite_master', VAULT_TABLES_ONLY],
    ['SELECT * FROM main.sqlite_master', VAULT_TABLES_ONLY],
    ['SELECT * FROM temp.sqlite_master', VAULT_TABLES_ONLY],
    ['SELECT name FROM cards, sqlite_master', VAULT_TABLES_ONLY],
    ['SELECT * FROM pragma_table_list', VAULT_TABLES_ONLY],
    ["SELECT * FROM pragma_table_info('cards')", VAULT_TABLES_ONLY],
    ['SELECT name FROM persons WHERE email IN (SELECT value_key FROM _sb_tokens)', VAULT_TABLES_ONLY],
    ['WITH x AS (SELECT 1) SELECT * FROM x', ONLY_SELECT],
    ['WITH x AS (SELECT 1) DELETE FROM cards', ONLY_SELECT],
    ['SELECT * FROM (WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT n FROM c)', 'Invalid query: WITH clauses are not supported.'],
    // Prepared, then failed while running: a 400, not a 500 (a fixed defect).
    ["SELECT load_extension('/tmp/evil.so')", FAILED_WHILE_RUNNING],
    ['SELECT abs(-9223372036854775808)', FAILED_WHILE_RUNNING],
    ["SELECT json_extract('{', '$')", FAILED_WHILE_RUNNING],
    ['SELECT randomblob(2000000000)', 'Invalid query: a value in the result is too large.'],
    ['SELECT * FROM no_such_table', 'Invalid query: no such table: no_such_table.'],
    ['SELECT * FROM cards WHERE card_number = "4111-1111-1111-1111"', 'Invalid query: a column named in the query does not exist.'],
    ["SELECT * FROM cards WHERE card_number = '4111-1111' AND", 'Invalid query: SQL syntax error.'],
    ['   ', 'query must not be empty.'],
  ];

  it.each(refusals)('refuses %j with 400', async (query, message) => {
    const response = await rest.post('/query', { query });
    expectSkyflowError(response, 400, message);
    expect(response.text).not.toContain('4111');
    expect(response.text).not.toMatch(/SQLITE_|SqliteError|_sb_tokens \(/);
  });

  it('leaves every row in place after the refused statements, and attaches no file', async () => {
    const kept = await rest.post('/persons', { records: [{ fields: person() }] });
    const { skyflow_id } = kept.body.records[0];
    await rest.post('/cards', { records: [{ fields: card() }, { fields: card() }] });
    const before = await rowCounts();
    for (const [query] of refusals) await rest.post('/query', { query });
    await rest.post('/query', { query: 'DELETE FROM persons' });
    expect(await rowCounts()).toEqual(before);
    expect(before.cards).toBeGreaterThanOrEqual(2);
    expect((await rest.get(`/persons/${skyflow_id}`)).status).toBe(200);
    expect(existsSync(attached)).toBe(false);
  });

  it('still runs a SELECT over vault tables (the control)', async () => {
    const response = await rest.post('/query', { query: 'SELECT COUNT(*) AS n FROM cards WHERE cvv IS NOT NULL' });
    expect(response.status).toBe(200);
    expect(response.body.records[0].fields.n).toBeGreaterThan(0);
  });
});

describe('request size', () => {
  /** POSTs `total` bytes in chunks, without a content-length (chunked transfer encoding). */
  function postChunked(path: string, total: number): Promise<RestResponse> {
    return new Promise((resolve, reject) => {
      const url = new URL(vault.url);
      const request = httpsRequest(
        {
          hostname: url.hostname,
          port: url.port,
          path,
          method: 'POST',
          ca: vault.caCert,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${vault.apiKey}` },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(text), text });
          });
        },
      );
      request.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      request.write('{"records":[{"fields":{"cvv":"');
      let sent = 0;
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end('"}}]}');
      };
      pump();
    });
  }

  it('refuses a body over the limit with 413 and keeps serving', async () => {
    const huge = { records: [{ fields: { cvv: 'x'.repeat(6 * 1024 * 1024) } }] };
    expectSkyflowError(await rest.post('/cards', huge), 413, 'The request body is larger than this vault accepts.');
    const after = await rest.post('/cards', { records: [{ fields: card() }] });
    expect(after.status).toBe(200);
  });

  it('refuses a chunked body over the limit, and one to the token endpoint, the same way', async () => {
    const before = await rowCounts();
    expectSkyflowError(await postChunked(`${rest.vaultPath}/cards`, 6 * 1024 * 1024), 413, 'The request body is larger than this vault accepts.');
    const token = await requestToken({ grant_type: GRANT, assertion: 'x'.repeat(6 * 1024 * 1024) });
    expectSkyflowError(token, 413, 'The request body is larger than this vault accepts.');
    expect(await rowCounts()).toEqual(before);
    expect((await rest.post('/cards', { records: [{ fields: card() }] })).status).toBe(200);
  });
});

describe('no control over HTTP', () => {
  const probes = [
    '/admin',
    '/admin/faults',
    '/faults',
    '/_faults',
    '/__faults',
    '/debug',
    '/_debug',
    '/debug/faults',
    '/internal/faults',
    '/config',
    '/stats',
    '/metrics',
    '/shutdown',
    '/v1/admin',
    '/v1/admin/faults',
    '/v1/faults',
    '/v1/debug',
    '/v1/stats',
    '/v1/local-vault/faults',
    '/v1/gateway/faults',
    '/v1/gateway/admin',
    '/v2/admin/faults',
  ];
  const rules = [{ operation: '*', status: 503 }];
  const bodies = [undefined, rules, { faults: rules }, { rules }];

  it('has no admin, fault or debug endpoint: every probe gets a 404 JSON error', async () => {
    const withKey = { headers: { 'x-skyflow-authorization': vault.apiKey } };
    for (const path of probes) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const body of method === 'GET' ? [undefined] : bodies) {
          for (const options of [{ bearer: null }, withKey]) {
            const response = await rest.call(method, `${path}?faults=${encodeURIComponent(JSON.stringify(rules))}`, body, options);
            expectSkyflowError(response, 404, /^No endpoint matches /);
          }
        }
      }
    }
  });

  it('answers fault-like paths under the vault as tables that do not exist, or 401 without a key', async () => {
    for (const name of ['admin', 'faults', '_faults', 'debug']) {
      const path = `${rest.vaultPath}/${name}`;
      expectSkyflowError(await rest.call('GET', path), 404, `Table ${name} does not exist in this vault.`);
      expectSkyflowError(await rest.call('POST', path, { records: [{ fields: rules[0] }] }), 404, `Table ${name} does not exist in this vault.`);
      expectSkyflowError(await rest.call('PUT', `${path}/x`, { record: { fields: rules[0] } }), 404, `Table ${name} does not exist in this vault.`);
      expectSkyflowError(await rest.call('DELETE', path, { skyflow_ids: ['x'] }), 404, `Table ${name} does not exist in this vault.`);
      for (const [method, target] of [['GET', path], ['POST', path], ['PUT', `${path}/x`], ['DELETE', path]] as const) {
        expectSkyflowError(await rest.call(method, target, method === 'GET' ? undefined : rules, { bearer: null }), 401);
      }
    }
  });

  it('sets faults only in-process: the probes injected none, and setFaults does (the control)', async () => {
    expect(vault.stats().faultsInjected).toBe(0);
    for (let i = 0; i < 5; i++) expect((await rest.get('/cards?limit=1')).status).toBe(200);
    expect((await requestToken({ grant_type: GRANT, assertion: await assertion() })).status).toBe(200);

    vault.setFaults([{ operation: 'getMany', status: 503, times: 1 }]);
    try {
      expectSkyflowError(await rest.get('/cards?limit=1'), 503);
      expect(vault.stats().faultsInjected).toBe(1);
      expect((await rest.get('/cards?limit=1')).status).toBe(200);
    } finally {
      vault.setFaults([]);
    }
  });
});

describe('malformed HTTP', () => {
  /** Sends raw bytes over TLS and returns what comes back before the server closes. */
  function sendRaw(data: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const socket = tlsConnect({ host: '127.0.0.1', port: vault.port, ca: vault.caCert, servername: 'localhost' }, () => socket.end(data));
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
      socket.setTimeout(5_000, () => reject(new Error('no answer in 5 s')));
    });
  }

  // Each of these was answered by Node or Fastify with another body and no request id, or not at all (CONNECT).
  it.each([
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n', 400],
    ['a control character in a header', `GET ${'/v1/vaults/x/cards'} HTTP/1.1\r\nHost: localhost\r\nX-A: a\x01b\r\n\r\n`, 400],
    ['a content-length that is not a number', `POST ${TOKEN_PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n{}`, 400],
    ['both content-length and chunked', `POST ${TOKEN_PATH} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`, 400],
    ['headers over the size limit', `GET / HTTP/1.1\r\nHost: localhost\r\nX-A: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ['an Expect other than 100-continue', 'GET /v1/vaults/x/cards HTTP/1.1\r\nHost: localhost\r\nExpect: bogus\r\nConnection: close\r\n\r\n', 417],
    ['CONNECT', 'CONNECT 127.0.0.1:22 HTTP/1.1\r\nHost: 127.0.0.1:22\r\n\r\n', 405],
  ])('answers %s with a Skyflow error body and a request id', async (_name, data, status) => {
    const answer = await sendRaw(data);
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(head).toMatch(/\r\ncontent-type: application\/json/i);
    expect(head.match(/\r\nx-request-id: (\S+)/i)?.[1]).toMatch(UUID);
    expect(JSON.parse(body)).toEqual({
      error: { grpc_code: expect.any(Number), http_code: status, http_status: expect.any(String), message: expect.any(String), details: [] },
    });
    expect((await rest.get('/cards?limit=1')).status).toBe(200);
  });

  it('answers a malformed HEAD request without a body, as HEAD requires', async () => {
    const answer = await sendRaw('HEAD /v1/vaults/x/cards HTTP/1.1\r\nHost: localhost\r\nX-A: a\x01b\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\nx-request-id: /i);
    expect(answer.endsWith('\r\n\r\n')).toBe(true);
  });
});
