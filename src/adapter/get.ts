// Legacy get / getById (one request per record entry) → one v2 get per entry,
// and the answers → the legacy records, `{fields: {id, ...}, table}`.
import { GetRequest, type GetResponse } from '../v2/index.js';
import type { GetRecordError, GetRecordResult, IGetRecord } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { answerOf, combine, type Answer, type Outcome } from './outcome.js';
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

/** What a get's legacy result and errors say about its record entry. */
export type GetEntry = Pick<IGetRecord, 'table' | 'ids' | 'columnName'>;

export function toGetError(error: unknown, record: GetEntry): GetRecordError {
  return { error: toV1ErrorBody(error), ids: record.ids, ...(record.columnName ? { columnName: record.columnName } : {}) };
}

/** How a legacy get ends, from how the v2 get of each record entry ended (in entry order). */
export function getOutcome(answers: ReadonlyArray<readonly [Answer<GetResponse>, GetEntry]>): Outcome<{ records: GetRecordResult[] }> {
  return combine(
    answers.flatMap(([answer, record]) => (answer.ok ? toGetRecords(answer.response, record.table) : [])),
    answers.flatMap(([answer, record]) => (answer.ok ? [] : [toGetError(answer.error, record)])),
  );
}

export async function get(
  vault: LegacyVault,
  records: IGetRecord[],
  tokens: boolean,
  call: V2Call,
): Promise<Outcome<{ records: GetRecordResult[] }>> {
  const answers = await Promise.all(
    records.map(async (record) => {
      const answer = await answerOf(() => exchange(call, 'get', toGetRequest(record, tokens), (request, o) => vault.vault.get(request, o)));
      return [answer, record] as const;
    }),
  );
  return getOutcome(answers);
}
