// Whatever a caller passes, the v2 entry points either accept it or throw a
// SkyflowError — never a TypeError or another error from deep inside.
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveCredentials } from '../../../src/v2/credentials/resolve-credentials.js';
import { isSkyflowError } from '../../../src/v2/errors/SkyflowError.js';
import { Skyflow } from '../../../src/v2/Skyflow.js';
import { BatchInsertRequest } from '../../../src/v2/vault/requests/BatchInsertRequest.js';
import { DeleteRequest } from '../../../src/v2/vault/requests/DeleteRequest.js';
import { DetokenizeRequest } from '../../../src/v2/vault/requests/DetokenizeRequest.js';
import { GetRequest } from '../../../src/v2/vault/requests/GetRequest.js';
import { InsertRequest } from '../../../src/v2/vault/requests/InsertRequest.js';
import { QueryRequest } from '../../../src/v2/vault/requests/QueryRequest.js';
import { TokenizeRequest } from '../../../src/v2/vault/requests/TokenizeRequest.js';
import { UpdateRequest } from '../../../src/v2/vault/requests/UpdateRequest.js';

const RUNS = { numRuns: 300 };

/** An array of `length` with only the given indexes set: every other index is a hole. */
function sparse(length: number, items: Record<number, unknown> = {}): unknown[] {
  const array: unknown[] = new Array(length);
  for (const [index, item] of Object.entries(items)) array[Number(index)] = item;
  return array;
}

// Any JS value, sparse arrays included, plus values close to valid ones so
// that later checks are reached too.
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withSparseArray: true,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
  }),
  fc.constantFrom<unknown>(
    '', ' ', 'DISABLE', 'ENABLE', 'ENABLE_STRICT', 'DEFAULT', 'MASKED', 'ASCENDING', 'DEBUG', 'OFF', 'PROD', 'SANDBOX',
    'sky-key', 'select 1', 'https://vault.test', 'http://localhost:1', '__proto__', 'toString', 'constructor',
    Number.NaN, -1, 0, 1.5, Number.POSITIVE_INFINITY, 10n, true, null, undefined,
    Symbol('s'), () => 1, [], {}, [undefined], [null], [''], [{}], Object.create(null),
  ),
  // Holes where a valid item would be, next to valid items of each request.
  fc.constantFrom<unknown>(
    sparse(1), sparse(2, { 0: 'i' }), sparse(2, { 1: 'i' }), sparse(3, { 0: 'a', 2: 'b' }),
    sparse(2, { 1: { a: '1' } }), sparse(2, { 0: { a: 'x' } }), sparse(2, { 0: { table: 't', fields: { a: '1' } } }),
    sparse(2, { 1: { token: 't' } }), sparse(2, { 0: { value: 'v', columnGroup: 'g' } }), sparse(2, { 1: 'r' }),
  ),
  fc.sparseArray(fc.oneof(fc.string(), fc.dictionary(fc.constantFrom('a', 'b', 'table', 'fields', 'token', 'value', 'columnGroup'), fc.string())), {
    maxLength: 4,
  }),
);

type Init = Record<string, unknown>;

/** The value at a dotted `path` of `init`, or undefined where a parent is missing. */
function valueAt(init: Init, path: string): unknown {
  let target: unknown = init;
  for (const key of path.split('.')) {
    if (typeof target !== 'object' || target === null) return undefined;
    target = (target as Record<string, unknown>)[key];
  }
  return target;
}

/**
 * `make()` with `value` put at a dotted `path` (keys and array indexes); a
 * path whose parent this init object lacks is skipped (fc.pre).
 */
function withValueAt(make: () => Init, path: string, value: unknown): Init {
  const init = make();
  const keys = path.split('.');
  let target: unknown = init;
  for (const key of keys.slice(0, -1)) target = (target as Record<string, unknown>)[key];
  fc.pre(typeof target === 'object' && target !== null);
  (target as Record<string, unknown>)[keys[keys.length - 1]!] = value;
  return init;
}

/**
 * A built request is frozen, and so is every array it holds, with no hole
 * left; so are the objects in those arrays (records, tokens, values) and, for
 * a batch, each record's fields and tokens. The caller's own values inside
 * fields are not the request's to freeze.
 */
