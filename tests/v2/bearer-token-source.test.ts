// Credentials `{ bearerTokenSource }` against a local vault of this file (its
// request counts tell what was sent): every operation works with what the
// source gives; the source is called once per operation and never cached;
// retries reuse its token and a 401 is not retried; what it throws or rejects
// with comes out unchanged; an expired JWT is refused without a request; a
// per-call bearerToken wins. The config checks are in unit/bearer-token-source.test.ts.
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startLocalVault, type LocalVault, type Operation } from '../../src/local-vault/index.js';
import {
  LogLevel,
  Skyflow,
  SkyflowError,
  generateBearerToken,
  isSkyflowError,
  type Credentials,
  type VaultClient,
} from '../../src/v2/index.js';
import { hostileValue, settle, describeError } from '../security/hostile.js';
import { card } from '../helpers/data.js';
import { rejection } from '../helpers/outcomes.js';

const TOKEN_EXPIRED = 'Validation error. Token provided is either invalid or has expired. Specify a valid token.';
const LIMIT_MS = 5_000;

let own: LocalVault;
/** A JWT the vault accepts, issued by its token endpoint. */
let jwt: string;
const clients: Skyflow[] = [];

beforeAll(async () => {
  own = await startLocalVault();
  jwt = (await generateBearerToken(own.credentials, { caCert: own.caCert! })).accessToken;
});
afterEach(() => own.setFaults([]));
afterAll(async () => {
  for (const client of clients) client.close();
  await own.close();
});

/** A client of this file's vault (id `own`) and echo connection (id `echo`), with credentials at the levels given. */
function clientWith(levels: { vault?: Credentials; connection?: Credentials; client?: Credentials }): Skyflow {
  const client = new Skyflow({
    vaultConfigs: [{ vaultId: own.vaultId, baseUrl: own.url, caCert: own.caCert!, ...(levels.vault ? { credentials: levels.vault } : {}) }],
    connectionConfigs: [
      {
        connectionId: 'echo',
        connectionUrl: `${own.url}/v1/gateway/echo/{id}`,
        caCert: own.caCert!,
        ...(levels.connection ? { credentials: levels.connection } : {}),
      },
    ],
    ...(levels.client ? { skyflowCredentials: levels.client } : {}),
    logLevel: LogLevel.OFF,
    retry: { sleep: async () => {} },
  });
  clients.push(client);
  return client;
}

/** Requests the vault received since `before`, by endpoint (only those that changed). */
function sentSince(before: Record<Operation, number>): Partial<Record<Operation, number>> {
  const after = own.stats().requests;
  const sent: Partial<Record<Operation, number>> = {};
  for (const operation of Object.keys(after) as Operation[]) {
    if (after[operation] !== before[operation]) sent[operation] = after[operation] - before[operation];
  }
  return sent;
}

// A JWT with any claims; the vault never sees one that is refused.
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const unsignedJwt = (claims: Record<string, unknown>): string => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;
const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

const getOne = (client: Skyflow) => client.vault().get({ table: 'cards', limit: 1 });

