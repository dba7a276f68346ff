// Retries, timeouts, aborts and connection failures against a real local
// vault with injected faults. Delays are recorded by an injected sleep, so
// nothing waits for a backoff and nothing depends on the machine's speed.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import {
  DeleteRequest,
  GetRequest,
  InsertRequest,
  LogLevel,
  Skyflow,
  SkyflowAbortError,
  SkyflowConnectionError,
  SkyflowTimeoutError,
  VERSION,
} from '../../src/v2/index.js';
import { card } from '../helpers/data.js';
import { rejection } from '../helpers/outcomes.js';

let vault: LocalVault;
let delays: number[];
let client: Skyflow;

function makeClient(overrides: { timeoutMs?: number; limit?: number; baseUrl?: string } = {}) {
  return new Skyflow({
    vaultConfigs: [{ vaultId: vault.vaultId, baseUrl: overrides.baseUrl ?? vault.url, caCert: vault.caCert! }],
    skyflowCredentials: { apiKey: vault.apiKey },
    logLevel: LogLevel.OFF,
    ...(overrides.timeoutMs ? { timeoutMs: overrides.timeoutMs } : {}),
    retry: {
      limit: overrides.limit ?? 2,
      random: () => 0,
      sleep: async (ms) => {
        delays.push(ms);
      },
    },
  });
}

beforeAll(async () => {
  vault = await startLocalVault();
  client = makeClient();
});
afterAll(async () => {
  client.close();
  await vault.close();
});
beforeEach(() => {
  delays = [];
  vault.setFaults([]);
});

const requests = (operation: 'getMany' | 'insert' | 'deleteMany') => vault.stats().requests[operation];
const read = (target = client, options?: { signal?: AbortSignal; timeoutMs?: number }) =>
  target.vault().get(new GetRequest({ table: 'cards', limit: 1 }), options);

async function countByCardNumber(cardNumber: string): Promise<number> {
  const { fields } = await client.vault().query({ query: `SELECT COUNT(*) AS n FROM cards WHERE card_number = '${cardNumber}'` });
  return fields[0]!['n'] as number;
}