function expectSealed(request: object): void {
  expect(Object.isFrozen(request)).toBe(true);
  for (const [name, held] of Object.entries(request)) {
    if (Array.isArray(held)) {
      expect(Object.isFrozen(held), `${name} is not frozen`).toBe(true);
      expect([...held.keys()].every((index) => Object.hasOwn(held, index)), `${name} has a hole`).toBe(true);
      for (const item of held) {
        if (typeof item !== 'object' || item === null) continue;
        expect(Object.isFrozen(item), `an item of ${name} is not frozen`).toBe(true);
        if (name !== 'records') continue;
        for (const part of ['fields', 'tokens']) {
          const value = (item as Record<string, unknown>)[part];
          if (value !== undefined) expect(Object.isFrozen(value), `a record's ${part} is not frozen`).toBe(true);
        }
      }
    } else if (typeof held === 'object' && held !== null) {
      expect(Object.isFrozen(held), `${name} is not frozen`).toBe(true);
    }
  }
}

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Runs `fn`; a throw must be a SkyflowError. Returns what `fn` returned, or undefined after a throw. */
function skyflowErrorsOnly(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    expect(isSkyflowError(error), `not a SkyflowError: ${String(error)}`).toBe(true);
    return undefined;
  }
}

interface Target {
  name: string;
  create: (init: never) => object;
  bases: Array<() => Init>;
  paths: string[];
  /** The paths of the arrays in the bases. */
  arrays: string[];
}

const requests: Target[] = [
  {
    name: 'InsertRequest',
    create: (init) => new InsertRequest(init),
    bases: [
      () => ({ table: 't', values: [{ a: '1', b: 2 }], returnTokens: true, continueOnError: false, homogeneous: false, tokenMode: 'ENABLE_STRICT', tokens: [{ a: 'x', b: 'y' }] }),
      () => ({ table: 't', values: [{ a: '1' }, { a: '2' }], upsert: 'a', tokenMode: 'ENABLE', tokens: [{ a: 'x' }] }),
    ],
    paths: ['table', 'values', 'values.0', 'values.0.a', 'values.1', 'returnTokens', 'continueOnError', 'homogeneous', 'upsert', 'tokenMode', 'tokens', 'tokens.0', 'tokens.0.a'],
    arrays: ['values', 'tokens'],
  },
  {
    name: 'BatchInsertRequest',
    create: (init) => new BatchInsertRequest(init),
    bases: [
      () => ({ records: [{ table: 't', fields: { a: '1' }, tokens: { a: 'x' }, upsert: 'a' }, { table: 'u', fields: { b: 1 } }], returnTokens: false, continueOnError: true, tokenMode: 'ENABLE' }),
    ],
    paths: ['records', 'records.0', 'records.0.table', 'records.0.fields', 'records.0.fields.a', 'records.0.tokens', 'records.0.tokens.a', 'records.0.upsert', 'records.1', 'returnTokens', 'continueOnError', 'tokenMode'],
    arrays: ['records'],
  },
  {
    name: 'GetRequest',
    create: (init) => new GetRequest(init),
    bases: [
      () => ({ table: 't', ids: ['i'], returnTokens: true, fields: ['a'], offset: 0, limit: 10, orderBy: 'ASCENDING', downloadUrl: true }),
      () => ({ table: 't', columnName: 'c', columnValues: ['v'], redactionType: 'MASKED' }),
    ],
    paths: ['table', 'ids', 'ids.0', 'columnName', 'columnValues', 'columnValues.0', 'redactionType', 'returnTokens', 'fields', 'fields.0', 'offset', 'limit', 'orderBy', 'downloadUrl'],
    arrays: ['ids', 'columnValues', 'fields'],
  },
  {
    name: 'UpdateRequest',
    create: (init) => new UpdateRequest(init),
    bases: [() => ({ table: 't', data: { skyflowId: 'i', a: '1' }, returnTokens: true, tokenMode: 'ENABLE', tokens: { a: 'x' } })],
    paths: ['table', 'data', 'data.skyflowId', 'data.a', 'returnTokens', 'tokenMode', 'tokens', 'tokens.a'],
    arrays: [],
  },
  {
    name: 'DeleteRequest',
    create: (init) => new DeleteRequest(init),
    bases: [() => ({ table: 't', ids: ['i', 'j'] })],
    paths: ['table', 'ids', 'ids.0', 'ids.1'],
    arrays: ['ids'],
  },
  {
    name: 'DetokenizeRequest',
    create: (init) => new DetokenizeRequest(init),
    bases: [() => ({ tokens: [{ token: 't', redactionType: 'PLAIN_TEXT' }], continueOnError: true, downloadUrl: false })],
    paths: ['tokens', 'tokens.0', 'tokens.0.token', 'tokens.0.redactionType', 'continueOnError', 'downloadUrl'],
    arrays: ['tokens'],
  },
  {
    name: 'TokenizeRequest',
    create: (init) => new TokenizeRequest(init),
    bases: [() => ({ values: [{ value: 'v', columnGroup: 'g' }] })],
    paths: ['values', 'values.0', 'values.0.value', 'values.0.columnGroup'],
    arrays: ['values'],
  },
  {
    name: 'QueryRequest',
    create: (init) => new QueryRequest(init),
    bases: [() => ({ query: 'select * from t' })],
    paths: ['query'],
    arrays: [],
  },
];

