// Stands in for src/v2/transport/Transport.ts in the adapter-cost benchmark
// (bench/lib/adapter-cost.mjs swaps it in at bundle time). It plays the vault
// server, in process: every request gets a correctly shaped answer at once,
// with one record per record, token or id sent, so the v2 core still checks
// requests and shapes answers exactly as it does over HTTP. Only the network
// (and the real transport's axios, headers and timers) is left out.
import type { Logger } from '../../src/v2/logging/Logger.js';
import type {
  Transport as RealTransport,
  TransportOptions,
  TransportRequest,
  TransportResponse,
} from '../../src/v2/transport/Transport.js';
import type { BatchBody, BatchResponse } from '../../src/wire/batch.js';
import type { FieldRecord } from '../../src/wire/common.js';
import type { InsertRecordsBody, InsertRecordsResponse, UpdateRecordBody, WrittenRecord } from '../../src/wire/records.js';
import type { DetokenizeBody, DetokenizeResponse } from '../../src/wire/tokens.js';

/** What the stub has answered; the benchmark checks it to prove each call made exactly one request. */
export const stubTraffic = { requests: 0 };

let sequence = 0;
const nextId = (): string => `00000000-0000-4000-8000-${String(++sequence % 1e12).padStart(12, '0')}`;

/** The same public surface as the real Transport: `new Transport(options, logger)`, `send`, `close`. */
export class Transport implements Pick<RealTransport, 'send' | 'close'> {
  // Kept only to match the real constructor; the stub never logs or retries.
  // biome-ignore lint/complexity/noUselessConstructor: gives the stub the real `new Transport(options, logger)` signature for tsc.
  constructor(_options: TransportOptions, _logger: Logger) {}

  async send<T>(request: TransportRequest): Promise<TransportResponse<T>> {
    // A vault call without credentials would be a 401: fail loudly instead of answering.
    if (request.bearer === undefined || request.bearer === '') throw new Error(`stub transport: ${request.operation} was sent without a bearer token`);
    stubTraffic.requests++;
    const requestId = `stub-${stubTraffic.requests}`;
    const data = answer(request) as T;
    return { status: 200, data, requestId, headers: { 'x-request-id': requestId, 'content-type': 'application/json' } };
  }

  close(): void {}
}

// Routes by method and path, as the vault's REST API does (src/wire/paths.ts).
function answer(request: TransportRequest): unknown {
  const pathStart = request.url.indexOf('/v1/vaults/');
  if (pathStart < 0) throw new Error(`stub transport: no vault path in ${request.url}`);
  const [vaultId, table, id, extra] = request.url.slice(pathStart + '/v1/vaults/'.length).split('?')[0]!.split('/');
  if (vaultId === undefined || extra !== undefined) throw new Error(`stub transport: unexpected path ${request.url}`);
  const route = `${request.method} ${table === undefined ? 'vault' : id === undefined ? 'table' : 'record'}`;
  if (route === 'POST table' && table === 'detokenize') return detokenize(request.body as DetokenizeBody);
  if (route === 'POST table') return insert(request.body as InsertRecordsBody);
  if (route === 'POST vault') return batch(vaultId, request.body as BatchBody);
  if (route === 'GET table') return get(request.query ?? []);
  if (route === 'PUT record') return update(id!, request.body as UpdateRecordBody);
  throw new Error(`stub transport: no answer for ${request.method} ${request.url}`);
}

function insert(body: InsertRecordsBody): InsertRecordsResponse {
  return { records: body.records.map((record) => written(record.fields, body.tokenization === true)) };
}

// Without continueOnError each entry is `{records: [...]}`; with it, `{Status, Body}`.
function batch(vaultId: string, body: BatchBody): BatchResponse {
  return {
    vaultID: vaultId,
    responses: body.records.map((record) => {
      const result = { records: [written(record.fields ?? {}, record.tokenization === true)] };
      return body.continueOnError ? { Status: 200 as const, Body: result } : result;
    }),
  };
}

function detokenize(body: DetokenizeBody): DetokenizeResponse {
  return {
    records: body.detokenizationParameters.map(({ token }) => ({ token, valueType: 'STRING' as const, value: `value-of-${token}` })),
  };
}

function get(query: ReadonlyArray<readonly [string, string]>): { records: FieldRecord[] } {
  const ids = query.filter(([name]) => name === 'skyflow_ids').map(([, value]) => value);
  return { records: ids.map((id) => ({ fields: { skyflow_id: id, card_number: '4111111111111111', cardholder_name: 'Ada Lovelace' } })) };
}

function update(id: string, body: UpdateRecordBody): WrittenRecord {
  const record: WrittenRecord = { skyflow_id: id };
  if (body.tokenization === true) record.tokens = tokensOf(body.record.fields);
  return record;
}

function written(fields: Readonly<Record<string, unknown>>, tokenization: boolean): WrittenRecord {
  const record: WrittenRecord = { skyflow_id: nextId() };
  if (tokenization) record.tokens = tokensOf(fields);
  return record;
}

function tokensOf(fields: Readonly<Record<string, unknown>>): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const column of Object.keys(fields)) tokens[column] = `tok-${column}-${sequence}`;
  return tokens;
}
