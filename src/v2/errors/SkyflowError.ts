// The one error class of the v2 API, and its subclasses for failures that
// never reached an HTTP answer. Fields are plain readonly properties, so
// `console.log(err)`, `util.inspect(err)` and `JSON.stringify(err)` show what
// they hold — and they never hold a credential, a token or a field value.

const BRAND = Symbol.for('skyflow-bridge.SkyflowError');

/** What a SkyflowError is made of. */
export interface SkyflowErrorInit {
  message: string;
  /** HTTP status of the answer; 400 for validation errors; 0 when no answer came. */
  httpCode: number;
  httpStatus?: string | undefined;
  grpcCode?: number | null | undefined;
  requestId?: string | null | undefined;
  details?: readonly unknown[] | undefined;
}

/**
 * An error from the v2 API: a validation error (raised before any request),
 * or the vault's answer to a request.
 *
 * @example
 * try {
 *   await client.vault().insert(request);
 * } catch (error) {
 *   if (isSkyflowError(error)) console.error(error.httpCode, error.message, error.requestId);
 * }
 */
export class SkyflowError extends Error {
  override readonly name: string = 'SkyflowError';
  /** HTTP status; 400 for validation errors; 0 when no answer came (network, timeout, abort). */
  readonly httpCode: number;
  /** Reason phrase, e.g. `Bad Request`. */
  readonly httpStatus: string;
  /** gRPC status code from the vault's error body; null for client-side errors. */
  readonly grpcCode: number | null;
  /** The `x-request-id` of the answer; null when there was none. */
  readonly requestId: string | null;
  /** Extra details from the vault's error body. */
  readonly details: readonly unknown[];

  constructor(init: SkyflowErrorInit) {
    super(init.message);
    this.httpCode = init.httpCode;
    this.httpStatus = init.httpStatus ?? 'Bad Request';
    this.grpcCode = init.grpcCode ?? null;
    this.requestId = init.requestId ?? null;
    this.details = init.details ?? [];
  }

  /** Marks instances for `isSkyflowError` across copies of this package (ESM and CJS). */
  get [BRAND](): true {
    return true;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      httpCode: this.httpCode,
      httpStatus: this.httpStatus,
      grpcCode: this.grpcCode,
      requestId: this.requestId,
      details: this.details,
    };
  }
}

/** The request never got an answer: the connection failed or broke. */
export class SkyflowConnectionError extends SkyflowError {
  override readonly name: string = 'SkyflowConnectionError';
}

/** No answer came within the timeout. */
export class SkyflowTimeoutError extends SkyflowConnectionError {
  override readonly name: string = 'SkyflowTimeoutError';
}

/** The caller aborted the request through its AbortSignal. */
export class SkyflowAbortError extends SkyflowError {
  override readonly name: string = 'SkyflowAbortError';
}

/**
 * Whether `value` is a SkyflowError, also one created by another copy of this
 * package. Never throws: what it is asked about may be anything a caller's
 * code rejected with (a bearer token source's failure is passed on as is),
 * even a proxy whose traps throw.
 */
export function isSkyflowError(value: unknown): value is SkyflowError {
  try {
    return (
      value instanceof SkyflowError ||
      (typeof value === 'object' && value !== null && (value as Record<PropertyKey, unknown>)[BRAND] === true)
    );
  } catch {
    return false;
  }
}

/** One record of a call that continued on error. */
export interface RecordError {
  /** What the vault said about this record. */
  error: string;
  requestId: string | null;
  /** Status of this record's operation, when the vault reports one. */
  httpCode?: number;
  /** Position of the record in the request (insert). */
  requestIndex?: number;
  /** The token that failed (detokenize). */
  token?: string;
}
