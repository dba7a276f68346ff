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
  skyflowId: string;
  /** Index of the record in the request's `values` (or batch `records`). */
  requestIndex: number;
  /** The record's table (batch inserts). */
  table?: string;
  /** column → token */
  [column: string]: unknown;
}

/** Result of an insert: the inserted records, and with continueOnError the ones that failed. */
export class InsertResponse {
  readonly insertedFields: readonly InsertedRecord[];
  readonly errors: readonly RecordError[];
  constructor(insertedFields: InsertedRecord[], errors: RecordError[] = []) {
    this.insertedFields = insertedFields;
    this.errors = errors;
  }
}

/** A record read by get: its id and its columns (values, or tokens); a column named `skyflowId` is left out. */
export interface RecordData {
  skyflowId: string;
  [column: string]: unknown;
}

export class GetResponse {
  readonly data: readonly RecordData[];
  readonly errors: readonly RecordError[];
  constructor(data: RecordData[], errors: RecordError[] = []) {
    this.data = data;
    this.errors = errors;
  }
}

export class UpdateResponse {
  /** The record's id and, when asked for, the tokens of the updated columns. */
  readonly updatedField: Readonly<RecordData>;
  readonly errors: readonly RecordError[];
  constructor(updatedField: RecordData, errors: RecordError[] = []) {
    this.updatedField = updatedField;
    this.errors = errors;
  }
}

export class DeleteResponse {
  readonly deletedIds: readonly string[];
  readonly errors: readonly RecordError[];
  constructor(deletedIds: string[], errors: RecordError[] = []) {
    this.deletedIds = deletedIds;
    this.errors = errors;
  }
}

/** A detokenized token: its value as revealed, and the value's type. */
export interface DetokenizedField {
  token: string;
  value: string;
  type: ValueType;
}

export class DetokenizeResponse {
  readonly detokenizedFields: readonly DetokenizedField[];
  /** With continueOnError: the tokens that failed, each with its `token`. */
  readonly errors: readonly RecordError[];
  constructor(detokenizedFields: DetokenizedField[], errors: RecordError[] = []) {
    this.detokenizedFields = detokenizedFields;
    this.errors = errors;
  }
}

export class TokenizeResponse {
  /** One token per requested value, in request order. */
  readonly tokens: ReadonlyArray<{ token: string }>;
  readonly errors: readonly RecordError[];
  constructor(tokens: Array<{ token: string }>, errors: RecordError[] = []) {
    this.tokens = tokens;
    this.errors = errors;
  }
}

/** A row of a query: its columns, `skyflowId` when selected, and tokens when the vault returns them. */
export interface QueryRecord {
  skyflowId?: string;
  tokenizedData?: Record<string, string>;
  [column: string]: unknown;
}

export class QueryResponse {
  readonly fields: readonly QueryRecord[];
  readonly errors: readonly RecordError[];
  constructor(fields: QueryRecord[], errors: RecordError[] = []) {
    this.fields = fields;
    this.errors = errors;
  }
}
