// Caller input is read where it is checked, and reading can throw: a getter
// or a Proxy of the caller's, a revoked proxy, an object that refuses to
// become a string. The v2 API promises a SkyflowError for any bad input, so
// whatever else escapes a check becomes one — with the original as `cause`,
// which stays out of the message (it is the caller's, and may say anything).
import { validationError } from './messages.js';
import { isSkyflowError, type SkyflowError } from './SkyflowError.js';

/** The SkyflowError for `error`, thrown while reading `subject` (e.g. `insert request`). */
export function inputError(error: unknown, subject: string): SkyflowError {
  if (isSkyflowError(error)) return error;
  const wrapped = validationError('UNREADABLE_INPUT', subject);
  Object.defineProperty(wrapped, 'cause', { value: error, enumerable: false, configurable: true, writable: true });
  return wrapped;
}

/** Runs `read` over caller input; anything it throws leaves as a SkyflowError. */
export function readInput<T>(subject: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw inputError(error, subject);
  }
}
