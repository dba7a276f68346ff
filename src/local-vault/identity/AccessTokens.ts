import { createPublicKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import { unauthenticated, type VaultError } from '../errors.js';
import type { ServiceAccount } from './state.js';

/** What a verified service-account assertion grants. */
export interface Grant {
  subject: string;
  roles: string[];
  ctx?: unknown;
}

// An assertion must not outlive the hour the SDKs give it (plus clock skew).
const MAX_ASSERTION_LIFETIME_S = 3600 + 300;
const CLOCK_TOLERANCE_S = 30;
const ISSUER = 'skyflow-bridge-local-vault';

/** The vault's authentication: the JWT-bearer grant, access tokens, and the API key. */
export class AccessTokens {
  readonly #account: ServiceAccount;
  readonly #publicKey: KeyObject;
  readonly #secret: Uint8Array;
  readonly #apiKey: Buffer;
  readonly #ttlSeconds: number;

  constructor(account: ServiceAccount, accessTokenSecret: string, apiKey: string, ttlSeconds: number) {
    this.#account = account;
    this.#publicKey = createPublicKey(account.privateKey);
    this.#secret = Buffer.from(accessTokenSecret, 'hex');
    this.#apiKey = Buffer.from(apiKey);
    this.#ttlSeconds = ttlSeconds;
  }

  /**
   * Verifies a service account's signed assertion (RFC 7523): RS256 with the
   * registered key, `iss` = `sub` = client id, `key` = key id, `aud` one of
   * this server's token URIs, and a bounded `exp`.
   */
  async verifyAssertion(assertion: string, audiences: readonly string[]): Promise<Omit<Grant, 'roles'>> {
    let payload;
    try {
      ({ payload } = await jwtVerify(assertion, this.#publicKey, {
        algorithms: ['RS256'],
        issuer: this.#account.clientID,
        subject: this.#account.clientID,
        audience: [...audiences],
        requiredClaims: ['exp'],
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (error) {
      throw assertionError(error);
    }
    if (payload['key'] !== this.#account.keyID) throw unauthenticated('Invalid assertion: unknown key id.');
    if (payload.exp! - Date.now() / 1000 > MAX_ASSERTION_LIFETIME_S) {
      throw unauthenticated('Invalid assertion: exp is too far in the future.');
    }
    return { subject: payload.sub!, ctx: payload['ctx'] };
  }

  /** A signed access token (HS256) with `exp`, carrying the grant's roles and context. */
  async issue(grant: Grant): Promise<string> {
    const claims: Record<string, unknown> = { roles: grant.roles };
    if (grant.ctx !== undefined) claims['ctx'] = grant.ctx;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(ISSUER)
      .setSubject(grant.subject)
      .setIssuedAt()
      .setJti(crypto.randomUUID())
      .setExpirationTime(Math.floor(Date.now() / 1000) + this.#ttlSeconds)
      .sign(this.#secret);
  }

  /** Checks the value of an `Authorization: Bearer` header: an API key or an access token. */
  async authenticate(bearer: string): Promise<void> {
    if (bearer.startsWith('sky-')) {
      const given = Buffer.from(bearer);
      if (given.length === this.#apiKey.length && timingSafeEqual(given, this.#apiKey)) return;
      throw unauthenticated('Authentication failed. The API key is not valid.');
    }
    try {
      await jwtVerify(bearer, this.#secret, { algorithms: ['HS256'], issuer: ISSUER, requiredClaims: ['exp'] });
    } catch (error) {
      throw error instanceof joseErrors.JWTExpired
        ? unauthenticated(
            'Authentication failed. Bearer token is expired. Request a new token from the token endpoint.',
          )
        : unauthenticated('Authentication failed. Bearer token is not valid.');
    }
  }
}

function assertionError(error: unknown): VaultError {
  if (error instanceof joseErrors.JWTExpired) return unauthenticated('Invalid assertion: it has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    return unauthenticated(`Invalid assertion: the ${error.claim} claim is not accepted.`);
  }
  return unauthenticated('Invalid assertion: it is not a JWT signed by the registered service account.');
}