describe.each(requests)('new $name(x)', ({ create, bases, paths, arrays }) => {
  it('accepts each base init object', () => {
    for (const base of bases) expectSealed(create(base() as never));
  });

  it('lists every array of its bases', () => {
    const found = new Set(paths.filter((path) => bases.some((base) => Array.isArray(valueAt(base(), path)))));
    expect(found).toStrictEqual(new Set(arrays));
  });

  it('either builds a frozen request or throws a SkyflowError, for any x', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const request = skyflowErrorsOnly(() => create(value as never));
        if (request !== undefined) expectSealed(request as object);
      }),
      RUNS,
    );
  });

  it('does the same with any value in one field of a valid init object', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.constantFrom(...paths), anyValue, (base, path, value) => {
        const init = withValueAt(base, path, value);
        const request = skyflowErrorsOnly(() => create(init as never));
        if (request !== undefined) expectSealed(request as object);
      }),
      RUNS,
    );
  });

  // Only requests that hold arrays.
  if (arrays.length > 0) {
    it('refuses a hole in one of its arrays as it refuses undefined there', () => {
      fc.assert(
        fc.property(fc.constantFrom(...bases), fc.constantFrom(...arrays), fc.nat(3), (base, path, at) => {
          const valid = valueAt(base(), path);
          fc.pre(Array.isArray(valid));
          const list = Array.from(valid as unknown[]);
          // Copy the array, and put a hole at (or past) one of its indexes.
          const holed = sparse(Math.max(list.length, at + 1), Object.fromEntries(list.map((item, index) => [index, item])));
          delete holed[at];
          expect(at in holed).toBe(false);
          const withHole = thrownBy(() => create(withValueAt(base, path, holed) as never));
          const withUndefined = thrownBy(() => create(withValueAt(base, path, Array.from(holed)) as never));
          expect(isSkyflowError(withHole), String(withHole)).toBe(true);
          expect((withHole as Error).message).toBe((withUndefined as Error).message);
        }),
        RUNS,
      );
    });
  }
});

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const vaultConfig = (): Init => ({ vaultId: 'v1', clusterId: 'c1', env: 'PROD', credentials: { apiKey: 'sky-k' }, caCert: CA });
const clientConfig = (): Init => ({
  vaultConfigs: [vaultConfig(), { vaultId: 'v2', baseUrl: 'http://localhost:8080' }],
  skyflowCredentials: { apiKey: 'sky-k' },
  logLevel: 'ERROR',
  logger: () => undefined,
  timeoutMs: 1_000,
  retry: { limit: 1, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 3, sleep: async () => undefined, random: () => 0 },
});
const quiet = (): Skyflow => new Skyflow({ logger: () => undefined, vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1' }] });

describe('new Skyflow(x)', () => {
  it('accepts the base config', () => {
    expect(new Skyflow(clientConfig() as never).vault().vaultId).toBe('v1');
  });

  it('either builds a client or throws a SkyflowError, for any x', () => {
    fc.assert(fc.property(anyValue, (value) => void skyflowErrorsOnly(() => new Skyflow(value as never))), RUNS);
  });

  it('does the same with any value in one field of a valid config', () => {
    const paths = [
      'vaultConfigs', 'vaultConfigs.0', 'vaultConfigs.1', 'vaultConfigs.0.vaultId', 'vaultConfigs.0.clusterId', 'vaultConfigs.0.env',
      'vaultConfigs.0.credentials', 'vaultConfigs.0.credentials.apiKey', 'vaultConfigs.0.caCert', 'vaultConfigs.1.baseUrl',
      'skyflowCredentials', 'skyflowCredentials.apiKey', 'logLevel', 'logger', 'timeoutMs',
      'retry', 'retry.limit', 'retry.baseDelayMs', 'retry.maxDelayMs', 'retry.maxRetryAfterMs', 'retry.sleep', 'retry.random',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), anyValue, (path, value) => {
        const config = withValueAt(clientConfig, path, value);
        skyflowErrorsOnly(() => new Skyflow(config as never));
      }),
      RUNS,
    );
  });
});

