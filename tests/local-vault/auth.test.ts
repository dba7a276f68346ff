// The token endpoint (JWT-bearer grant) and the access tokens it issues. What
// it refuses is in tests/security/local-vault.test.ts.
import { SignJWT, decodeJwt, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restClient } from '../helpers/rest.js';
import { sharedVault } from '../helpers/shared-vault.js';

const vault = sharedVault();
const rest = restClient(vault);
const GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const { clientID, keyID, tokenURI, privateKey } = vault.credentials;

let signingKey: Awaited<ReturnType<typeof importPKCS8>>;
beforeAll(async () => {
  signingKey = await importPKCS8(privateKey, 'RS256');
});
afterAll(() => rest.close());

/** An assertion as the SDKs build it, with claims overridable. */
async function assertion(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: clientID, key: keyID, aud: tokenURI, sub: clientID, exp: now + 3600, iat: now, ...overrides };
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(signingKey);
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
});
