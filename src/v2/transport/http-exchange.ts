// One HTTP request and its whole answer, on Node's own http/https modules.
// Nothing here retries, logs or interprets a status: that is Transport's job.
// The benchmarks showed a general-purpose HTTP client costing as much CPU per
// call as the request itself; this leg does only what the vault calls need.
import { request as httpRequest, type Agent as HttpAgent, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export interface Exchange {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: Buffer | undefined;
  agent: HttpAgent | HttpsAgent;
  /** Time allowed from sending to the end of the answer. */
  timeoutMs: number;
  /** The caller's signal, if any. */
  signal: AbortSignal | undefined;
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** The encodings an answer may come in; sent as `accept-encoding`. */
export const ACCEPTED_ENCODINGS = 'gzip, deflate, br';

/** The exchange was stopped: its time ran out, or the caller's signal fired. */
export class ExchangeStopped extends Error {
  constructor(readonly reason: 'timeout' | 'abort') {
    super(reason === 'timeout' ? 'The request took longer than allowed.' : 'The request was aborted.');
  }
}

/**
 * Sends the request and reads the answer to its end. Rejects with the
 * socket's or TLS layer's error (its `code` says what failed), or with
 * ExchangeStopped when the time runs out or `signal` fires — before the
 * request is sent, while waiting for the answer, or while reading it.
 *
 * The deadline is a plain timer rather than `AbortSignal.timeout()` handed to
 * `http.request`: on Node 20 that pair costs about 130 µs of CPU per request
 * (measured), as much as the rest of the client's work.
 */
export function exchange({ method, url, headers, body, agent, timeoutMs, signal }: Exchange): Promise<Answer> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new ExchangeStopped('abort'));
      return;
    }
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      return true;
    };
    const fail = (error: unknown): void => {
      if (settle()) reject(error);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, { method, headers, agent: agent as HttpsAgent }, (incoming) => {
      readAnswer(incoming).then((answerBody) => {
        if (settle()) resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: answerBody });
      }, fail);
    });
    const stop = (reason: ExchangeStopped['reason']): void => {
      fail(new ExchangeStopped(reason));
      outgoing.destroy();
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const onAbort = (): void => stop('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

function readAnswer(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const stream = decoded(incoming);
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    incoming.on('error', reject);
    // A connection that closes mid-answer must not leave the call waiting.
    incoming.on('close', () => {
      if (!incoming.complete) reject(Object.assign(new Error('The connection closed before the answer ended.'), { code: 'ECONNRESET' }));
    });
  });
}

function decoded(incoming: IncomingMessage): Readable {
  switch (incoming.headers['content-encoding']?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return incoming.pipe(createGunzip());
    case 'deflate':
      return incoming.pipe(createInflate());
    case 'br':
      return incoming.pipe(createBrotliDecompress());
    default:
      return incoming;
  }
}
