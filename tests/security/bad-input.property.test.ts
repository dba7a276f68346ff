// Whatever a caller passes, every public method answers with the error form
// of its API — never a TypeError or another error from deep inside, never a
// synchronous throw where a promise is due, never a hang, never an unhandled
// rejection:
//   - skyflow-bridge/v1: the legacy form (a v1 SkyflowError with `error` or
//     `errors` of `{code, description}`, a `{records, errors}` body, the
//     InvalidTokenError 1.14.3 threw for a token that is not a JWT);
//   - skyflow-bridge/v2: a SkyflowError (`isSkyflowError`);
//   - the local vault: a 4xx with the Skyflow JSON error body (or a 2xx where
//     the input happens to be valid), never a 5xx, and it keeps serving.
// Complements tests/v2/unit/bad-input.property.test.ts (any value in the v2
// constructors and config methods) with hostile values — getters and proxies
// that throw, huge, deep, circular and frozen input — and covers the v1
// facade, the v2 operations, call options, connections and helpers.
//
// Calls that reach the network go to a local vault of this file (fuzzed
// writes stay out of the shared vault); the v1 service-account helpers, which
// have no CA option, use the shared vault's token endpoint.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import * as v1 from '../../src/v1/index.js';
import { SkyflowError as V1SkyflowError } from '../../src/v1/errors/SkyflowError.js';
import * as v2 from '../../src/v2/index.js';
import { sharedVault } from '../helpers/shared-vault.js';
import { TrapError, describeError, describeSpoiler, hostileValue, settle, spoil, spoiler, type Settled, type Spoiler } from './hostile.js';

const LIMIT_MS = 5_000;
const RUNS = { numRuns: 40 };

let own: LocalVault;
let token: string;
let workDir: string;
let credentialsFile: string;
const shared = sharedVault();
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
const noDeprecation = process.noDeprecation;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  // Every legacy call warns; thousands of warnings would only slow the run down.
  process.noDeprecation = true;
  v1.setDeprecationPolicy('silent');
  v1.setLogLevel(v1.LogLevel.OFF);
  own = await startLocalVault();
  token = (await v2.generateBearerToken(own.credentials, { caCert: own.caCert! })).accessToken;
  workDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-security-'));
  credentialsFile = join(workDir, 'credentials.json');
  await writeFile(credentialsFile, JSON.stringify(shared.credentials));
});

afterAll(async () => {
  // Rejections that went unhandled surface a tick later.
  await new Promise((resolve) => setTimeout(resolve, 50));
  process.off('unhandledRejection', onUnhandled);
  process.noDeprecation = noDeprecation ?? false;
  await own?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
  expect(unhandled.map(describeError)).toEqual([]);
});

/** An argument list: a fresh copy each time (spoilers change it in place). */
type Args = () => unknown[];

/** Plants a spoiler at `argIndex.path` of fresh arguments. */
function spoiledArgs(args: Args, target: string, how: Spoiler): unknown[] {
  const list = args();
  const [index, ...rest] = target.split('.');
  list[Number(index)] = spoil(list[Number(index)], rest.join('.'), how);
  return list;
}

/** The paths of every argument of `args()`: each argument itself and every key under it. */
function pathsOf(args: Args, depth = 4): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string, level: number) => {
    found.push(path);
    if (level === depth || typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], `${path}.${key}`, level + 1);
  };
  for (const [index, value] of args().entries()) walk(value, String(index), 0);
  return found;
}

// ===========================================================================
// skyflow-bridge/v1

class ProviderFailure extends Error {}

/** A `{code, description}` body as 1.14.3 has it (the code a number, or a numeric string). */
function isErrorBody(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { code, description } = value as Record<string, unknown>;
  const numeric = typeof code === 'number' ? Number.isInteger(code) : typeof code === 'string' && /^\d{3}$/.test(code);
  return numeric && typeof description === 'string' && description.length > 0;
}

/** A v1 SkyflowError: `error` (singular) or `errors` (plural) of error bodies, and nothing else enumerable. */
function isV1Error(value: unknown): boolean {
  if (!(value instanceof V1SkyflowError)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 1) return false;
  if (keys[0] === 'error') return isErrorBody(value.error);
  return keys[0] === 'errors' && Array.isArray(value.errors) && value.errors.length > 0 && value.errors.every(isErrorBody);
}

/** One entry of a `{records, errors}` rejection: an error body under `error`, next to what identifies the record. */
function isRecordError(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { error } = value as { error?: unknown };
  return isErrorBody(error) || isV1Error(error);
}

