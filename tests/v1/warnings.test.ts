// The deprecation warnings of skyflow-bridge/v1: one Node DeprecationWarning
// per legacy call, with the method's stable code, the caller's file:line:column
// and the v2 call that replaces it (names and counts, never values); the
// policies; the usage registry and its listeners; and Node's
// --no-deprecation, --throw-deprecation and --trace-deprecation against the
// built package.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LEGACY_METHODS,
  LogLevel,
  RedactionType,
  RequestMethod,
  Client,
  Configuration,
  InsertOptions,
  Skyflow,
  generateBearerToken,
  generateBearerTokenFromCreds,
  generateSignedDataTokens,
  generateSignedDataTokensFromCreds,
  generateToken,
  isExpired,
  isValid,
  legacyUsage,
  onLegacyCall,
  resetLegacyUsage,
  setDeprecationPolicy,
  setLogLevel,
  type DeprecationPolicy,
  type ISkyflow,
  type LegacyCallEvent,
} from '../../src/v1/index.js';
import { generateBearerToken as generateV2BearerToken } from '../../src/v2/index.js';
import { card, person } from '../helpers/data.js';
import { sharedVault } from '../helpers/shared-vault.js';

const vault = sharedVault();
const root = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

// The codes are a public contract: pinned here, not read from the table.
const CODES = {
  init: 'SKYFLOW_BRIDGE_V1_INIT',
  insert: 'SKYFLOW_BRIDGE_V1_INSERT',
  detokenize: 'SKYFLOW_BRIDGE_V1_DETOKENIZE',
  getById: 'SKYFLOW_BRIDGE_V1_GET_BY_ID',
  get: 'SKYFLOW_BRIDGE_V1_GET',
  update: 'SKYFLOW_BRIDGE_V1_UPDATE',
  delete: 'SKYFLOW_BRIDGE_V1_DELETE',
  invokeConnection: 'SKYFLOW_BRIDGE_V1_INVOKE_CONNECTION',
  generateBearerToken: 'SKYFLOW_BRIDGE_V1_GENERATE_BEARER_TOKEN',
  generateBearerTokenFromCreds: 'SKYFLOW_BRIDGE_V1_GENERATE_BEARER_TOKEN_FROM_CREDS',
  generateToken: 'SKYFLOW_BRIDGE_V1_GENERATE_TOKEN',
  generateSignedDataTokens: 'SKYFLOW_BRIDGE_V1_GENERATE_SIGNED_DATA_TOKENS',
  generateSignedDataTokensFromCreds: 'SKYFLOW_BRIDGE_V1_GENERATE_SIGNED_DATA_TOKENS_FROM_CREDS',
  isExpired: 'SKYFLOW_BRIDGE_V1_IS_EXPIRED',
  isValid: 'SKYFLOW_BRIDGE_V1_IS_VALID',
  setLogLevel: 'SKYFLOW_BRIDGE_V1_SET_LOG_LEVEL',
} as const;
type Method = keyof typeof CODES;

// --- call sites --------------------------------------------------------------
// A call whose site is checked ends its line with `// @site:<name>`; the
// expected site is that line, at the column of the called function's name.

const THIS_FILE = fileURLToPath(import.meta.url);
const SHOWN_FILE = relative(process.cwd(), THIS_FILE);
const SOURCE = readFileSync(THIS_FILE, 'utf8').split('\n');

function site(marker: string, callee: string): string {
  const tag = `// @site:${marker}`;
  const lines = SOURCE.flatMap((line, index) => (line.trimEnd().endsWith(tag) ? [index] : []));
  if (lines.length !== 1) throw new Error(`${lines.length} lines are marked ${tag}`);
  const index = lines[0]!;
  const column = SOURCE[index]!.indexOf(`${callee}(`);
  if (column < 0) throw new Error(`no call of ${callee} on the line marked ${tag}`);
  return `${SHOWN_FILE}:${index + 1}:${column + 1}`;
}

// --- capturing warnings --------------------------------------------------------
// Warnings are taken from process 'warning' events, as an application would.
// Node's own printer is detached while this file runs, so that the output stays clean.

type Warning = Error & { code?: string };
let restoreWarnings: (() => void) | undefined;
let nodePrinters: Array<(warning: Error) => void> = [];

beforeAll(() => {
  nodePrinters = process.listeners('warning');
  process.removeAllListeners('warning');
});
afterAll(() => {
  for (const printer of nodePrinters) process.on('warning', printer);
});

