// The results of vault operations. Plain data: every field is readonly and
// the classes carry no behaviour, so they print and serialise as they are.
import type { RecordError } from '../errors/SkyflowError.js';
import type { ValueType } from '../../wire/enums.js';

/**
 * An inserted record: its id, its position in the request, and its tokens
 * when asked for. The fixed keys come first; a column that has the name of
 * one (`skyflowId`, `requestIndex`, `table`) is left out rather than overwrite it.
 */
export interface InsertedRecord {
  /** The id the vault gave the record. */
  skyflowId: string;
  /** Index of the record in the request's `values` (or batch `records`). */
  requestIndex: number;
  /** The record's table; set by `insertBatch` only. */
  table?: string;
  /** With `returnTokens`: the token of each inserted column, by column name. */
  [column: string]: unknown;
}

/** Result of an insert: the inserted records, and with continueOnError the ones that failed. */
export class InsertResponse {
  /** The inserted records, in request order. */
  readonly insertedFields: readonly InsertedRecord[];
  /** With `continueOnError`: the records that failed, each with its `requestIndex`; otherwise empty. */
  readonly errors: readonly RecordError[];
  constructor(insertedFields: InsertedRecord[], errors: RecordError[] = []) {
    this.insertedFields = insertedFields;
    this.errors = errors;
  }
}

/** A record read by get: its id and its columns (values, or tokens); a column named `skyflowId` is left out. */
export interface RecordData {
  /** The record's id. */
  skyflowId: string;
  /** The record's columns by name: values as revealed, or tokens when asked for. */
  [column: string]: unknown;
}

/** Result of a get: the records found. */
export class GetResponse {
  /** The records, in the order the vault returned them. */
  readonly data: readonly RecordData[];
  /** Always empty: a failure rejects the whole call. There so that every response has the same shape. */
  readonly errors: readonly RecordError[];
  constructor(data: RecordData[], errors: RecordError[] = []) {
    this.data = data;
    this.errors = errors;
  }
}

/** Result of an update: the record's id, and its new tokens when asked for. */
export class UpdateResponse {
  /** The record's id and, when asked for, the tokens of the updated columns. */
  readonly updatedField: Readonly<RecordData>;
  /** Always empty: a failure rejects the whole call. There so that every response has the same shape. */
  readonly errors: readonly RecordError[];
  constructor(updatedField: RecordData, errors: RecordError[] = []) {
    this.updatedField = updatedField;
    this.errors = errors;
  }
}

/** Result of a delete: the ids of the deleted records. */
export class DeleteResponse {
  /** The skyflow ids of the deleted records. */
  readonly deletedIds: readonly string[];
  /** Always empty: a failure rejects the whole call. There so that every response has the same shape. */
  readonly errors: readonly RecordError[];
  constructor(deletedIds: string[], errors: RecordError[] = []) {
    this.deletedIds = deletedIds;
    this.errors = errors;
  }
}

/** A detokenized token: its value as revealed, and the value's type. */
export interface DetokenizedField {
  /** The token, as given in the request. */
  token: string;
  /** The value, revealed as the request's redaction type says. */
  value: string;
  /** The type of the column the value comes from, e.g. `STRING` or `DATE`. */
  type: ValueType;
}

/** Result of a detokenize: the values of the tokens, and with continueOnError the tokens that failed. */
export class DetokenizeResponse {
  /** The detokenized tokens, in request order (without those that failed). */
  readonly detokenizedFields: readonly DetokenizedField[];
  /** With continueOnError: the tokens that failed, each with its `token`. */
  readonly errors: readonly RecordError[];
  constructor(detokenizedFields: DetokenizedField[], errors: RecordError[] = []) {
    this.detokenizedFields = detokenizedFields;
    this.errors = errors;
  }
}

/** Result of a tokenize: one token per value. */
export class TokenizeResponse {
  /** One token per requested value, in request order. */
  readonly tokens: ReadonlyArray<{
    /** The token the vault holds for the value. */
    token: string;
  }>;
  /** Always empty: a failure rejects the whole call. There so that every response has the same shape. */
  readonly errors: readonly RecordError[];
  constructor(tokens: Array<{ token: string }>, errors: RecordError[] = []) {
    this.tokens = tokens;
    this.errors = errors;
  }
}

/** A row of a query: its columns, `skyflowId` when selected, and tokens when the vault returns them. */
export interface QueryRecord {
  /** The record's id, when the query selects `skyflow_id`. */
  skyflowId?: string;
  /** Tokens of the row's columns by column name, when the vault returns them. */
  tokenizedData?: Record<string, string>;
  /** The selected columns by name. */
  [column: string]: unknown;
}

/** Result of a query: its rows. */
export class QueryResponse {
  /** The rows, in the order the vault returned them. */
  readonly fields: readonly QueryRecord[];
  /** Always empty: a failure rejects the whole call. There so that every response has the same shape. */
  readonly errors: readonly RecordError[];
  constructor(fields: QueryRecord[], errors: RecordError[] = []) {
    this.fields = fields;
    this.errors = errors;
  }
}
