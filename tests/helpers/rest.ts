import { Agent, request } from 'node:https';
import { request as plainRequest, Agent as PlainAgent } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';

export interface RestResponse<T = any> {
  status: number;
  headers: IncomingHttpHeaders;
  body: T;
  text: string;
}

export interface RestTarget {
  url: string;
  vaultId: string;
  apiKey: string;
  caCert?: string | undefined;
}

export interface CallOptions {
  /** Bearer value; `null` sends no Authorization header. @default the API key */
  bearer?: string | null;
  /** Raw body text instead of JSON. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * A minimal client for the REST API: keep-alive HTTPS trusting the vault's CA,
 * JSON in and out, and the status, headers and body of every answer.
 */
export function restClient(target: RestTarget) {
  const base = new URL(target.url);
  const tls = base.protocol === 'https:';
  const agent = tls ? new Agent({ keepAlive: true, ca: target.caCert }) : new PlainAgent({ keepAlive: true });

  function call<T = any>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<RestResponse<T>> {
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const bearer = options.bearer === undefined ? target.apiKey : options.bearer;
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
    if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
    return new Promise((resolve, reject) => {
      const send = tls ? request : plainRequest;
      const req = send(
        { hostname: base.hostname, port: base.port, path, method, headers, agent: agent as never },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = text;
            try {
              parsed = text.length > 0 ? JSON.parse(text) : undefined;
            } catch {
              // not JSON: keep the text
            }
            resolve({ status: response.statusCode!, headers: response.headers, body: parsed as T, text });
          });
          response.on('error', reject);
        },
      );
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  const vaultPath = `/v1/vaults/${target.vaultId}`;
  return {
    call,
    vaultPath,
    post: <T = any>(path: string, body?: unknown, options?: CallOptions) => call<T>('POST', vaultPath + path, body, options),
    get: <T = any>(path: string, options?: CallOptions) => call<T>('GET', vaultPath + path, undefined, options),
    put: <T = any>(path: string, body?: unknown, options?: CallOptions) => call<T>('PUT', vaultPath + path, body, options),
    del: <T = any>(path: string, body?: unknown, options?: CallOptions) => call<T>('DELETE', vaultPath + path, body, options),
    close: () => agent.destroy(),
  };
}

export type RestClient = ReturnType<typeof restClient>;
