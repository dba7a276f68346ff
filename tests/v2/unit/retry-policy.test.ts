import { describe, expect, it, vi } from 'vitest';
import {
  backoffDelay,
  decideRetry,
  parseRetryAfter,
  type Failure,
  type RetryPolicy,
  type Retryability,
} from '../../../src/v2/transport/retry-policy.js';

// The client's defaults: limit 2, 500 ms doubling up to 8 s, Retry-After up to 30 s.
const policy: RetryPolicy = { limit: 2, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 30_000 };
const half = (): number => 0.5;
// 2025-01-01T00:00:00Z, for Retry-After dates.
const NOW = Date.UTC(2025, 0, 1);

// With random() = 0.5: attempt 0 → round(500 × 0.875) = 438, attempt 1 → round(1000 × 0.875) = 875.
const RETRY_0 = { retry: true, delayMs: 438 } as const;
const RETRY_1 = { retry: true, delayMs: 875 } as const;
const STOP = { retry: false } as const;

const decide = (failure: Failure, retryability: Retryability, attempt = 0) =>
  decideRetry(failure, attempt, retryability, policy, half, NOW);

describe('decideRetry: HTTP statuses', () => {
  it.each([
    [408, RETRY_0, STOP],
    [429, RETRY_0, RETRY_0],
    [500, RETRY_0, STOP],
    [502, RETRY_0, STOP],
    [503, RETRY_0, STOP],
    [504, RETRY_0, STOP],
    [501, STOP, STOP],
    [505, STOP, STOP],
    [400, STOP, STOP],
    [401, STOP, STOP],
    [404, STOP, STOP],
    [409, STOP, STOP],
  ])('%i → idempotent %o, unapplied-only %o', (status, idempotent, unappliedOnly) => {
    expect(decide({ kind: 'http', status }, 'idempotent')).toEqual(idempotent);
    expect(decide({ kind: 'http', status }, 'unapplied-only')).toEqual(unappliedOnly);
  });
});

describe('decideRetry: network errors, timeouts and aborts', () => {
  it.each([
    // code, idempotent, unapplied-only: only a connection that was never made may repeat a write
    ['ECONNRESET', RETRY_0, STOP],
    ['EPIPE', RETRY_0, STOP],
    ['ETIMEDOUT', RETRY_0, STOP],
    ['ECONNREFUSED', RETRY_0, RETRY_0],
    ['ENOTFOUND', RETRY_0, RETRY_0],
    ['EAI_AGAIN', RETRY_0, RETRY_0],
    ['EHOSTUNREACH', RETRY_0, RETRY_0],
    [undefined, RETRY_0, STOP],
  ])('network %s → idempotent %o, unapplied-only %o', (code, idempotent, unappliedOnly) => {
    expect(decide({ kind: 'network', code }, 'idempotent')).toEqual(idempotent);
    expect(decide({ kind: 'network', code }, 'unapplied-only')).toEqual(unappliedOnly);
  });

  it('retries a timeout only when the request is idempotent', () => {
    expect(decide({ kind: 'timeout' }, 'idempotent')).toEqual(RETRY_0);
    expect(decide({ kind: 'timeout' }, 'unapplied-only')).toEqual(STOP);
  });

  it('never retries an abort, not even on the first attempt', () => {
    const random = vi.fn(half);
    expect(decideRetry({ kind: 'abort' }, 0, 'idempotent', policy, random, NOW)).toEqual(STOP);
    expect(decideRetry({ kind: 'abort' }, 0, 'unapplied-only', policy, random, NOW)).toEqual(STOP);
    expect(random).not.toHaveBeenCalled();
  });
});

describe('decideRetry: attempts', () => {
  it.each<[number, number, object]>([
    [2, 0, RETRY_0],
    [2, 1, RETRY_1],
    [2, 2, STOP],
    [2, 3, STOP],
    [0, 0, STOP],
    [1, 1, STOP],
  ])('limit %i, attempt %i → %o', (limit, attempt, expected) => {
    const failure: Failure = { kind: 'http', status: 503 };
    expect(decideRetry(failure, attempt, 'idempotent', { ...policy, limit }, half, NOW)).toEqual(expected);
  });

  it('stops at the limit even for a failure that is always safe to repeat', () => {
    expect(decide({ kind: 'network', code: 'ECONNREFUSED' }, 'unapplied-only', 2)).toEqual(STOP);
    expect(decide({ kind: 'http', status: 429, retryAfter: '1' }, 'idempotent', 2)).toEqual(STOP);
  });
});