/**
 * What a legacy method may reject with: a v1 SkyflowError; a partial result
 * `{errors}` / `{records, errors}`; `{error: {errors: [v1 SkyflowError]}}`
 * (invokeConnection without an answer); `{error: <the provider's failure>}`
 * (invokeConnection, as 1.14.3 wrapped it); the InvalidTokenError 1.14.3
 * threw for a provider's token that is not a JWT; or the provider's own
 * failure, passed on as 1.14.3 passed it on.
 */
function isLegacyRejection(error: unknown): boolean {
  if (isV1Error(error) || error instanceof v1.InvalidTokenError || error instanceof ProviderFailure) return true;
  if (typeof error !== 'object' || error === null || error instanceof Error) return false;
  const body = error as Record<string, unknown>;
  const keys = Object.keys(body).sort().join(',');
  if (keys === 'errors' || keys === 'errors,records') {
    return Array.isArray(body['errors']) && body['errors'].length > 0 && body['errors'].every(isRecordError);
  }
  if (keys === 'error') {
    const inner = body['error'];
    if (inner instanceof ProviderFailure || inner instanceof v1.InvalidTokenError || isV1Error(inner)) return true;
    const errors = (inner as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) && errors.length > 0 && errors.every(isV1Error);
  }
  return false;
}

/** A legacy method's outcome: a promise that resolves, or rejects in the legacy form. */
function expectLegacyOutcome(outcome: Settled, context: string): void {
  if (outcome.kind === 'threw') throw new Error(`${context}: threw synchronously ${describeError(outcome.error)}`);
  if (outcome.kind === 'returned') throw new Error(`${context}: returned ${typeof outcome.value}, not a promise`);
  if (outcome.kind === 'rejected' && !isLegacyRejection(outcome.error)) {
    throw new Error(`${context}: rejected with ${describeError(outcome.error)}`);
  }
}

function v1Config(): Record<string, unknown> {
  return {
    vaultID: own.vaultId,
    vaultURL: own.url,
    getBearerToken: () => Promise.resolve(token),
    options: { deprecationWarnings: 'silent', caCert: own.caCert },
  };
}

const v1Client = () => v1.Skyflow.init(v1Config() as never);
const fields = () => ({ card_number: '4111-1111-1111-1111', cvv: '123' });

/** Each legacy client method and valid arguments for it (against this file's vault). */
const V1_METHODS: Array<{ name: string; call: (client: v1.Skyflow, args: unknown[]) => unknown; args: Args }> = [
  {
    name: 'insert',
    call: (client, args) => client.insert(...(args as [never, never])),
    args: () => [
      { records: [{ table: 'cards', fields: fields() }] },
      { tokens: true, continueOnError: false, upsert: [{ table: 'cards', column: 'card_number' }] },
    ],
  },
  {
    name: 'insert (continueOnError)',
    call: (client, args) => client.insert(...(args as [never, never])),
    args: () => [{ records: [{ table: 'cards', fields: { cvv: '1' } }, { table: 'persons', fields: { name: 'x' } }] }, { tokens: false, continueOnError: true }],
  },
  {
    name: 'detokenize',
    call: (client, args) => client.detokenize(...(args as [never])),
    args: () => [{ records: [{ token: 'no-such-token', redaction: 'PLAIN_TEXT' }, { token: 'other' }] }],
  },
  {
    name: 'getById',
    call: (client, args) => client.getById(...(args as [never])),
    args: () => [{ records: [{ ids: [randomUUID()], table: 'cards', redaction: 'PLAIN_TEXT' }] }],
  },
  {
    name: 'get (ids)',
    call: (client, args) => client.get(...(args as [never, never])),
    args: () => [{ records: [{ ids: [randomUUID()], table: 'cards', redaction: 'MASKED' }] }, { tokens: false, encodeURI: true }],
  },
  {
    name: 'get (column, tokens)',
    call: (client, args) => client.get(...(args as [never, never])),
    args: () => [{ records: [{ table: 'cards', columnName: 'card_number', columnValues: ['4111-1111-1111-1111'], redaction: 'PLAIN_TEXT' }] }, {}],
  },
  {
    name: 'update',
    call: (client, args) => client.update(...(args as [never, never])),
    args: () => [{ records: [{ id: randomUUID(), table: 'cards', fields: { cvv: '321' } }] }, { tokens: true }],
  },
  {
    name: 'delete',
    call: (client, args) => client.delete(...(args as [never, never])),
    args: () => [{ records: [{ id: randomUUID(), table: 'cards' }] }, {}],
  },
  {
    name: 'invokeConnection',
    call: (client, args) => client.invokeConnection(...(args as [never])),
    args: () => [
      {
        connectionURL: `${own.url}/v1/gateway/echo/{id}`,
        methodName: 'POST',
        pathParams: { id: 'card' },
        queryParams: { page: '1' },
        requestHeader: { 'content-type': 'application/json', 'x-extra': 'y' },
        requestBody: { card_number: '4111', nested: { a: [1, 2] } },
      },
    ],
  },
];

