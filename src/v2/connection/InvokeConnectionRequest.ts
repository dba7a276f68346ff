import { validateHeaderName, validateHeaderValue } from 'node:http';
import { RequestMethod } from '../enums.js';
import { validationError } from '../errors/messages.js';
import { initObject, isPlainObject, isWellFormed, optionalEnum } from '../vault/requests/checks.js';
import { inputError, readInput } from '../errors/read-input.js';

type QueryValue = string | number | boolean;

/** What a connection invocation is made of. */
export interface InvokeConnectionRequestInit {
  method: RequestMethod;
  /** An object (encoded by the content type; JSON by default), or a string sent as is. */
  body?: Record<string, unknown> | string;
  headers?: Record<string, string>;
  /** Values for `{name}` placeholders of the connection URL (URL-encoded). */
  pathParams?: Record<string, string>;
  /** Query parameters; an array value is sent once per element. */
  queryParams?: Record<string, QueryValue | QueryValue[]>;
}

/**
 * A call through a connection.
 *
 * @example
 * const { data } = await client.connection().invoke(
 *   new InvokeConnectionRequest({ method: RequestMethod.POST, body: { card_number: token }, pathParams: { id: '42' } }),
 * );
 */
export class InvokeConnectionRequest {
  readonly method: RequestMethod;
  readonly body: Readonly<Record<string, unknown>> | string | undefined;
  readonly headers: Readonly<Record<string, string>>;
  readonly pathParams: Readonly<Record<string, string>>;
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
