// Legacy insert → one v2 batch insert (records of any tables, one request,
// all-or-nothing unless continueOnError), and its answer → the legacy result.
import { BatchInsertRequest, type BatchInsertRecord, type InsertResponse } from '../v2/index.js';
import type { IInsertRecordInput, IUpsertOption, InsertResult, InsertedRecord, InsertRecordError } from '../v1/types.js';
import { toV1ErrorBody, withRequestId } from './errors.js';
import { answerOf, failure, success, type Answer, type Outcome } from './outcome.js';
import type { LegacyVault } from './v2-client.js';
import { exchange, type V2Call } from './exchange.js';

export interface LegacyInsertOptions {
  tokens: boolean;
  continueOnError: boolean;
  upsert?: IUpsertOption[] | undefined;
}

/** The batch request for a legacy insert; a table's upsert column is its last entry in `upsert`. */
export function toBatchInsert(input: IInsertRecordInput, options: LegacyInsertOptions): BatchInsertRequest {
  const upsertColumn = (table: string) => options.upsert?.reduce<string | undefined>((found, o) => (o.table === table ? o.column : found), undefined);
  return new BatchInsertRequest({
    records: input.records.map((record) => {
      const entry: BatchInsertRecord = { table: record.table, fields: record.fields };
      const column = upsertColumn(record.table);
      if (column !== undefined) entry.upsert = column;
      return entry;
    }),
    returnTokens: options.tokens,
    continueOnError: options.continueOnError,
  });
}

/** What shapes the legacy result of an insert: the two options 1.14.3 answered by. */
export type InsertResultOptions = Pick<LegacyInsertOptions, 'tokens' | 'continueOnError'>;

/**
 * The legacy result of a batch insert: `{records}`, and with continueOnError
 * `{records?, errors?}`. Each record's table is the one of its input record;
 * without the input (a migrated call has only the v2 answer), the one the
 * batch answer gives it, which is the table of the same request record.
 */
export function toInsertResult(response: InsertResponse, input: IInsertRecordInput | undefined, options: InsertResultOptions): InsertResult {
  const records: InsertedRecord[] = response.insertedFields.map(({ skyflowId, requestIndex, table: answered, ...tokens }) => {
    const table = input === undefined ? (answered ?? '') : input.records[requestIndex]!.table;
    return options.tokens
      ? { table, fields: { skyflow_id: skyflowId, ...tokens }, request_index: requestIndex }
      : { table, skyflow_id: skyflowId, request_index: requestIndex };
  });
  if (!options.continueOnError) return { records };
  const errors: InsertRecordError[] = response.errors.map((error) => ({
    error: {
      code: error.httpCode ?? 400,
      description: withRequestId(error.error, error.requestId),
      request_index: error.requestIndex ?? 0,
    },
  }));
  const result: InsertResult = {};
  if (records.length > 0) result.records = records;
  if (errors.length > 0) result.errors = errors;
  return result;
}

/** How a legacy insert ends, from how its one batch insert ended: a failed request fails the whole call (singular error). */
export function insertOutcome(answer: Answer<InsertResponse>, input: IInsertRecordInput | undefined, options: InsertResultOptions): Outcome<InsertResult> {
  return answer.ok ? success(toInsertResult(answer.response, input, options)) : failure({ kind: 'error', body: toV1ErrorBody(answer.error) });
}

export async function insert(
  vault: LegacyVault,
  input: IInsertRecordInput,
  options: LegacyInsertOptions,
  call: V2Call,
): Promise<Outcome<InsertResult>> {
  const answer = await answerOf(() =>
    exchange(call, 'insertBatch', toBatchInsert(input, options), (request, o) => vault.vault.insertBatch(request, o)),
  );
  return insertOutcome(answer, input, options);
}