describe('every operation with a bearerTokenSource', () => {
  it('works, calling the source once and sending one request per operation', async () => {
    const source = vi.fn(() => jwt);
    const client = clientWith({ client: { bearerTokenSource: source } });
    const vault = client.vault();

    /** Runs one operation: one call of the source, one request to `operation`. */
    async function once<T>(operation: Operation, call: (vault: VaultClient) => Promise<T>): Promise<T> {
      const calls = source.mock.calls.length;
      const before = own.stats().requests;
      const result = await call(vault);
      expect(source).toHaveBeenCalledTimes(calls + 1);
      expect(sentSince(before)).toStrictEqual({ [operation]: 1 });
      return result;
    }

    const values = card();
    const inserted = await once('insert', (v) => v.insert({ table: 'cards', values: [values], returnTokens: true }));
    const id = inserted.insertedFields[0]!.skyflowId;
    const cvvToken = inserted.insertedFields[0]!['cvv'] as string;
    const continued = await once('batch', (v) => v.insert({ table: 'cards', values: [card(), { nope: 'x' }], continueOnError: true }));
    expect([continued.insertedFields.length, continued.errors.length]).toStrictEqual([1, 1]);
    const batch = await once('batch', (v) => v.insertBatch({ records: [{ table: 'cards', fields: card() }, { table: 'persons', fields: { name: 'x' } }] }));
    expect(batch.insertedFields).toHaveLength(2);
    const byId = await once('getMany', (v) => v.get({ table: 'cards', ids: [id], redactionType: 'PLAIN_TEXT' }));
    expect(byId.data[0]).toMatchObject(values);
    const byColumn = await once('getMany', (v) => v.get({ table: 'cards', columnName: 'card_number', columnValues: [values.card_number] }));
    expect(byColumn.data.map((record) => record.skyflowId)).toStrictEqual([id]);
    const detokenized = await once('detokenize', (v) => v.detokenize({ tokens: [{ token: cvvToken, redactionType: 'PLAIN_TEXT' }] }));
    expect(detokenized.detokenizedFields[0]).toMatchObject({ token: cvvToken, value: values.cvv });
    const updated = await once('update', (v) => v.update({ table: 'cards', data: { skyflowId: id, cvv: '999' } }));
    expect(updated.updatedField.skyflowId).toBe(id);
    const tokenized = await once('tokenize', (v) => v.tokenize({ values: [{ value: values.cardholder_name, columnGroup: 'name' }] }));
    expect(tokenized.tokens).toHaveLength(1);
    const queried = await once('query', (v) => v.query({ query: `SELECT skyflow_id FROM cards WHERE skyflow_id = '${id}'` }));
    expect(queried.fields).toHaveLength(1);
    const deleted = await once('deleteMany', (v) => v.delete({ table: 'cards', ids: [id] }));
    expect(deleted.deletedIds).toStrictEqual([id]);
    const invoked = await once('gateway', () => client.connection('echo').invoke({ method: 'POST', pathParams: { id: 'x' }, body: { a: 1 } }));
    expect(invoked.data).toMatchObject({ method: 'POST', path: '/echo/x' });
    expect(source).toHaveBeenCalledTimes(11);
    // Called as a plain function: no arguments.
    expect(source.mock.calls.every((args) => args.length === 0)).toBe(true);
  });

  it('sends a string that is not a JWT (an API key) as is, from a sync or an async source', async () => {
    await expect(getOne(clientWith({ vault: { bearerTokenSource: () => own.apiKey } }))).resolves.toBeDefined();
    await expect(getOne(clientWith({ vault: { bearerTokenSource: async () => own.apiKey } }))).resolves.toBeDefined();
    // Not replaced by anything: the vault judges it.
    const unknownKey = `sky-${'0'.repeat(48)}`;
    const error = await rejection(getOne(clientWith({ vault: { bearerTokenSource: () => unknownKey } })));
    expect(error).toMatchObject({ httpCode: 401 });
  });

  it('asks the source at every operation: nothing is cached, and each operation uses what it gives then', async () => {
    const answers = [own.apiKey, jwt, `sky-${'0'.repeat(48)}`, own.apiKey];
    const source = vi.fn(() => answers.shift()!);
    const client = clientWith({ client: { bearerTokenSource: source } });
    await expect(getOne(client)).resolves.toBeDefined();
    await expect(getOne(client)).resolves.toBeDefined();
    expect(await rejection(getOne(client))).toMatchObject({ httpCode: 401 });
    await expect(getOne(client)).resolves.toBeDefined();
    expect(source).toHaveBeenCalledTimes(4);
  });

  it('is called once per operation for concurrent operations', async () => {
    const source = vi.fn(async () => jwt);
    const client = clientWith({ client: { bearerTokenSource: source } });
    const before = own.stats().requests;
    await Promise.all(Array.from({ length: 20 }, () => getOne(client)));
    expect(source).toHaveBeenCalledTimes(20);
    expect(sentSince(before)).toStrictEqual({ getMany: 20 });
  });
});

