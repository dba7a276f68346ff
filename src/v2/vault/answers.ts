// Vault answers (wire shapes) → v2 responses. Pure functions; a body that does
// not have the expected shape is a SkyflowError, never a TypeError.
import type { BatchResponse, BatchStatusEntry } from '../../wire/batch.js';
import type { FieldRecord } from '../../wire/common.js';
import type { BulkDeleteResponse, BulkGetResponse, InsertRecordsResponse, UpdateRecordResponse, WrittenRecord } from '../../wire/records.js';
import type { DetokenizeResponse as WireDetokenize, TokenizeResponse as WireTokenize } from '../../wire/tokens.js';
import type { QueryResponse as WireQuery } from '../../wire/query.js';
import { SkyflowError, type RecordError } from '../errors/SkyflowError.js';
import { plainCopy, setOwn } from './plain-copy.js';
import {
  DeleteResponse,
  DetokenizeResponse,
  GetResponse,
  InsertResponse,
  QueryResponse,
  TokenizeResponse,
  UpdateResponse,
  type InsertedRecord,
  type RecordData,
} from './responses.js';

/** An answer and its request id. */
export interface Answer<T> {
  status: number;
  data: T;
  requestId: string | null;
}

const SKYFLOW_ID = 'skyflow_id';

export function insertAnswer(answer: Answer<InsertRecordsResponse>): InsertResponse {
  const records = listOf<WrittenRecord>(answer, answer.data?.records);
  return new InsertResponse(records.map((record, index) => inserted(answer, record, index)));
}

/** A batch answer: one entry per record, either `{records}` or (continueOnError) `{Status, Body}`. */
export function batchInsertAnswer(answer: Answer<BatchResponse>, tables: readonly string[] | undefined): InsertResponse {
  const entries = listOf<BatchResponse['responses'][number]>(answer, answer.data?.responses);
  const insertedFields: InsertedRecord[] = [];
  const errors: RecordError[] = [];
  entries.forEach((entry, index) => {
    const table = tables?.[index];
    const status = isStatusEntry(entry) ? entry : undefined;
    if (status && status.Status !== 200) {
      const body = status.Body as { error?: unknown };
      errors.push({
        requestIndex: index,
        requestId: answer.requestId,
        httpCode: Number(status.Status),
        error: typeof body?.error === 'string' ? body.error : 'The vault did not say why this record failed.',
      });
      return;
    }
    const body = (status ? status.Body : entry) as { records?: unknown };
    const [record] = listOf<WrittenRecord>(answer, body?.records);
    if (!record) throw unexpected(answer);
    insertedFields.push(inserted(answer, record, index, table));
  });
  return new InsertResponse(insertedFields, errors);
}

export function getAnswer(answer: Answer<BulkGetResponse>): GetResponse {
  return new GetResponse(listOf<FieldRecord>(answer, answer.data?.records).map((record) => recordData(answer, record.fields)));
}

export function updateAnswer(answer: Answer<UpdateRecordResponse>): UpdateResponse {
  const data = answer.data;
  if (typeof data?.skyflow_id !== 'string') throw unexpected(answer);
  return new UpdateResponse(withColumns({ skyflowId: data.skyflow_id }, data.tokens));
}

export function deleteAnswer(answer: Answer<BulkDeleteResponse>): DeleteResponse {
  return new DeleteResponse(listOf<string>(answer, answer.data?.RecordIDResponse));
}

export function detokenizeAnswer(answer: Answer<WireDetokenize>): DetokenizeResponse {
  const fields: DetokenizeResponse['detokenizedFields'][number][] = [];
  const errors: RecordError[] = [];
  for (const record of listOf<WireDetokenize['records'][number]>(answer, answer.data?.records)) {
    if ('error' in record) errors.push({ token: record.token, error: record.error, requestId: answer.requestId });
    else fields.push({ token: record.token, value: record.value, type: record.valueType });
  }
  return new DetokenizeResponse(fields, errors);
}

export function tokenizeAnswer(answer: Answer<WireTokenize>): TokenizeResponse {
  return new TokenizeResponse(listOf<{ token: string }>(answer, answer.data?.records).map(({ token }) => ({ token })));
}

export function queryAnswer(answer: Answer<WireQuery>): QueryResponse {
  return new QueryResponse(
    listOf<FieldRecord>(answer, answer.data?.records).map((record) => {
      const { [SKYFLOW_ID]: id, ...fields } = record.fields ?? {};
      const row: QueryResponse['fields'][number] = typeof id === 'string' ? { skyflowId: id, ...fields } : { ...fields };
      if (record.tokens) row.tokenizedData = { ...record.tokens };
      return row;
    }),
  );
}

function inserted(answer: Answer<unknown>, record: WrittenRecord, index: number, table?: string): InsertedRecord {
  if (typeof record?.skyflow_id !== 'string') throw unexpected(answer);
  const fixed = table === undefined ? { skyflowId: record.skyflow_id, requestIndex: index } : { skyflowId: record.skyflow_id, requestIndex: index, table };
  return withColumns(fixed, record.tokens) as InsertedRecord;
}

function recordData(answer: Answer<unknown>, fields: Record<string, unknown> | undefined): RecordData {
  const { [SKYFLOW_ID]: id, ...columns } = fields ?? {};
  if (typeof id !== 'string') throw unexpected(answer);
  return withColumns({ skyflowId: id }, columns) as RecordData;
}

// Columns after the fixed keys; a column cannot overwrite them.
function withColumns<T extends Record<string, unknown>>(fixed: T, columns: Record<string, unknown> | undefined): T {
  const result = plainCopy(fixed);
  if (columns === undefined || columns === null) return result as T;
  for (const column of Object.keys(columns)) if (!Object.hasOwn(fixed, column)) setOwn(result, column, columns[column]);
  return result as T;
}

function isStatusEntry(entry: unknown): entry is BatchStatusEntry {
  return typeof entry === 'object' && entry !== null && 'Status' in entry;
}

function listOf<T>(answer: Answer<unknown>, value: unknown): T[] {
  if (!Array.isArray(value)) throw unexpected(answer);
  return value as T[];
}

function unexpected(answer: Answer<unknown>): SkyflowError {
  return new SkyflowError({
    message: 'The vault answered with a body this client cannot read.',
    httpCode: answer.status,
    httpStatus: 'Unexpected Answer',
    requestId: answer.requestId,
  });
}
