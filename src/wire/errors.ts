// The error body every Skyflow endpoint answers with, and the gRPC status codes
// it carries (https://grpc.github.io/grpc/core/md_doc_statuscodes.html).

/** gRPC status codes used in `grpc_code`. */
export const GrpcCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type GrpcCode = (typeof GrpcCode)[keyof typeof GrpcCode];

/** `{"error": {...}}`: the body of every non-2xx response. */
export interface ErrorBody {
  error: {
    grpc_code: number;
    http_code: number;
    http_status: string;
    message: string;
    details: unknown[];
  };
}