describe('retries and refusals', () => {
  it('a retried request reuses the token the source gave for it', async () => {
    const source = vi.fn(() => jwt);
    const client = clientWith({ vault: { bearerTokenSource: source } });
    own.setFaults([{ operation: 'getMany', status: 503, times: 2 }]);
    const before = own.stats().requests;
    await expect(getOne(client)).resolves.toBeDefined();
    expect(sentSince(before)).toStrictEqual({ getMany: 3 });
    expect(source).toHaveBeenCalledTimes(1);
  });

  it('a 401 on its token is the answer: not retried, the source not asked again', async () => {
    const source = vi.fn(() => jwt);
    const client = clientWith({ vault: { bearerTokenSource: source } });
    own.setFaults([{ operation: 'getMany', status: 401, times: 1, message: 'Authentication failed. Bearer token is expired.' }]);
    const before = own.stats().requests;
    const error = await rejection(getOne(client));
    expect(isSkyflowError(error)).toBe(true);
    expect(error).toMatchObject({ httpCode: 401 });
    expect(sentSince(before)).toStrictEqual({ getMany: 1 });
    expect(source).toHaveBeenCalledTimes(1);
    await expect(getOne(client)).resolves.toBeDefined(); // the next operation asks again
    expect(source).toHaveBeenCalledTimes(2);
  });

  it('a JWT past its exp is refused with TOKEN_EXPIRED, without a request', async () => {
    for (const expired of [unsignedJwt({ sub: 'u', exp: nowInSeconds() - 60 }), unsignedJwt({ sub: 'u', exp: 'tomorrow' })]) {
      const client = clientWith({ vault: { bearerTokenSource: async () => expired } });
      const before = own.stats().requests;
      const error = await rejection(getOne(client));
      expect(isSkyflowError(error)).toBe(true);
      expect(error).toMatchObject({ message: TOKEN_EXPIRED, httpCode: 400 });
      expect(sentSince(before)).toStrictEqual({});
    }
  });

  it('a value that cannot be a bearer token is refused with a SkyflowError, without a request', async () => {
    for (const given of [undefined, 42, '', 'sky-abc\r\nx-injected: 1', { token: own.apiKey }]) {
      const client = clientWith({ vault: { bearerTokenSource: (() => given) as () => string } });
      const before = own.stats().requests;
      const error = await rejection(getOne(client));
      expect(isSkyflowError(error)).toBe(true);
      expect(error.message).toMatch(/^Validation error\. Invalid bearer token\. bearerTokenSource returned /);
      expect(sentSince(before)).toStrictEqual({});
    }
  });
});

describe("the source's own failure", () => {
  class SessionEnded extends Error {}

  /** Each operation, valid as given: only the token source can make it fail. */
  const operations: Array<[string, (client: Skyflow) => Promise<unknown>]> = [
    ['insert', (client) => client.vault().insert({ table: 'cards', values: [card()] })],
    ['insertBatch', (client) => client.vault().insertBatch({ records: [{ table: 'cards', fields: card() }] })],
    ['get', getOne],
    ['update', (client) => client.vault().update({ table: 'cards', data: { skyflowId: 'no-such-id', cvv: '1' } })],
    ['delete', (client) => client.vault().delete({ table: 'cards', ids: ['no-such-id'] })],
    ['detokenize', (client) => client.vault().detokenize({ tokens: [{ token: 'no-such-token' }] })],
    ['tokenize', (client) => client.vault().tokenize({ values: [{ value: 'v', columnGroup: 'name' }] })],
    ['query', (client) => client.vault().query({ query: 'SELECT skyflow_id FROM cards LIMIT 1' })],
    ['invoke', (client) => client.connection('echo').invoke({ method: 'GET', pathParams: { id: 'x' } })],
  ];

  it.each(operations)('%s rejects with exactly what the source threw or rejected with, and sends nothing', async (_, operation) => {
    const reasons: unknown[] = [
      new SessionEnded('the session ended'),
      new SkyflowError({ message: 'the app’s own SkyflowError', httpCode: 403 }),
      'session ended',
      undefined,
      { code: 'E_SESSION' },
    ];
    for (const reason of reasons) {
      for (const source of [
        () => {
          throw reason;
        },
        () => Promise.reject(reason),
      ]) {
        const before = own.stats().requests;
        expect(await rejection(operation(clientWith({ client: { bearerTokenSource: source } })))).toBe(reason);
        expect(sentSince(before)).toStrictEqual({});
      }
    }
  });

  it('is not asked for a request that is invalid: the request is checked first', async () => {
    const source = vi.fn(() => jwt);
    const client = clientWith({ client: { bearerTokenSource: source } });
    const error = await rejection(client.vault().insert({ table: '', values: [card()] }));
    expect(isSkyflowError(error)).toBe(true);
    expect(source).not.toHaveBeenCalled();
  });
});

