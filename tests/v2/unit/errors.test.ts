import { describe, expect, expectTypeOf, it } from 'vitest';
import { errorFromAnswer, errorFromNoAnswer, type HttpAnswer } from '../../../src/v2/errors/from-answer.js';
import { typeName, validationError } from '../../../src/v2/errors/messages.js';
import {
  SkyflowAbortError,
  SkyflowConnectionError,
  SkyflowError,
  SkyflowTimeoutError,
  isSkyflowError,
} from '../../../src/v2/errors/SkyflowError.js';
import * as barrel from '../../../src/v2/index.js';

const BRAND = Symbol.for('skyflow-bridge.SkyflowError');

/** The fields a SkyflowError exposes, for exact comparison. */
function fields(error: SkyflowError) {
  const { name, message, httpCode, httpStatus, grpcCode, requestId, details } = error;
  return { name, message, httpCode, httpStatus, grpcCode, requestId, details };
}

const skyflowBody = (error: Record<string, unknown>) => ({ error });
const notFound = skyflowBody({
  grpc_code: 5,
  http_code: 404,
  http_status: 'Not Found',
  message: 'No Records Found - id 6f1c',
  details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'NOT_FOUND' }],
});

describe('errorFromAnswer', () => {
  it.each<[string, HttpAnswer, ReturnType<typeof fields>]>([
    [
      'a Skyflow error body and a request id',
      { status: 404, headers: { 'x-request-id': 'req-404' }, body: notFound },
      {
        name: 'SkyflowError',
        message: 'No Records Found - id 6f1c',
        httpCode: 404,
        httpStatus: 'Not Found',
        grpcCode: 5,
        requestId: 'req-404',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'NOT_FOUND' }],
      },
    ],
    [
      'a text body (trimmed)',
      { status: 502, headers: {}, body: '  upstream connect error\n' },
      { name: 'SkyflowError', message: 'upstream connect error', httpCode: 502, httpStatus: 'Bad Gateway', grpcCode: null, requestId: null, details: [] },
    ],
    [
      'an empty body',
      { status: 503, headers: { 'x-request-id': 'r-503' }, body: '' },
      {
        name: 'SkyflowError',
        message: 'The vault answered 503 Service Unavailable.',
        httpCode: 503,
        httpStatus: 'Service Unavailable',
        grpcCode: null,
        requestId: 'r-503',
        details: [],
      },
    ],
    [
      'a blank text body',
      { status: 401, headers: {}, body: ' \n ' },
      { name: 'SkyflowError', message: 'The vault answered 401 Unauthorized.', httpCode: 401, httpStatus: 'Unauthorized', grpcCode: null, requestId: null, details: [] },
    ],
    [
      'no body at all',
      { status: 500, headers: {}, body: undefined },
      {
        name: 'SkyflowError',
        message: 'The vault answered 500 Internal Server Error.',
        httpCode: 500,
        httpStatus: 'Internal Server Error',
        grpcCode: null,
        requestId: null,
        details: [],
      },
    ],
    [
      'a JSON body without `error`',
      { status: 400, headers: {}, body: { message: 'not the Skyflow shape', details: [1] } },
      { name: 'SkyflowError', message: 'The vault answered 400 Bad Request.', httpCode: 400, httpStatus: 'Bad Request', grpcCode: null, requestId: null, details: [] },
    ],
    [
      'an `error` of the wrong types',
      { status: 429, headers: {}, body: skyflowBody({ message: 42, http_status: 7, grpc_code: '8', details: 'x' }) },
      {
        name: 'SkyflowError',
        message: 'The vault answered 429 Too Many Requests.',
        httpCode: 429,
        httpStatus: 'Too Many Requests',
        grpcCode: null,
        requestId: null,
        details: [],
      },
    ],
    [
      'a status without a reason phrase',
      { status: 599, headers: {}, body: null },
      { name: 'SkyflowError', message: 'The vault answered 599 Unknown.', httpCode: 599, httpStatus: 'Unknown', grpcCode: null, requestId: null, details: [] },
    ],
    [
      'error-from-client: true',
      { status: 400, headers: { 'error-from-client': 'true' }, body: skyflowBody({ grpc_code: 3, http_status: 'Bad Request', message: 'Invalid field', details: [] }) },
      {
        name: 'SkyflowError',
        message: 'Invalid field',
        httpCode: 400,
        httpStatus: 'Bad Request',
        grpcCode: 3,
        requestId: null,
        details: [{ errorFromClient: true }],
      },
    ],
    [
      'error-from-client: False, after the body details',
      { status: 500, headers: { 'error-from-client': 'False', 'x-request-id': 'r' }, body: skyflowBody({ grpc_code: 13, http_status: 'Internal Server Error', message: 'Internal', details: [{ a: 1 }] }) },
      {
        name: 'SkyflowError',
        message: 'Internal',
        httpCode: 500,
        httpStatus: 'Internal Server Error',
        grpcCode: 13,
        requestId: 'r',
        details: [{ a: 1 }, { errorFromClient: false }],
      },
    ],
    [
      'error-from-client: TRUE with a text body',
      { status: 403, headers: { 'error-from-client': 'TRUE' }, body: 'Forbidden by policy' },
      { name: 'SkyflowError', message: 'Forbidden by policy', httpCode: 403, httpStatus: 'Forbidden', grpcCode: null, requestId: null, details: [{ errorFromClient: true }] },
    ],
  ])('%s', (_, answer, expected) => {
    const error = errorFromAnswer(answer);
    expect(error).toBeInstanceOf(SkyflowError);
    expect(error).not.toBeInstanceOf(SkyflowConnectionError);
    expect(fields(error)).toStrictEqual(expected);
  });

  it('cuts a huge text body to its first 1000 characters', () => {
    const body = `${'a'.repeat(999)}b${'c'.repeat(9_000)}`;
    const error = errorFromAnswer({ status: 502, headers: {}, body });
    expect(error.message).toBe(`${'a'.repeat(999)}b`);
    expect(error.message).toHaveLength(1000);
  });

  it('copies the details, so the body cannot change the error afterwards', () => {
    const body = skyflowBody({ message: 'm', details: [{ a: 1 }] });
    const error = errorFromAnswer({ status: 400, headers: {}, body });
    ((body.error as { details: unknown[] }).details).push({ b: 2 });
    expect(error.details).toStrictEqual([{ a: 1 }]);
  });
});

