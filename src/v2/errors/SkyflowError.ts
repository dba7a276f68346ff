// The one error class of the v2 API, and its subclasses for failures that
// never reached an HTTP answer. Fields are plain readonly properties, so
// `console.log(err)`, `util.inspect(err)` and `JSON.stringify(err)` show what
// they hold — and they never hold a credential, a token or a field value.

const BRAND = Symbol.for('skyflow-bridge.SkyflowError');

/** What a SkyflowError is made of. */
export interface SkyflowErrorInit {
  /** What went wrong, for people to read. */
  message: string;
  /** HTTP status of the answer; 400 for validation errors; 0 when no answer came. */
  httpCode: number;
  /** Reason phrase of the status. @default 'Bad Request' */
  httpStatus?: string | undefined;
  /** gRPC status code from the vault's error body. @default null */
  grpcCode?: number | null | undefined;
  /** The `x-request-id` of the answer. @default null */
  requestId?: string | null | undefined;
  /** Extra details from the vault's error body. @default [] */
  details?: readonly unknown[] | undefined;
}

/**
 * An error from the v2 API: a validation error (httpCode 400, raised before
 * any request is sent), or the vault's answer to a request. Every operation
 * rejects with one; subclasses tell a broken connection, a timeout and an
 * abort apart. Test for it with {@link isSkyflowError}, which also knows the
 * errors of another copy of this package.
 *
 * @example
 * ```ts
 * import { isSkyflowError, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * try {
 *   await client.vault().insert({ table: 'persons', values: [{ name: 'Ada Lovelace', ssn: '000-00-0000' }] });
 * } catch (error) {
 *   if (!isSkyflowError(error)) throw error;
 *   // requestId is what Skyflow support asks for; httpCode 0 means no answer came.
 *   console.error(`${error.httpCode} ${error.httpStatus}: ${error.message} (requestId ${error.requestId})`);
 * }
 * ```
 */
export class SkyflowError extends Error {
  /** The class's name, e.g. `SkyflowError` or `SkyflowTimeoutError`; kept in JSON and logs. */
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

  /** The error's fields as a plain object, so that `JSON.stringify(error)` also shows `message`, which Error keeps non-enumerable. */
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
  /** Always `SkyflowConnectionError` (or a subclass's name). */
  override readonly name: string = 'SkyflowConnectionError';
}

/** No answer came within the timeout. */
export class SkyflowTimeoutError extends SkyflowConnectionError {
  /** Always `SkyflowTimeoutError`. */
  override readonly name: string = 'SkyflowTimeoutError';
}

/** The caller aborted the request through its AbortSignal. */
export class SkyflowAbortError extends SkyflowError {
  /** Always `SkyflowAbortError`. */
  override readonly name: string = 'SkyflowAbortError';
}

/**
 * Whether `value` is a SkyflowError, also one created by another copy of this
 * package (e.g. its CommonJS build next to its ES module build), where
 * `instanceof` would say no. Never throws, whatever `value` is.
 *
 * @example
 * ```ts
 * import { isSkyflowError, SkyflowTimeoutError, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * try {
 *   await client.vault().get({ table: 'cards', ids: [process.env.SKYFLOW_ID ?? ''] }, { timeoutMs: 5_000 });
 * } catch (error) {
 *   if (error instanceof SkyflowTimeoutError) console.error('The vault did not answer in time.');
 *   else if (isSkyflowError(error)) console.error(error.httpCode, error.requestId, error.details);
 *   else throw error; // e.g. what a bearerTokenSource rejected with, passed on as is
 * }
 * ```
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
  /** The `x-request-id` of the answer that reported it; null when there was none. */
  requestId: string | null;
  /** Status of this record's operation, when the vault reports one. */
  httpCode?: number;
  /** Position of the record in the request (insert). */
  requestIndex?: number;
  /** The token that failed (detokenize). */
  token?: string;
}