describe('skyflow-bridge/v1: any bad input gets a legacy error', () => {
  it('every base call settles in the legacy form (sanity: the bases are valid)', async () => {
    const client = v1Client();
    for (const method of V1_METHODS) {
      const outcome = await settle(() => method.call(client, method.args()), LIMIT_MS);
      expectLegacyOutcome(outcome, method.name);
    }
  });

  describe.each(V1_METHODS)('client.$name', (method) => {
    const paths = () => pathsOf(method.args);

    it('any spoiled argument: a promise that resolves or rejects in the legacy form', async () => {
      const client = v1Client();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths()), spoiler, async (path, how) => {
          const args = spoiledArgs(method.args, path, how);
          expectLegacyOutcome(await settle(() => method.call(client, args), LIMIT_MS), `${method.name} with ${describeSpoiler(path, how)}`);
        }),
        RUNS,
      );
    });

    it('any values as the arguments', async () => {
      const client = v1Client();
      await fc.assert(
        fc.asyncProperty(fc.array(hostileValue, { maxLength: 3 }), async (args) => {
          expectLegacyOutcome(await settle(() => method.call(client, args), LIMIT_MS), `${method.name}(${args.length} hostile arguments)`);
        }),
        RUNS,
      );
    });
  });

  describe('Skyflow.init, new Client, new Configuration, new InsertOptions', () => {
    const configPaths = ['', 'vaultID', 'vaultURL', 'getBearerToken', 'options', 'options.caCert', 'options.deprecationWarnings', 'options.cacheBearerToken'];

    it('init never throws, and the client it returns answers in the legacy form', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...configPaths), spoiler, fc.constantFrom(...V1_METHODS), async (path, how, method) => {
          const config = spoil(v1Config(), path, how);
          const context = `Skyflow.init with ${describeSpoiler(path, how)}, then ${method.name}`;
          const made = await settle(() => v1.Skyflow.init(config as never), LIMIT_MS);
          if (made.kind !== 'returned') throw new Error(`${context}: init did not return a client (${made.kind} ${describeError((made as { error?: unknown }).error)})`);
          expectLegacyOutcome(await settle(() => method.call(made.value as v1.Skyflow, method.args()), LIMIT_MS), context);
        }),
        RUNS,
      );
    });

    it('new Client(new Configuration(…)) likewise', async () => {
      const parts = ['vaultID', 'vaultURL', 'tokenProvider', 'options'] as const;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...parts), spoiler, async (part, how) => {
          const given: Record<string, unknown> = { vaultID: own.vaultId, vaultURL: own.url, tokenProvider: () => token, options: { deprecationWarnings: 'silent', caCert: own.caCert } };
          const spoiled = spoil(given, part, how) as Record<string, unknown>;
          const context = `new Client(new Configuration) with ${describeSpoiler(part, how)}`;
          const made = await settle(() => {
            // Reading the spoiled parts may throw here, in the test: the Configuration gets what could be read.
            let read: unknown[];
            try {
              read = parts.map((key) => spoiled[key]);
            } catch {
              read = [own.vaultId, own.url, () => token, undefined];
            }
            // A provider that throws when called (a proxy of a function) is the
            // provider failing: its throw passes on, as in 1.14.3.
            const provider = read[2];
            if (typeof provider === 'function') {
              read[2] = (...args: unknown[]) => {
                try {
                  return (provider as (...a: unknown[]) => unknown)(...args);
                } catch {
                  throw new ProviderFailure('provider failed');
                }
              };
            }
            return new v1.Client(new v1.Configuration(...(read as [string, string, () => string, undefined])));
          }, LIMIT_MS);
          if (made.kind !== 'returned') throw new Error(`${context}: ${made.kind} ${describeError((made as { error?: unknown }).error)}`);
          expectLegacyOutcome(await settle(() => (made.value as v1.Client).detokenize({ records: [{ token: 'x' }] }), LIMIT_MS), context);
        }),
        RUNS,
      );
    });

    it('new Client(x) for any x: a client whose calls answer in the legacy form', async () => {
      await fc.assert(
        fc.asyncProperty(hostileValue, async (value) => {
          const made = await settle(() => new v1.Client(value as never), LIMIT_MS);
          if (made.kind !== 'returned') throw new Error(`new Client(hostile): ${made.kind} ${describeError((made as { error?: unknown }).error)}`);
          expectLegacyOutcome(await settle(() => (made.value as v1.Client).get({ records: [] }), LIMIT_MS), 'new Client(hostile).get');
        }),
        RUNS,
      );
    });

    it('new InsertOptions(…) with any values builds options that insert checks in the legacy form', async () => {
      const client = v1Client();
      await fc.assert(
        fc.asyncProperty(fc.array(hostileValue, { maxLength: 3 }), async (values) => {
          const made = await settle(() => new v1.InsertOptions(...(values as [])), LIMIT_MS);
          if (made.kind !== 'returned') throw new Error(`new InsertOptions: ${made.kind} ${describeError((made as { error?: unknown }).error)}`);
          const insert = () => client.insert({ records: [{ table: 'cards', fields: { cvv: '1' } }] }, made.value as never);
          expectLegacyOutcome(await settle(insert, LIMIT_MS), 'insert with new InsertOptions(hostile)');
        }),
        RUNS,
      );
    });
  });

  describe('token providers', () => {
    const providers: Array<[string, () => unknown]> = [
      ['throws', () => {
        throw new ProviderFailure('provider failed');
      }],
      ['rejects', () => Promise.reject(new ProviderFailure('provider failed'))],
      // Returned as it is: a promise of it would read its `then` and reject on its own (the provider's failure).
      ['returns a proxy that throws', () => new Proxy({}, { get: () => { throw new TrapError(); } })],
    ];

    it.each(providers)('a provider that %s: every method answers in the legacy form', async (_, provider) => {
      const client = v1.Skyflow.init({ ...v1Config(), getBearerToken: provider } as never);
      for (const method of V1_METHODS) expectLegacyOutcome(await settle(() => method.call(client, method.args()), LIMIT_MS), `${method.name}`);
    });

    it('a provider that returns any value: every method answers in the legacy form', async () => {
      await fc.assert(
        fc.asyncProperty(hostileValue, fc.boolean(), fc.constantFrom(...V1_METHODS), async (value, asPromise, method) => {
          // A promise of a value whose `then` throws rejects by itself, and so
          // does a thenable whose `then` throws: that is the provider failing.
          const failing = () => Promise.resolve(value).catch(() => Promise.reject(new ProviderFailure('provider failed')));
          const provider = () => (asPromise || isThenable(value) ? failing() : value);
          const client = v1.Skyflow.init({ ...v1Config(), getBearerToken: provider } as never);
          expectLegacyOutcome(await settle(() => method.call(client, method.args()), LIMIT_MS), `${method.name} with a provider's hostile token`);
        }),
        RUNS,
      );
    });
  });

  function isThenable(value: unknown): boolean {
    try {
      return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
    } catch {
      return false;
    }
  }

  describe('module helpers', () => {
    const signedOptions = () => ({ dataTokens: ['token-1', 'token-2'], timeToLive: 60, ctx: 'user' });
    const helpers: Array<{ name: string; call: (args: unknown[]) => unknown; args: Args }> = [
      { name: 'generateBearerToken', call: (args) => v1.generateBearerToken(...(args as [string])), args: () => [credentialsFile, { roleIDs: ['role'], ctx: 'user' }] },
      { name: 'generateBearerTokenFromCreds', call: (args) => v1.generateBearerTokenFromCreds(...(args as [string])), args: () => [JSON.stringify(shared.credentials), { roleIDs: ['role'], ctx: 'user' }] },
      { name: 'generateToken', call: (args) => v1.generateToken(...(args as [string])), args: () => [credentialsFile] },
      { name: 'generateSignedDataTokens', call: (args) => v1.generateSignedDataTokens(...(args as [string, never])), args: () => [credentialsFile, signedOptions()] },
      { name: 'generateSignedDataTokensFromCreds', call: (args) => v1.generateSignedDataTokensFromCreds(...(args as [string, never])), args: () => [JSON.stringify(shared.credentials), signedOptions()] },
    ];

    describe.each(helpers)('$name', (helper) => {
      it('any spoiled argument: a promise that resolves or rejects in the legacy form', async () => {
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...pathsOf(helper.args)), spoiler, async (path, how) => {
            const args = spoiledArgs(helper.args, path, how);
            expectLegacyOutcome(await settle(() => helper.call(args), LIMIT_MS), `${helper.name} with ${describeSpoiler(path, how)}`);
          }),
          RUNS,
        );
      });

      it('any credentials: a promise that resolves or rejects in the legacy form', async () => {
        const keys = ['clientID', 'keyID', 'tokenURI', 'privateKey'];
        const fromCreds = helper.name.endsWith('FromCreds');
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...keys), hostileValue, async (key, value) => {
            const credentials: Record<string, unknown> = { ...shared.credentials, [key]: value };
            let text: string;
            try {
              text = JSON.stringify(credentials);
            } catch {
              return; // not JSON: no credentials text to give
            }
            const args = helper.args();
            if (fromCreds) args[0] = text;
            else {
              args[0] = join(workDir, `${randomUUID()}.json`);
              await writeFile(args[0] as string, text);
            }
            expectLegacyOutcome(await settle(() => helper.call(args), LIMIT_MS), `${helper.name} with ${key} = hostile`);
          }),
          { numRuns: 20 },
        );
      });
    });

    it('isExpired and isValid: a boolean, or the InvalidTokenError 1.14.3 threw for a token that is not a JWT', () => {
      const jwtLike = fc.oneof(
        hostileValue,
        fc.tuple(fc.string(), fc.oneof(fc.jsonValue(), fc.string()), fc.string()).map(
          ([head, payload, signature]) => `${head}.${Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload) ?? '').toString('base64url')}.${signature}`,
        ),
      );
      fc.assert(
        fc.property(jwtLike, fc.constantFrom('isExpired', 'isValid') , (value, name) => {
          try {
            expect(typeof (name === 'isExpired' ? v1.isExpired : v1.isValid)(value as string)).toBe('boolean');
          } catch (error) {
            if (!(error instanceof v1.InvalidTokenError)) throw new Error(`${name}: threw ${describeError(error)}`);
          }
        }),
        { numRuns: 300 },
      );
    });

    it('setLogLevel never throws, and a bad level changes nothing', () => {
      fc.assert(
        fc.property(hostileValue, (value) => {
          try {
            v1.setLogLevel(value as never);
          } catch (error) {
            throw new Error(`setLogLevel threw ${describeError(error)}`);
          } finally {
            v1.setLogLevel(v1.LogLevel.OFF);
          }
        }),
        { numRuns: 300 },
      );
    });
  });
});

