// The JWT-bearer grant (RFC 7523): a service account signs an assertion with
// its private key and exchanges it for an access token at its token URI.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { JWT_BEARER_GRANT } from '../../wire/enums.js';
import type { TokenRequestBody, TokenResponseBody } from '../../wire/auth.js';
import { isSecureUrl } from '../config/vault-url.js';
import type { ServiceAccountOptions } from '../config/types.js';
import { validationError } from '../errors/messages.js';
import type { Transport } from '../transport/Transport.js';
import type { ServiceAccountKey } from './service-account-key.js';

// The assertion only has to live until the token endpoint reads it.
const ASSERTION_LIFETIME_S = 3600;

/** An access token and its type, as the token endpoint returns them. */
export interface BearerToken {
  /** The bearer token (a JWT) to send in the `Authorization` header. */
  accessToken: string;
  /** The token's type; `Bearer` when the endpoint does not say. */
  tokenType: string;
}

export async function exchangeForToken(
  transport: Transport,
  key: ServiceAccountKey,
  options: ServiceAccountOptions,
  caCert?: string,
): Promise<BearerToken> {
  const tokenUri = options.tokenUri ?? key.tokenURI;
  if (!isSecureUrl(tokenUri)) throw validationError('INVALID_TOKEN_URI', '');
  const body: TokenRequestBody = {
    grant_type: JWT_BEARER_GRANT,
    assertion: await signAssertion(key, tokenUri, options.context),
  };
  if (options.roles && options.roles.length > 0) body.scope = options.roles.map((role) => `role:${role}`).join(' ');

  const { data } = await transport.send<Partial<TokenResponseBody>>({
    operation: 'token exchange',
    method: 'POST',
    url: tokenUri,
    body,
    retryability: 'idempotent',
    caCert,
    metadata: false,
  });
  if (typeof data?.accessToken !== 'string' || data.accessToken.length === 0) throw validationError('NO_ACCESS_TOKEN');
  return { accessToken: data.accessToken, tokenType: typeof data.tokenType === 'string' ? data.tokenType : 'Bearer' };
}

async function signAssertion(key: ServiceAccountKey, audience: string, context: ServiceAccountOptions['context']): Promise<string> {
  const claims: Record<string, unknown> = { key: key.keyID };
  if (context !== undefined) claims['ctx'] = context;
  const now = Math.floor(Date.now() / 1000);
  // Loaded at the first exchange: a client with an API key or a token never needs it.
  const { SignJWT } = await import('jose');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
    .setIssuer(key.clientID)
    .setSubject(key.clientID)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + ASSERTION_LIFETIME_S)
    .sign(privateKeyOf(key));
}

// PKCS#8 and PKCS#1 PEM both work; anything else is a clear error, never the key's text.
function privateKeyOf(key: ServiceAccountKey): KeyObject {
  try {
    const privateKey = createPrivateKey(key.privateKey);
    if (privateKey.asymmetricKeyType !== 'rsa') throw new Error('not RSA');
    return privateKey;
  } catch {
    throw validationError('INVALID_PRIVATE_KEY');
  }
}
