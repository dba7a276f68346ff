import { Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { Header } from '../../wire/paths.js';
import { errorFromAnswer, errorFromNoAnswer } from '../errors/from-answer.js';
import type { SkyflowError } from '../errors/SkyflowError.js';
import type { Logger } from '../logging/Logger.js';
import { ACCEPTED_ENCODINGS, ExchangeStopped, exchange, type Answer } from './http-exchange.js';
import { decideRetry, type Failure, type Retryability, type RetryPolicy } from './retry-policy.js';
import { SKY_METADATA } from './sky-metadata.js';

export interface TransportOptions {
  timeoutMs: number;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/** One request, as the vault client describes it. */
export interface TransportRequest {
  /** Names the request in logs (never a value): e.g. `insert`. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL (it may hold a query already). */
  url: string;
  /** Query parameters; a repeated name is sent once per value. */
  query?: ReadonlyArray<readonly [string, string]>;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as it is (its content type is in `headers`), instead of `body`. */
  payload?: string | FormData | undefined;
  /** More headers; they win over the defaults. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** The bearer token or API key. */
  bearer?: string;
  /** Where the bearer goes: `Authorization: Bearer <value>` (vault calls), or `x-skyflow-authorization: <value>` (connections). */
  bearerHeader?: 'authorization' | 'x-skyflow-authorization';
  retryability: Retryability;
  /** Extra CA to trust, in addition to the system's. */
  caCert?: string | undefined;
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
  /** Send the `sky-metadata` header (vault calls do, the token exchange does not). */
  metadata?: boolean;
}

export interface TransportResponse<T> {
  status: number;
  /** The parsed JSON body, or the text of a body that is not JSON. */
  data: T;
  requestId: string | null;
  /** Lower-cased response headers. */
  headers: Readonly<Record<string, string | undefined>>;
}

/** A failed attempt: the error to throw, and what the retry policy needs to know. */
interface AttemptFailure {
  error: SkyflowError;
  failure: Failure;
}

/**
 * HTTP for one client: keep-alive agents (one per extra CA), a deadline per
 * attempt, and retries by the policy in retry-policy.ts. Every failure leaves
 * here as a SkyflowError built in errors/from-answer.ts; no error of the HTTP
 * layer (which may hold the request's headers) escapes.
 */
export class Transport {
  readonly #options: TransportOptions;
  readonly #logger: Logger;
  readonly #httpsAgents = new Map<string, HttpsAgent>();
  readonly #httpAgent = new HttpAgent({ keepAlive: true });

  constructor(options: TransportOptions, logger: Logger) {
    this.#options = options;
    this.#logger = logger;
  }

  /** Sends a request, retrying as its retryability allows; resolves with a 2xx answer or rejects with a SkyflowError. */
  async send<T>(request: TransportRequest): Promise<TransportResponse<T>> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.#attempt<T>(request);
      if (!('failure' in outcome)) return outcome;
      const decision = decideRetry(outcome.failure, attempt, request.retryability, this.#options.retry, this.#options.random);
      if (!decision.retry) {
        this.#logger.debug(`${request.operation} failed: ${describe(outcome.failure)}; not retried.`);
        throw outcome.error;
      }
      this.#logger.info(
        `${request.operation} failed: ${describe(outcome.failure)}; retry ${attempt + 1} of ${this.#options.retry.limit} in ${decision.delayMs} ms.`,
      );
      await this.#options.sleep(decision.delayMs);
      if (request.signal?.aborted) throw errorFromNoAnswer({ kind: 'abort' });
    }
  }

  /** Closes idle keep-alive connections. */
  close(): void {
    for (const agent of this.#httpsAgents.values()) agent.destroy();
    this.#httpAgent.destroy();
  }

  async #attempt<T>(request: TransportRequest): Promise<TransportResponse<T> | AttemptFailure> {
    const timeoutMs = request.timeoutMs ?? this.#options.timeoutMs;
    const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': ACCEPTED_ENCODINGS };
    if (request.bearer !== undefined) {
      if (request.bearerHeader === 'x-skyflow-authorization') headers['x-skyflow-authorization'] = request.bearer;
      else headers[Header.authorization] = `Bearer ${request.bearer}`;
    }
    if (request.metadata !== false) headers[Header.skyMetadata] = SKY_METADATA;

    let answer: Answer;
    try {
      const url = new URL(withQuery(request.url, request.query));
      const body = await encodeRequestBody(request, headers);
      Object.assign(headers, request.headers);
      if (body !== undefined) headers['content-length'] = String(body.length);
      const agent = this.#agent(url, request.caCert);
      answer = await exchange({ method: request.method, url, headers, body, agent, timeoutMs, signal: request.signal });
    } catch (error) {
      if (request.signal?.aborted || (error instanceof ExchangeStopped && error.reason === 'abort')) {
        return { failure: { kind: 'abort' }, error: errorFromNoAnswer({ kind: 'abort' }) };
      }
      if (error instanceof ExchangeStopped) {
        return { failure: { kind: 'timeout' }, error: errorFromNoAnswer({ kind: 'timeout', timeoutMs }) };
      }
      const code = systemCode(error);
      return { failure: { kind: 'network', code }, error: errorFromNoAnswer({ kind: 'network', code }) };
    }

    const answerHeaders = flatHeaders(answer.headers);
    const requestId = answerHeaders[Header.requestId] ?? null;
    const data = parseBody(answer.body);
    if (answer.status >= 200 && answer.status < 300) {
      this.#logger.debug(`${request.operation} succeeded with ${answer.status} (requestId ${requestId}).`);
      return { status: answer.status, data: data as T, requestId, headers: answerHeaders };
    }
    const error = errorFromAnswer({ status: answer.status, headers: answerHeaders, body: data });
    return {
      error,
      failure: { kind: 'http', status: answer.status, retryAfter: answerHeaders[Header.retryAfter] },
    };
  }

  #agent(url: URL, caCert: string | undefined): HttpAgent | HttpsAgent {
    return url.protocol === 'https:' ? this.#httpsAgent(caCert) : this.#httpAgent;
  }

  // The system roots plus the extra CA: trusting a local vault must not stop
  // the same client from reaching a token endpoint with a public certificate.
  #httpsAgent(caCert: string | undefined): HttpsAgent {
    const key = caCert ?? '';
    let agent = this.#httpsAgents.get(key);
    if (!agent) {
      agent = new HttpsAgent({ keepAlive: true, ...(caCert ? { ca: [...rootCertificates, caCert] } : {}) });
      this.#httpsAgents.set(key, agent);
    }
    return agent;
  }
}

