import { P, match } from 'ts-pattern';
import { isSkyflowError, type SkyflowError } from '../v2/index.js';
import type { ErrorBody } from '../v1/types.js';

// 1.14.3 had no body for a failure without an answer (it threw a TypeError);
// 500 is what its own service-account helpers used for network errors.
const NO_ANSWER_CODE = 500;

/**
 * A v2 error as the v1 `{code, description}`: the HTTP status as code, the
 * message with ` - requestId: <id>` when the vault gave one.
 */
export function toV1ErrorBody(error: unknown): ErrorBody {
  return match(error)
    .when(isSkyflowError, (skyflowError: SkyflowError) =>
      match(skyflowError)
        .with({ httpCode: 0 }, ({ message }) => ({ code: NO_ANSWER_CODE, description: message }))
        .with({ requestId: P.string }, ({ httpCode, message, requestId }) => ({
          code: httpCode,
          description: `${message} - requestId: ${requestId}`,
        }))
        .otherwise(({ httpCode, message }) => ({ code: httpCode, description: message })),
    )
    .otherwise(() => ({ code: NO_ANSWER_CODE, description: 'Unknown Error.' }));
}

/** A per-record error message from the vault, with its request id. */
export function withRequestId(message: string, requestId: string | null): string {
  return requestId === null ? message : `${message} - requestId: ${requestId}`;
}
