import type { FastifyInstance } from 'fastify';
import { badRequest, errorBody, grpcCodeFor, unauthenticated } from '../../errors.js';
import type { ServerContext } from '../context.js';

/** What the echo route answers: the request as the gateway received it. */
export interface GatewayEcho {
  method: string;
  /** Path after `/v1/gateway`, still encoded as sent. */
  path: string;
  /** The query string as sent, without `?`. */
  query: string;
  contentType: string | null;
  /** The body as text, exactly as sent. */
  body: string;
}

const PREFIX = '/v1/gateway';

/**
 * A stand-in for Skyflow's connection gateway, to test connection calls:
 * `ALL /v1/gateway/echo/*` answers the request it received (method, path,
 * query, content type, body); `ALL /v1/gateway/status/{code}` answers that
 * status with a Skyflow error body. Both need `x-skyflow-authorization` with
 * a token or API key this vault accepts.
 */
export function registerGatewayRoutes(app: FastifyInstance, context: ServerContext): void {
  void app.register(async (gateway) => {
    // Bodies stay as sent: the echo shows what the client encoded.
    gateway.removeAllContentTypeParsers();
    gateway.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));

    gateway.addHook('onRequest', async (request) => {
      const value = request.headers['x-skyflow-authorization'];
      if (typeof value !== 'string' || value.length === 0) {
        throw unauthenticated('Authentication failed. The x-skyflow-authorization header is missing.');
      }
      await context.accessTokens.authenticate(value);
    });

    gateway.all(`${PREFIX}/echo/*`, { config: { operation: 'gateway' } }, async (request): Promise<GatewayEcho> => {
      const [path = '', query = ''] = request.url.slice(PREFIX.length).split(/\?(.*)/s);
      return {
        method: request.method,
        path,
        query,
        contentType: request.headers['content-type'] ?? null,
        body: typeof request.body === 'string' ? request.body : '',
      };
    });

    gateway.all<{ Params: { code: string } }>(`${PREFIX}/status/:code`, { config: { operation: 'gateway' } }, async (request, reply) => {
      const status = Number(request.params.code);
      if (!Number.isInteger(status) || status < 200 || status > 599) throw badRequest('The status must be a number from 200 to 599.');
      if (status < 400) return { status };
      return reply.code(status).send(errorBody(status, grpcCodeFor(status), `The gateway answered ${status} as asked.`));
    });
  });
}