// ===========================================================================
// skyflow-bridge/v2

function expectSkyflowErrorOnly(outcome: Settled, context: string, { promise }: { promise: boolean }): void {
  if (outcome.kind === 'threw' && !v2.isSkyflowError(outcome.error)) throw new Error(`${context}: threw ${describeError(outcome.error)}`);
  if (promise && outcome.kind === 'threw') throw new Error(`${context}: threw synchronously where a promise is due`);
  if (promise && outcome.kind === 'returned') throw new Error(`${context}: returned ${typeof outcome.value}, not a promise`);
  if (outcome.kind === 'rejected' && !v2.isSkyflowError(outcome.error)) throw new Error(`${context}: rejected with ${describeError(outcome.error)}`);
}

function v2Client(): v2.Skyflow {
  return new v2.Skyflow({
    vaultConfigs: [{ vaultId: own.vaultId, baseUrl: own.url, caCert: own.caCert! }],
    connectionConfigs: [{ connectionId: 'echo', connectionUrl: `${own.url}/v1/gateway/echo/{id}`, caCert: own.caCert! }],
    skyflowCredentials: { apiKey: own.apiKey },
    logLevel: v2.LogLevel.OFF,
    timeoutMs: 3_000,
    retry: { limit: 0 },
  });
}

const callOptions = () => ({ timeoutMs: 3_000, signal: new AbortController().signal, bearerToken: own.apiKey });

