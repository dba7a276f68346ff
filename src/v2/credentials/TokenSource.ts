import type { Logger } from '../logging/Logger.js';
import { validationError } from '../errors/messages.js';
import { isExpired, readClaims } from './jwt.js';
import type { ResolvedCredentials } from './resolve-credentials.js';

type ServiceAccountCredentials = Extract<ResolvedCredentials, { kind: 'serviceAccount' }>;
type Pending = { credentials: ResolvedCredentials; promise: Promise<string> };

// Refresh before `exp`: 10 % of the token's lifetime, at most 30 s.
const MAX_REFRESH_MARGIN_MS = 30_000;
const REFRESH_FRACTION = 0.1;

/**
 * The bearer token of one vault. API keys and static tokens are used as given;
 * service-account credentials are exchanged for an access token that is kept
 * until shortly before it expires. Callers that find no valid token while an
 * exchange is running wait for that one: N concurrent calls, one exchange.
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
