// One legacy call's v2 calls: the bearer token they all use, and an optional
// observer that sees each v2 request with its response or error (the dual
// view of the migration tools).

/** A v2 call made for a legacy call: the v2 request and what came back. */
export interface V2Exchange {
  /** The v2 operation, e.g. `insertBatch`, `get`, `invoke`. */
  operation: string;
  /** The v2 request object that was sent. */
  request: unknown;
  /** What the v2 call resolved with; absent when it failed. */
  response?: unknown;
  /** What the v2 call threw or rejected with; absent when it succeeded. */
  error?: unknown;
}

/** What every v2 call of one legacy call shares. */
export interface V2Call {
  /** The token the legacy provider returned for this legacy call. */
  bearerToken: string;
  observe?: ((exchange: V2Exchange) => void) | undefined;
}

/** Sends one v2 request, showing it and its answer to the observer. */
export async function exchange<Req, Res>(
  call: V2Call,
  operation: string,
  request: Req,
  send: (request: Req, options: { bearerToken: string }) => Promise<Res>,
): Promise<Res> {
  try {
    const response = await send(request, { bearerToken: call.bearerToken });
    call.observe?.({ operation, request, response });
    return response;
  } catch (error) {
    call.observe?.({ operation, request, error });
    throw error;
  }
}