/** Each vault operation and a valid request for it. */
const V2_OPERATIONS: Array<{ name: string; call: (vault: v2.VaultClient, args: unknown[]) => unknown; args: Args }> = [
  { name: 'insert', call: (vault, [request, options]) => vault.insert(request as never, options as never), args: () => [{ table: 'cards', values: [fields()], returnTokens: true, upsert: 'card_number' }, callOptions()] },
  { name: 'insert (continueOnError)', call: (vault, [request, options]) => vault.insert(request as never, options as never), args: () => [{ table: 'cards', values: [{ cvv: '1' }, { nope: 'x' }], continueOnError: true }, callOptions()] },
  { name: 'insertBatch', call: (vault, [request, options]) => vault.insertBatch(request as never, options as never), args: () => [{ records: [{ table: 'cards', fields: { cvv: '1' } }, { table: 'persons', fields: { name: 'x' } }], returnTokens: true, continueOnError: true }, callOptions()] },
  { name: 'get', call: (vault, [request, options]) => vault.get(request as never, options as never), args: () => [{ table: 'cards', ids: [randomUUID()], redactionType: 'MASKED', fields: ['cvv'] }, callOptions()] },
  { name: 'get (column)', call: (vault, [request, options]) => vault.get(request as never, options as never), args: () => [{ table: 'cards', columnName: 'card_number', columnValues: ['4111-1111-1111-1111'], redactionType: 'PLAIN_TEXT' }, callOptions()] },
  { name: 'update', call: (vault, [request, options]) => vault.update(request as never, options as never), args: () => [{ table: 'cards', data: { skyflowId: randomUUID(), cvv: '1' }, returnTokens: true }, callOptions()] },
  { name: 'delete', call: (vault, [request, options]) => vault.delete(request as never, options as never), args: () => [{ table: 'cards', ids: [randomUUID()] }, callOptions()] },
  { name: 'detokenize', call: (vault, [request, options]) => vault.detokenize(request as never, options as never), args: () => [{ tokens: [{ token: 'no-such-token', redactionType: 'PLAIN_TEXT' }], continueOnError: true }, callOptions()] },
  { name: 'tokenize', call: (vault, [request, options]) => vault.tokenize(request as never, options as never), args: () => [{ values: [{ value: '4111-1111-1111-1111', columnGroup: 'card_number' }] }, callOptions()] },
  { name: 'query', call: (vault, [request, options]) => vault.query(request as never, options as never), args: () => [{ query: 'SELECT skyflow_id FROM cards LIMIT 1' }, callOptions()] },
];