describe('errorFromNoAnswer', () => {
  it.each<[string, Parameters<typeof errorFromNoAnswer>[0], new (...args: never) => SkyflowError, ReturnType<typeof fields>]>([
    [
      'network with a code',
      { kind: 'network', code: 'ECONNRESET' },
      SkyflowConnectionError,
      {
        name: 'SkyflowConnectionError',
        message: 'Network error: the request to the vault failed (ECONNRESET).',
        httpCode: 0,
        httpStatus: 'Network Error',
        grpcCode: 14,
        requestId: null,
        details: [{ code: 'ECONNRESET' }],
      },
    ],
    [
      'network without a code',
      { kind: 'network', code: undefined },
      SkyflowConnectionError,
      {
        name: 'SkyflowConnectionError',
        message: 'Network error: the request to the vault failed.',
        httpCode: 0,
        httpStatus: 'Network Error',
        grpcCode: 14,
        requestId: null,
        details: [],
      },
    ],
    [
      'timeout',
      { kind: 'timeout', timeoutMs: 2_500 },
      SkyflowTimeoutError,
      {
        name: 'SkyflowTimeoutError',
        message: 'The vault did not answer within 2500 ms.',
        httpCode: 0,
        httpStatus: 'Timeout',
        grpcCode: 4,
        requestId: null,
        details: [],
      },
    ],
    [
      'abort',
      { kind: 'abort' },
      SkyflowAbortError,
      {
        name: 'SkyflowAbortError',
        message: 'The request was aborted by the caller.',
        httpCode: 0,
        httpStatus: 'Aborted',
        grpcCode: 1,
        requestId: null,
        details: [],
      },
    ],
  ])('%s', (_, failure, expectedClass, expected) => {
    const error = errorFromNoAnswer(failure);
    expect(error.constructor).toBe(expectedClass);
    expect(error).toBeInstanceOf(SkyflowError);
    expect(error).toBeInstanceOf(Error);
    expect(fields(error)).toStrictEqual(expected);
  });

  it('makes a timeout a connection error, and an abort not', () => {
    expect(errorFromNoAnswer({ kind: 'timeout', timeoutMs: 1 })).toBeInstanceOf(SkyflowConnectionError);
    expect(errorFromNoAnswer({ kind: 'abort' })).not.toBeInstanceOf(SkyflowConnectionError);
    expect(errorFromNoAnswer({ kind: 'network', code: 'EPIPE' })).not.toBeInstanceOf(SkyflowTimeoutError);
  });
});

