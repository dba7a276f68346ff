// Sending a request with the right bearer token: the caller's own for this
// call, or the one of the configured credentials — replaced once if the
// server refuses a generated one (it may have expired on the way).
import type { ResolvedCredentials } from '../credentials/resolve-credentials.js';
import type { TokenSource } from '../credentials/TokenSource.js';
import { validationError } from '../errors/messages.js';
import { readInput } from '../errors/read-input.js';
import { isSkyflowError } from '../errors/SkyflowError.js';
import type { Logger } from '../logging/Logger.js';
import type { Transport, TransportRequest, TransportResponse } from './Transport.js';

/** Per-call options, as the operations take them. */
export interface CallOptions {
  /** Aborts the call (a SkyflowAbortError). */
  signal?: AbortSignal;
  /** Time allowed for each HTTP attempt of this call, instead of the client's. */
  timeoutMs?: number;
  /**
   * A bearer token (or API key) for this call only, instead of the configured
   * credentials — e.g. a token scoped to the current user. It is used as is:
   * never cached, never refreshed.
   */
  bearerToken?: string;
}

/** Where a request goes and who it is from, read at each call. */
export interface Target {
  /** Names the target in logs, e.g. `vault v1`. */
  readonly label: string;
  readonly transport: Transport;
  readonly logger: Logger;
  /** Credentials and token source; not called when the call brings its own bearer token. */
  auth(): { credentials: ResolvedCredentials; tokens: TokenSource };
}

export async function sendAuthorized<T>(
  target: Target,
  request: Omit<TransportRequest, 'bearer' | 'signal' | 'timeoutMs'>,
  options: CallOptions | undefined,
): Promise<TransportResponse<T>> {
  const { bearerToken, ...call } = readInput('call options', () => checkCallOptions(options));
  const { logger, transport } = target;
  logger.info(`${request.operation} request to ${target.label}.`);
  try {
    if (bearerToken !== undefined) return await transport.send<T>({ ...request, ...call, bearer: bearerToken });
    const { credentials, tokens } = target.auth();
    for (let renewed = false; ; renewed = true) {
      const bearer = await tokens.bearer(credentials);
      try {
        return await transport.send<T>({ ...request, ...call, bearer: bearer.token });
      } catch (error) {
        if (!(isSkyflowError(error) && error.httpCode === 401 && bearer.refreshable && !renewed)) throw error;
        logger.info(`${request.operation}: the server refused the bearer token; generating a new one.`);
        tokens.invalidate(bearer.token);
      }
    }
  } catch (error) {
    if (isSkyflowError(error)) {
      logger.error(`${request.operation} failed with ${error.httpCode} ${error.httpStatus} (requestId ${error.requestId}).`);
    }
    throw error;
  }
}

function checkCallOptions(options: CallOptions | undefined): CallOptions {
  if (options === undefined) return {};
  const valid =
    typeof options === 'object' &&
    options !== null &&
    (options.signal === undefined || options.signal instanceof AbortSignal) &&
    (options.timeoutMs === undefined ||
      (typeof options.timeoutMs === 'number' && Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) &&
    (options.bearerToken === undefined || (typeof options.bearerToken === 'string' && options.bearerToken.length > 0));
  if (!valid) throw validationError('INVALID_CALL_OPTIONS');
  const result: CallOptions = {};
  if (options.signal) result.signal = options.signal;
  if (options.timeoutMs !== undefined) result.timeoutMs = options.timeoutMs;
  if (options.bearerToken !== undefined) result.bearerToken = options.bearerToken;
  return result;
}
