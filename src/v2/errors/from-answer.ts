// The one place where an HTTP answer or a failed attempt becomes a
// SkyflowError. Only the transport calls these.
import { STATUS_CODES } from 'node:http';
import { Header } from '../../wire/paths.js';
import { GrpcCode } from '../../wire/errors.js';
import { SkyflowAbortError, SkyflowConnectionError, SkyflowError, SkyflowTimeoutError } from './SkyflowError.js';

/** An HTTP answer: status, lower-cased headers, and the body (parsed JSON, or text). */
export interface HttpAnswer {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  body: unknown;
}

// A text body is quoted in the message; a very long one is cut.
const MAX_TEXT = 1000;

/**
 * A SkyflowError from a non-2xx answer. Reads the Skyflow error body
 * (`{"error":{grpc_code, http_code, http_status, message, details}}`), a text
 * body, or just the status; the request id comes from `x-request-id`.
 */
export function errorFromAnswer(answer: HttpAnswer): SkyflowError {
  const requestId = answer.headers[Header.requestId] ?? null;
  const reason = STATUS_CODES[answer.status] ?? 'Unknown';
  const body = answer.body;
  const error = isObject(body) && isObject(body['error']) ? body['error'] : undefined;

  let message: string;
  if (error && typeof error['message'] === 'string') message = error['message'];
  else if (typeof body === 'string' && body.trim() !== '') message = body.trim().slice(0, MAX_TEXT);
  else message = `The vault answered ${answer.status} ${reason}.`;

  const details: unknown[] = error && Array.isArray(error['details']) ? [...(error['details'] as unknown[])] : [];
  const fromClient = answer.headers[Header.errorFromClient];
  if (fromClient !== undefined) details.push({ errorFromClient: fromClient.toLowerCase() === 'true' });

  return new SkyflowError({
    message,
    httpCode: answer.status,
    httpStatus: error && typeof error['http_status'] === 'string' ? error['http_status'] : reason,
    grpcCode: error && typeof error['grpc_code'] === 'number' ? error['grpc_code'] : null,
    requestId,
    details,
  });
}

/** The error of an attempt that got no answer. `code` is the system error code, e.g. ECONNRESET. */
export function errorFromNoAnswer(
  failure: { kind: 'network'; code: string | undefined } | { kind: 'timeout'; timeoutMs: number } | { kind: 'abort' },
): SkyflowError {
  switch (failure.kind) {
    case 'timeout':
      return new SkyflowTimeoutError({
        message: `The vault did not answer within ${failure.timeoutMs} ms.`,
        httpCode: 0,
        httpStatus: 'Timeout',
        grpcCode: GrpcCode.DEADLINE_EXCEEDED,
      });
    case 'abort':
      return new SkyflowAbortError({
        message: 'The request was aborted by the caller.',
        httpCode: 0,
        httpStatus: 'Aborted',
        grpcCode: GrpcCode.CANCELLED,
      });
    case 'network':
      return new SkyflowConnectionError({
        message: `Network error: the request to the vault failed${failure.code ? ` (${failure.code})` : ''}.`,
        httpCode: 0,
        httpStatus: 'Network Error',
        grpcCode: GrpcCode.UNAVAILABLE,
        details: failure.code ? [{ code: failure.code }] : [],
      });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
