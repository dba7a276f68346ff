// Checks of detokenize, getById and get, in 1.14.3's order; plural errors.
import type { IDetokenizeInput, IGetByIdInput, IGetInput, IGetOptions } from '../types.js';
import { has, isObject, isRedaction, plural } from './common.js';

function recordsOf(input: unknown): unknown[] {
  if (!isObject(input) || !has(input, 'records')) throw plural('MISSING_RECORDS');
  const { records } = input;
  if (!Array.isArray(records)) throw plural('INVALID_RECORDS');
  if (records.length === 0) throw plural('EMPTY_RECORDS');
  return Array.from(records);
}

function recordAt(record: unknown): Record<string, unknown> {
  if (!isObject(record) || Object.keys(record).length === 0) throw plural('EMPTY_RECORDS');
  return record;
}

export function validateDetokenizeInput(input: unknown): asserts input is IDetokenizeInput {
  for (const item of recordsOf(input)) {
    const record = recordAt(item);
    if (!record['token']) throw plural('MISSING_TOKEN');
    if (typeof record['token'] !== 'string') throw plural('INVALID_TOKEN_ID');
    if (has(record, 'redaction') && !isRedaction(record['redaction'])) throw plural('DETOKENIZE_INVALID_REDACTION_TYPE');
  }
}

function checkIds(ids: unknown): void {
  if (ids === undefined || ids === null) return;
  if (!Array.isArray(ids)) throw plural('INVALID_RECORD_ID_TYPE');
  if (ids.length === 0) throw plural('EMPTY_RECORD_IDS');
  if (Array.from(ids).some((id) => typeof id !== 'string')) throw plural('INVALID_RECORD_ID_TYPE');
}

function checkTable(record: Record<string, unknown>): void {
  if (!has(record, 'table')) throw plural('MISSING_TABLE');
  if (record['table'] === '' || typeof record['table'] !== 'string') throw plural('INVALID_RECORD_TABLE_VALUE');
}

export function validateGetByIdInput(input: unknown): asserts input is IGetByIdInput {
  for (const item of recordsOf(input)) {
    const record = recordAt(item);
    if (!record['ids']) throw plural('MISSING_IDS');
    checkIds(record['ids']);
    if (!record['redaction']) throw plural('MISSING_REDACTION');
    if (!isRedaction(record['redaction'])) throw plural('INVALID_REDACTION_TYPE');
    checkTable(record);
    if (has(record, 'columnName') || has(record, 'columnValues')) throw plural('INVALID_GET_BY_ID_INPUT');
  }
}

/** `options` as get reads it: an object (null and other values count as none). */
export function getOptionsOf(options: unknown): IGetOptions {
  return isObject(options) ? (options as IGetOptions) : {};
}

export function validateGetInput(input: unknown, options: IGetOptions): asserts input is IGetInput {
  if (!isObject(input) || !has(input, 'records')) throw plural('MISSING_RECORDS');
  const records = input['records'];
  if (!Array.isArray(records)) throw plural('INVALID_RECORDS');
  if (records.length === 0) throw plural('EMPTY_RECORDS');
  if (has(options, 'tokens') && typeof options.tokens !== 'boolean') throw plural('INVALID_TOKENS_IN_GET');
  if (has(options, 'encodeURI') && typeof options.encodeURI !== 'boolean') throw plural('INVALID_ENCODE_URI_IN_GET');
  const tokens = has(options, 'tokens') && options.tokens === true;
  for (const item of Array.from(records)) {
    const record = recordAt(item);
    const ids = record['ids'];
    if (Array.isArray(ids) && ids.length === 0) throw plural('EMPTY_RECORD_IDS');
    checkIds(ids);
    const redaction = record['redaction'];
    if (!tokens) {
      if (!redaction) throw plural('MISSING_REDACTION');
      if (!isRedaction(redaction)) throw plural('INVALID_REDACTION_TYPE');
    }
    checkTable(record);
    const columnName = record['columnName'];
    const columnValues = record['columnValues'];
    if (columnName === undefined && columnValues === undefined && ids === undefined) throw plural('MISSING_ID_AND_COLUMN_NAME');
    if (columnName != null && columnValues === undefined) throw plural('MISSING_RECORD_COLUMN_VALUE');
    if (columnName === undefined && columnValues !== undefined) throw plural('MISSING_RECORD_COLUMN_NAME');
    if (columnName != null && typeof columnName !== 'string') throw plural('INVALID_RECORD_COLUMN_VALUE');
    if (columnName != null && columnName === '') throw plural('EMPTY_COLUMN_NAME');
    if (columnValues != null) {
      if (!Array.isArray(columnValues)) throw plural('INVALID_COLUMN_VALUES_OPTION_TYPE');
      if (columnValues.length === 0) throw plural('EMPTY_RECORD_COLUMN_VALUES');
      for (const value of Array.from(columnValues)) {
        if (typeof value !== 'string') throw plural('INVALID_RECORD_COLUMN_VALUE_TYPE');
        if (value === '') throw plural('EMPTY_COLUMN_VALUE');
      }
    }
    if (tokens) {
      if (columnName || columnValues) throw plural('TOKENS_GET_COLUMN_NOT_SUPPORTED');
      if (redaction) throw plural('REDACTION_WITH_TOKENS_NOT_SUPPORTED');
    }
  }
}