describe('Skyflow methods', () => {
  it.each<[string, (client: Skyflow, value: unknown) => unknown]>([
    ['addVaultConfig(x)', (client, value) => client.addVaultConfig(value as never)],
    ['vault(x)', (client, value) => client.vault(value as never)],
    ['setLogLevel(x)', (client, value) => client.setLogLevel(value as never)],
    ['getVaultConfig(x)', (client, value) => client.getVaultConfig(value as never)],
    ['removeVaultConfig(x)', (client, value) => client.removeVaultConfig(value as never)],
    ['updateVaultConfig(x)', (client, value) => client.updateVaultConfig(value as never)],
    ['addSkyflowCredentials(x)', (client, value) => client.addSkyflowCredentials(value as never)],
  ])('%s either succeeds or throws a SkyflowError, for any x', (_, call) => {
    fc.assert(fc.property(anyValue, (value) => void skyflowErrorsOnly(() => call(quiet(), value))), RUNS);
  });

  it('addVaultConfig does the same with any value in one field', () => {
    const paths = ['vaultId', 'clusterId', 'env', 'credentials', 'credentials.apiKey', 'caCert', 'baseUrl'];
    // With a clusterId, and with a baseUrl (the two cannot be given together).
    const bases = [
      (): Init => ({ ...vaultConfig(), vaultId: 'v9' }),
      (): Init => ({ vaultId: 'v9', baseUrl: 'https://vault.test', credentials: { apiKey: 'sky-k' }, caCert: CA }),
    ];
    for (const base of bases) expect(quiet().addVaultConfig(base() as never).vault('v9').vaultId).toBe('v9');
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.constantFrom(...paths), anyValue, (base, path, value) => {
        const config = withValueAt(base, path, value);
        skyflowErrorsOnly(() => quiet().addVaultConfig(config as never));
      }),
      RUNS,
    );
  });

  it('updateVaultConfig does the same with any value in one field', () => {
    const paths = ['clusterId', 'env', 'credentials', 'caCert', 'baseUrl'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), anyValue, (path, value) => {
        skyflowErrorsOnly(() => quiet().updateVaultConfig({ vaultId: 'v1', [path]: value } as never));
      }),
      RUNS,
    );
  });
});

describe('resolveCredentials(x)', () => {
  // decodeJwt does not check signatures: a hand-made JWT without exp is a valid static token.
  const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'svc' })}.c2ln`;
  const existingFile = fileURLToPath(import.meta.url);
  const key = JSON.stringify({ clientID: 'c', keyID: 'k', tokenURI: 'https://auth.test/token', privateKey: 'p' });
  const options = { roles: ['r'], context: { user: 'u' }, tokenUri: 'https://auth.test/token' };
  const bases: Array<() => Init> = [
    () => ({ apiKey: 'sky-key' }),
    () => ({ token }),
    () => ({ path: existingFile, ...options }),
    () => ({ credentialsString: key, ...options }),
    () => ({ credentialsString: key }),
    () => ({ bearerTokenSource: () => token }),
  ];

  it('accepts each base', () => {
    expect(bases.map((base) => resolveCredentials(base()).kind)).toStrictEqual([
      'apiKey',
      'token',
      'serviceAccount',
      'serviceAccount',
      'serviceAccount',
      'bearerTokenSource',
    ]);
  });

  it('either resolves or throws a SkyflowError, for any x', () => {
    fc.assert(fc.property(anyValue, (value) => void skyflowErrorsOnly(() => resolveCredentials(value))), RUNS);
  });

  it('does the same with any value in one field, or one extra kind', () => {
    const paths = ['apiKey', 'token', 'path', 'credentialsString', 'bearerTokenSource', 'roles', 'roles.0', 'context', 'tokenUri'];
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.constantFrom(...paths), anyValue, (base, path, value) => {
        const credentials = withValueAt(base, path, value);
        skyflowErrorsOnly(() => resolveCredentials(credentials));
      }),
      RUNS,
    );
  });
});