describe('SkyflowError', () => {
  it.each([
    [SkyflowError, 'SkyflowError'],
    [SkyflowConnectionError, 'SkyflowConnectionError'],
    [SkyflowTimeoutError, 'SkyflowTimeoutError'],
    [SkyflowAbortError, 'SkyflowAbortError'],
  ])('%o is named %s, in name, String() and the stack', (ErrorClass, name) => {
    const error = new ErrorClass({ message: 'boom', httpCode: 0 });
    expect(error.name).toBe(name);
    expect(String(error)).toBe(`${name}: boom`);
    expect(error.stack?.split('\n')[0]).toBe(`${name}: boom`);
  });

  it('defaults a validation-style error', () => {
    expect(fields(new SkyflowError({ message: 'm', httpCode: 400 }))).toStrictEqual({
      name: 'SkyflowError',
      message: 'm',
      httpCode: 400,
      httpStatus: 'Bad Request',
      grpcCode: null,
      requestId: null,
      details: [],
    });
  });

  it('serializes through toJSON, with exactly its fields and no stack', () => {
    const error = new SkyflowTimeoutError({
      message: 'late',
      httpCode: 0,
      httpStatus: 'Timeout',
      grpcCode: 4,
      requestId: 'r-1',
      details: [{ attempt: 2 }],
    });
    expect(JSON.stringify(error)).toBe(
      '{"name":"SkyflowTimeoutError","message":"late","httpCode":0,"httpStatus":"Timeout","grpcCode":4,"requestId":"r-1","details":[{"attempt":2}]}',
    );
  });

  it('is the class the barrel exports', () => {
    expect(barrel.SkyflowError).toBe(SkyflowError);
    expect(barrel.SkyflowConnectionError).toBe(SkyflowConnectionError);
    expect(barrel.SkyflowTimeoutError).toBe(SkyflowTimeoutError);
    expect(barrel.SkyflowAbortError).toBe(SkyflowAbortError);
    expect(barrel.isSkyflowError).toBe(isSkyflowError);
  });
});

