import { decodeJwt, type JWTPayload } from 'jose';

/** The claims of a JWT, read without checking its signature; undefined when it is not a JWT. */
export function readClaims(token: string): JWTPayload | undefined {
  try {
    return decodeJwt(token);
  } catch {
    return undefined;
  }
}

/**
 * Whether a bearer token can no longer be used: empty, not a JWT, or past its
 * `exp`. A JWT without `exp` does not expire.
 *
 * @example
 * if (isExpired(token)) token = (await generateBearerToken('credentials.json')).accessToken;
 */
export function isExpired(token: string, now: number = Date.now()): boolean {
  if (typeof token !== 'string' || token.length === 0) return true;
  const claims = readClaims(token);
  if (!claims) return true;
  if (claims.exp === undefined) return false;
  // An `exp` that is not a number cannot be checked: the token is not usable.
  return typeof claims.exp !== 'number' || !Number.isFinite(claims.exp) || claims.exp * 1000 <= now;
}