describe('decideRetry: Retry-After', () => {
  it.each<[string, number, Retryability, string, object]>([
    ['seconds on 429', 429, 'unapplied-only', '3', { retry: true, delayMs: 3_000 }],
    ['seconds on 503', 503, 'idempotent', '7', { retry: true, delayMs: 7_000 }],
    ['zero seconds', 503, 'idempotent', '0', { retry: true, delayMs: 0 }],
    ['an HTTP date 10 s ahead', 429, 'idempotent', 'Wed, 01 Jan 2025 00:00:10 GMT', { retry: true, delayMs: 10_000 }],
    ['an HTTP date in the past', 503, 'idempotent', 'Tue, 31 Dec 2024 23:59:00 GMT', { retry: true, delayMs: 0 }],
    ['exactly maxRetryAfterMs', 429, 'idempotent', '30', { retry: true, delayMs: 30_000 }],
    ['above maxRetryAfterMs (seconds)', 429, 'idempotent', '31', STOP],
    ['above maxRetryAfterMs (date)', 503, 'idempotent', 'Wed, 01 Jan 2025 00:01:00 GMT', STOP],
    ['unreadable: backoff instead', 503, 'idempotent', 'soon', RETRY_0],
    ['empty: backoff instead', 429, 'idempotent', '', RETRY_0],
    ['an ISO date: backoff instead', 503, 'idempotent', '2025-01-01T00:00:10Z', RETRY_0],
    ['ten digits: backoff instead', 429, 'idempotent', '0000000003', RETRY_0],
    ['a fraction of seconds: backoff instead', 429, 'idempotent', '1.5', RETRY_0],
  ])('%s', (_, status, retryability, retryAfter, expected) => {
    expect(decide({ kind: 'http', status, retryAfter }, retryability)).toEqual(expected);
  });

  it('does not make a status retryable', () => {
    expect(decide({ kind: 'http', status: 400, retryAfter: '1' }, 'idempotent')).toEqual(STOP);
    expect(decide({ kind: 'http', status: 503, retryAfter: '1' }, 'unapplied-only')).toEqual(STOP);
    expect(decide({ kind: 'http', status: 501, retryAfter: '1' }, 'idempotent')).toEqual(STOP);
  });

  it('follows the policy cap', () => {
    const strict = { ...policy, maxRetryAfterMs: 2_000 };
    expect(decideRetry({ kind: 'http', status: 429, retryAfter: '2' }, 0, 'idempotent', strict, half, NOW)).toEqual({
      retry: true,
      delayMs: 2_000,
    });
    expect(decideRetry({ kind: 'http', status: 429, retryAfter: '3' }, 0, 'idempotent', strict, half, NOW)).toEqual(STOP);
  });

  it('reads an HTTP date against Date.now() when no clock is given', () => {
    vi.useFakeTimers({ now: NOW });
    try {
      const failure: Failure = { kind: 'http', status: 503, retryAfter: 'Wed, 01 Jan 2025 00:00:04 GMT' };
      expect(decideRetry(failure, 0, 'idempotent', policy, half)).toEqual({ retry: true, delayMs: 4_000 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('backoffDelay', () => {
  // min(maxDelayMs, baseDelayMs × 2^attempt) × (1 − 0.25 × random), rounded.
  it.each([
    [0, 0, 500],
    [0, 0.5, 438],
    [0, 0.999, 375],
    [1, 0, 1_000],
    [1, 0.5, 875],
    [1, 0.999, 750],
    [2, 0, 2_000],
    [2, 0.5, 1_750],
    [2, 0.999, 1_501],
    [3, 0, 4_000],
    [3, 0.5, 3_500],
    [3, 0.999, 3_001],
    [4, 0, 8_000],
    [4, 0.5, 7_000],
    [4, 0.999, 6_002],
  ])('attempt %i, random %f → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, policy, () => random)).toBe(expected);
  });

  it.each([5, 6, 10, 30])('is capped at maxDelayMs from attempt 5 on (attempt %i)', (attempt) => {
    expect(backoffDelay(attempt, policy, () => 0)).toBe(8_000);
    expect(backoffDelay(attempt, policy, () => 0.5)).toBe(7_000);
    expect(backoffDelay(attempt, policy, () => 0.999)).toBe(6_002);
  });

  it('caps before the jitter with another policy', () => {
    const small: RetryPolicy = { limit: 5, baseDelayMs: 100, maxDelayMs: 250, maxRetryAfterMs: 1_000 };
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, small, () => 0))).toEqual([100, 200, 250, 250]);
    expect(backoffDelay(2, small, () => 0.5)).toBe(219); // 250 × 0.875 = 218.75
  });

  it('asks for exactly one random number', () => {
    const random = vi.fn(() => 0.25);
    expect(backoffDelay(1, policy, random)).toBe(938); // 1000 × 0.9375 = 937.5
    expect(random).toHaveBeenCalledTimes(1);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | undefined, number | undefined]>([
    [undefined, undefined],
    ['', undefined],
    ['   ', undefined],
    ['abc', undefined],
    ['soon', undefined],
    ['1e3', undefined],
    ['0x10', undefined],
    ['0', 0],
    ['5', 5_000],
    [' 12 ', 12_000],
    ['120', 120_000],
    ['Wed, 01 Jan 2025 00:00:30 GMT', 30_000],
    ['Wed, 01 Jan 2025 00:00:00 GMT', 0],
    ['Tue, 31 Dec 2024 00:00:00 GMT', 0],
    ['Sun, 06 Nov 1994 08:49:37 GMT', 0],
    // delay-seconds: 1 to 9 digits
    ['000000007', 7_000],
    ['999999999', 999_999_999_000],
    ['1234567890', undefined],
    ['0000000000', undefined],
    ['-1', undefined],
    ['+5', undefined],
    ['1.5', undefined],
    ['5s', undefined],
    ['5 5', undefined],
    // HTTP dates other than IMF-fixdate, or anything Date.parse would read
    ['Wednesday, 01-Jan-25 00:00:30 GMT', undefined],
    ['Wed Jan  1 00:00:30 2025', undefined],
    ['Wed, 01 Jan 2025 00:00:30 UTC', undefined],
    ['Wed, 01 Jan 2025 00:00:30 +0000', undefined],
    ['Wed, 1 Jan 2025 00:00:30 GMT', undefined],
    ['wed, 01 jan 2025 00:00:30 gmt', undefined],
    ['2025-01-01T00:00:30Z', undefined],
    ['2025-01-01', undefined],
    ['January 1, 2025', undefined],
    ['1 Jan 2025', undefined],
    ['Wed, 01 Jan 2025 00:00:30 GMT x', undefined],
    [' Wed, 01 Jan 2025 00:00:30 GMT ', 30_000],
  ])('%j → %s', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});
