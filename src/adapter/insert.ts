// Legacy insert → one v2 batch insert (records of any tables, one request,
// all-or-nothing unless continueOnError), and its answer → the legacy result.
import { BatchInsertRequest, type BatchInsertRecord, type InsertResponse } from '../v2/index.js';
import type { IInsertRecordInput, IUpsertOption, InsertResult, InsertedRecord, InsertRecordError } from '../v1/types.js';
import { toV1ErrorBody, withRequestId } from './errors.js';
import { failure, success, type Outcome } from './outcome.js';
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

/** The legacy result of a batch insert: `{records}`, and with continueOnError `{records?, errors?}`. */
export function toInsertResult(response: InsertResponse, input: IInsertRecordInput, options: LegacyInsertOptions): InsertResult {
  const records: InsertedRecord[] = response.insertedFields.map(({ skyflowId, requestIndex, table: _table, ...tokens }) => {
    const table = input.records[requestIndex]!.table;
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

export async function insert(
  vault: LegacyVault,
  input: IInsertRecordInput,
  options: LegacyInsertOptions,
  call: V2Call,
): Promise<Outcome<InsertResult>> {
  try {
    const response = await exchange(call, 'insertBatch', toBatchInsert(input, options), (request, o) => vault.vault.insertBatch(request, o));
    return success(toInsertResult(response, input, options));
  } catch (error) {
    return failure({ kind: 'error', body: toV1ErrorBody(error) });
  }
}
