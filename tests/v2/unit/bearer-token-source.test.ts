// The bearerTokenSource credentials kind without a network: how its config is
// checked (and with which messages, at each level), how the config keeps the
// function, and what the token source does with what it returns or throws.
// The same against a real vault: tests/v2/bearer-token-source.test.ts.
import { SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import type { Credentials } from '../../../src/v2/config/types.js';
import { resolveCredentials } from '../../../src/v2/credentials/resolve-credentials.js';
import { TokenSource } from '../../../src/v2/credentials/TokenSource.js';
import { LogLevel } from '../../../src/v2/enums.js';
import { SkyflowError, isSkyflowError } from '../../../src/v2/errors/SkyflowError.js';
import { Logger } from '../../../src/v2/logging/Logger.js';
import { Skyflow } from '../../../src/v2/Skyflow.js';
import { expectFailure } from '../../helpers/outcomes.js';

const I = (text: string): string => `Initialization failed. ${text}`;
const V = (text: string): string => `Validation error. ${text}`;
const NOT_A_FUNCTION = (where: string) =>
  I(`Invalid credentials. Specify bearerTokenSource as a function that returns a bearer token or API key${where}.`);
const TOKEN_EXPIRED = V('Token provided is either invalid or has expired. Specify a valid token.');
const BAD_RESULT = (what: string) =>
  V(`Invalid bearer token. bearerTokenSource returned ${what}; return a bearer token or API key: a non-empty string of visible ASCII characters, without spaces.`);

const secret = new TextEncoder().encode('k'.repeat(32));
const jwt = (claims: JWTPayload): Promise<string> => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(secret);
const inSeconds = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;
// A JWT with claims SignJWT would refuse (readClaims does not check signatures).
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const unsigned = (claims: Record<string, unknown>): string => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;



/**
 * What a promise rejected with, in a box: resolving with the value itself
 * would read its `then`, which a revoked proxy refuses.
 */
async function rejectionOf(promise: Promise<unknown>): Promise<{ error: unknown }> {
  const outcome = await promise.then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error('expected a rejection');
  return { error: outcome.error };
}

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe('resolveCredentials: { bearerTokenSource }', () => {
  const where = ' for vault with vaultId v1';

  it.each<[string, () => string | Promise<string>]>([
    ['an arrow function', () => 'sky-abc'],
    ['an async function', async () => 'sky-abc'],
    ['a function', function source() {
      return 'sky-abc';
    }],
    ['a bound function', function (this: { token: string }) {
      return this.token;
    }.bind({ token: 'sky-abc' })],
  ])('accepts %s, kept as the same function and not called', (_, source) => {
    const spy = vi.fn(source);
    const resolved = resolveCredentials({ bearerTokenSource: spy }, where);
    expect(resolved).toStrictEqual({ kind: 'bearerTokenSource', source: spy });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each<[string, () => unknown, string]>([
    ['a string', () => ({ bearerTokenSource: 'sky-abc' }), NOT_A_FUNCTION(where)],
    ['a promise', () => ({ bearerTokenSource: Promise.resolve('sky-abc') }), NOT_A_FUNCTION(where)],
    ['an object with a function', () => ({ bearerTokenSource: { get: () => 'sky-abc' } }), NOT_A_FUNCTION(where)],
    ['null', () => ({ bearerTokenSource: null }), NOT_A_FUNCTION(where)],
    ['undefined, given as a key', () => ({ bearerTokenSource: undefined }), NOT_A_FUNCTION(where)],
    ['a class', () => ({ bearerTokenSource: class Source {} }), NOT_A_FUNCTION(where)],
    ['a class with a body', () => ({ bearerTokenSource: class{ token = 'x'; } }), NOT_A_FUNCTION(where)],
    ['a revoked proxy of a function', () => {
      const { proxy, revoke } = Proxy.revocable(() => 'sky-abc', {});
      revoke();
      return { bearerTokenSource: proxy };
    }, NOT_A_FUNCTION(where)],
    ['with another kind', () => ({ bearerTokenSource: () => 't', apiKey: 'sky-abc' }),
      V(`Multiple credentials provided. Specify only one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`)],
    ['with a token', () => ({ token: 't', bearerTokenSource: () => 't' }),
      V(`Multiple credentials provided. Specify only one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`)],
    // roles, context and tokenUri shape a service-account exchange; a source makes its own tokens.
    ['with roles', () => ({ bearerTokenSource: () => 't', roles: ['r'] }), I(`Unknown key roles in credentials${where}. Remove it or check its spelling.`)],
    ['with context', () => ({ bearerTokenSource: () => 't', context: 'user-1' }), I(`Unknown key context in credentials${where}. Remove it or check its spelling.`)],
    ['misspelt', () => ({ bearerTokenProvider: () => 't' }),
      V(`Invalid credentials. Credentials must include one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`)],
    ['inherited', () => Object.create({ bearerTokenSource: () => 't' }) as object,
      V(`Invalid credentials. Credentials must include one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`)],
  ])('refuses %s', (_, credentials, message) => {
    expectFailure(() => resolveCredentials(credentials(), where), message);
  });
});

describe('Skyflow config with a bearerTokenSource', () => {
  const source = () => 'sky-abc';
  const bad = { bearerTokenSource: 'sky-abc' } as unknown as Credentials;

  it('is checked at each level, with the level named in the message', () => {
    expectFailure(() => new Skyflow({ vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1', credentials: bad }] }), NOT_A_FUNCTION(' for vault with vaultId v1'));
    expectFailure(
      () => new Skyflow({ connectionConfigs: [{ connectionId: 'c1', connectionUrl: 'https://gateway.test/x', credentials: bad }] }),
      NOT_A_FUNCTION(' for connection with connectionId c1'),
    );
    expectFailure(() => new Skyflow({ skyflowCredentials: bad }), NOT_A_FUNCTION(''));
    expectFailure(() => Skyflow.builder().addSkyflowCredentials(bad).build(), NOT_A_FUNCTION(''));
    const client = new Skyflow({ vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1' }] });
    expectFailure(() => client.addSkyflowCredentials(bad), NOT_A_FUNCTION(''));
    expectFailure(() => client.updateVaultConfig({ vaultId: 'v1', credentials: bad }), NOT_A_FUNCTION(' for vault with vaultId v1'));
    expectFailure(() => client.addVaultConfig({ vaultId: 'v2', clusterId: 'c2', credentials: bad }), NOT_A_FUNCTION(' for vault with vaultId v2'));
  });

  it('is accepted at each level, and the function is not called before an operation', () => {
    const spy = vi.fn(source);
    const client = Skyflow.builder()
      .addVaultConfig({ vaultId: 'v1', clusterId: 'c1', credentials: { bearerTokenSource: spy } })
      .addConnectionConfig({ connectionId: 'c1', connectionUrl: 'https://gateway.test/x', credentials: { bearerTokenSource: spy } })
      .addSkyflowCredentials({ bearerTokenSource: spy })
      .build();
    expect(client.getSkyflowCredentials()).toStrictEqual({ bearerTokenSource: spy });
    expect(spy).not.toHaveBeenCalled();
  });

  it('getVaultConfig and getConnectionConfig give the same function in a copy of the config', () => {
    const client = new Skyflow({
      vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1', credentials: { bearerTokenSource: source } }],
      connectionConfigs: [{ connectionId: 'c1', connectionUrl: 'https://gateway.test/x', credentials: { bearerTokenSource: source } }],
    });
    const config = client.getVaultConfig('v1');
    expect(config).toStrictEqual({ vaultId: 'v1', clusterId: 'c1', credentials: { bearerTokenSource: source } });
    (config.credentials as { bearerTokenSource: unknown }).bearerTokenSource = () => 'sky-changed';
    expect(client.getVaultConfig('v1').credentials).toStrictEqual({ bearerTokenSource: source });
    expect(client.getConnectionConfig('c1').credentials).toStrictEqual({ bearerTokenSource: source });
  });

  it('never serializes the function: a toJSON of it is not called', () => {
    const source = Object.assign(() => 'sky-abc', { toJSON: vi.fn(() => 'leaked') });
    const client = new Skyflow({ vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1', credentials: { bearerTokenSource: source } }] });
    expect(client.getVaultConfig('v1').credentials).toStrictEqual({ bearerTokenSource: source });
    expect(source.toJSON).not.toHaveBeenCalled();
  });

  // JSON would drop the function: an update of another setting must keep it.
  it('keeps the function when another setting of the vault or connection is updated', () => {
    const client = new Skyflow({
      vaultConfigs: [{ vaultId: 'v1', clusterId: 'c1', credentials: { bearerTokenSource: source } }],
      connectionConfigs: [{ connectionId: 'c1', connectionUrl: 'https://gateway.test/x', credentials: { bearerTokenSource: source } }],
    });
    client.updateVaultConfig({ vaultId: 'v1', baseUrl: 'https://local.test' });
    expect(client.getVaultConfig('v1')).toStrictEqual({ vaultId: 'v1', credentials: { bearerTokenSource: source }, baseUrl: 'https://local.test' });
    client.updateConnectionConfig({ connectionId: 'c1', connectionUrl: 'https://gateway.test/y' });
    expect(client.getConnectionConfig('c1').credentials).toStrictEqual({ bearerTokenSource: source });
  });
});

describe('TokenSource with a bearerTokenSource', () => {
  const logger = new Logger(LogLevel.OFF);
  const never = vi.fn(async () => 'never');
  const bearer = (source: () => unknown) =>
    new TokenSource(never, logger).bearer({ kind: 'bearerTokenSource', source: source as () => string });

  it('calls the source at every call and keeps nothing: each call gets what the source gives then', async () => {
    const first = await jwt({ n: 1, exp: inSeconds(3_600) });
    const second = await jwt({ n: 2, exp: inSeconds(3_600) });
    const source = vi.fn<() => string>().mockReturnValueOnce(first).mockReturnValueOnce(second).mockReturnValue(first);
    const tokens = new TokenSource(never, logger);
    const credentials = { kind: 'bearerTokenSource', source } as const;
    await expect(tokens.bearer(credentials)).resolves.toStrictEqual({ token: first, refreshable: false });
    await expect(tokens.bearer(credentials)).resolves.toStrictEqual({ token: second, refreshable: false });
    tokens.invalidate(first); // as after a 401: nothing to forget
    await expect(tokens.bearer(credentials)).resolves.toStrictEqual({ token: first, refreshable: false });
    expect(source).toHaveBeenCalledTimes(3);
    expect(never).not.toHaveBeenCalled();
  });

  it('calls the source once per caller, also for concurrent callers', async () => {
    const source = vi.fn(async () => 'sky-abc');
    const tokens = new TokenSource(never, logger);
    await Promise.all(Array.from({ length: 20 }, () => tokens.bearer({ kind: 'bearerTokenSource', source })));
    expect(source).toHaveBeenCalledTimes(20);
  });

  it.each<[string, () => unknown]>([
    ['a string', () => 'sky-abc'],
    ['a promise of a string', async () => 'sky-abc'],
    // biome-ignore lint/suspicious/noThenProperty: a thenable token source is the input under test.
    ['a thenable of a string', () => ({ then: (resolve: (value: string) => void) => resolve('sky-abc') })],
  ])('takes %s', async (_, source) => {
    await expect(bearer(source)).resolves.toStrictEqual({ token: 'sky-abc', refreshable: false });
  });

  it.each<[string, () => Promise<string> | string]>([
    ['an API key', () => 'sky-abc123'],
    ['an opaque token', () => 'opaque_token-1.2~3+4/5='],
    ['three dots of garbage (not a JWT)', () => 'a.b.c'],
    ['a JWT without exp', () => jwt({ sub: 'u' })],
    ['a JWT that expires in an hour', () => jwt({ exp: inSeconds(3_600) })],
  ])('sends %s as is', async (_, make) => {
    const token = await make();
    await expect(bearer(() => token)).resolves.toStrictEqual({ token, refreshable: false });
  });

  it.each<[string, () => Promise<string> | string]>([
    ['a JWT past its exp', () => jwt({ exp: inSeconds(-1) })],
    ['a JWT that expires now', () => jwt({ exp: inSeconds(0) })],
    ['a JWT whose exp is not a number', () => unsigned({ sub: 'u', exp: String(inSeconds(3_600)) })],
  ])('refuses %s with TOKEN_EXPIRED', async (_, make) => {
    const token = await make();
    const { error } = await rejectionOf(bearer(async () => token));
    expect(isSkyflowError(error)).toBe(true);
    expect(error).toMatchObject({ message: TOKEN_EXPIRED, httpCode: 400 });
  });

  it.each<[string, () => unknown, string]>([
    ['undefined', () => undefined, 'a value of type undefined'],
    ['null', async () => null, 'a value of type null'],
    ['a number', () => 42, 'a value of type number'],
    ['an object', () => ({ token: 'sky-abc' }), 'a value of type object'],
    ['a function', () => () => 'sky-abc', 'a value of type function'],
    ['a String object', () => new String('sky-abc'), 'a value of type object'],
    ['a revoked proxy', () => revoked(), 'a value of type object'],
    ['a promise of an object', async () => ({ token: 'sky-abc' }), 'a value of type object'],
    // biome-ignore lint/suspicious/noThenProperty: a thenable-looking object is the input under test.
    ['an object whose then cannot be read', () => ({ get then(): never { throw new Error('no'); } }), 'a value of type object'],
    ['an empty string', () => '', 'an empty string'],
    ['a token with a space', () => 'Bearer sky-abc', 'a string with spaces, control or non-ASCII characters'],
    ['a token with a line break (header injection)', () => 'sky-abc\r\nx-evil: 1', 'a string with spaces, control or non-ASCII characters'],
    ['a token read from a file with its newline', () => 'sky-abc\n', 'a string with spaces, control or non-ASCII characters'],
    ['a token with a non-ASCII letter', () => 'sky-äbc', 'a string with spaces, control or non-ASCII characters'],
  ])('refuses %s with a SkyflowError that names what came back, never the value', async (_, source, what) => {
    const { error } = await rejectionOf(bearer(source));
    expect(isSkyflowError(error)).toBe(true);
    expect(error).toMatchObject({ message: BAD_RESULT(what), httpCode: 400 });
    expect((error as Error).message).not.toContain('sky-');
  });

  class AppFailure extends Error {}

  it.each<[string, () => unknown]>([
    ['an Error, thrown', () => new AppFailure('session ended')],
    ['a SkyflowError', () => new SkyflowError({ message: 'the app’s own', httpCode: 401, httpStatus: 'Unauthorized' })],
    ['a string', () => 'session ended'],
    ['undefined', () => undefined],
    ['a plain object', () => ({ code: 'E_SESSION' })],
    ['a revoked proxy', revoked],
  ])('passes on what the source throws or rejects with, unchanged: %s', async (_, make) => {
    const reason = make();
    const thrown = await rejectionOf(bearer(() => {
      throw reason;
    }));
    expect(thrown.error).toBe(reason);
    const rejected = await rejectionOf(bearer(() => Promise.reject(reason)));
    expect(rejected.error).toBe(reason);
    // biome-ignore lint/suspicious/noThenProperty: a rejecting thenable is the input under test.
    const fromThenable = await rejectionOf(bearer(() => ({ then: (_: unknown, reject: (r: unknown) => void) => reject(reason) })));
    expect(fromThenable.error).toBe(reason);
  });
});

describe('isSkyflowError', () => {
  // A source's failure is passed on as is, and the core asks whether it is a SkyflowError to log it.
  it('answers false for a value whose traps throw, instead of throwing', () => {
    expect(isSkyflowError(revoked())).toBe(false);
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap'); }, get: () => { throw new Error('trap'); } });
    expect(isSkyflowError(hostile)).toBe(false);
  });
});
