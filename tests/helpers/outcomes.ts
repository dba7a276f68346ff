import { expect } from 'vitest';
import { isSkyflowError, type SkyflowError } from '../../src/v2/index.js';

/** What a promise rejected with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  const outcome = await promise.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  return outcome.error;
}

/** The rejection of `promise`, which must be a SkyflowError. */
export async function rejectionOf(promise: Promise<unknown>): Promise<SkyflowError> {
  const error = await rejection(promise);
  expect(isSkyflowError(error)).toBe(true);
  return error as SkyflowError;
}

/** The error `fn` throws synchronously, which must be a SkyflowError. */
export function thrownBy(fn: () => unknown): SkyflowError {
  try {
    fn();
  } catch (error) {
    expect(isSkyflowError(error)).toBe(true);
    return error as SkyflowError;
  }
  throw new Error('expected a synchronous throw');
}

/** Asserts that `fn` throws a SkyflowError with exactly this message. */
export function expectFailure(fn: () => unknown, message: string): void {
  expect(thrownBy(fn).message).toBe(message);
}
