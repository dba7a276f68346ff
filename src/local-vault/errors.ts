import { STATUS_CODES } from 'node:http';
import { GrpcCode, type ErrorBody } from '../wire/errors.js';

/**
 * An answer the vault gives instead of a result. Every layer of the local
 * vault throws this; the HTTP layer turns it into the Skyflow error body.
 * Messages name tables, columns, tokens and indexes — never a stored value.
 */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  readonly httpCode: number;
  readonly grpcCode: GrpcCode;
  readonly headers: Readonly<Record<string, string>>;

  constructor(httpCode: number, grpcCode: GrpcCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.httpCode = httpCode;
    this.grpcCode = grpcCode;
    this.headers = headers;
  }

  /** The same error, its message prefixed with where it happened (`records[2]: ...`). */
  at(where: string): VaultError {
    return new VaultError(this.httpCode, this.grpcCode, `${where}: ${this.message}`, { ...this.headers });
  }

  /** The Skyflow JSON error body for this error. */
  toBody(): ErrorBody {
    return errorBody(this.httpCode, this.grpcCode, this.message);
  }
}

/** The Skyflow JSON error body: `{"error":{grpc_code, http_code, http_status, message, details}}`. */
export function errorBody(httpCode: number, grpcCode: GrpcCode, message: string): ErrorBody {
  return {
    error: {
      grpc_code: grpcCode,
      http_code: httpCode,
      http_status: STATUS_CODES[httpCode] ?? 'Unknown',
      message,
      details: [],
    },
  };
}

export const badRequest = (message: string): VaultError => new VaultError(400, GrpcCode.INVALID_ARGUMENT, message);
export const notFound = (message: string): VaultError => new VaultError(404, GrpcCode.NOT_FOUND, message);
export const conflict = (message: string): VaultError => new VaultError(409, GrpcCode.ALREADY_EXISTS, message);
export const unauthenticated = (message: string): VaultError => new VaultError(401, GrpcCode.UNAUTHENTICATED, message);

/** The gRPC code that best describes an HTTP status, for errors that start as a status. */
export function grpcCodeFor(httpCode: number): GrpcCode {
  switch (httpCode) {
    case 400:
    case 413:
    case 415:
    case 431:
      return GrpcCode.INVALID_ARGUMENT;
    case 401:
      return GrpcCode.UNAUTHENTICATED;
    case 403:
      return GrpcCode.PERMISSION_DENIED;
    case 404:
      return GrpcCode.NOT_FOUND;
    case 408:
    case 504:
      return GrpcCode.DEADLINE_EXCEEDED;
    case 409:
      return GrpcCode.ALREADY_EXISTS;
    case 429:
      return GrpcCode.RESOURCE_EXHAUSTED;
    case 501:
      return GrpcCode.UNIMPLEMENTED;
    case 502:
    case 503:
      return GrpcCode.UNAVAILABLE;
    default:
      return httpCode >= 500 ? GrpcCode.INTERNAL : GrpcCode.UNKNOWN;
  }
}
