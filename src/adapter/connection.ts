// Legacy invokeConnection → a v2 connection call. The URL and the body are
// built as 1.14.3 built them (raw path and query values, JSON of a copy of
// the body), except that every path parameter is filled, not only the last.
import { randomUUID } from 'node:crypto';
import type { IConnectionConfig } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { failure, success, type Outcome } from './outcome.js';
import { InvokeConnectionRequest, type Skyflow } from '../v2/index.js';
import { exchange, type V2Call } from './exchange.js';
import { formUrlEncoded } from '../v2/connection/encode-body.js';

/** The URL with `{name}` placeholders filled (one pass, values exactly as given) and `?k=v&…` appended. */
export function filledConnectionUrl(config: IConnectionConfig): string {
  const params = config.pathParams ?? {};
  let url = config.connectionURL.replace(/\{([^{}]+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
  const query = Object.entries(config.queryParams ?? {});
  if (query.length > 0) url += `?${query.map(([name, value]) => `${name}=${String(value)}`).join('&')}`;
  return url;
}

/** Headers and body as 1.14.3 sent them: JSON unless the caller's content type says otherwise. */
export async function connectionPayload(
  config: IConnectionConfig,
): Promise<{ headers: Record<string, string>; body: string | Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(config.requestHeader ?? {})) headers[name.toLowerCase()] = String(value);
  const contentType = headers['content-type']!;
  const body = config.requestBody;
  if (contentType.includes('application/x-www-form-urlencoded')) return { headers, body: await formUrlEncoded(body) };
  if (contentType.includes('multipart/form-data')) {
    return { headers, body: typeof body === 'object' && body !== null ? { ...(body as Record<string, unknown>) } : {} };
  }
  return { headers, body: JSON.stringify(Object.assign({}, body)) };
}

export async function invokeConnection(client: Skyflow, config: IConnectionConfig, call: V2Call): Promise<Outcome<unknown>> {
  const connectionId = `legacy-${randomUUID()}`;
  const { headers, body } = await connectionPayload(config);
  try {
    client.addConnectionConfig({ connectionId, connectionUrl: filledConnectionUrl(config) });
    const request = new InvokeConnectionRequest({ method: config.methodName, headers, body });
    const response = await exchange(call, 'invoke', request, (r, o) => client.connection(connectionId).invoke(r, o));
    return success(response.data);
  } catch (error) {
    return failure({ kind: 'connection', body: toV1ErrorBody(error) });
  } finally {
    try {
      client.removeConnectionConfig(connectionId);
    } catch {
      // it was never added: the URL was refused
    }
  }
}
