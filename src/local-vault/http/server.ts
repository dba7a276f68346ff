import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { Header } from '../../wire/paths.js';
import { VaultError, badRequest, errorBody, grpcCodeFor, notFound, unauthenticated } from '../errors.js';
import { answerClientError, answerNodeLevelRequests } from './protocol-errors.js';
import type { ServerContext } from './context.js';
import type { Fault } from './faults.js';
import type { Operation } from './operations.js';
import { registerAuthRoutes } from './routes/auth.js';
import { registerBatchRoutes } from './routes/batch.js';
import { registerQueryRoutes } from './routes/query.js';
import { registerRecordRoutes } from './routes/records.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerGatewayRoutes } from './routes/gateway.js';

export interface ServerOptions {
  tls: { key: string; cert: string } | undefined;
  bodyLimit: number;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const MAX_MESSAGE_LENGTH = 200;

/**
 * The local vault's HTTP(S) server: the Skyflow REST API over a Vault. Every
 * response carries `x-request-id`; every error is the Skyflow JSON error body;
 * nothing the caller sends can produce a stack trace or a 500.
 */
export function buildServer(context: ServerContext, options: ServerOptions): FastifyInstance {
  const app = Fastify({
    ...(options.tls ? { https: options.tls } : {}),
    bodyLimit: options.bodyLimit,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    logger: false,
    // Bodies are validated as sent: no coercion, no defaults, nothing removed.
    ajv: { customOptions: { coerceTypes: false, useDefaults: false, removeAdditional: false, allErrors: false } },
    // Errors raised before routing (malformed URL, overlong path segment).
    frameworkErrors: (error, request, reply) => {
      void reply.header(Header.requestId, request.id);
      sendError(reply, toVaultError(error));
    },
    // Requests Node's HTTP parser refuses, before there is a request object.
    clientErrorHandler: answerClientError,
  }) as unknown as FastifyInstance;
  answerNodeLevelRequests(app.server);

  // Every body is JSON whatever its content type says (the SDKs send `{}`
  // with GET and DELETE, some clients send text/plain); an empty body is none.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, body as string, done);
  });

  app.addHook('onRequest', async (request, reply) => {
    const operation = operationOf(request);
    if (operation === undefined) return;
    context.stats.requests[operation]++;
    const fault = context.faults.draw(operation, 'before');
    if (fault) await injectBefore(fault, request, reply);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header(Header.requestId, request.id);
    const operation = operationOf(request);
    const fault = operation !== undefined && reply.statusCode < 400 ? context.faults.draw(operation, 'after') : undefined;
    return fault ? injectAfter(fault, request, reply, payload) : payload;
  });

  if (context.log) {
    const log = context.log;
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      log(`${request.method} ${route} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms ${request.id}`);
    });
  }

  app.setErrorHandler(async (error, request, reply) => {
    const vaultError = toVaultError(error);
    // A 500 is a bug in the vault: say where, never what (the error may quote data).
    if (vaultError.httpCode >= 500) {
      context.log?.(`internal error in ${request.method} ${request.routeOptions.url ?? 'unmatched'} ${request.id}: ${errorName(error)}`);
    }
    // Read the rest of an oversized body before answering, so that a client
    // still sending it gets the 413 rather than a broken pipe.
    if (vaultError.httpCode === 413) await drain(request.raw, MAX_DRAIN_BYTES);
    sendError(reply, vaultError);
  });
  app.setNotFoundHandler((request, reply) => {
    // The path as sent, without parsing it as a URL: `new URL('//', base)`
    // throws (a 500) and `//v1/x` would read as a host name.
    const path = request.url.split(/[?#]/, 1)[0];
    const error = notFound(`No endpoint matches ${request.method} ${path}.`);
    void reply.code(404).send(error.toBody());
  });

  registerAuthRoutes(app, context);
  registerGatewayRoutes(app, context);
  void app.register(async (vaultApi) => {
    vaultApi.addHook('onRequest', async (request) => authorize(request, context));
    registerBatchRoutes(vaultApi, context);
    registerTokenRoutes(vaultApi, context);
    registerQueryRoutes(vaultApi, context);
    registerRecordRoutes(vaultApi, context);
  });
  return app;
}

async function authorize(request: FastifyRequest, context: ServerContext): Promise<void> {
  const header = request.headers.authorization;
  if (header === undefined) throw unauthenticated('Authentication failed. The Authorization header is missing.');
  const bearer = BEARER.exec(header)?.[1];
  if (bearer === undefined) throw unauthenticated('Authentication failed. Expected "Authorization: Bearer <token>".');
  await context.accessTokens.authenticate(bearer);
  const { vaultID } = request.params as { vaultID: string };
  if (vaultID !== context.vaultId) throw notFound('No vault exists with this ID.');
}

function operationOf(request: FastifyRequest): Operation | undefined {
  return request.routeOptions.config.operation;
}

async function injectBefore(fault: Fault, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.reset) {
    reply.hijack();
    reset(request.raw.socket);
  } else if (fault.status !== undefined) {
    void reply.code(fault.status).headers(faultHeaders(fault)).send(errorBody(fault.status, grpcCodeFor(fault.status), fault.message));
  }
}

async function injectAfter(fault: Fault, request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.reset) {
    reset(request.raw.socket);
    return payload;
  }
  if (fault.status === undefined) return payload;
  void reply.code(fault.status).headers(faultHeaders(fault));
  return JSON.stringify(errorBody(fault.status, grpcCodeFor(fault.status), fault.message));
}

function faultHeaders(fault: Fault): Record<string, string> {
  return fault.retryAfterSeconds === undefined ? {} : { [Header.retryAfter]: String(fault.retryAfterSeconds) };
}

// A TCP reset where the socket supports it (plain TCP); TLS sockets are destroyed.
function reset(socket: Socket): void {
  try {
    socket.resetAndDestroy();
  } catch {
    socket.destroy();
  }
}

function errorName(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? error.name : `${error.name} (${code})`;
}

function sendError(reply: FastifyReply, error: VaultError): void {
  void reply.code(error.httpCode).headers(error.headers).send(error.toBody());
}

function toVaultError(error: unknown): VaultError {
  if (error instanceof VaultError) return error;
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) return badRequest(`Invalid request: ${fastifyError.message}.`);
  const status = fastifyError.statusCode;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new VaultError(413, grpcCodeFor(413), 'The request body is larger than this vault accepts.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest('The request body is not valid JSON.');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new VaultError(414, grpcCodeFor(414), 'A path segment is longer than this vault accepts.');
    case 'FST_ERR_BAD_URL':
      return badRequest('The request URL is malformed.');
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new VaultError(status, grpcCodeFor(status), fastifyError.message.slice(0, MAX_MESSAGE_LENGTH));
  }
  return new VaultError(500, grpcCodeFor(500), 'The local vault failed to process the request.');
}

function drain(stream: IncomingMessage, limit: number): Promise<void> {
  if (stream.complete || stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      stream.off('data', onData);
      stream.off('end', finish);
      stream.off('error', finish);
      stream.off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) finish();
    };
    stream.on('data', onData);
    stream.once('end', finish);
    stream.once('error', finish);
    stream.once('close', finish);
    stream.resume();
  });
}
