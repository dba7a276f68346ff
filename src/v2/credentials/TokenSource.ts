import type { Logger } from '../logging/Logger.js';
import { validationError } from '../errors/messages.js';
import { isExpired, readClaims } from './jwt.js';
import type { ResolvedCredentials } from './resolve-credentials.js';

type ServiceAccountCredentials = Extract<ResolvedCredentials, { kind: 'serviceAccount' }>;
type BearerTokenSource = Extract<ResolvedCredentials, { kind: 'bearerTokenSource' }>['source'];
type Pending = { credentials: ResolvedCredentials; promise: Promise<string> };

// Refresh before `exp`: 10 % of the token's lifetime, at most 30 s.
const MAX_REFRESH_MARGIN_MS = 30_000;
const REFRESH_FRACTION = 0.1;

// What can follow `Bearer ` in a header: visible ASCII, no spaces (RFC 6750's
// b64token is narrower still). Anything else would fail in Node's header
// check as a network error, or be sent as a token no vault accepts.
const HEADER_TOKEN = /^[\x21-\x7E]+$/;

/**
 * The bearer token of one vault. API keys and static tokens are used as given;
 * a bearer token source is asked at every call; service-account credentials
 * are exchanged for an access token that is kept until shortly before it
 * expires. Callers that find no valid token while an exchange is running wait
 * for that one: N concurrent calls, one exchange.
 */
export class TokenSource {
  readonly #exchange: (credentials: ServiceAccountCredentials) => Promise<string>;
  readonly #logger: Logger;
  #cached: { credentials: ResolvedCredentials; token: string; refreshAt: number } | undefined;
  #pending: Pending | undefined;

  constructor(exchange: (credentials: ServiceAccountCredentials) => Promise<string>, logger: Logger) {
    this.#exchange = exchange;
    this.#logger = logger;
  }

  /** The value for `Authorization: Bearer`, and whether a fresh one could be had (for a 401). */
  async bearer(credentials: ResolvedCredentials): Promise<{ token: string; refreshable: boolean }> {
    switch (credentials.kind) {
      case 'apiKey':
        return { token: credentials.apiKey, refreshable: false };
      case 'token':
        if (isExpired(credentials.token)) throw validationError('TOKEN_EXPIRED');
        return { token: credentials.token, refreshable: false };
      case 'bearerTokenSource':
        // Not refreshable: the source may answer with the same token again,
        // and calling it twice for one operation is not its contract.
        this.#logger.debug('Asking the bearer token source for a token.');
        return { token: await tokenFromSource(credentials.source), refreshable: false };
      case 'serviceAccount':
        return { token: await this.#serviceAccountToken(credentials), refreshable: true };
    }
  }

  /** Forgets `token` (the vault refused it), so the next call exchanges again. */
  invalidate(token: string): void {
    if (this.#cached?.token === token) this.#cached = undefined;
  }

  async #serviceAccountToken(credentials: ServiceAccountCredentials): Promise<string> {
    const cached = this.#cached;
    if (cached && cached.credentials === credentials && Date.now() < cached.refreshAt) {
      this.#logger.debug('Reusing bearer token.');
      return cached.token;
    }
    if (this.#pending?.credentials === credentials) return this.#pending.promise;

    this.#logger.info('Generating a bearer token from service-account credentials.');
    const promise = this.#exchange(credentials).then((token) => {
      this.#cached = { credentials, token, refreshAt: refreshTime(token) };
      return token;
    });
    const pending: Pending = { credentials, promise };
    this.#pending = pending;
    // Whatever the outcome, the next caller starts afresh.
    void promise.then(
      () => this.#clear(pending),
      () => this.#clear(pending),
    );
    return promise;
  }

  #clear(pending: Pending): void {
    if (this.#pending === pending) this.#pending = undefined;
  }
}

/**
 * Asks a bearer token source for this call's token; nothing is kept. What the
 * source throws or rejects with leaves unchanged, not wrapped in a
 * SkyflowError: it is the app's own failure (a session that ended, an
 * identity service that is down), and code moved from skyflow-node@1's
 * getBearerToken relies on seeing it as is. What it returns is checked.
 */
async function tokenFromSource(source: BearerTokenSource): Promise<string> {
  const given: unknown = source();
  // A promise (or any thenable) is awaited; anything else is the token. A
  // value whose `then` cannot be read is no token, not a failure of the source.
  let then: unknown;
  try {
    then = typeof given === 'object' && given !== null ? (given as { then?: unknown }).then : undefined;
  } catch {
    throw validationError('INVALID_BEARER_TOKEN_FROM_SOURCE', `a value of type ${typeOf(given)}`);
  }
  const token: unknown = typeof then === 'function' ? await given : given;
  if (typeof token !== 'string') throw validationError('INVALID_BEARER_TOKEN_FROM_SOURCE', `a value of type ${typeOf(token)}`);
  if (token.length === 0) throw validationError('INVALID_BEARER_TOKEN_FROM_SOURCE', 'an empty string');
  if (!HEADER_TOKEN.test(token)) throw validationError('INVALID_BEARER_TOKEN_FROM_SOURCE', 'a string with spaces, control or non-ASCII characters');
  // A JWT is checked like a static token; any other string (an API key, an
  // opaque token) is the vault's to judge.
  if (readClaims(token) !== undefined && isExpired(token)) throw validationError('TOKEN_EXPIRED');
  return token;
}

// Not typeName: Array.isArray throws for a revoked proxy, and what a source
// returns may be anything.
function typeOf(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/** When to stop reusing a token; a token that is not a JWT is not reused. */
export function refreshTime(token: string, now: number = Date.now()): number {
  const claims = readClaims(token);
  if (!claims) return now;
  if (claims.exp === undefined) return Number.POSITIVE_INFINITY;
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) return now;
  const expiresAt = claims.exp * 1000;
  const issuedAt = typeof claims.iat === 'number' && Number.isFinite(claims.iat) ? claims.iat * 1000 : now;
  const margin = Math.min(MAX_REFRESH_MARGIN_MS, Math.max(0, expiresAt - issuedAt) * REFRESH_FRACTION);
  return expiresAt - margin;
}
