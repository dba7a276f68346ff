// Legacy get / getById (one request per record entry) → one v2 get per entry,
// and the answers → the legacy records, `{fields: {id, ...}, table}`.
import { GetRequest, type GetResponse } from '../v2/index.js';
import type { GetRecordError, GetRecordResult, IGetRecord } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { combine, type Outcome } from './outcome.js';
import type { LegacyVault } from './v2-client.js';
import { exchange, type V2Call } from './exchange.js';

export function toGetRequest(record: IGetRecord, tokens: boolean): GetRequest {
  return new GetRequest({
    table: record.table,
    ...(record.ids !== undefined ? { ids: record.ids } : {}),
    ...(record.columnName !== undefined ? { columnName: record.columnName } : {}),
    ...(record.columnValues !== undefined ? { columnValues: record.columnValues } : {}),
    ...(record.redaction ? { redactionType: record.redaction } : {}),
    returnTokens: tokens,
  });
}

export function toGetRecords(response: GetResponse, table: string): GetRecordResult[] {
  return response.data.map(({ skyflowId, ...columns }) => ({ fields: { id: skyflowId, ...columns }, table }));
}

export function toGetError(error: unknown, record: IGetRecord): GetRecordError {
  return { error: toV1ErrorBody(error), ids: record.ids, ...(record.columnName ? { columnName: record.columnName } : {}) };
}

export async function get(
  vault: LegacyVault,
  records: IGetRecord[],
  tokens: boolean,
  call: V2Call,
): Promise<Outcome<{ records: GetRecordResult[] }>> {
  const results = await Promise.all(
    records.map(async (record) => {
      try {
        const response = await exchange(call, 'get', toGetRequest(record, tokens), (request, o) => vault.vault.get(request, o));
        return { records: toGetRecords(response, record.table) };
      } catch (error) {
        return { error: toGetError(error, record) };
      }
    }),
  );
  return combine(
    results.flatMap((result) => result.records ?? []),
    results.flatMap((result) => (result.error ? [result.error] : [])),
  );
}
