import type { JWTPayload } from 'jose';

// A JWT's payload is base64url: letters, digits, '-' and '_', no padding.
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * The claims of a JWT, read without checking its signature; undefined when it
 * is not a JWT (three parts, a base64url JSON object in the middle). Read
 * here rather than with jose: checking a token's expiry must not load a JWT
 * library into every process that imports the SDK.
 */
export function readClaims(token: string): JWTPayload | undefined {
  if (typeof token !== 'string') return undefined;
  const parts = token.split('.');
  const payload = parts[1];
  if (parts.length !== 3 || payload === undefined || !BASE64URL.test(payload)) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const isObject = typeof claims === 'object' && claims !== null && !Array.isArray(claims);
    return isObject ? (claims as JWTPayload) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a bearer token can no longer be used: empty, not a JWT, or past its
 * `exp`. A JWT without `exp` does not expire.
 *
 * @param now - The time to compare with, in milliseconds since the epoch; the current time when not given.
 *
 * @example
 * ```ts
 * import { generateBearerToken, isExpired } from 'skyflow-bridge';
 *
 * let token = process.env.SKYFLOW_BEARER_TOKEN ?? '';
 * if (isExpired(token)) token = (await generateBearerToken('credentials.json')).accessToken;
 * ```
 */
export function isExpired(token: string, now: number = Date.now()): boolean {
  if (typeof token !== 'string' || token.length === 0) return true;
  const claims = readClaims(token);
  if (!claims) return true;
  if (claims.exp === undefined) return false;
  // An `exp` that is not a number cannot be checked: the token is not usable.
  // A `now` that is not a time is ignored, as if none were given.
  const at = typeof now === 'number' && !Number.isNaN(now) ? now : Date.now();
  return typeof claims.exp !== 'number' || !Number.isFinite(claims.exp) || claims.exp * 1000 <= at;
}