describe('reads and idempotent writes', () => {
  it('retry a 503 with exponential backoff and succeed', async () => {
    vault.setFaults([{ operation: 'getMany', status: 503, times: 2 }]);
    const before = requests('getMany');
    await expect(read()).resolves.toBeDefined();
    expect(requests('getMany') - before).toBe(3);
    expect(delays).toEqual([500, 1000]);
  });

  it('give up after the retry limit with the last error and its request id', async () => {
    vault.setFaults([{ operation: 'getMany', status: 500 }]);
    const before = requests('getMany');
    const error = await rejection(read());
    expect(error).toMatchObject({ httpCode: 500, grpcCode: 13, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(requests('getMany') - before).toBe(3);
    expect(delays).toEqual([500, 1000]);
  });

  it('wait as long as Retry-After says', async () => {
    vault.setFaults([{ operation: 'getMany', retryAfterSeconds: 3, times: 1 }]);
    await expect(read()).resolves.toBeDefined();
    expect(delays).toEqual([3000]);
  });

  it('stop when Retry-After is longer than allowed', async () => {
    vault.setFaults([{ operation: 'getMany', retryAfterSeconds: 120, times: 1 }]);
    expect((await rejection(read())).httpCode).toBe(429);
    expect(delays).toEqual([]);
  });

  it('retry a connection reset', async () => {
    vault.setFaults([{ operation: 'getMany', reset: true, times: 1 }]);
    await expect(read()).resolves.toBeDefined();
    expect(delays).toHaveLength(1);
  });

  it('are not retried on a 4xx', async () => {
    const before = requests('getMany');
    expect((await rejection(client.vault().get({ table: 'cards', ids: ['no-such-id'] }))).httpCode).toBe(404);
    expect(requests('getMany') - before).toBe(1);
  });

  it('retry an upsert whose answer was lost after it was applied, and write it once', async () => {
    const values = card();
    vault.setFaults([{ operation: 'insert', phase: 'after', status: 503, times: 1 }]);
    const { insertedFields } = await client.vault().insert(new InsertRequest({ table: 'cards', values: [values], upsert: 'card_number' }));
    expect(insertedFields[0]!.skyflowId).toMatch(/^[0-9a-f-]{36}$/);
    expect(delays).toHaveLength(1);
    expect(await countByCardNumber(values.card_number)).toBe(1);
  });
});

describe('a plain insert', () => {
  it('is not sent twice after a 503: the vault may have applied it', async () => {
    vault.setFaults([{ operation: 'insert', status: 503, times: 1 }]);
    const before = requests('insert');
    expect((await rejection(client.vault().insert({ table: 'cards', values: [card()] }))).httpCode).toBe(503);
    expect(requests('insert') - before).toBe(1);
    expect(delays).toEqual([]);
  });

  it('is not sent twice when the connection breaks after the vault applied it', async () => {
    const values = card();
    vault.setFaults([{ operation: 'insert', phase: 'after', reset: true, times: 1 }]);
    const error = await rejection(client.vault().insert({ table: 'cards', values: [values] }));
    expect(error).toBeInstanceOf(SkyflowConnectionError);
    expect(delays).toEqual([]);
    expect(await countByCardNumber(values.card_number)).toBe(1);
  });

  it('is retried after a 429: the vault refused it before processing', async () => {
    const values = card();
    vault.setFaults([{ operation: 'insert', retryAfterSeconds: 1, times: 1 }]);
    await expect(client.vault().insert({ table: 'cards', values: [values] })).resolves.toBeDefined();
    expect(delays).toEqual([1000]);
    expect(await countByCardNumber(values.card_number)).toBe(1);
  });

  it('is retried when the connection was refused: nothing was sent', async () => {
    const closed = await startLocalVault({ tls: false });
    const url = closed.url;
    await closed.close();
    const refused = makeClient({ baseUrl: url });
    const error = await rejection(refused.vault().insert({ table: 'cards', values: [card()] }));
    refused.close();
    expect(error).toBeInstanceOf(SkyflowConnectionError);
    expect(error).toMatchObject({ httpCode: 0, message: 'Network error: the request to the vault failed (ECONNREFUSED).' });
    expect(delays).toEqual([500, 1000]);
  });
});

describe('a delete', () => {
  it('is not retried once the vault may have applied it', async () => {
    const { insertedFields } = await client.vault().insert({ table: 'cards', values: [card()] });
    const id = insertedFields[0]!.skyflowId;
    vault.setFaults([{ operation: 'deleteMany', phase: 'after', status: 500, times: 1 }]);
    expect((await rejection(client.vault().delete(new DeleteRequest({ table: 'cards', ids: [id] })))).httpCode).toBe(500);
    expect(delays).toEqual([]);
    expect((await rejection(client.vault().get({ table: 'cards', ids: [id] }))).httpCode).toBe(404);
  });
});

describe('timeouts and aborts', () => {
  it('a slow answer is a SkyflowTimeoutError, retried for reads', async () => {
    const impatient = makeClient({ timeoutMs: 150, limit: 1 });
    vault.setFaults([{ operation: 'getMany', latencyMs: 1000, times: 1 }]);
    await expect(read(impatient)).resolves.toBeDefined();
    expect(delays).toHaveLength(1);

    vault.setFaults([{ operation: 'getMany', latencyMs: 1000 }]);
    const error = await rejection(read(impatient));
    impatient.close();
    expect(error).toBeInstanceOf(SkyflowTimeoutError);
    expect(error).toMatchObject({ httpCode: 0, grpcCode: 4, message: 'The vault did not answer within 150 ms.' });
  });

  it('a per-call timeout overrides the client one', async () => {
    vault.setFaults([{ operation: 'getMany', latencyMs: 1000 }]);
    const error = await rejection(read(makeClient({ limit: 0 }), { timeoutMs: 100 }));
    expect(error.message).toBe('The vault did not answer within 100 ms.');
  });

  it('an aborted signal stops the call before it is sent, or while it waits', async () => {
    const before = requests('getMany');
    const error = await rejection(read(client, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(SkyflowAbortError);
    expect(requests('getMany')).toBe(before);

    vault.setFaults([{ operation: 'getMany', latencyMs: 1000 }]);
    const controller = new AbortController();
    const pending = read(client, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const aborted = await rejection(pending);
    expect(aborted).toBeInstanceOf(SkyflowAbortError);
    expect(delays).toEqual([]);
  });

  it('bad call options are a SkyflowError', async () => {
    expect((await rejection(read(client, { timeoutMs: -1 }))).message).toBe(
      'Validation error. Invalid call options. Specify { signal?: AbortSignal, timeoutMs?: positive number }.',
    );
  });
});

describe('what goes on the wire', () => {
  let server: Server;
  let seen: IncomingHttpHeaders[];
  let url: string;

  beforeAll(async () => {
    seen = [];
    server = createServer((request, response) => {
      seen.push(request.headers);
      response.setHeader('content-type', 'application/json');
      response.setHeader('x-request-id', 'req-1');
      response.end(JSON.stringify({ records: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('sends the bearer, JSON and the sky-metadata header naming skyflow-bridge', async () => {
    const plain = makeClient({ baseUrl: url });
    await plain.vault().get({ table: 'cards', ids: ['a'] });
    plain.close();
    const headers = seen.at(-1)!;
    expect(headers['authorization']).toBe(`Bearer ${vault.apiKey}`);
    expect(headers['accept']).toBe('application/json');
    expect(JSON.parse(headers['sky-metadata'] as string)).toEqual({
      sdk_name_version: `skyflow-bridge@${VERSION}`,
      sdk_client_device_model: `${process.platform} ${process.arch}`,
      sdk_client_os_details: expect.stringMatching(new RegExp(`^${process.platform}-`)),
      sdk_runtime_details: `Node@${process.version}`,
    });
  });
});

describe('answers as the HTTP layer delivers them', () => {
  type Mode = 'gzip' | 'deflate' | 'br' | 'cut' | 'proto' | 'echo';
  let server: Server;
  let url: string;
  let mode: Mode;
  let received: { headers: IncomingHttpHeaders; body: string }[];
  const records = { records: [{ fields: { skyflow_id: 'id-1', cardholder_name: 'Ada' } }] };

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const json = Buffer.from(JSON.stringify(records));
        response.setHeader('content-type', 'application/json');
        if (mode === 'gzip' || mode === 'deflate' || mode === 'br') {
          const encoded = mode === 'gzip' ? gzipSync(json) : mode === 'deflate' ? deflateSync(json) : brotliCompressSync(json);
          response.setHeader('content-encoding', mode);
          response.end(encoded);
        } else if (mode === 'cut') {
          // Promise a longer body than is sent, then drop the connection.
          response.setHeader('content-length', String(json.length + 100));
          response.write(json.subarray(0, 10));
          setTimeout(() => response.socket?.destroy(), 20);
        } else if (mode === 'proto') {
          response.end('{"records":[{"fields":{"skyflow_id":"id-1","__proto__":{"polluted":true}}}]}');
        } else {
          response.end(JSON.stringify({ skyflow_id: 'id-1', tokens: {} }));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    received = [];
  });

  it.each(['gzip', 'deflate', 'br'] as const)('decodes a %s answer', async (encoding) => {
    mode = encoding;
    const plain = makeClient({ baseUrl: url });
    const { data } = await plain.vault().get({ table: 'cards', ids: ['id-1'] });
    plain.close();
    expect(data).toEqual([{ skyflowId: 'id-1', cardholder_name: 'Ada' }]);
    expect(received[0]!.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('a connection dropped in the middle of an answer is a connection error, retried for reads', async () => {
    mode = 'cut';
    const plain = makeClient({ baseUrl: url, limit: 1 });
    const error = await rejection(plain.vault().get({ table: 'cards', ids: ['id-1'] }));
    plain.close();
    expect(error).toBeInstanceOf(SkyflowConnectionError);
    expect(error).toMatchObject({ httpCode: 0, message: 'Network error: the request to the vault failed (ECONNRESET).' });
    expect(received).toHaveLength(2);
  });

  it('a column named __proto__ stays a column and never becomes a prototype', async () => {
    mode = 'proto';
    const plain = makeClient({ baseUrl: url });
    const { data } = await plain.vault().get({ table: 'cards', ids: ['id-1'] });
    plain.close();
    const record = data[0]! as Record<string, unknown>;
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.hasOwn(record, '__proto__')).toBe(true);
    expect(record['polluted']).toBeUndefined();
  });

  it('sends a JSON body with its exact length, and an update body as the vault expects it', async () => {
    mode = 'echo';
    const plain = makeClient({ baseUrl: url });
    await plain.vault().update({ table: 'cards', data: { skyflowId: 'id-1', cardholder_name: 'Zoë' }, returnTokens: true });
    plain.close();
    const [{ headers, body }] = received as [{ headers: IncomingHttpHeaders; body: string }];
    expect(headers['content-type']).toBe('application/json');
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body));
    expect(JSON.parse(body)).toEqual({ record: { fields: { cardholder_name: 'Zoë' } }, tokenization: true, byot: 'DISABLE' });
  });
});
