import type { IInsertOptions, IInsertRecordInput } from '../types.js';
import { has, isObject, singular } from './common.js';

/** Insert options after their checks, with 1.14.3's defaults. */
export interface InsertOptionsResolved {
  tokens: boolean;
  continueOnError: boolean;
  upsert: IInsertOptions['upsert'];
}

/** The option checks and defaults of insert, in 1.14.3's order; singular errors. */
export function resolveInsertOptions(options: unknown): InsertOptionsResolved {
  const value = isObject(options) ? options : {};
  if (value['tokens'] && typeof value['tokens'] !== 'boolean') throw singular('INVALID_TOKENS_IN_INSERT');
  if (value['continueOnError'] && typeof value['continueOnError'] !== 'boolean') {
    throw singular('INVALID_CONTINUE_ON_ERROR_IN_INSERT');
  }
  const resolved: InsertOptionsResolved = {
    tokens: value['tokens'] !== undefined ? Boolean(value['tokens']) : true,
    continueOnError: value['continueOnError'] !== undefined ? Boolean(value['continueOnError']) : false,
    upsert: undefined,
  };
  if (value['upsert']) {
    validateUpsertOptions(value['upsert']);
    resolved.upsert = value['upsert'] as IInsertOptions['upsert'];
  }
  return resolved;
}

export function validateUpsertOptions(upsert: unknown): void {
  if (!Array.isArray(upsert)) throw singular('INVALID_UPSERT_OPTION_TYPE');
  if (upsert.length === 0) throw singular('EMPTY_UPSERT_OPTIONS_ARRAY');
  Array.from(upsert).forEach((option: unknown, index) => {
    if (!isObject(option)) throw singular('INVALID_UPSERT_OPTION_OBJECT_TYPE', index);
    if (!has(option, 'table')) throw singular('MISSING_TABLE_IN_UPSERT_OPTION', index);
    if (!(typeof option['table'] === 'string' && option['table'].length > 0)) throw singular('INVALID_TABLE_IN_UPSERT_OPTION', index);
    if (!has(option, 'column')) throw singular('MISSING_COLUMN_IN_UPSERT_OPTION', index);
    if (!(typeof option['column'] === 'string' && option['column'].length > 0)) throw singular('INVALID_COLUMN_IN_UPSERT_OPTION', index);
  });
}

export function validateInsertRecords(input: unknown): asserts input is IInsertRecordInput {
  if (!isObject(input) || !('records' in input)) throw singular('RECORDS_KEY_NOT_FOUND');
  const { records } = input;
  if (!Array.isArray(records)) throw singular('INVALID_RECORDS');
  if (records.length === 0) throw singular('EMPTY_RECORDS');
  Array.from(records).forEach((record: unknown, index) => {
    if (!isObject(record) || !('table' in record && 'fields' in record)) throw singular('EMPTY_TABLE_AND_FIELDS', `${index}`);
    if (record['table'] === '') throw singular('EMPTY_TABLE', `${index}`);
  });
}
