import { RequestMethod } from '../enums.js';
import { validationError } from '../errors/messages.js';
import { initObject, isPlainObject, optionalEnum } from '../vault/requests/checks.js';

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
    const value = initObject(init, 'invoke connection');
    const method = optionalEnum(RequestMethod, value['method'], () => validationError('INVALID_METHOD_NAME'));
    if (method === undefined) throw validationError('INVALID_METHOD_NAME');
    this.method = method;
    this.headers = stringMap(value['headers'], 'INVALID_HEADERS');
    this.pathParams = stringMap(value['pathParams'], 'INVALID_PATH_PARAMS');
    this.queryParams = queryMap(value['queryParams']);
    const body = value['body'];
    if (body !== undefined && !isPlainObject(body) && typeof body !== 'string') throw validationError('INVALID_BODY');
    this.body = isPlainObject(body) ? Object.freeze(JSON.parse(JSON.stringify(body)) as Record<string, unknown>) : body;
    Object.freeze(this);
  }

  static from(request: InvokeConnectionRequest | InvokeConnectionRequestInit): InvokeConnectionRequest {
    return request instanceof InvokeConnectionRequest ? request : new InvokeConnectionRequest(request);
  }
}

function stringMap(value: unknown, invalid: 'INVALID_HEADERS' | 'INVALID_PATH_PARAMS'): Readonly<Record<string, string>> {
  if (value === undefined) return Object.freeze({});
  if (!isPlainObject(value) || !Object.values(value).every((item) => typeof item === 'string')) throw validationError(invalid);
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
