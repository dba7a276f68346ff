import { validateHeaderName, validateHeaderValue } from 'node:http';
import { RequestMethod } from '../enums.js';
import { validationError } from '../errors/messages.js';
import { initObject, isPlainObject, isWellFormed, optionalEnum } from '../vault/requests/checks.js';
import { inputError, readInput } from '../errors/read-input.js';

/** One value of a query parameter; numbers and booleans are sent as their text. */
export type QueryValue = string | number | boolean;

/** What a connection invocation is made of. */
export interface InvokeConnectionRequestInit {
  /** The HTTP method. */
  method: RequestMethod;
  /**
   * An object, encoded by the `content-type` header: JSON by default,
   * `application/x-www-form-urlencoded` or `multipart/form-data` (nested
   * objects as `a[b]`); or a string, sent as is (as `text/plain` unless a
   * content type is given).
   */
  body?: Record<string, unknown> | string;
  /** HTTP headers to send (names are sent in lower case). @default {} */
  headers?: Record<string, string>;
  /** Values for `{name}` placeholders of the connection URL (URL-encoded). @default {} */
  pathParams?: Record<string, string>;
  /** Query parameters; an array value is sent once per element. @default {} */
  queryParams?: Record<string, QueryValue | QueryValue[]>;
}

/**
 * A call through a connection, checked when constructed: a bad request
 * throws a SkyflowError here and is never sent. An object body is copied as
 * JSON, so later changes to yours do not change what is sent.
 *
 * @example
 * ```ts
 * import { InvokeConnectionRequest, RequestMethod, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const request = new InvokeConnectionRequest({
 *   method: RequestMethod.GET,
 *   pathParams: { card_id: 'card-42' },
 *   queryParams: { fields: ['expiry_date', 'cardholder_name'] },
 * });
 * const { data } = await client.connection().invoke(request);
 * ```
 */
export class InvokeConnectionRequest {
  /** The HTTP method. */
  readonly method: RequestMethod;
  /** The body as it will be encoded: a frozen JSON copy of the object given, or the string. */
  readonly body: Readonly<Record<string, unknown>> | string | undefined;
  /** HTTP headers to send; empty when none were given. */
  readonly headers: Readonly<Record<string, string>>;
  /** Values for the `{name}` placeholders of the connection URL; empty when none were given. */
  readonly pathParams: Readonly<Record<string, string>>;
  /** Query parameters; empty when none were given. */
  readonly queryParams: Readonly<Record<string, QueryValue | readonly QueryValue[]>>;

  constructor(init: InvokeConnectionRequestInit) {
    try {
      const value = initObject(init, 'invoke connection');
      const method = optionalEnum(RequestMethod, value['method'], () => validationError('INVALID_METHOD_NAME'));
      if (method === undefined) throw validationError('INVALID_METHOD_NAME');
      this.method = method;
      this.headers = headerMap(value['headers']);
      this.pathParams = stringMap(value['pathParams'], 'INVALID_PATH_PARAMS');
      this.queryParams = queryMap(value['queryParams']);
      const body = value['body'];
      if (body !== undefined && !isPlainObject(body) && typeof body !== 'string') throw validationError('INVALID_BODY');
      this.body = isPlainObject(body) ? jsonCopy(body) : body;
    } catch (error) {
      throw inputError(error, 'invoke connection request');
    }
    Object.freeze(this);
  }

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: InvokeConnectionRequest | InvokeConnectionRequestInit): InvokeConnectionRequest {
    return readInput('invoke connection request', () => (request instanceof InvokeConnectionRequest ? request : new InvokeConnectionRequest(request)));
  }
}

/** Headers Node can send: names that are HTTP tokens, values without control characters or code points past U+00FF. */
function headerMap(value: unknown): Readonly<Record<string, string>> {
  const headers = stringMap(value, 'INVALID_HEADERS');
  try {
    for (const [name, item] of Object.entries(headers)) {
      validateHeaderName(name);
      validateHeaderValue(name, item);
    }
  } catch {
    throw validationError('INVALID_HEADERS');
  }
  return headers;
}

function stringMap(value: unknown, invalid: 'INVALID_HEADERS' | 'INVALID_PATH_PARAMS'): Readonly<Record<string, string>> {
  if (value === undefined) return Object.freeze({});
  const valid = (item: unknown) => typeof item === 'string' && isWellFormed(item);
  if (!isPlainObject(value) || !Object.values(value).every(valid)) throw validationError(invalid);
  return Object.freeze({ ...(value as Record<string, string>) });
}

function queryMap(value: unknown): Readonly<Record<string, QueryValue | readonly QueryValue[]>> {
  if (value === undefined) return Object.freeze({});
  const scalar = (item: unknown) =>
    typeof item === 'string' || typeof item === 'boolean' || (typeof item === 'number' && Number.isFinite(item));
  const ok =
    isPlainObject(value) &&
    Object.values(value).every((item) => scalar(item) || (Array.isArray(item) && Array.from(item).every(scalar)));
  if (!ok) throw validationError('INVALID_QUERY_PARAMS');
  return Object.freeze(
    Object.fromEntries(Object.entries(value).map(([key, item]) => [key, Array.isArray(item) ? Object.freeze([...item]) : item])),
  ) as Readonly<Record<string, QueryValue | readonly QueryValue[]>>;
}

/** A JSON copy of the body, which is how it will be sent: a body JSON cannot hold (a cycle, a BigInt) is refused here. */
function jsonCopy(body: Record<string, unknown>): Readonly<Record<string, unknown>> {
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(body));
  } catch {
    throw validationError('INVALID_BODY');
  }
  return Object.freeze(copy as Record<string, unknown>);
}