describe('isSkyflowError', () => {
  // Another copy of the package (CJS next to ESM) has its own class with the same brand.
  class ForeignSkyflowError extends Error {
    get [BRAND](): true {
      return true;
    }
  }

  it.each<[string, unknown]>([
    ['a SkyflowError', new SkyflowError({ message: 'm', httpCode: 400 })],
    ['a SkyflowTimeoutError', new SkyflowTimeoutError({ message: 'm', httpCode: 0 })],
    ['a SkyflowAbortError', new SkyflowAbortError({ message: 'm', httpCode: 0 })],
    ['an error from an answer', errorFromAnswer({ status: 404, headers: {}, body: '' })],
    ['a validation error', validationError('EMPTY_QUERY')],
    ['an error of another copy of the package', new ForeignSkyflowError('m')],
    ['an object with the brand getter', { get [BRAND]() { return true; } }],
  ])('is true for %s', (_, value) => {
    expect(isSkyflowError(value)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a plain Error', new Error('m')],
    ['an Error named SkyflowError', Object.assign(new Error('m'), { name: 'SkyflowError' })],
    ['an object named SkyflowError', { name: 'SkyflowError', httpCode: 400, message: 'm' }],
    ['a brand that is not true', { get [BRAND]() { return 'true'; } }],
    ['a brand under another symbol', { [Symbol('skyflow-bridge.SkyflowError')]: true }],
    ['the string SkyflowError', 'SkyflowError'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 400],
  ])('is false for %s', (_, value) => {
    expect(isSkyflowError(value)).toBe(false);
  });

  it('narrows to SkyflowError', () => {
    expectTypeOf(isSkyflowError).guards.toEqualTypeOf<SkyflowError>();
  });
});

describe('validationError and typeName', () => {
  it('builds a 400 SkyflowError with the message of the key', () => {
    expect(fields(validationError('INVALID_REQUEST', 'query'))).toStrictEqual({
      name: 'SkyflowError',
      message: 'Validation error. Invalid query request. Specify the request as an object.',
      httpCode: 400,
      httpStatus: 'Bad Request',
      grpcCode: null,
      requestId: null,
      details: [],
    });
  });

  it.each<[string, SkyflowError, string]>([
    ['INVALID_OFFSET, without an argument', validationError('INVALID_OFFSET'), 'Validation error. Invalid offset. Specify offset as a non-negative integer.'],
    ['INVALID_LIMIT, without an argument', validationError('INVALID_LIMIT'), 'Validation error. Invalid limit. Specify limit as a positive integer.'],
    ['MISSING_CLIENT_ID without where', validationError('MISSING_CLIENT_ID'), 'Validation error. Unable to read client ID in credentials. Verify your client ID.'],
    ['MISSING_KEY_ID with where', validationError('MISSING_KEY_ID', ' for vault with vaultId v1'), 'Validation error. Unable to read key ID in credentials for vault with vaultId v1. Verify your key ID.'],
    ['MISSING_TOKEN_URI with where', validationError('MISSING_TOKEN_URI', ' in SKYFLOW_CREDENTIALS'), 'Validation error. Unable to read token URI in credentials in SKYFLOW_CREDENTIALS. Verify your token URI.'],
    ['MISSING_PRIVATE_KEY without where', validationError('MISSING_PRIVATE_KEY'), 'Validation error. Unable to read private key in credentials. Verify your private key.'],
    ['BASE_URL_WITH_CLUSTER_ID', validationError('BASE_URL_WITH_CLUSTER_ID', 'v9'), 'Initialization failed. Both baseUrl and clusterId are given. Specify one of them for vault with vaultId v9.'],
    ['INVALID_CLUSTER_ID', validationError('INVALID_CLUSTER_ID', 'v9'), 'Initialization failed. Invalid cluster ID. Specify clusterId as the cluster\'s id (letters, digits and "-") for vault with vaultId v9.'],
    ['INVALID_TOKEN_DATA_IN_DETOKENIZE', validationError('INVALID_TOKEN_DATA_IN_DETOKENIZE', '3'), 'Validation error. Invalid token data in detokenize request. Specify { token, redactionType? } at index 3.'],
    ['HOMOGENEOUS_NOT_SUPPORTED_WITH_CONTINUE_ON_ERROR', validationError('HOMOGENEOUS_NOT_SUPPORTED_WITH_CONTINUE_ON_ERROR'), 'Validation error. homogeneous cannot be combined with continueOnError. Remove one of them.'],
  ])('%s', (_, error, message) => {
    expect(error).toBeInstanceOf(SkyflowError);
    expect({ message: error.message, httpCode: error.httpCode }).toStrictEqual({ message, httpCode: 400 });
  });

  it.each<[unknown, string]>([
    [null, 'null'],
    [undefined, 'undefined'],
    [[], 'array'],
    [{}, 'object'],
    ['s', 'string'],
    [1, 'number'],
    [1n, 'bigint'],
    [true, 'boolean'],
    [Symbol('s'), 'symbol'],
    [() => 1, 'function'],
  ])('typeName(%o) is %s', (value, expected) => {
    expect(typeName(value)).toBe(expected);
  });
});
