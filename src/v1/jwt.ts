// How skyflow-node@1 reads a bearer token: decoded without checking the
// signature; a token that does not decode fails with an InvalidTokenError,
// one past its `exp` is refused. The decoding reproduces the observable
// results of the jwt-decode 2.x that 1.14.3 used, messages included.
import { logInfo } from './logging.js';

/** What 1.14.3 rejects with when a bearer token does not decode. */
export class InvalidTokenError extends Error {
  constructor(message: string) {
    super(message);
    // An own, enumerable message: spreading or serialising the error shows it, as before.
    Object.defineProperty(this, 'message', { value: message, enumerable: true, writable: true, configurable: true });
  }
}
Object.defineProperty(InvalidTokenError.prototype, 'name', { value: 'InvalidTokenError', writable: true, configurable: true });
// The old error's prototype was an Error instance, so its `constructor` read as Error.
Object.defineProperty(InvalidTokenError.prototype, 'constructor', { value: Error, writable: true, configurable: true });

const PREFIX = 'Invalid token specified';

/** The payload of a JWT, or an InvalidTokenError. */
export function decodeToken(token: unknown): Record<string, unknown> {
  if (typeof token !== 'string') throw new InvalidTokenError(PREFIX);
  const payload = token.split('.')[1];
  if (payload === undefined) throw new InvalidTokenError(`${PREFIX}: Cannot read properties of undefined (reading 'replace')`);
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  // A length of 1 modulo 4 cannot be base64; the old decoder threw a bare string here.
  if (base64.length % 4 === 1) throw new InvalidTokenError(`${PREFIX}: undefined`);
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(base64, 'base64').toString('utf8'));
  } catch (error) {
    throw new InvalidTokenError(`${PREFIX}: ${(error as Error).message}`);
  }
  // 1.14.3 went on with a `null` payload and failed with a TypeError reading
  // `exp`; the same words, in the error of a token that does not decode.
  if (claims === null) throw new InvalidTokenError(`${PREFIX}: Cannot read properties of null (reading 'exp')`);
  return claims as Record<string, unknown>;
}

/** Whether a provider's token can be used: not empty, and not past `exp` (a token without `exp` never expires). */
export function isTokenValid(token: unknown): boolean {
  if (token === '') return false;
  const { exp } = decodeToken(token);
  // Compared as 1.14.3 compares it: a falsy `exp` (0 included) means no expiry,
  // and a non-numeric one never counts as past.
  return !(exp && Date.now() / 1000 > (exp as number));
}

/**
 * Whether a bearer token has expired: `true` for an empty token and for a
 * token past its `exp`. A token that is not a JWT throws an InvalidTokenError,
 * as in 1.14.3.
 *
 * @deprecated Use `isExpired` from `skyflow-bridge/v2`, which answers `true` for a token that is not a JWT.
 */
export function isExpired(token: string): boolean {
  if (token === '') {
    logInfo('BearerToken is Empty');
    return true;
  }
  const expired = !isTokenValid(token);
  if (expired) logInfo('BearerToken is expired');
  return expired;
}