async function captureWarnings(): Promise<Warning[]> {
  // Warnings of earlier calls are still on their way: let them pass first.
  await flush();
  const warnings: Warning[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  process.on('warning', listener);
  restoreWarnings = () => {
    process.off('warning', listener);
    restoreWarnings = undefined;
  };
  return warnings;
}

/** Node emits the 'warning' event on the next tick. */
const flush = () => new Promise<void>((done) => setImmediate(done));

/** Waits for a legacy call, whatever its outcome. */
async function settle(value: unknown): Promise<void> {
  await Promise.resolve(value).then(
    () => undefined,
    () => undefined,
  );
}

function expectedMessage(method: string, callSite: string, replacement: string): string {
  return `${method}() is a skyflow-node@1 API, called at ${callSite}. In skyflow-bridge/v2: ${replacement}.`;
}

// --- clients -----------------------------------------------------------------

let bearerToken: string;

function config(options: ISkyflow['options'] = {}): ISkyflow {
  return {
    vaultID: vault.vaultId,
    vaultURL: vault.url,
    getBearerToken: () => bearerToken,
    options: { caCert: vault.caCert, ...options },
  };
}

/** A client whose calls fail before any request: the provider has no token. */
function offlineClient(policy: DeprecationPolicy): Skyflow {
  return Skyflow.init({ // @site:offline-init
    vaultID: 'vault1',
    vaultURL: 'https://abc123.vault.skyflowapis.com',
    getBearerToken: () => Promise.reject(new Error('no token here')),
    options: { deprecationWarnings: policy },
  });
}

const v = () => `skyflow.vault('${vault.vaultId}')`;

beforeAll(async () => {
  // The v1 error log lines of the failing calls below are not what this file is about.
  setLogLevel(LogLevel.OFF);
  bearerToken = (await generateV2BearerToken(vault.credentialsPath, { caCert: vault.caCert })).accessToken;
});

beforeEach(() => {
  setDeprecationPolicy('every-call');
  resetLegacyUsage();
});

afterEach(async () => {
  await flush();
  restoreWarnings?.();
  vi.restoreAllMocks();
  setDeprecationPolicy('every-call');
});

describe('warning codes', () => {
  it('pins one stable, distinct code per legacy method', () => {
    expect(Object.fromEntries(Object.entries(LEGACY_METHODS).map(([method, entry]) => [method, entry.code]))).toEqual(CODES);
    expect(new Set(Object.values(CODES)).size).toBe(Object.keys(CODES).length);
  });

  it('emits a DeprecationWarning with its code and call site for every legacy method', async () => {
    // Records of the vault for the calls that need one.
    const seed = await Skyflow.init(config({ deprecationWarnings: 'silent' })).insert({
      records: [
        { table: 'cards', fields: card() },
        { table: 'cards', fields: card() },
      ],
    });
    const [first, second] = seed.records!.map((record) => record as { fields: Record<string, string> });
    const client = Skyflow.init(config());
    const echo = `${vault.url}/v1/gateway/echo/{id}`;
    const credentials = JSON.stringify(vault.credentials);
    const calls: Array<[Method, () => unknown]> = [
      ['init', () => Skyflow.init(config())], // @site:each-init
      ['insert', () => client.insert({ records: [{ table: 'cards', fields: card() }] })], // @site:each-insert
      ['detokenize', () => client.detokenize({ records: [{ token: first!.fields['cvv']! }] })], // @site:each-detokenize
      ['getById', () => client.getById({ records: [{ ids: [first!.fields['skyflow_id']!], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] })], // @site:each-getById
      ['get', () => client.get({ records: [{ ids: [first!.fields['skyflow_id']!], table: 'cards', redaction: RedactionType.MASKED }] })], // @site:each-get
      ['update', () => client.update({ records: [{ id: first!.fields['skyflow_id']!, table: 'cards', fields: { expiry_date: '01/31' } }] })], // @site:each-update
      ['delete', () => client.delete({ records: [{ id: second!.fields['skyflow_id']!, table: 'cards' }] })], // @site:each-delete
      ['invokeConnection', () => client.invokeConnection({ connectionURL: echo, methodName: RequestMethod.POST, pathParams: { id: '1' }, requestHeader: { 'x-skyflow-authorization': bearerToken } })], // @site:each-invokeConnection
      ['generateBearerToken', () => generateBearerToken(vault.credentialsPath)], // @site:each-generateBearerToken
      ['generateBearerTokenFromCreds', () => generateBearerTokenFromCreds(credentials)], // @site:each-generateBearerTokenFromCreds
      ['generateToken', () => generateToken(vault.credentialsPath)], // @site:each-generateToken
      ['generateSignedDataTokens', () => generateSignedDataTokens(vault.credentialsPath, { dataTokens: ['token1'] })], // @site:each-generateSignedDataTokens
      ['generateSignedDataTokensFromCreds', () => generateSignedDataTokensFromCreds(credentials, { dataTokens: ['token1'] })], // @site:each-generateSignedDataTokensFromCreds
      ['isExpired', () => isExpired('')], // @site:each-isExpired
      ['isValid', () => isValid('')], // @site:each-isValid
      ['setLogLevel', () => setLogLevel(LogLevel.OFF)], // @site:each-setLogLevel
    ];
    expect(calls.map(([method]) => method).sort()).toEqual(Object.keys(CODES).sort());

    for (const [method, call] of calls) {
      const warnings = await captureWarnings();
      await settle(call());
      await flush();
      restoreWarnings!();

      const callSite = site(`each-${method}`, method);
      expect(warnings, method).toHaveLength(1);
      const [warning] = warnings;
      expect(warning).toBeInstanceOf(Error);
      expect(warning!.name).toBe('DeprecationWarning');
      expect(warning!.code).toBe(CODES[method]);
      expect(warning!.message).toContain(`${method}() is a skyflow-node@1 API, called at ${callSite}. In skyflow-bridge/v2: `);
      expect(legacyUsage().filter((entry) => entry.callSite === callSite)).toEqual([
        expect.objectContaining({ code: CODES[method], method, count: 1 }),
      ]);
    }
  });

  it('emits through process.emitWarning at the call itself, before anything is awaited', async () => {
    const emit = vi.spyOn(process, 'emitWarning');
    await captureWarnings();
    void settle(offlineClient('every-call').detokenize({ records: [{ token: 't1' }] })); // @site:sync-detokenize
    expect(emit).toHaveBeenCalledTimes(2);
    expect(emit).toHaveBeenLastCalledWith(
      expectedMessage(
        'detokenize',
        site('sync-detokenize', 'detokenize'),
        "skyflow.vault('vault1').detokenize(new DetokenizeRequest({ tokens: [/* 1 token with redactionType: RedactionType.PLAIN_TEXT (the v1 default) */], continueOnError: true }))",
      ),
      { type: 'DeprecationWarning', code: CODES.detokenize },
    );
  });

  it('names the replacing API of each module-level helper', async () => {
    const credentials = JSON.stringify(vault.credentials);
    const warnings = await captureWarnings();
    isExpired(''); // @site:helper-isExpired
    isValid(''); // @site:helper-isValid
    setLogLevel(LogLevel.OFF); // @site:helper-setLogLevel
    await settle(generateBearerToken(vault.credentialsPath)); // @site:helper-generateBearerToken
    await settle(generateBearerTokenFromCreds(credentials)); // @site:helper-generateBearerTokenFromCreds
    await settle(generateToken(vault.credentialsPath)); // @site:helper-generateToken
    await settle(generateSignedDataTokens(vault.credentialsPath, { dataTokens: ['token1'] })); // @site:helper-generateSignedDataTokens
    await settle(generateSignedDataTokensFromCreds(credentials, { dataTokens: ['token1'] })); // @site:helper-generateSignedDataTokensFromCreds
    await flush();
    const expected = [
      ['isExpired', 'isExpired(token)'],
      ['isValid', '!isExpired(token)'],
      ['setLogLevel', 'client.setLogLevel(LogLevel.X) per client'],
      ['generateBearerToken', 'generateBearerToken(path, { roles, context })'],
      ['generateBearerTokenFromCreds', 'generateBearerTokenFromCreds(credentialsString, { roles, context })'],
      ['generateToken', 'generateBearerToken(path)'],
      ['generateSignedDataTokens', 'none yet, keep generateSignedDataTokens(path, options) from skyflow-bridge/v1'],
      ['generateSignedDataTokensFromCreds', 'none yet, keep generateSignedDataTokensFromCreds(credentialsString, options) from skyflow-bridge/v1'],
    ] as const;
    expect(warnings.map((warning) => warning.message)).toEqual(
      expected.map(([method, replacement]) => expectedMessage(method, site(`helper-${method}`, method), replacement)),
    );
  });
});

describe('replacement text', () => {
  // The replacement of one call, as the listener and the warning give it.
  async function replacementOf(call: () => unknown, marker: string, callee: string): Promise<string> {
    const events: LegacyCallEvent[] = [];
    const unsubscribe = onLegacyCall((event) => events.push(event));
    const warnings = await captureWarnings();
    try {
      await settle(call());
      await flush();
    } finally {
      unsubscribe();
      restoreWarnings?.();
    }
    expect(events).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    const [event] = events;
    expect(event!.callSite).toBe(site(marker, callee));
    expect(warnings[0]!.message).toBe(expectedMessage(event!.method, event!.callSite, event!.replacement));
    return event!.replacement;
  }

  let client: Skyflow;
  beforeAll(() => {
    client = Skyflow.init(config());
  });

  it('insert of records of one table, with upsert', async () => {
    const upsert = [{ table: 'cards', column: 'card_number' }];
    const text = await replacementOf(
      () => client.insert({ records: [{ table: 'cards', fields: card() }, { table: 'cards', fields: card() }] }, { upsert }), // @site:insert-upsert
      'insert-upsert',
      'insert',
    );
    expect(text).toBe(
      `${v()}.insertBatch(new BatchInsertRequest({ records: [/* 2 records: cards ×2 (upsert card_number) */], returnTokens: true }))`,
    );
  });

  it('insert of one record through InsertOptions, tokens off, continueOnError on', async () => {
    const text = await replacementOf(
      () => client.insert({ records: [{ table: 'persons', fields: person() }] }, new InsertOptions(false, undefined, true)), // @site:insert-options
      'insert-options',
      'insert',
    );
    expect(text).toBe(`${v()}.insertBatch(new BatchInsertRequest({ records: [/* 1 record: persons ×1 */], continueOnError: true }))`);
  });

  it('insert of records of two tables', async () => {
    const text = await replacementOf(
      () => client.insert({ records: [{ table: 'cards', fields: card() }, { table: 'persons', fields: person() }] }), // @site:insert-batch
      'insert-batch',
      'insert',
    );
    expect(text).toBe(`${v()}.insertBatch(new BatchInsertRequest({ records: [/* 2 records: cards ×1, persons ×1 */], returnTokens: true }))`);
  });

  it('insert of records of two tables with continueOnError and without tokens', async () => {
    const records = [
      { table: 'persons', fields: person() },
      { table: 'cards', fields: card() },
      { table: 'persons', fields: person() },
    ];
    const text = await replacementOf(
      () => client.insert({ records }, { tokens: false, continueOnError: true }), // @site:insert-batch-coe
      'insert-batch-coe',
      'insert',
    );
    expect(text).toBe(`${v()}.insertBatch(new BatchInsertRequest({ records: [/* 3 records: persons ×2, cards ×1 */], continueOnError: true }))`);
  });

  it('detokenize without and with redaction', async () => {
    const inserted = await Skyflow.init(config({ deprecationWarnings: 'silent' })).insert({ records: [{ table: 'cards', fields: card() }] });
    const fields = (inserted.records![0] as { fields: Record<string, string> }).fields;
    const tokens = [fields['card_number']!, fields['cvv']!];

    const plain = await replacementOf(
      () => client.detokenize({ records: [{ token: tokens[0]! }, { token: tokens[1]!, redaction: RedactionType.MASKED }] }), // @site:detokenize-plain
      'detokenize-plain',
      'detokenize',
    );
    expect(plain).toBe(
      `${v()}.detokenize(new DetokenizeRequest({ tokens: [/* 2 tokens with redactionType: RedactionType.PLAIN_TEXT (the v1 default) */], continueOnError: true }))`,
    );

    const redacted = await replacementOf(
      () => client.detokenize({ records: tokens.map((token) => ({ token, redaction: RedactionType.REDACTED })) }), // @site:detokenize-redacted
      'detokenize-redacted',
      'detokenize',
    );
    expect(redacted).toBe(`${v()}.detokenize(new DetokenizeRequest({ tokens: [/* 2 tokens */], continueOnError: true }))`);
  });

  it('get by ids, by column, with tokens, and of two entries; getById', async () => {
    const ids = ['id-1', 'id-2'];
    expect(
      await replacementOf(
        () => client.get({ records: [{ table: 'cards', ids, redaction: RedactionType.PLAIN_TEXT }] }), // @site:get-ids
        'get-ids',
        'get',
      ),
    ).toBe(`${v()}.get(new GetRequest({ table: 'cards', ids: [/* 2 ids */], redactionType: RedactionType.PLAIN_TEXT }))`);

    expect(
      await replacementOf(
        () => client.get({ records: [{ table: 'cards', columnName: 'card_number', columnValues: ['4111'], redaction: RedactionType.MASKED }] }), // @site:get-column
        'get-column',
        'get',
      ),
    ).toBe(
      `${v()}.get(new GetRequest({ table: 'cards', columnName: 'card_number', columnValues: [/* 1 value */], redactionType: RedactionType.MASKED }))`,
    );

    expect(
      await replacementOf(
        () => client.get({ records: [{ table: 'persons', ids: ['id-1'] }] }, { tokens: true }), // @site:get-tokens
        'get-tokens',
        'get',
      ),
    ).toBe(`${v()}.get(new GetRequest({ table: 'persons', ids: [/* 1 id */], returnTokens: true }))`);

    expect(
      await replacementOf(
        () => client.get({ records: [{ table: 'cards', ids, redaction: RedactionType.DEFAULT }, { table: 'persons', ids, redaction: RedactionType.DEFAULT }] }), // @site:get-two
        'get-two',
        'get',
      ),
    ).toBe(`${v()}.get(new GetRequest({ table: 'cards', ids: [/* 2 ids */], redactionType: RedactionType.DEFAULT })), one call per record (2)`);

    expect(
      await replacementOf(
        () => client.getById({ records: [{ ids, table: 'cards', redaction: RedactionType.REDACTED }] }), // @site:get-by-id
        'get-by-id',
        'getById',
      ),
    ).toBe(`${v()}.get(new GetRequest({ table: 'cards', ids: [/* 2 ids */], redactionType: RedactionType.REDACTED }))`);
  });

  it('update with and without tokens', async () => {
    const records = [{ id: 'id-1', table: 'cards', fields: { expiry_date: '01/31', cardholder_name: 'Ada' } }];
    expect(
      await replacementOf(() => client.update({ records }), 'update-tokens', 'update'), // @site:update-tokens
    ).toBe(`${v()}.update(new UpdateRequest({ table: 'cards', data: { skyflowId, /* 2 fields */ }, returnTokens: true }))`);
    expect(
      await replacementOf(() => client.update({ records: [{ id: 'id-2', table: 'persons', fields: { name: 'x' } }] }, { tokens: false }), 'update-plain', 'update'), // @site:update-plain
    ).toBe(`${v()}.update(new UpdateRequest({ table: 'persons', data: { skyflowId, /* 1 field */ } }))`);
  });

  it('delete, grouped by table', async () => {
    const records = [
      { id: 'id-1', table: 'cards' },
      { id: 'id-2', table: 'persons' },
      { id: 'id-3', table: 'cards' },
    ];
    expect(await replacementOf(() => client.delete({ records }), 'delete', 'delete')).toBe( // @site:delete
      `${v()}.delete(new DeleteRequest({ table: 'cards', ids: [/* 2 ids */] })) and ${v()}.delete(new DeleteRequest({ table: 'persons', ids: [/* 1 id */] }))`,
    );
  });

  it('invokeConnection, with the parts the call has', async () => {
    const connectionURL = `${vault.url}/v1/gateway/echo/{card_id}/{kind}`;
    expect(
      await replacementOf(
        () =>
          client.invokeConnection({ connectionURL, methodName: RequestMethod.POST, pathParams: { card_id: 'c1', kind: 'k' }, queryParams: { a: '1', b: '2', c: '3' }, requestHeader: { 'x-skyflow-authorization': bearerToken, 'content-type': 'application/json' }, requestBody: { amount: 1 } }), // @site:connection-full
        'connection-full',
        'invokeConnection',
      ),
    ).toBe(
      "skyflow.connection('<connectionId>').invoke(new InvokeConnectionRequest({ method: RequestMethod.POST, body: { /* … */ }, headers: { /* 2 headers */ }, pathParams: { /* 2 params */ }, queryParams: { /* 3 params */ } }))",
    );
    expect(
      await replacementOf(
        () => client.invokeConnection({ connectionURL: `${vault.url}/v1/gateway/echo/x`, methodName: RequestMethod.GET, requestHeader: { 'x-skyflow-authorization': bearerToken } }), // @site:connection-get
        'connection-get',
        'invokeConnection',
      ),
    ).toBe("skyflow.connection('<connectionId>').invoke(new InvokeConnectionRequest({ method: RequestMethod.GET, headers: { /* 1 header */ } }))");
  });

  it.each([
    ['https://abc123.vault.skyflowapis.com', "clusterId: 'abc123', env: Env.PROD"],
    ['https://abc123.vault.skyflowapis.com/', "clusterId: 'abc123', env: Env.PROD"],
    ['https://q1w2e3.vault.skyflowapis-preview.com', "clusterId: 'q1w2e3', env: Env.SANDBOX"],
    ['https://dev42.vault.skyflowapis.dev', "clusterId: 'dev42', env: Env.DEV"],
    ['https://stage7.vault.skyflowapis.tech', "clusterId: 'stage7', env: Env.STAGE"],
    ['https://127.0.0.1:8443', "baseUrl: '<vault URL>'"],
    ['https://vault.example.com', "baseUrl: '<vault URL>'"],
  ])('init with vaultURL %s', async (vaultURL, target) => {
    const text = await replacementOf(
      () => Skyflow.init({ vaultID: 'vault1', vaultURL, getBearerToken: () => bearerToken }), // @site:init-url
      'init-url',
      'init',
    );
    expect(text).toBe(
      `Skyflow.builder().addVaultConfig({ vaultId: 'vault1', ${target} }).addSkyflowCredentials({ path: '<credentials.json>' }).build()`,
    );
  });

  it('init with the local vault URL', async () => {
    expect(await replacementOf(() => Skyflow.init(config()), 'init-local', 'init')).toBe( // @site:init-local
      `Skyflow.builder().addVaultConfig({ vaultId: '${vault.vaultId}', baseUrl: '<vault URL>' }).addSkyflowCredentials({ path: '<credentials.json>' }).build()`,
    );
  });

  it('puts placeholders where the arguments are not names', async () => {
    const odd = Skyflow.init({ vaultID: 'not a vault id!', vaultURL: 'https://abc123.vault.skyflowapis.com', getBearerToken: () => '' });
    expect(
      await replacementOf(
        () => odd.insert({ records: [{ table: 'not-a-name', fields: { a: '1' } }] }, { upsert: [{ table: 'not-a-name', column: 'col umn' }] }), // @site:odd-insert
        'odd-insert',
        'insert',
      ),
    ).toBe("skyflow.vault('<vaultId>').insertBatch(new BatchInsertRequest({ records: [/* 1 record: <table> ×1 (upsert <column>) */], returnTokens: true }))");
  });
});

describe('policies', () => {
  const detokenizeInput = { records: [{ token: 'token-1' }] };
  const getInput = { records: [{ table: 'cards', ids: ['id-1'], redaction: RedactionType.PLAIN_TEXT }] };

  // Three calls from one line, one from another, one of another method.
  async function calls(client: Skyflow): Promise<void> {
    for (let i = 0; i < 3; i++) await settle(client.detokenize(detokenizeInput)); // @site:policy-loop
    await settle(client.detokenize(detokenizeInput)); // @site:policy-again
    await settle(client.get(getInput)); // @site:policy-get
  }

  const sites = () => ({
    loop: site('policy-loop', 'detokenize'),
    again: site('policy-again', 'detokenize'),
    get: site('policy-get', 'get'),
  });

  it.each<[DeprecationPolicy, Array<'loop' | 'again' | 'get'>]>([
    ['every-call', ['loop', 'loop', 'loop', 'again', 'get']],
    ['once-per-call-site', ['loop', 'again', 'get']],
    ['once', ['loop', 'get']],
    ['silent', []],
  ])('%s: warns for %j, and counts every call', async (policy, warned) => {
    const client = offlineClient(policy);
    resetLegacyUsage();
    const started = new Date().toISOString();
    const warnings = await captureWarnings();
    await calls(client);
    await flush();
    const ended = new Date().toISOString();

    const where = sites();
    expect(warnings.map((warning) => /called at (\S+)\. /.exec(warning.message)?.[1])).toEqual(warned.map((key) => where[key]));
    expect(warnings.map((warning) => warning.code)).toEqual(warned.map((key) => (key === 'get' ? CODES.get : CODES.detokenize)));
    expect(warnings.every((warning) => warning.name === 'DeprecationWarning')).toBe(true);

    const usage = legacyUsage();
    expect(usage.map(({ code, method, callSite, count }) => ({ code, method, callSite, count }))).toEqual([
      { code: CODES.detokenize, method: 'detokenize', callSite: where.loop, count: 3 },
      { code: CODES.detokenize, method: 'detokenize', callSite: where.again, count: 1 },
      { code: CODES.get, method: 'get', callSite: where.get, count: 1 },
    ]);
    for (const entry of usage) {
      expect(entry.firstSeen <= entry.lastSeen).toBe(true);
      expect(entry.firstSeen >= started && entry.lastSeen <= ended).toBe(true);
      expect(new Date(entry.firstSeen).toISOString()).toBe(entry.firstSeen);
    }
  });

  it('keeps the policy state per client', async () => {
    const warnings = await captureWarnings();
    const one = offlineClient('once');
    const other = offlineClient('once');
    await settle(one.detokenize(detokenizeInput));
    await settle(one.detokenize(detokenizeInput));
    await settle(other.detokenize(detokenizeInput));
    await flush();
    const detokenizeWarnings = warnings.filter((warning) => warning.code === CODES.detokenize);
    expect(detokenizeWarnings).toHaveLength(2);
  });

  it('applies the policy of a Configuration to a Client', async () => {
    const warnings = await captureWarnings();
    const client = new Client(new Configuration('vault1', 'https://abc123.vault.skyflowapis.com', () => '', { deprecationWarnings: 'silent' })); // @site:client-new
    await settle(client.detokenize(detokenizeInput)); // @site:client-silent
    await flush();
    expect(warnings).toEqual([]);
    expect(legacyUsage()).toEqual([
      expect.objectContaining({ code: CODES.init, callSite: site('client-new', 'new Client'), count: 1 }),
      expect.objectContaining({ code: CODES.detokenize, callSite: site('client-silent', 'detokenize'), count: 1 }),
    ]);
  });

  it('init with the silent policy does not warn, and is counted', async () => {
    const warnings = await captureWarnings();
    offlineClient('silent');
    offlineClient('silent');
    await flush();
    expect(warnings).toEqual([]);
    expect(legacyUsage()).toEqual([expect.objectContaining({ code: CODES.init, method: 'init', callSite: site('offline-init', 'init'), count: 2 })]);
  });

  it('takes every-call for a policy it does not know', async () => {
    const warnings = await captureWarnings();
    const client = offlineClient('sometimes' as DeprecationPolicy);
    await settle(client.detokenize(detokenizeInput));
    await settle(client.detokenize(detokenizeInput));
    await flush();
    expect(warnings.map((warning) => warning.code)).toEqual([CODES.init, CODES.detokenize, CODES.detokenize]);
  });

  describe('setDeprecationPolicy (module-level helpers)', () => {
    it('ignores a value that is not a policy: the helpers go on warning as before', async () => {
      setDeprecationPolicy('silent');
      setDeprecationPolicy('sometimes' as never);
      let warnings = await captureWarnings();
      expect(isExpired('')).toBe(true);
      await flush();
      expect(warnings).toEqual([]);
      restoreWarnings?.();

      setDeprecationPolicy('every-call');
      setDeprecationPolicy(undefined as never);
      warnings = await captureWarnings();
      expect(isExpired('')).toBe(true);
      await flush();
      expect(warnings.map((warning) => warning.code)).toEqual([CODES.isExpired]);
    });

    it('silent: no warning, every call counted', async () => {
      const warnings = await captureWarnings();
      setDeprecationPolicy('silent');
      for (let i = 0; i < 2; i++) expect(isExpired('')).toBe(true); // @site:module-silent
      await flush();
      expect(warnings).toEqual([]);
      expect(legacyUsage()).toEqual([expect.objectContaining({ code: CODES.isExpired, callSite: site('module-silent', 'isExpired'), count: 2 })]);
    });

    it('every-call: a warning per call', async () => {
      const warnings = await captureWarnings();
      for (let i = 0; i < 3; i++) isExpired('');
      await flush();
      expect(warnings.map((warning) => warning.code)).toEqual([CODES.isExpired, CODES.isExpired, CODES.isExpired]);
    });

    // A fresh copy of the module, so that no earlier call has been warned about.
    it.each<[DeprecationPolicy, string[]]>([
      ['once', [CODES.isExpired, CODES.isValid]],
      ['once-per-call-site', [CODES.isExpired, CODES.isExpired, CODES.isValid, CODES.isValid]],
    ])('%s', async (policy, expected) => {
      vi.resetModules();
      const fresh = await import('../../src/v1/index.js');
      const warnings = await captureWarnings();
      fresh.setDeprecationPolicy(policy);
      for (let i = 0; i < 2; i++) fresh.isExpired('');
      fresh.isExpired('');
      fresh.isValid('');
      fresh.isValid('');
      await flush();
      expect(warnings.map((warning) => warning.code)).toEqual(expected);
      expect(legacyUsage().reduce((total, entry) => total + entry.count, 0)).toBe(5);
    });
  });
});

describe('usage registry and listeners', () => {
  it('gives listeners every call, until they unsubscribe', async () => {
    const events: LegacyCallEvent[] = [];
    await captureWarnings();
    const unsubscribe = onLegacyCall((event) => events.push(event));
    const before = new Date().toISOString();
    isExpired(''); // @site:listener-1
    await settle(offlineClient('silent').detokenize({ records: [{ token: 't' }, { token: 'u' }] })); // @site:listener-2
    unsubscribe();
    isExpired('');
    expect(events.map(({ code, method, callSite }) => ({ code, method, callSite }))).toEqual([
      { code: CODES.isExpired, method: 'isExpired', callSite: site('listener-1', 'isExpired') },
      { code: CODES.init, method: 'init', callSite: site('offline-init', 'init') },
      { code: CODES.detokenize, method: 'detokenize', callSite: site('listener-2', 'detokenize') },
    ]);
    expect(events[0]!.replacement).toBe('isExpired(token)');
    expect(events[2]!.replacement).toBe(
      "skyflow.vault('vault1').detokenize(new DetokenizeRequest({ tokens: [/* 2 tokens with redactionType: RedactionType.PLAIN_TEXT (the v1 default) */], continueOnError: true }))",
    );
    for (const event of events) expect(event.time >= before && !Number.isNaN(Date.parse(event.time))).toBe(true);
    // Counting goes on without listeners.
    expect(legacyUsage().find((entry) => entry.code === CODES.isExpired)).toBeDefined();
  });

  it('a listener that throws breaks neither the call, nor the warning, nor other listeners', async () => {
    const warnings = await captureWarnings();
    const seen: string[] = [];
    const unsubscribeThrowing = onLegacyCall(() => {
      throw new Error('listener failure');
    });
    const unsubscribe = onLegacyCall((event) => seen.push(event.method));
    try {
      expect(isExpired('')).toBe(true);
      const client = Skyflow.init(config({ deprecationWarnings: 'silent' }));
      const result = await client.insert({ records: [{ table: 'cards', fields: card() }] });
      expect(result.records).toHaveLength(1);
      await flush();
    } finally {
      unsubscribeThrowing();
      unsubscribe();
    }
    expect(seen).toEqual(['isExpired', 'init', 'insert']);
    expect(warnings.map((warning) => warning.code)).toEqual([CODES.isExpired]);
    expect(legacyUsage().map((entry) => entry.count)).toEqual([1, 1, 1]);
  });

  it('resetLegacyUsage forgets the counts and keeps the listeners', async () => {
    await captureWarnings();
    const events: string[] = [];
    const unsubscribe = onLegacyCall((event) => events.push(event.code));
    isExpired('');
    expect(legacyUsage()).toHaveLength(1);
    resetLegacyUsage();
    expect(legacyUsage()).toEqual([]);
    isExpired('');
    unsubscribe();
    expect(events).toEqual([CODES.isExpired, CODES.isExpired]);
    expect(legacyUsage()).toEqual([expect.objectContaining({ count: 1 })]);
  });

  it('legacyUsage returns copies', async () => {
    await captureWarnings();
    isExpired('');
    const [entry] = legacyUsage();
    entry!.count = 99;
    expect(legacyUsage()[0]!.count).toBe(1);
  });
});

describe('no value in any warning', () => {
  it('prints no field value, id, token, name-like value, API key, bearer token or URL secret', async () => {
    const marker = randomUUID().replaceAll('-', '').slice(0, 12);
    // Name-like values, in places where only a count may be printed.
    const nameLike = (what: string) => `Leak${what}${marker}`;
    const secrets: string[] = [vault.apiKey, bearerToken, `UrlSecret${marker}`];
    const remember = <T extends string>(value: T): T => {
      secrets.push(value);
      return value;
    };

    const warnings = await captureWarnings();
    const events: LegacyCallEvent[] = [];
    const unsubscribe = onLegacyCall((event) => events.push(event));
    try {
      const client = Skyflow.init(config());
      Skyflow.init({ vaultID: 'vault1', vaultURL: `https://user:${secrets[2]}@abc123.vault.skyflowapis.com`, getBearerToken: () => bearerToken });

      const cardFields = card({ cardholder_name: remember(nameLike('Holder')), expiry_date: remember(`exp-${marker}`), cvv: remember(`cvv-${marker}`) });
      remember(cardFields.card_number);
      const personFields = person({ name: remember(nameLike('Person')), date_of_birth: '1990-01-01' });
      remember(personFields.email);
      remember(personFields.ssn);

      const inserted = await client.insert(
        { records: [{ table: 'cards', fields: cardFields }, { table: 'persons', fields: personFields }] },
        { upsert: [{ table: 'persons', column: 'email' }] },
      );
      const one = await client.insert({ records: [{ table: 'cards', fields: card({ cardholder_name: remember(nameLike('Single')) }) }] });
      const cardRecord = inserted.records![0] as { fields: Record<string, string> };
      const personRecord = inserted.records![1] as { fields: Record<string, string> };
      const cardId = remember(cardRecord.fields['skyflow_id']!);
      const personId = remember(personRecord.fields['skyflow_id']!);
      const oneId = remember((one.records![0] as { fields: Record<string, string> }).fields['skyflow_id']!);
      const tokens = Object.entries(cardRecord.fields)
        .filter(([column]) => column !== 'skyflow_id')
        .map(([, token]) => remember(token));

      const detokenized = await client.detokenize({ records: tokens.map((token) => ({ token })) });
      expect(detokenized.records.map((record) => record.value)).toContain(cardFields.cardholder_name);
      await client.get({ records: [{ table: 'cards', ids: [cardId], redaction: RedactionType.PLAIN_TEXT }] });
      await client.get({ records: [{ table: 'persons', columnName: 'email', columnValues: [personFields.email], redaction: RedactionType.PLAIN_TEXT }] });
      await client.get({ records: [{ table: 'cards', ids: [cardId] }] }, { tokens: true });
      await client.getById({ records: [{ ids: [cardId, oneId], table: 'cards', redaction: RedactionType.PLAIN_TEXT }] });
      await client.update({ records: [{ id: personId, table: 'persons', fields: { name: remember(nameLike('Renamed')) } }] });
      await client.invokeConnection({
        connectionURL: `${vault.url}/v1/gateway/echo/{card_id}`,
        methodName: RequestMethod.POST,
        pathParams: { card_id: remember(nameLike('Path')) },
        queryParams: { q: remember(nameLike('Query')) },
        requestHeader: { 'x-skyflow-authorization': vault.apiKey, 'x-extra': remember(nameLike('Header')) },
        requestBody: { card_number: cardFields.card_number, note: remember(nameLike('Body')) },
      });
      await client.invokeConnection({
        connectionURL: `${vault.url}/v1/gateway/echo/x`,
        methodName: RequestMethod.GET,
        requestHeader: { 'x-skyflow-authorization': bearerToken },
      });
      await client.delete({ records: [{ id: personId, table: 'persons' }, { id: oneId, table: 'cards' }] });
      // Calls that fail validation are described too.
      await settle(client.insert({ records: [{ table: 'cards', fields: { cvv: remember(nameLike('Cvv')) } }] }, { upsert: [{ table: 'cards', column: 'card_number' }] }));
      await settle(client.detokenize({ records: [{ token: remember(nameLike('Token')) }] }));
      await settle(client.get({ records: [{ table: 'cards', ids: [remember(nameLike('Id'))] }] }));
      await settle(client.delete({ records: [{ id: remember(nameLike('DeleteId')), table: 'cards' }] }));
      await settle(generateBearerTokenFromCreds(JSON.stringify(vault.credentials)));
      await settle(generateSignedDataTokensFromCreds(JSON.stringify(vault.credentials), { dataTokens: [remember(nameLike('DataToken'))] }));
      isExpired(bearerToken);
      await flush();
    } finally {
      unsubscribe();
    }

    expect(warnings.length).toBeGreaterThanOrEqual(18);
    const texts = [
      ...warnings.map((warning) => warning.message),
      ...warnings.map((warning) => warning.stack ?? ''),
      ...events.map((event) => JSON.stringify(event)),
      JSON.stringify(legacyUsage()),
    ];
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThanOrEqual(8);
      for (const text of texts) expect(text.includes(secret), `${secret} in ${text}`).toBe(false);
    }
  });
});

describe('Node flags, against the built package', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/v1.js'))) throw new Error('dist/ is missing: run `npm run build` (npm test does).');
  });

  // Each script runs one legacy call, then schedules more work.
  const later = "setTimeout(() => console.log('later'), 0);";
  const calls = {
    isExpired: { code: CODES.isExpired, source: `import { isExpired } from 'skyflow-bridge/v1'; console.log('result', isExpired('')); ${later}` },
    init: {
      code: CODES.init,
      source: `import { Skyflow } from 'skyflow-bridge/v1'; const client = Skyflow.init({ vaultID: 'vault1', vaultURL: 'https://abc123.vault.skyflowapis.com', getBearerToken: () => '' }); console.log('result', typeof client.insert); ${later}`,
    },
  } as const;

  async function node(flags: string[], source: string, type = 'module'): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env };
    delete env['NODE_OPTIONS'];
    try {
      const { stdout, stderr } = await run(process.execPath, [...flags, `--input-type=${type}`, '-e', source], { cwd: root, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  describe.each(Object.entries(calls))('%s', (method, { code, source }) => {
    it('warns on stderr by default, with the code and the call site', async () => {
      const result = await node([], source);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('result');
      expect(result.stderr).toContain(`[${code}] DeprecationWarning: ${method}() is a skyflow-node@1 API, called at [eval1]:1:`);
    });

    it('--no-deprecation: runs, and prints nothing about it', async () => {
      const result = await node(['--no-deprecation'], source);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('result');
      expect(result.stderr).not.toMatch(/deprecat/i);
      expect(result.stderr).not.toContain(code);
    });

    it('--throw-deprecation: the process fails with the warning, before any later work', async () => {
      const result = await node(['--throw-deprecation'], source);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(code);
      expect(result.stderr).toContain(`DeprecationWarning: ${method}() is a skyflow-node@1 API`);
      expect(result.stdout).not.toContain('later');
    });

    it('--trace-deprecation: prints the stack of the call', async () => {
      const result = await node(['--trace-deprecation'], source);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`[${code}] DeprecationWarning: ${method}()`);
      expect(result.stderr).toMatch(/\n\s+at .*dist\/(?:chunks\/)?[\w.-]+\.js:\d+:\d+/);
      expect(result.stderr).toMatch(/\n\s+at .*\[eval1\]:1:\d+/);
      expect(result.stderr).not.toContain('Use `node --trace-deprecation');
    });
  });

  it('warns from the CommonJS build too, with the caller\'s site', async () => {
    const result = await node([], "const { isExpired } = require('skyflow-bridge/v1');\nconsole.log('result', isExpired(''));", 'commonjs');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`[${CODES.isExpired}] DeprecationWarning: isExpired() is a skyflow-node@1 API, called at [eval]:2:23.`);
  });
});