describe('skyflow-bridge/v2: any bad input gets a SkyflowError', () => {
  it('every base call settles as a result or a SkyflowError (sanity)', async () => {
    const client = v2Client();
    for (const operation of V2_OPERATIONS) {
      expectSkyflowErrorOnly(await settle(() => operation.call(client.vault(), operation.args()), LIMIT_MS), operation.name, { promise: true });
    }
    client.close();
  });

  describe.each(V2_OPERATIONS)('vault().$name', (operation) => {
    it('any spoiled request or call options: a promise of a result or a SkyflowError', async () => {
      const client = v2Client();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...pathsOf(operation.args)), spoiler, async (path, how) => {
          const args = spoiledArgs(operation.args, path, how);
          expectSkyflowErrorOnly(await settle(() => operation.call(client.vault(), args), LIMIT_MS), `${operation.name} with ${describeSpoiler(path, how)}`, { promise: true });
        }),
        RUNS,
      );
      client.close();
    });
  });

  const requestClasses: Array<{ name: string; make: (init: unknown) => unknown; init: () => unknown }> = [
    { name: 'InsertRequest', make: (init) => new v2.InsertRequest(init as never), init: () => V2_OPERATIONS[0]!.args()[0] },
    { name: 'BatchInsertRequest', make: (init) => new v2.BatchInsertRequest(init as never), init: () => V2_OPERATIONS[2]!.args()[0] },
    { name: 'GetRequest', make: (init) => new v2.GetRequest(init as never), init: () => ({ table: 'cards', ids: ['a'], redactionType: 'MASKED', fields: ['cvv'], offset: 0, limit: 5, orderBy: 'ASCENDING' }) },
    { name: 'UpdateRequest', make: (init) => new v2.UpdateRequest(init as never), init: () => ({ table: 'cards', data: { skyflowId: 'i', cvv: '1' }, tokenMode: 'ENABLE', tokens: { cvv: 't' } }) },
    { name: 'DeleteRequest', make: (init) => new v2.DeleteRequest(init as never), init: () => ({ table: 'cards', ids: ['a', 'b'] }) },
    { name: 'DetokenizeRequest', make: (init) => new v2.DetokenizeRequest(init as never), init: () => ({ tokens: [{ token: 't', redactionType: 'MASKED' }], continueOnError: true }) },
    { name: 'TokenizeRequest', make: (init) => new v2.TokenizeRequest(init as never), init: () => ({ values: [{ value: 'v', columnGroup: 'g' }] }) },
    { name: 'QueryRequest', make: (init) => new v2.QueryRequest(init as never), init: () => ({ query: 'SELECT 1' }) },
    { name: 'InvokeConnectionRequest', make: (init) => new v2.InvokeConnectionRequest(init as never), init: () => ({ method: 'POST', body: { a: { b: [1] } }, headers: { 'x-a': 'b' }, pathParams: { id: 'x' }, queryParams: { q: ['1', 2, true] } }) },
  ];

  describe.each(requestClasses)('new $name(…)', ({ name, make, init }) => {
    it('builds the request or throws a SkyflowError, whatever is planted in its init object', () => {
      fc.assert(
        fc.property(fc.constantFrom(...pathsOf(() => [init()]).map((path) => path.slice(2))), spoiler, (path, how) => {
          expectSkyflowErrorOnly(settleSync(() => make(spoil(init(), path, how))), `new ${name} with ${describeSpoiler(path, how)}`, { promise: false });
        }),
        { numRuns: 150 },
      );
    });
  });

  it('connection().invoke: any spoiled request or options', async () => {
    const client = v2Client();
    const args: Args = () => [requestClasses[8]!.init(), callOptions()];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pathsOf(args)), spoiler, async (path, how) => {
        const spoiled = spoiledArgs(args, path, how);
        const invoke = () => client.connection('echo').invoke(spoiled[0] as never, spoiled[1] as never);
        expectSkyflowErrorOnly(await settle(invoke, LIMIT_MS), `invoke with ${describeSpoiler(path, how)}`, { promise: true });
      }),
      RUNS,
    );
    client.close();
  });

  describe('the client and its builder', () => {
    const config = (): Record<string, unknown> => ({
      vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1', env: 'PROD', credentials: { apiKey: 'sky-k' } }, { vaultId: 'v2', baseUrl: own.url, caCert: own.caCert }],
      connectionConfigs: [{ connectionId: 'c', connectionUrl: 'https://gateway.test/x' }],
      skyflowCredentials: { credentialsString: JSON.stringify(own.credentials), roles: ['r'], context: 'ctx' },
      logLevel: 'OFF',
      logger: () => undefined,
      timeoutMs: 1_000,
      retry: { limit: 1, baseDelayMs: 1 },
    });
    const quiet = () => new v2.Skyflow({ logLevel: v2.LogLevel.OFF, vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1' }], connectionConfigs: [{ connectionId: 'c', connectionUrl: 'https://gateway.test/x' }] });

    it('new Skyflow(config): a client or a SkyflowError, whatever is planted in the config', () => {
      fc.assert(
        fc.property(fc.constantFrom(...pathsOf(() => [config()], 5).map((path) => path.slice(2))), spoiler, (path, how) => {
          expectSkyflowErrorOnly(settleSync(() => new v2.Skyflow(spoil(config(), path, how) as never)), `new Skyflow with ${describeSpoiler(path, how)}`, { promise: false });
        }),
        { numRuns: 200 },
      );
    });

    const methods: Array<[string, (client: v2.Skyflow, value: unknown) => unknown, () => unknown]> = [
      ['addVaultConfig', (client, value) => client.addVaultConfig(value as never), () => ({ vaultId: 'v9', baseUrl: own.url, caCert: own.caCert, credentials: { token: token } })],
      ['updateVaultConfig', (client, value) => client.updateVaultConfig(value as never), () => ({ vaultId: 'v1', env: 'SANDBOX', credentials: { apiKey: 'sky-x' } })],
      ['removeVaultConfig', (client, value) => client.removeVaultConfig(value as never), () => 'v1'],
      ['getVaultConfig', (client, value) => client.getVaultConfig(value as never), () => 'v1'],
      ['vault', (client, value) => client.vault(value as never), () => 'v1'],
      ['addSkyflowCredentials', (client, value) => client.addSkyflowCredentials(value as never), () => ({ path: credentialsFile, roles: ['r'], context: { user: 'u' } })],
      ['updateSkyflowCredentials', (client, value) => client.updateSkyflowCredentials(value as never), () => ({ apiKey: 'sky-x' })],
      ['addConnectionConfig', (client, value) => client.addConnectionConfig(value as never), () => ({ connectionId: 'c9', connectionUrl: 'https://gateway.test/{id}', credentials: { apiKey: 'sky-x' } })],
      ['updateConnectionConfig', (client, value) => client.updateConnectionConfig(value as never), () => ({ connectionId: 'c', connectionUrl: 'https://gateway.test/y' })],
      ['removeConnectionConfig', (client, value) => client.removeConnectionConfig(value as never), () => 'c'],
      ['getConnectionConfig', (client, value) => client.getConnectionConfig(value as never), () => 'c'],
      ['connection', (client, value) => client.connection(value as never), () => 'c'],
      ['setLogLevel', (client, value) => client.setLogLevel(value as never), () => 'WARN'],
    ];

    it.each(methods)('%s: returns or throws a SkyflowError, whatever it is given', (name, call, base) => {
      fc.assert(
        fc.property(fc.constantFrom(...pathsOf(() => [base()]).map((path) => path.slice(2))), spoiler, (path, how) => {
          expectSkyflowErrorOnly(settleSync(() => call(quiet(), spoil(base(), path, how))), `${name} with ${describeSpoiler(path, how)}`, { promise: false });
        }),
        { numRuns: 100 },
      );
    });

    const builderSteps: Array<[string, (builder: v2.SkyflowBuilder, value: unknown) => unknown]> = [
      ['addVaultConfig', (builder, value) => builder.addVaultConfig(value as never)],
      ['addConnectionConfig', (builder, value) => builder.addConnectionConfig(value as never)],
      ['addSkyflowCredentials', (builder, value) => builder.addSkyflowCredentials(value as never)],
      ['setLogLevel', (builder, value) => builder.setLogLevel(value as never)],
      ['setLogger', (builder, value) => builder.setLogger(value as never)],
      ['setTimeout', (builder, value) => builder.setTimeout(value as never)],
      ['setRetry', (builder, value) => builder.setRetry(value as never)],
    ];

    it.each(builderSteps)('builder.%s(x).build(): a client or a SkyflowError, for any x', (name, step) => {
      fc.assert(
        fc.property(hostileValue, (value) => {
          const build = () => {
            const builder = v2.Skyflow.builder().addVaultConfig({ vaultId: 'v1', clusterId: 'c1' });
            step(builder, value);
            return builder.build();
          };
          expectSkyflowErrorOnly(settleSync(build), `builder.${name}(hostile).build()`, { promise: false });
        }),
        { numRuns: 100 },
      );
    });
  });

  describe('generateBearerToken, generateBearerTokenFromCreds, isExpired', () => {
    const tokenArgs: Args = () => [{ ...own.credentials }, { roles: ['r'], context: 'ctx', caCert: own.caCert }];

    it('generateBearerToken: a token or a SkyflowError, whatever is planted in the credentials or options', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...pathsOf(tokenArgs)), spoiler, async (path, how) => {
          const [credentials, options] = spoiledArgs(tokenArgs, path, how);
          const outcome = await settle(() => v2.generateBearerToken(credentials as never, options as never), LIMIT_MS);
          expectSkyflowErrorOnly(outcome, `generateBearerToken with ${describeSpoiler(path, how)}`, { promise: true });
        }),
        RUNS,
      );
    });

    it('generateBearerTokenFromCreds: a token or a SkyflowError, for any text and options', async () => {
      const text = fc.oneof(hostileValue, fc.constant(JSON.stringify(own.credentials)), fc.json());
      await fc.assert(
        fc.asyncProperty(text, fc.oneof(hostileValue, fc.constant({ caCert: own.caCert })), async (credentials, options) => {
          const outcome = await settle(() => v2.generateBearerTokenFromCreds(credentials as never, options as never), LIMIT_MS);
          expectSkyflowErrorOnly(outcome, 'generateBearerTokenFromCreds(hostile)', { promise: true });
        }),
        RUNS,
      );
    });

    it('isExpired: a boolean, for anything', () => {
      fc.assert(
        fc.property(hostileValue, fc.option(hostileValue), (value, now) => {
          const outcome = settleSync(() => (now === null ? v2.isExpired(value as never) : v2.isExpired(value as never, now as never)));
          if (outcome.kind !== 'returned' || typeof outcome.value !== 'boolean') throw new Error(`isExpired: ${outcome.kind} ${describeError((outcome as { error?: unknown }).error)}`);
        }),
        { numRuns: 300 },
      );
    });
  });
});

/** `settle` for a synchronous call. */
function settleSync(call: () => unknown): Settled {
  try {
    return { kind: 'returned', value: call() };
  } catch (error) {
    return { kind: 'threw', error };
  }
}
