// The token endpoint (JWT-bearer grant) and the access tokens it issues.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT, decodeJwt, importPKCS8 } from 'jose';

type KeyLike = Awaited<ReturnType<typeof importPKCS8>> | KeyObject;
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';

const vault = sharedVault();
const rest = restClient(vault);
const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const { clientID, keyID, tokenURI, privateKey } = vault.credentials;

let signingKey: KeyLike;
beforeAll(async () => {
  signingKey = await importPKCS8(privateKey, 'RS256');
});
afterAll(() => rest.close());

/** An assertion as the SDKs build it, with claims overridable. */
async function assertion(overrides: Record<string, unknown> = {}, key: KeyLike = signingKey, alg = 'RS256') {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: clientID, key: keyID, aud: tokenURI, sub: clientID, exp: now + 3600, iat: now, ...overrides };
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

function requestToken(body: Record<string, unknown>) {
  return rest.call('POST', '/v1/auth/sa/oauth/token', body, { bearer: null });
}

describe('POST /v1/auth/sa/oauth/token', () => {
  it('exchanges a valid assertion for a Bearer JWT access token that the vault accepts', async () => {
    const response = await requestToken({ grant_type: GRANT, assertion: await assertion() });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer' });
    const claims = decodeJwt(response.body.accessToken);
    expect(claims.sub).toBe(clientID);
    expect(claims.exp! - claims.iat!).toBe(3600);
    const use = await rest.get('/cards?limit=1', { bearer: response.body.accessToken });
    expect(use.status).toBe(200);
  });

  it('carries scope roles and ctx into the access token', async () => {
    const response = await requestToken({
      grant_type: GRANT,
      assertion: await assertion({ ctx: 'user-42' }),
      scope: 'role:r1 role:r2 ',
    });
    expect(response.status).toBe(200);
    const claims = decodeJwt(response.body.accessToken);
    expect(claims['roles']).toEqual(['r1', 'r2']);
    expect(claims['ctx']).toBe('user-42');
  });

  it('accepts the token URI as reached through localhost', async () => {
    const aud = tokenURI.replace('127.0.0.1', 'localhost');
    const localhost = restClient({ ...vault, url: vault.url.replace('127.0.0.1', 'localhost') });
    const response = await localhost.call('POST', '/v1/auth/sa/oauth/token', {
      grant_type: GRANT,
      assertion: await assertion({ aud }),
    });
    localhost.close();
    expect(response.status).toBe(200);
  });

  it.each([
    ['a wrong audience', { aud: 'https://elsewhere.example/v1/auth/sa/oauth/token' }, 'Invalid assertion: the aud claim is not accepted.'],
    ['a wrong issuer', { iss: 'someone-else' }, 'Invalid assertion: the iss claim is not accepted.'],
    ['a wrong subject', { sub: 'someone-else' }, 'Invalid assertion: the sub claim is not accepted.'],
    ['a wrong key id', { key: 'other-key' }, 'Invalid assertion: unknown key id.'],
    ['an expired assertion', { exp: Math.floor(Date.now() / 1000) - 120 }, 'Invalid assertion: it has expired.'],
    ['an assertion valid for days', { exp: Math.floor(Date.now() / 1000) + 86_400 }, 'Invalid assertion: exp is too far in the future.'],
    ['no exp', { exp: undefined }, 'Invalid assertion: the exp claim is not accepted.'],
  ])('refuses %s with 401', async (_name, overrides, message) => {
    const response = await requestToken({ grant_type: GRANT, assertion: await assertion(overrides) });
    expect(response.status).toBe(401);
    expect(response.body.error).toMatchObject({ http_code: 401, grpc_code: 16, http_status: 'Unauthorized', message });
  });

  it('refuses an assertion signed by another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const response = await requestToken({ grant_type: GRANT, assertion: await assertion({}, other) });
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe(
      'Invalid assertion: it is not a JWT signed by the registered service account.',
    );
  });

  it('refuses an unsigned assertion (alg none) and garbage', async () => {
    const [header, payload] = (await assertion()).split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(header).toBeDefined();
    for (const value of [unsigned, 'not-a-jwt', '']) {
      const response = await requestToken({ grant_type: GRANT, assertion: value });
      expect(response.status).toBe(401);
    }
  });

  it('refuses another grant type, a bad scope and a missing assertion with 400', async () => {
    const wrongGrant = await requestToken({ grant_type: 'client_credentials', assertion: await assertion() });
    expect(wrongGrant.status).toBe(400);
    expect(wrongGrant.body.error.message).toBe(`grant_type must be ${GRANT}.`);
    const badScope = await requestToken({ grant_type: GRANT, assertion: await assertion(), scope: 'admin' });
    expect(badScope.status).toBe(400);
    expect(badScope.body.error.message).toBe('scope must be a list of role:<id> entries.');
    const missing = await requestToken({ grant_type: GRANT });
    expect(missing.status).toBe(400);
  });

  it('never repeats the assertion in an error', async () => {
    const value = await assertion({ aud: 'https://elsewhere.example' });
    const response = await requestToken({ grant_type: GRANT, assertion: value });
    expect(response.text).not.toContain(value.split('.')[2]);
  });
});