describe('precedence', () => {
  const failing = () => vi.fn((): string => {
    throw new Error('this source must not be asked');
  });

  it('a per-call bearerToken wins: the source is not asked', async () => {
    const source = failing();
    const client = clientWith({ vault: { bearerTokenSource: source }, connection: { bearerTokenSource: source } });
    await expect(client.vault().get({ table: 'cards', limit: 1 }, { bearerToken: own.apiKey })).resolves.toBeDefined();
    await expect(client.vault().get({ table: 'cards', limit: 1 }, { bearerToken: jwt })).resolves.toBeDefined();
    await expect(client.connection('echo').invoke({ method: 'GET', pathParams: { id: 'x' } }, { bearerToken: own.apiKey })).resolves.toBeDefined();
    expect(source).not.toHaveBeenCalled();
  });

  it("the vault's or connection's source comes before the client's credentials, which serve those without their own", async () => {
    const clientSource = vi.fn(() => own.apiKey);
    const vaultSource = vi.fn(() => jwt);
    const connectionSource = vi.fn(() => jwt);
    const client = clientWith({ vault: { bearerTokenSource: vaultSource }, connection: { bearerTokenSource: connectionSource }, client: { bearerTokenSource: clientSource } });
    await getOne(client);
    await client.connection('echo').invoke({ method: 'GET', pathParams: { id: 'x' } });
    expect([vaultSource.mock.calls.length, connectionSource.mock.calls.length, clientSource.mock.calls.length]).toStrictEqual([1, 1, 0]);

    client.addVaultConfig({ vaultId: 'second', baseUrl: own.url, caCert: own.caCert! });
    await client.vault('second').get({ table: 'cards', limit: 1 }).catch(() => undefined); // another vault id: the answer does not matter
    expect(clientSource).toHaveBeenCalledTimes(1);
  });

  it("other credentials of the vault come before the client's source", async () => {
    const source = failing();
    await expect(getOne(clientWith({ vault: { apiKey: own.apiKey }, client: { bearerTokenSource: source } }))).resolves.toBeDefined();
    expect(source).not.toHaveBeenCalled();
  });

  it('a source set by updateVaultConfig replaces the credentials before, and survives an update of another setting', async () => {
    const source = vi.fn(() => jwt);
    const client = clientWith({ vault: { apiKey: `sky-${'0'.repeat(48)}` } });
    client.updateVaultConfig({ vaultId: own.vaultId, credentials: { bearerTokenSource: source } });
    await getOne(client);
    client.updateVaultConfig({ vaultId: own.vaultId, baseUrl: own.url });
    await getOne(client);
    expect(source).toHaveBeenCalledTimes(2);
  });
});

describe('properties', () => {
  const RUNS = { numRuns: 40 };
  /**
   * The `then` of a value as it is looked up: by the core for what a source
   * returns (objects only), by a promise for what an async source returns
   * (functions too); 'unreadable' when reading it throws.
   */
  const thenOf = (value: unknown, async: boolean): unknown => {
    const looked = (typeof value === 'object' && value !== null) || (async && typeof value === 'function');
    try {
      return looked ? (value as { then?: unknown }).then : undefined;
    } catch {
      return 'unreadable';
    }
  };

  it('whatever the source returns, the operation resolves or rejects with a SkyflowError, in time', async () => {
    const client = clientWith({});
    await fc.assert(
      fc.asyncProperty(hostileValue, fc.boolean(), async (value, async) => {
        // A thenable that fails is a source that failed: its reason is passed on (the next property).
        // So is an async source returning a value whose `then` throws: its promise rejects with that.
        const then = thenOf(value, async);
        fc.pre(typeof then !== 'function' && !(async && then === 'unreadable'));
        const source = (async ? async () => value : () => value) as () => string;
        client.updateSkyflowCredentials({ bearerTokenSource: source });
        const outcome = await settle(() => getOne(client), LIMIT_MS);
        if (outcome.kind === 'threw' || outcome.kind === 'returned') throw new Error(`${outcome.kind} where a promise is due`);
        if (outcome.kind === 'rejected' && !isSkyflowError(outcome.error)) throw new Error(`rejected with ${describeError(outcome.error)}`);
      }),
      RUNS,
    );
  });

  it('whatever the source throws or rejects with, the operation rejects with that same value', async () => {
    const client = clientWith({});
    await fc.assert(
      fc.asyncProperty(hostileValue, fc.boolean(), async (reason, async) => {
        const source = async
          ? () => Promise.reject(reason)
          : () => {
              throw reason;
            };
        client.updateSkyflowCredentials({ bearerTokenSource: source as unknown as () => string });
        const outcome = await settle(() => getOne(client), LIMIT_MS);
        if (outcome.kind !== 'rejected' || !Object.is(outcome.error, reason)) {
          throw new Error(`${outcome.kind} with something else than the source's reason`);
        }
      }),
      RUNS,
    );
  });
});
