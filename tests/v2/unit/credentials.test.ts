import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isExpired, readClaims } from '../../../src/v2/credentials/jwt.js';
import { resolveCredentials, type ResolvedCredentials } from '../../../src/v2/credentials/resolve-credentials.js';
import { TokenSource, refreshTime } from '../../../src/v2/credentials/TokenSource.js';
import { LogLevel } from '../../../src/v2/enums.js';
import { isSkyflowError } from '../../../src/v2/errors/SkyflowError.js';
import { Logger } from '../../../src/v2/logging/Logger.js';
import { expectFailure } from '../../helpers/outcomes.js';

const secret = new TextEncoder().encode('k'.repeat(32));
const jwt = (claims: JWTPayload): Promise<string> => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(secret);

// A fixed clock: 2023-11-14T22:13:20Z.
const NOW = 1_700_000_000_000;
const NOW_S = NOW / 1000;
const inSeconds = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;
// A JWT with any claims, even ones SignJWT would refuse; readClaims does not check the signature.
const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const unsigned = (claims: Record<string, unknown>): string => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;

const serviceAccount = {
  clientID: 'client-1',
  keyID: 'key-1',
  tokenURI: 'https://manage.skyflowapis.com/v1/auth/sa/oauth/token',
  privateKey: '-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----',
};



