// What the reliability suites share: the SOAK switch, a pool of concurrent
// workers, how a failure is classified, and the results file of a soak run.
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSkyflowError } from '../../src/v2/index.js';

/** `SOAK=1`: the long versions (minutes), with figures written to `.soak-results.json`. */
export const SOAK = process.env['SOAK'] === '1';

/** Where a soak run leaves its figures (git-ignored; the docs quote it). */
export const SOAK_RESULTS = join(dirname(fileURLToPath(import.meta.url)), '.soak-results.json');

/** A run id that keeps this run's markers apart from any other's. */
export function runId(): string {
  return randomUUID().slice(0, 8);
}

/** Runs `concurrency` workers side by side until each returns; a worker that throws fails the pool. */
export async function runWorkers(concurrency: number, worker: (index: number) => Promise<void>): Promise<void> {
  await Promise.all(Array.from({ length: concurrency }, (_, index) => worker(index)));
}

/**
 * The HTTP status a failed call reports: a v2 SkyflowError's `httpCode` (0 when
 * no answer came), or the `code` of a v1 error in any of its forms (singular
 * `error`, plural `errors`, per-record `{errors: [{error}]}`).
 */
export function failureCode(error: unknown): number | undefined {
  if (isSkyflowError(error)) return error.httpCode;
  const value = error as {
    error?: { code?: unknown };
    errors?: Array<{ code?: unknown; error?: { code?: unknown } }>;
  } | null;
  const code = value?.error?.code ?? value?.errors?.[0]?.code ?? value?.errors?.[0]?.error?.code;
  return typeof code === 'number' ? code : undefined;
}

/**
 * Codes a call may fail with when the vault (or the road to it) misbehaves:
 * no answer (0 in v2; v1 reports it as 500), 429 and 5xx. Anything else (400,
 * 401, 404, 409) would be a bug of the client or the test, not a fault.
 */
export function isFaultCode(code: number | undefined): boolean {
  return code === 0 || code === 429 || (code !== undefined && code >= 500 && code <= 599);
}

/** Retries for the load: the SDK's policy, with short backoffs so that a run stays short. */
export const SHORT_RETRY = { limit: 3, baseDelayMs: 20, maxDelayMs: 200, maxRetryAfterMs: 2_000 } as const;

/**
 * Merges `figures` into `.soak-results.json` under `section`. The suites run in
 * parallel processes, so the read-modify-write holds a lock file (made with
 * O_EXCL) and the new content replaces the old one by a rename.
 */
export async function recordSoakResult(section: string, figures: Record<string, unknown>): Promise<void> {
  const lock = `${SOAK_RESULTS}.lock`;
  const deadline = Date.now() + 10_000;
  let handle: number | undefined;
  while (handle === undefined) {
    try {
      handle = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  try {
    let results: Record<string, unknown> = {};
    try {
      results = JSON.parse(readFileSync(SOAK_RESULTS, 'utf8')) as Record<string, unknown>;
    } catch {
      // no results yet, or unreadable ones: start afresh
    }
    results[section] = { ...figures, recordedAt: new Date().toISOString(), node: process.version };
    const temporary = `${SOAK_RESULTS}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
    renameSync(temporary, SOAK_RESULTS);
  } finally {
    closeSync(handle);
    rmSync(lock, { force: true });
  }
}

/** Milliseconds since `start`, rounded. */
export function elapsedMs(start: number): number {
  return Math.round(performance.now() - start);
}
