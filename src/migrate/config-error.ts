import { SkyflowError } from '../v2/index.js';

/** A migration client config that cannot work; the message names the option and the fix. */
export function configError(message: string): SkyflowError {
  return new SkyflowError({ message: `Invalid migration config. ${message}`, httpCode: 400, httpStatus: 'Bad Request' });
}
