// Requests that Node's HTTP server answers (or drops) before Fastify sees
// them. Node's own answers carry no Skyflow error body and no request id, and
// a CONNECT got no answer at all; these answer like every other error.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Header } from '../../wire/paths.js';
import { errorBody, grpcCodeFor } from '../errors.js';

/**
 * Fastify's `clientErrorHandler`: answers a request Node's HTTP parser refuses
 * (not HTTP, a control character in a header, a bad content-length, headers
 * over the size limit, a request that never finished arriving) — Fastify's
 * default answered `{"error","message","statusCode"}` — then closes the
 * connection, which cannot carry another request.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset connection has nobody to answer (https://nodejs.org/api/http.html#event-clienterror).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // An answer to HEAD has no body (RFC 9110 §9.3.2); a client would read one as garbage.
  const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    writeAndClose(socket, 431, 'The request headers are larger than this vault accepts.', head);
  } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    writeAndClose(socket, 408, 'The request did not arrive in time.', head);
  } else {
    writeAndClose(socket, 400, 'The request is not valid HTTP.', head);
  }
}

/** Listens for what Node would otherwise answer itself: `Expect` other than 100-continue, and CONNECT. */
export function answerNodeLevelRequests(server: Server): void {
  // Node answered a bare 417 (https://nodejs.org/api/http.html#event-checkexpectation).
  server.on('checkExpectation', (_request, response) => {
    const body = JSON.stringify(errorBody(417, grpcCodeFor(417), 'Only "Expect: 100-continue" is supported.'));
    response.writeHead(417, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      [Header.requestId]: randomUUID(),
    });
    response.end(body);
  });
  // Node closed the connection without a word (https://nodejs.org/api/http.html#event-connect).
  server.on('connect', (_request, socket: Duplex) => writeAndClose(socket, 405, 'CONNECT is not supported.'));
}

function writeAndClose(socket: Duplex, status: number, message: string, head = false): void {
  if (socket.writable) {
    const body = JSON.stringify(errorBody(status, grpcCodeFor(status), message));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        `${Header.requestId}: ${randomUUID()}\r\n` +
        'connection: close\r\n\r\n' +
        (head ? '' : body),
    );
  }
  socket.destroy();
}
