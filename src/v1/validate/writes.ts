// Checks of update, delete and invokeConnection, in 1.14.3's order; plural errors.
import { RequestMethod } from '../enums.js';
import type { IConnectionConfig, IDeleteInput, IUpdateInput } from '../types.js';
import { has, isObject, isValidURL, plural } from './common.js';

function nonBlank(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Update options with 1.14.3's default (`tokens: true`). */
export function resolveUpdateOptions(options: unknown): { tokens: boolean } {
  const value = isObject(options) ? options : {};
  if (value['tokens'] && typeof value['tokens'] !== 'boolean') throw plural('INVALID_TOKENS_IN_UPDATE');
  return { tokens: value['tokens'] !== undefined ? Boolean(value['tokens']) : true };
}

export function validateUpdateInput(input: unknown): asserts input is IUpdateInput {
  if (!input) throw plural('INVALID_UPDATE_INPUT');
  if (!isObject(input) || !has(input, 'records')) throw plural('MISSING_RECORDS');
  if (!Array.isArray(input['records'])) throw plural('INVALID_RECORDS_UPDATE_INPUT');
  const records = Array.from(input['records'] as unknown[]);
  if (records.length === 0) throw plural('EMPTY_RECORDS');
  records.forEach((record, index) => {
    if (!isObject(record) || Object.keys(record).length === 0) throw plural('EMPTY_RECORDS');
    if (!has(record, 'id')) throw plural('MISSING_ID_IN_UPDATE', index);
    if (!nonBlank(record['id'])) throw plural('INVALID_ID_IN_UPDATE', index);
    if (!has(record, 'table')) throw plural('MISSING_TABLE_IN_IN_UPDATE', index);
    if (!nonBlank(record['table'])) throw plural('INVALID_TABLE_IN_UPDATE', index);
    if (!has(record, 'fields')) throw plural('MISSING_FIELDS_IN_IN_UPDATE', index);
    // typeof, as 1.14.3 checks it: null passes here (and is refused before sending, as no fields)
    if (typeof record['fields'] !== 'object') throw plural('INVALID_FIELDS_IN_UPDATE', index);
  });
}

export function validateDeleteInput(input: unknown): asserts input is IDeleteInput {
  if (!input) throw plural('INVALID_DELETE_INPUT');
  if (!isObject(input) || !has(input, 'records')) throw plural('MISSING_RECORDS');
  if (!Array.isArray(input['records'])) throw plural('INVLAID_DELETE_RECORDS_INPUT');
  const records = Array.from(input['records'] as unknown[]);
  if (records.length === 0) throw plural('EMPTY_RECORDS');
  records.forEach((record, index) => {
    if (!isObject(record) || Object.keys(record).length === 0) throw plural('EMPTY_RECORDS');
    if (!has(record, 'id')) throw plural('MISSING_ID_IN_DELETE', index);
    if (!nonBlank(record['id'])) throw plural('INVALID_ID_IN_DELETE', index);
    if (!has(record, 'table')) throw plural('MISSING_TABLE_IN_DELETE', index);
    if (!nonBlank(record['table'])) throw plural('INVALID_TABLE_IN_DELETE', index);
  });
}

export function validateConnectionConfig(config: unknown): asserts config is IConnectionConfig {
  if (!isObject(config)) throw plural('INVALID_CONNECTION_CONFIG');
  if (!has(config, 'connectionURL')) throw plural('MISSING_CONNECTION_URL');
  if (typeof config['connectionURL'] !== 'string') throw plural('INVALID_CONNECTION_URL_TYPE');
  if (!isValidURL(config['connectionURL'])) throw plural('INVALID_CONNECTION_URL');
  if (!has(config, 'methodName')) throw plural('MISSING_METHODNAME_KEY');
  if (!(Object.values(RequestMethod) as unknown[]).includes(config['methodName'])) throw plural('INVALID_METHODNAME_VALUE');
}
