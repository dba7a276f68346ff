// How a translated legacy call ends. The v1 layer turns failures into what
// 1.14.3 rejects with (it owns the v1 error class).
import type { ErrorBody, PartialResult } from '../v1/types.js';

export type Failure =
  /** Reject with a v1 SkyflowError in the singular form. */
  | { kind: 'error'; body: ErrorBody }
  /** Reject with a v1 SkyflowError in the plural form. */
  | { kind: 'errors'; body: ErrorBody }
  /** Reject with this plain object (`{errors}` or `{records, errors}`). */
  | { kind: 'partial'; value: PartialResult<unknown, unknown> }
  /** Reject with `{ error: { errors: [singular SkyflowError] } }` (invokeConnection). */
  | { kind: 'connection'; body: ErrorBody };

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * How one v2 call ended: its response, or what it threw or rejected with. The
 * facade and the migration wrappers (skyflow-bridge/migrate) turn answers into
 * outcomes with the same functions, so a migrated call settles as the facade does.
 */
export type Answer<T> = { ok: true; response: T } | { ok: false; error: unknown };

/** The answer of `send`, also when it throws before returning a promise (a request the v2 core refuses). */
export async function answerOf<T>(send: () => PromiseLike<T>): Promise<Answer<T>> {
  try {
    return { ok: true, response: await send() };
  } catch (error) {
    return { ok: false, error };
  }
}

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = (value: Failure): Outcome<never> => ({ ok: false, failure: value });

/**
 * 1.14.3's rule for calls made of one request per record: resolve `{records}`
 * when nothing failed; otherwise reject `{errors}`, or `{records, errors}`
 * when some succeeded.
 */
export function combine<R, E>(records: R[], errors: E[]): Outcome<{ records: R[] }> {
  if (errors.length === 0) return success({ records });
  return failure({ kind: 'partial', value: records.length === 0 ? { errors } : { records, errors } });
}