describe('isExpired and readClaims', () => {
  it.each<[string, () => Promise<string>, boolean]>([
    ['an empty string', async () => '', true],
    ['text that is not a JWT', async () => 'not-a-jwt', true],
    ['three dots of garbage', async () => 'a.b.c', true],
    ['a JWT without exp', () => jwt({ sub: 'u' }), false],
    ['a JWT that expires in a minute', () => jwt({ exp: NOW_S + 60 }), false],
    ['a JWT that expires now', () => jwt({ exp: NOW_S }), true],
    ['a JWT that expired a second ago', () => jwt({ exp: NOW_S - 1 }), true],
  ])('%s → expired %s', async (_, token, expected) => {
    expect(isExpired(await token(), NOW)).toBe(expected);
  });

  it.each<[string, unknown]>([
    ['a string', String(NOW_S + 3_600)],
    ['null', null],
    ['a boolean', true],
    ['an object', { seconds: NOW_S + 3_600 }],
    ['an array', [NOW_S + 3_600]],
  ])('treats a JWT whose exp is %s as expired', (_, exp) => {
    const token = unsigned({ sub: 'u', exp });
    expect(readClaims(token)).toStrictEqual({ sub: 'u', exp });
    expect(isExpired(token, NOW)).toBe(true);
    // The same token with a numeric exp in the future is not expired.
    expect(isExpired(unsigned({ sub: 'u', exp: NOW_S + 3_600 }), NOW)).toBe(false);
  });

  it.each<[string, string]>([
    ['a payload that is an array', `${b64({ alg: 'HS256' })}.${b64([1, 2])}.c2ln`],
    ['a payload that is a number', `${b64({ alg: 'HS256' })}.${b64(42)}.c2ln`],
    ['a payload that is not JSON', `${b64({ alg: 'HS256' })}.${Buffer.from('{exp:').toString('base64url')}.c2ln`],
    ['a payload with characters outside base64url', `${b64({ alg: 'HS256' })}.${b64({ exp: 1 })}+/=.c2ln`],
    ['an encrypted JWT (five parts)', `${b64({ alg: 'RSA-OAEP' })}.${b64({ exp: 1 })}.iv.data.tag`],
    ['two parts', `${b64({ alg: 'HS256' })}.${b64({ exp: 1 })}`],
  ])('reads no claims from %s', (_, token) => {
    expect(readClaims(token)).toBeUndefined();
    expect(isExpired(token, NOW)).toBe(true);
  });

  it('treats a value that is not a string as expired', () => {
    expect(isExpired(42 as unknown as string, NOW)).toBe(true);
    expect(isExpired(undefined as unknown as string, NOW)).toBe(true);
  });

  it('reads the claims without checking the signature', async () => {
    const token = await new SignJWT({ sub: 'svc', exp: NOW_S + 5 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-of-32-characters!'));
    expect(readClaims(token)).toStrictEqual({ sub: 'svc', exp: NOW_S + 5 });
  });

  it.each(['', 'a.b.c', 'sky-abc', 'x'])('reads no claims from %j', (token) => {
    expect(readClaims(token)).toBeUndefined();
  });
});

describe('refreshTime', () => {
  // margin = min(30 s, 10 % of exp − iat)
  it.each<[string, JWTPayload, number]>([
    ['an hour-long token: 30 s early', { iat: NOW_S, exp: NOW_S + 3_600 }, (NOW_S + 3_600) * 1000 - 30_000],
    ['a 300 s token: exactly 30 s early', { iat: NOW_S, exp: NOW_S + 300 }, (NOW_S + 300) * 1000 - 30_000],
    ['a 100 s token: 10 s early', { iat: NOW_S, exp: NOW_S + 100 }, (NOW_S + 100) * 1000 - 10_000],
    ['without iat, the lifetime counts from now', { exp: NOW_S + 200 }, (NOW_S + 200) * 1000 - 20_000],
    ['iat after exp: no margin', { iat: NOW_S + 50, exp: NOW_S + 40 }, (NOW_S + 40) * 1000],
    ['an already expired token', { iat: NOW_S - 100, exp: NOW_S - 10 }, (NOW_S - 10) * 1000 - 9_000],
    ['no exp: never', { iat: NOW_S }, Number.POSITIVE_INFINITY],
  ])('%s', async (_, claims, expected) => {
    expect(refreshTime(await jwt(claims), NOW)).toBe(expected);
  });

  it('gives now for a token that is not a JWT, so it is not reused', () => {
    expect(refreshTime('opaque-token', NOW)).toBe(NOW);
  });

  it.each<[string, unknown]>([
    ['a string', String(NOW_S + 3_600)],
    ['null', null],
    ['an object', {}],
  ])('gives now for a JWT whose exp is %s', (_, exp) => {
    expect(refreshTime(unsigned({ iat: NOW_S, exp }), NOW)).toBe(NOW);
  });

  it.each<[string, unknown]>([
    ['a string', String(NOW_S - 1_000)],
    ['null', null],
    ['a boolean', true],
  ])('counts a JWT whose iat is %s as issued now', (_, iat) => {
    // 200 s from now: the margin is 10 % of 200 s, as without iat.
    expect(refreshTime(unsigned({ iat, exp: NOW_S + 200 }), NOW)).toBe((NOW_S + 200) * 1000 - 20_000);
  });
});

describe('resolveCredentials', () => {
  const where = ' for vault with vaultId v1';
  let dir: string;
  let keyFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'skyflow-bridge-credentials-'));
    keyFile = join(dir, 'credentials.json');
    writeFileSync(keyFile, JSON.stringify(serviceAccount));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe('accepts exactly one kind', () => {
    it('an API key', () => {
      expect(resolveCredentials({ apiKey: 'sky-abc123' })).toStrictEqual({ kind: 'apiKey', apiKey: 'sky-abc123' });
    });

    it('a bearer token that is not expired', async () => {
      const token = await jwt({ exp: inSeconds(3_600) });
      expect(resolveCredentials({ token })).toStrictEqual({ kind: 'token', token });
      const forever = await jwt({ sub: 'x' });
      expect(resolveCredentials({ token: forever })).toStrictEqual({ kind: 'token', token: forever });
    });

    it('the path of an existing file', () => {
      expect(resolveCredentials({ path: keyFile })).toStrictEqual({ kind: 'serviceAccount', source: { path: keyFile }, options: {} });
    });

    it('a credentials string, in either spelling of the key fields', () => {
      const text = JSON.stringify(serviceAccount);
      expect(resolveCredentials({ credentialsString: text })).toStrictEqual({ kind: 'serviceAccount', source: { json: text }, options: {} });
      const camel = JSON.stringify({ clientId: 'c', keyId: 'k', tokenUri: 'https://t', privateKey: 'p' });
      expect(resolveCredentials({ credentialsString: camel })).toStrictEqual({ kind: 'serviceAccount', source: { json: camel }, options: {} });
    });

    it('service-account options, copied', () => {
      const roles = ['role-1', 'role-2'];
      const resolved = resolveCredentials({
        path: keyFile,
        roles,
        context: { user: 'u-1' },
        tokenUri: 'https://auth.example.com/token',
      });
      roles.push('role-3');
      expect(resolved).toStrictEqual({
        kind: 'serviceAccount',
        source: { path: keyFile },
        options: { roles: ['role-1', 'role-2'], context: { user: 'u-1' }, tokenUri: 'https://auth.example.com/token' },
      });
      expect(resolveCredentials({ credentialsString: JSON.stringify(serviceAccount), context: 'ctx', roles: [] })).toMatchObject({
        options: { context: 'ctx', roles: [] },
      });
    });

    it('only kinds of its own: an inherited kind neither counts nor is refused as unknown', () => {
      const inherited = Object.assign(Object.create({ token: 't', path: keyFile }) as object, { apiKey: 'sky-abc' });
      expect(resolveCredentials(inherited)).toStrictEqual({ kind: 'apiKey', apiKey: 'sky-abc' });
    });

    it('a credentials string with a tokenURI on this machine, or an https tokenUri option over an http one', () => {
      const local = JSON.stringify({ ...serviceAccount, tokenURI: 'http://localhost:9000/token' });
      expect(resolveCredentials({ credentialsString: local })).toStrictEqual({ kind: 'serviceAccount', source: { json: local }, options: {} });
      const remote = JSON.stringify({ ...serviceAccount, tokenURI: 'http://auth.example.com/token' });
      expect(resolveCredentials({ credentialsString: remote, tokenUri: 'https://auth.example.com/token' })).toStrictEqual({
        kind: 'serviceAccount',
        source: { json: remote },
        options: { tokenUri: 'https://auth.example.com/token' },
      });
    });

    it('an object context, kept as a JSON copy', () => {
      const context: Record<string, unknown> = { user: 'u-1', nested: { level: 1 }, when: new Date(0) };
      const resolved = resolveCredentials({ path: keyFile, context });
      (context['nested'] as Record<string, unknown>)['level'] = 2;
      context['user'] = 'changed';
      expect(resolved).toStrictEqual({
        kind: 'serviceAccount',
        source: { path: keyFile },
        options: { context: { user: 'u-1', nested: { level: 1 }, when: '1970-01-01T00:00:00.000Z' } },
      });
      if (resolved.kind !== 'serviceAccount') throw new Error('expected a service account');
      expect(resolved.options.context).not.toBe(context);
    });

    it.each(['http://127.0.0.1:1/x', 'http://localhost:9000/token', 'http://[::1]/t', 'https://example.com/t'])(
      'a token URI %s',
      (tokenUri) => {
        expect(resolveCredentials({ path: keyFile, tokenUri })).toMatchObject({ options: { tokenUri } });
      },
    );
  });

  describe('refuses', () => {
    const V = (text: string) => `Validation error. ${text}`;
    const I = (text: string) => `Initialization failed. ${text}`;
    const EMPTY = V(`Invalid credentials. Credentials must not be empty${where}.`);
    const CONTEXT = V(`Invalid context. Specify context as a string or a JSON object${where}.`);
    const TOKEN_URI = I(`Invalid credentials. The token URI must be an https URL (http only for localhost)${where}.`);
    const NO_KIND = V(`Invalid credentials. Credentials must include one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`);
    const unknownKey = (key: string) => I(`Unknown key ${key} in credentials${where}. Remove it or check its spelling.`);

    it.each<[string, unknown]>([
      ['null', null],
      ['undefined', undefined],
      ['a string', 'sky-abc'],
      ['a number', 5],
      ['an array', [{ apiKey: 'sky-abc' }]],
    ])('%s', (_, value) => {
      expectFailure(() => resolveCredentials(value, where), EMPTY);
    });

    it.each<[string, () => unknown, string]>([
      ['no kind', () => ({ roles: ['r'] }), V(`Invalid credentials. Credentials must include one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`)],
      ['two kinds', () => ({ apiKey: 'sky-a', token: 't' }), V(`Multiple credentials provided. Specify only one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`)],
      ['all five kinds', () => ({ apiKey: 'sky-a', token: 't', path: 'p', credentialsString: '{}', bearerTokenSource: () => 't' }), V(`Multiple credentials provided. Specify only one of { apiKey, token, path, credentialsString, bearerTokenSource }${where}.`)],
      ['an API key without sky-', () => ({ apiKey: 'abc123' }), I(`Invalid credentials. Specify a valid API key (it starts with "sky-")${where}.`)],
      ['the bare sky- prefix', () => ({ apiKey: 'sky-' }), I(`Invalid credentials. Specify a valid API key (it starts with "sky-")${where}.`)],
      ['an API key with a space', () => ({ apiKey: 'sky-a b' }), I(`Invalid credentials. Specify a valid API key (it starts with "sky-")${where}.`)],
      ['an API key that is a number', () => ({ apiKey: 42 }), I(`Invalid credentials. Specify a valid API key (it starts with "sky-")${where}.`)],
      ['a token that is not a JWT', () => ({ token: 'not-a-jwt' }), I(`Invalid credentials. Bearer token is invalid or expired. Specify a valid token${where}.`)],
      ['an empty token', () => ({ token: '' }), I(`Invalid credentials. Bearer token is invalid or expired. Specify a valid token${where}.`)],
      ['a missing file', () => ({ path: join(dir, 'missing.json') }), I(`Invalid credentials. Expected path to name an existing file${where}.`)],
      ['a directory', () => ({ path: dir }), I(`Invalid credentials. Expected path to name an existing file${where}.`)],
      ['an empty path', () => ({ path: '' }), I(`Invalid credentials. Expected path to name an existing file${where}.`)],
      ['a credentials string that is not JSON', () => ({ credentialsString: 'clientID=x' }), I(`Invalid credentials. Specify credentialsString as service-account JSON with clientID, keyID, tokenURI and privateKey${where}.`)],
      ['a credentials string that is a JSON array', () => ({ credentialsString: '[]' }), I(`Invalid credentials. Specify credentialsString as service-account JSON with clientID, keyID, tokenURI and privateKey${where}.`)],
      ['a credentials string that is not a string', () => ({ credentialsString: serviceAccount }), I(`Invalid credentials. Specify credentialsString as service-account JSON with clientID, keyID, tokenURI and privateKey${where}.`)],
      ['roles that are not an array', () => ({ path: keyFile, roles: 'admin' }), V(`Invalid roles. Specify roles as an array of strings${where}.`)],
      ['roles with an empty string', () => ({ path: keyFile, roles: ['admin', ''] }), V(`Invalid roles. Specify roles as an array of strings${where}.`)],
      ['roles with a number', () => ({ credentialsString: JSON.stringify(serviceAccount), roles: [1] }), V(`Invalid roles. Specify roles as an array of strings${where}.`)],
      ['a context that is a number', () => ({ path: keyFile, context: 5 }), CONTEXT],
      ['a context that is an array', () => ({ path: keyFile, context: ['a'] }), CONTEXT],
      ['a context that is null', () => ({ path: keyFile, context: null }), CONTEXT],
      ['a context that refers to itself', () => {
        const context: Record<string, unknown> = { user: 'u' };
        context['self'] = context;
        return { path: keyFile, context };
      }, CONTEXT],
      ['a context holding a bigint', () => ({ credentialsString: JSON.stringify(serviceAccount), context: { n: 1n } }), CONTEXT],
      ['a context whose toJSON throws', () => ({ path: keyFile, context: { toJSON: () => { throw new Error('no'); } } }), CONTEXT],
      ['an http token URI off this machine', () => ({ path: keyFile, tokenUri: 'http://example.com/token' }), TOKEN_URI],
      ['a token URI that is not a URL', () => ({ path: keyFile, tokenUri: 'auth.example.com' }), TOKEN_URI],
      ['a token URI that is not a string', () => ({ path: keyFile, tokenUri: 443 }), TOKEN_URI],
      ['a credentials string whose tokenURI is http off this machine', () => ({ credentialsString: JSON.stringify({ ...serviceAccount, tokenURI: 'http://auth.example.com/token' }) }), TOKEN_URI],
      ['a credentials string whose tokenUri (camel case) is not a URL', () => ({ credentialsString: JSON.stringify({ clientId: 'c', keyId: 'k', tokenUri: 'auth.example.com', privateKey: 'p' }) }), TOKEN_URI],
      ['a credentials string with an https tokenURI but an http tokenUri option', () => ({ credentialsString: JSON.stringify(serviceAccount), tokenUri: 'http://auth.example.com/token' }), TOKEN_URI],
      ['an only kind that is inherited', () => Object.create({ apiKey: 'sky-abc' }) as object, NO_KIND],
      ['an API key with roles', () => ({ apiKey: 'sky-abc', roles: ['r'] }), unknownKey('roles')],
      ['a token with a context', () => ({ token: 'x', context: 'c' }), unknownKey('context')],
      ['an API key with a tokenUri', () => ({ apiKey: 'sky-abc', tokenUri: 'https://auth.example.com/token' }), unknownKey('tokenUri')],
      ['a path with a misspelt option', () => ({ path: keyFile, role: ['r'] }), unknownKey('role')],
      ['a credentials string with tokenURI as an option', () => ({ credentialsString: JSON.stringify(serviceAccount), tokenURI: 'https://auth.example.com/token' }), unknownKey('tokenURI')],
      ['an unknown key before a bad value', () => ({ apiKey: 'not-a-key', extra: 1 }), unknownKey('extra')],
    ])('%s', (_, credentials, message) => {
      expectFailure(() => resolveCredentials(credentials(), where), message);
    });

    it('an expired token', async () => {
      const token = await jwt({ exp: inSeconds(-60) });
      expectFailure(
        () => resolveCredentials({ token }, where),
        I(`Invalid credentials. Bearer token is invalid or expired. Specify a valid token${where}.`),
      );
    });

    it.each<[string, Record<string, string>]>([
      [`Unable to read private key in credentials${where}. Verify your private key.`, { clientID: 'c', keyID: 'k', tokenURI: 'https://t' }],
      [`Unable to read client ID in credentials${where}. Verify your client ID.`, { keyID: 'k', tokenURI: 'https://t', privateKey: 'p' }],
      [`Unable to read key ID in credentials${where}. Verify your key ID.`, { clientID: 'c', tokenURI: 'https://t', privateKey: 'p' }],
      [`Unable to read token URI in credentials${where}. Verify your token URI.`, { clientID: 'c', keyID: 'k', privateKey: 'p', tokenURI: '' }],
    ])('a credentials string missing a field: %s', (text, json) => {
      expectFailure(() => resolveCredentials({ credentialsString: JSON.stringify(json) }, where), V(text));
    });

    it('a credentials string missing a field, without the where suffix by default', () => {
      expectFailure(
        () => resolveCredentials({ credentialsString: JSON.stringify({ ...serviceAccount, keyID: undefined }) }),
        V('Unable to read key ID in credentials. Verify your key ID.'),
      );
    });

    it('without the where suffix by default', () => {
      expectFailure(() => resolveCredentials({}), V('Invalid credentials. Credentials must include one of { apiKey, token, path, credentialsString, bearerTokenSource }.'));
      expectFailure(() => resolveCredentials({ apiKey: 'x' }), I('Invalid credentials. Specify a valid API key (it starts with "sky-").'));
      expectFailure(() => resolveCredentials({ apiKey: 'sky-x', path: 'p' } as never, ''), V('Multiple credentials provided. Specify only one of { apiKey, token, path, credentialsString, bearerTokenSource }.'));
      expectFailure(() => resolveCredentials({ apiKey: 'sky-x', roles: [] }), I('Unknown key roles in credentials. Remove it or check its spelling.'));
    });
  });
});

