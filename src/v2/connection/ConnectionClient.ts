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
  /** The body of the third party's answer: parsed when it is JSON, else the text. */
  readonly data: unknown;
  /** Facts about the call itself. */
  readonly metadata: {
    /** The `x-request-id` of the answer, to quote to Skyflow support; null when there was none. */
    readonly requestId: string | null;
  };
  /** Always empty: a failed call rejects with a SkyflowError instead. Kept for the shape of the other responses. */
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
 * Invokes one connection; get it from `client.connection(connectionId)`.
 * The bearer token goes in `x-skyflow-authorization`; a GET is retried like
 * a read, other methods only when they surely were not applied.
 *
 * @example
 * ```ts
 * import { RequestMethod, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const response = await client.connection(process.env.CONNECTION_ID ?? '').invoke({
 *   method: RequestMethod.POST,
 *   pathParams: { account: 'acct-42' },
 *   headers: { 'content-type': 'application/json' },
 *   body: { card_number: process.env.CARD_TOKEN ?? '', cardholder_name: 'Ada Lovelace' },
 * });
 * console.log(response.data, response.metadata.requestId);
 * ```
 */
export class ConnectionClient {
  readonly #context: ConnectionContext;

  /** @internal Made by `Skyflow`; get one from `client.connection()`. */
  constructor(context: ConnectionContext) {
    this.#context = context;
  }

  /** The id of the connection this client invokes. */
  get connectionId(): string {
    return this.#context.connectionId;
  }

  /**
   * Sends a request through the connection, to the connection URL with its
   * `{name}` placeholders filled from `pathParams`. Resolves with the answer
   * of the third party; rejects with a SkyflowError when the request is
   * invalid or the answer is not a 2xx.
   */
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
