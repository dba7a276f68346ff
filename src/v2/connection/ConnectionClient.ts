import type { ResolvedConnectionConfig } from '../config/resolve-config.js';
import type { ResolvedCredentials } from '../credentials/resolve-credentials.js';
import type { TokenSource } from '../credentials/TokenSource.js';
import type { Logger } from '../logging/Logger.js';
import { RequestMethod } from '../enums.js';
import { sendAuthorized, type CallOptions } from '../transport/send-authorized.js';
import type { Transport } from '../transport/Transport.js';
import { encodeBody } from './encode-body.js';
import { InvokeConnectionRequest, type InvokeConnectionRequestInit } from './InvokeConnectionRequest.js';

/** The answer of a connection: its body (parsed JSON, or text) and request id. */
export class InvokeConnectionResponse {
  readonly data: unknown;
  readonly metadata: { readonly requestId: string | null };
  readonly errors: readonly never[] = [];
  constructor(data: unknown, requestId: string | null) {
    this.data = data;
    this.metadata = { requestId };
  }
}

/** What a connection client needs from the Skyflow client that made it. */
export interface ConnectionContext {
  readonly connectionId: string;
  config(): ResolvedConnectionConfig;
  auth(): { credentials: ResolvedCredentials; tokens: TokenSource };
  readonly transport: Transport;
  readonly logger: Logger;
}

/**
 * Invokes one connection. The bearer token goes in `x-skyflow-authorization`;
 * a GET is retried like a read, other methods only when nothing was sent.
 */
export class ConnectionClient {
  readonly #context: ConnectionContext;

  constructor(context: ConnectionContext) {
    this.#context = context;
  }

  get connectionId(): string {
    return this.#context.connectionId;
  }

  async invoke(
    request: InvokeConnectionRequest | InvokeConnectionRequestInit,
    options?: CallOptions,
  ): Promise<InvokeConnectionResponse> {
    const invoke = InvokeConnectionRequest.from(request);
    const config = this.#context.config();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(invoke.headers)) headers[name.toLowerCase()] = value;
    let payload: string | FormData | undefined;
    if (invoke.body !== undefined) {
      const encoded = await encodeBody(invoke.body, headers['content-type']);
      payload = encoded.payload;
      if (encoded.contentType === undefined) delete headers['content-type'];
      else headers['content-type'] = encoded.contentType;
    }
    const query: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(invoke.queryParams)) {
      for (const item of Array.isArray(value) ? value : [value]) query.push([name, String(item)]);
    }
    const { transport, logger } = this.#context;
    const answer = await sendAuthorized<unknown>(
      { label: `connection ${this.connectionId}`, transport, logger, auth: () => this.#context.auth() },
      {
        operation: 'invoke connection',
        method: invoke.method,
        url: fillPath(config.url, invoke.pathParams),
        query,
        payload,
        headers,
        bearerHeader: 'x-skyflow-authorization',
        retryability: invoke.method === RequestMethod.GET ? 'idempotent' : 'unapplied-only',
        caCert: config.caCert,
      },
      options,
    );
    return new InvokeConnectionResponse(answer.data, answer.requestId);
  }
}

/** Replaces each `{name}` that has a path param with its URL-encoded value. */
export function fillPath(url: string, params: Readonly<Record<string, string>>): string {
  return url.replace(/\{([^{}]+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? encodeURIComponent(params[name]!) : placeholder,
  );
}
