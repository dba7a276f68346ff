// When to retry a failed request and how long to wait first. Pure functions:
// the transport feeds them what happened, tests feed them tables.

/** How safe a request is to send again. */
export type Retryability =
  /** Reads and idempotent writes: repeating them changes nothing. */
  | 'idempotent'
  /** Writes that may not be repeated once the vault may have applied them. */
  | 'unapplied-only';

/** What went wrong with one attempt. */
export type Failure =
  | { kind: 'http'; status: number; retryAfter?: string | undefined }
  | { kind: 'network'; code: string | undefined }
  | { kind: 'timeout' }
  | { kind: 'abort' };

export interface RetryPolicy {
  limit: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
}

export type RetryDecision = { retry: false } | { retry: true; delayMs: number };

// The request never left this machine, or was turned away before the vault
// read it: a retry cannot apply anything twice.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
// 501 and 505 will not change on a retry.
const PERMANENT_5XX = new Set([501, 505]);
const JITTER = 0.25;

/**
 * Whether attempt number `attempt` (0 = the first) is followed by another.
 * Idempotent requests retry on 408, 429, 5xx, network errors and timeouts;
 * other writes only on 429 (refused before processing) and on connections
 * that were never made.
 */
export function decideRetry(
  failure: Failure,
  attempt: number,
  retryability: Retryability,
  policy: RetryPolicy,
  random: () => number,
  now: number = Date.now(),
): RetryDecision {
  if (attempt >= policy.limit || failure.kind === 'abort') return { retry: false };
  const idempotent = retryability === 'idempotent';
  const backoff = { retry: true as const, delayMs: backoffDelay(attempt, policy, random) };

  switch (failure.kind) {
    case 'timeout':
      return idempotent ? backoff : { retry: false };
    case 'network':
      return idempotent || (failure.code !== undefined && NOT_SENT.has(failure.code)) ? backoff : { retry: false };
    case 'http': {
      const { status } = failure;
      const retryable =
        status === 429 || (idempotent && (status === 408 || (status >= 500 && !PERMANENT_5XX.has(status))));
      if (!retryable) return { retry: false };
      const retryAfterMs = parseRetryAfter(failure.retryAfter, now);
      if (retryAfterMs === undefined) return backoff;
      return retryAfterMs <= policy.maxRetryAfterMs ? { retry: true, delayMs: retryAfterMs } : { retry: false };
    }
  }
}

/** Exponential backoff from `baseDelayMs`, capped at `maxDelayMs`, minus up to 25 % jitter. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(exponential * (1 - JITTER * random()));
}

// IMF-fixdate, e.g. `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 9110 §5.6.7).
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * A `Retry-After` value (delay-seconds or an HTTP date, RFC 9110 §10.2.3) in
 * milliseconds; undefined for anything else, which is then ignored.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  if (!HTTP_DATE.test(text)) return undefined;
  const date = Date.parse(text);
  // A date that does not read back the same (31 Feb, 24:00, a wrong weekday) is not a date.
  if (Number.isNaN(date) || new Date(date).toUTCString() !== text) return undefined;
  return Math.max(0, date - now);
}