describe('TokenSource', () => {
  type ServiceAccount = Extract<ResolvedCredentials, { kind: 'serviceAccount' }>;
  const account = (): ServiceAccount => ({ kind: 'serviceAccount', source: { json: '{}' }, options: {} });
  const logger = new Logger(LogLevel.OFF);

  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('runs one exchange for 50 concurrent callers', async () => {
    const token = await jwt({ iat: inSeconds(0), exp: inSeconds(3_600) });
    const pending = deferred<string>();
    const exchange = vi.fn(() => pending.promise);
    const source = new TokenSource(exchange, logger);
    const credentials = account();
    const calls = Array.from({ length: 50 }, () => source.bearer(credentials));
    pending.resolve(token);
    const results = await Promise.all(calls);
    expect(exchange).toHaveBeenCalledTimes(1);
    expect(exchange).toHaveBeenCalledWith(credentials);
    expect(new Set(results.map((result) => result.token))).toStrictEqual(new Set([token]));
    expect(results.every((result) => result.refreshable)).toBe(true);
  });

  it('gives every waiting caller the failure, and tries again on the next call', async () => {
    const token = await jwt({ exp: inSeconds(3_600) });
    const failure = new Error('token endpoint down');
    const exchange = vi.fn<() => Promise<string>>().mockRejectedValueOnce(failure).mockResolvedValueOnce(token);
    const source = new TokenSource(exchange, logger);
    const credentials = account();
    const results = await Promise.allSettled([source.bearer(credentials), source.bearer(credentials)]);
    expect(results).toStrictEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    await expect(source.bearer(credentials)).resolves.toStrictEqual({ token, refreshable: true });
    expect(exchange).toHaveBeenCalledTimes(2);
  });

  it('reuses a cached token until it is invalidated', async () => {
    const first = await jwt({ n: 1, exp: inSeconds(3_600) });
    const second = await jwt({ n: 2, exp: inSeconds(3_600) });
    const exchange = vi.fn<() => Promise<string>>().mockResolvedValueOnce(first).mockResolvedValueOnce(second);
    const source = new TokenSource(exchange, logger);
    const credentials = account();
    expect((await source.bearer(credentials)).token).toBe(first);
    expect((await source.bearer(credentials)).token).toBe(first);
    expect(exchange).toHaveBeenCalledTimes(1);

    source.invalidate('some-other-token');
    expect((await source.bearer(credentials)).token).toBe(first);
    expect(exchange).toHaveBeenCalledTimes(1);

    source.invalidate(first);
    expect((await source.bearer(credentials)).token).toBe(second);
    expect(exchange).toHaveBeenCalledTimes(2);
  });

  it.each<[string, () => Promise<string>]>([
    ['a token that is not a JWT', async () => 'opaque'],
    ['a token within its refresh margin', () => jwt({ iat: inSeconds(-3_600), exp: inSeconds(10) })],
  ])('does not reuse %s', async (_, makeToken) => {
    const token = await makeToken();
    const exchange = vi.fn(async () => token);
    const source = new TokenSource(exchange, logger);
    const credentials = account();
    await source.bearer(credentials);
    await source.bearer(credentials);
    expect(exchange).toHaveBeenCalledTimes(2);
  });

  it('exchanges again for other credentials', async () => {
    const token = await jwt({ exp: inSeconds(3_600) });
    const exchange = vi.fn(async () => token);
    const source = new TokenSource(exchange, logger);
    await source.bearer(account());
    await source.bearer(account());
    expect(exchange).toHaveBeenCalledTimes(2);
  });

  it('uses API keys and static tokens as given, without an exchange', async () => {
    const token = await jwt({ exp: inSeconds(3_600) });
    const exchange = vi.fn(async () => 'never');
    const source = new TokenSource(exchange, logger);
    await expect(source.bearer({ kind: 'apiKey', apiKey: 'sky-abc' })).resolves.toStrictEqual({ token: 'sky-abc', refreshable: false });
    await expect(source.bearer({ kind: 'token', token })).resolves.toStrictEqual({ token, refreshable: false });
    expect(exchange).not.toHaveBeenCalled();
  });

  it('rejects a static token that has expired since it was given', async () => {
    const token = await jwt({ exp: inSeconds(-1) });
    const exchange = vi.fn(async () => 'never');
    const error = await new TokenSource(exchange, logger).bearer({ kind: 'token', token }).catch((reason: unknown) => reason);
    expect(isSkyflowError(error)).toBe(true);
    expect(error).toMatchObject({
      message: 'Validation error. Token provided is either invalid or has expired. Specify a valid token.',
      httpCode: 400,
    });
    expect(exchange).not.toHaveBeenCalled();
  });
});
