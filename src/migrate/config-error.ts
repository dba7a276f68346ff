import { SkyflowError } from '../v2/index.js';

/** A migration client config that cannot work; the message names the option and the fix. */
export function configError(message: string): SkyflowError {
  return new SkyflowError({ message: `Invalid migration config. ${message}`, httpCode: 400, httpStatus: 'Bad Request' });
}

/**
 * A v1-shape wrapper (toV1InsertResult, …) given something its signature does
 * not take; the message names the wrapper and what it takes. Never a TypeError.
 */
export function wrapperError(wrapper: string, message: string): SkyflowError {
  return new SkyflowError({ message: `Invalid argument of ${wrapper}. ${message}`, httpCode: 400, httpStatus: 'Bad Request' });
}