function withQuery(url: string, query: TransportRequest['query']): string {
  if (!query || query.length === 0) return url;
  const params = new URLSearchParams();
  for (const [name, value] of query) params.append(name, value);
  return `${url}${url.includes('?') ? '&' : '?'}${params.toString()}`;
}

// A JSON body (or a multipart form, which sets its own boundary) becomes
// bytes here, so that the request can carry its exact length.
async function encodeRequestBody(request: TransportRequest, headers: Record<string, string>): Promise<Buffer | undefined> {
  if (request.payload instanceof FormData) {
    const form = new Response(request.payload);
    headers['content-type'] = form.headers.get('content-type') ?? 'multipart/form-data';
    return Buffer.from(await form.arrayBuffer());
  }
  if (request.payload !== undefined) return Buffer.from(request.payload, 'utf8');
  if (request.body === undefined) return undefined;
  headers['content-type'] = 'application/json';
  return Buffer.from(JSON.stringify(request.body), 'utf8');
}

// JSON when the body is JSON, whatever its content type says; its text otherwise.
function parseBody(body: Buffer): unknown {
  const text = body.toString('utf8');
  if (text.length === 0) return '';
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

// The system error code of a failed connection (ECONNRESET, ECONNREFUSED, a TLS code, …).
function systemCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code;
  if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof cause === 'string' ? cause : undefined;
}

function describe(failure: Failure): string {
  switch (failure.kind) {
    case 'http':
      return `status ${failure.status}`;
    case 'network':
      return `network error ${failure.code ?? 'unknown'}`;
    default:
      return failure.kind;
  }
}
