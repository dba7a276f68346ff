import { TokenMode } from '../../enums.js';
import { validationError } from '../../errors/messages.js';
import { frozenList, initObject, isPlainObject, optionalBoolean, tableName } from './checks.js';
import { fieldsAt, recordTokens, tokenModeOf, upsertColumn } from './InsertRequest.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** One record of a batch insert: its table, fields, and optionally tokens and an upsert column. */
export interface BatchInsertRecord {
  /** The table to insert this record into. */
  table: string;
  /** The record: column → value. */
  fields: Record<string, unknown>;
  /** With tokenMode ENABLE or ENABLE_STRICT: column → token. */
  tokens?: Record<string, string>;
  /** A unique column of this record's table to upsert on. */
  upsert?: string;
}

/** What a batch insert is made of. */
export interface BatchInsertRequestInit {
  /** The records, each with its table. */
  records: BatchInsertRecord[];
  /** Return the tokens of the inserted values. @default false */
  returnTokens?: boolean;
  /** Without it, one failing record fails the whole batch and nothing is written. @default false */
  continueOnError?: boolean;
  /** Whether tokens may, or must, be given in the records' `tokens`. @default TokenMode.DISABLE */
  tokenMode?: TokenMode;
}

/**
 * An insert of records into several tables, sent as one batch request:
 * all-or-nothing unless `continueOnError`. Each inserted record in the
 * response says its table and its index in `records`.
 *
 * @example
 * ```ts
 * import { BatchInsertRequest, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const { insertedFields } = await client.vault().insertBatch(new BatchInsertRequest({
 *   records: [
 *     { table: 'persons', fields: { name: 'Ada Lovelace', email: 'ada@example.com' } },
 *     { table: 'cards', fields: { cardholder_name: 'Ada Lovelace', cvv: '123' } },
 *   ],
 * }));
 * ```
 */
export class BatchInsertRequest {
  /** The records, each with its table; frozen copies of those given. */
  readonly records: ReadonlyArray<Readonly<BatchInsertRecord>>;
  /** Whether the response holds the tokens of the inserted values. */
  readonly returnTokens: boolean;
  /** Whether records that can be inserted are, while the others are reported in the response's `errors`. */
  readonly continueOnError: boolean;
  /** Whether tokens may, or must, be given in the records' `tokens`. */
  readonly tokenMode: TokenMode;

  constructor(init: BatchInsertRequestInit) {
    try {
      const value = initObject(init, 'batch insert');
      this.returnTokens = optionalBoolean(value['returnTokens'], 'returnTokens') ?? false;
      this.continueOnError = optionalBoolean(value['continueOnError'], 'continueOnError') ?? false;
      this.tokenMode = tokenModeOf(value['tokenMode']);
      this.records = batchRecords(value['records'], this.tokenMode);
    } catch (error) {
      throw inputError(error, 'batch insert request');
    }
    Object.freeze(this);
  }

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: BatchInsertRequest | BatchInsertRequestInit): BatchInsertRequest {
    return readInput('batch insert request', () => (request instanceof BatchInsertRequest ? request : new BatchInsertRequest(request)));
  }
}

function batchRecords(value: unknown, mode: TokenMode): Array<Readonly<BatchInsertRecord>> {
  if (value === undefined || value === null) throw validationError('EMPTY_RECORDS_IN_BATCH');
  if (!Array.isArray(value)) throw validationError('INVALID_RECORDS_IN_BATCH');
  if (value.length === 0) throw validationError('EMPTY_RECORDS_IN_BATCH');
  const anyTokens = value.some((record) => isPlainObject(record) && record['tokens'] !== undefined);
  if (mode === TokenMode.DISABLE && anyTokens) throw validationError('TOKENS_WITH_TOKEN_MODE_DISABLE');
  if (mode !== TokenMode.DISABLE && !anyTokens) throw validationError('NO_TOKENS_WITH_TOKEN_MODE');

  return frozenList(value, (record, index) => {
    if (!isPlainObject(record)) throw validationError('INVALID_RECORD_IN_BATCH', String(index));
    const fields = fieldsAt(record['fields'], index);
    const entry: BatchInsertRecord = { table: tableName(record['table']), fields: fields as Record<string, unknown> };
    const upsert = upsertColumn(record['upsert']);
    if (upsert !== undefined) entry.upsert = upsert;
    if (record['tokens'] !== undefined || mode === TokenMode.ENABLE_STRICT) {
      entry.tokens = recordTokens(record['tokens'], fields, mode, index) as Record<string, string>;
    }
    return Object.freeze(entry);
  });
}
