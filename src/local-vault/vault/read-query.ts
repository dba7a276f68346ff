// The query strings of the read endpoints, checked and turned into options. A
// bulk get becomes one of its three modes. Tolerates what the SDKs send: repeated keys, unencoded ids, a
// trailing `&`, and empty values for parameters they did not set.
import { OrderBy, RedactionType } from '../../wire/enums.js';
import { badRequest } from '../errors.js';

interface Common {
  redaction: RedactionType;
  tokenization: boolean;
  fields: string[] | undefined;
  offset: number;
  limit: number | undefined;
}

/** A bulk get: by ids, by values of a unique column, or a page of all records. */
export type BulkGet =
  | (Common & { mode: 'ids'; ids: string[] })
  | (Common & { mode: 'column'; columnName: string; columnValues: string[] })
  | (Common & { mode: 'list'; limit: number; descending: boolean });

/** Records a page holds when the caller sets no limit. */
export const DEFAULT_PAGE_SIZE = 25;

/** A query string as the server parsed it: repeated keys become arrays. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** Options of `GET /v1/vaults/{vaultID}/{table}/{id}`. */
export function parseGetOne(query: RawQuery): Pick<Common, 'redaction' | 'tokenization' | 'fields'> {
  const redactionText = single(query, 'redaction');
  const tokenization = flag(query, 'tokenization') ?? false;
  flag(query, 'downloadURL');
  const fields = list(query, 'fields');
  return {
    redaction: redaction(redactionText, tokenization),
    tokenization,
    fields: fields.length > 0 ? fields : undefined,
  };
}

export function parseBulkGet(query: RawQuery): BulkGet {
  const ids = list(query, 'skyflow_ids');
  const columnName = single(query, 'column_name');
  const columnValues = list(query, 'column_values');
  const redactionText = single(query, 'redaction');
  const tokenization = flag(query, 'tokenization') ?? false;
  const orderBy = single(query, 'order_by');
  flag(query, 'downloadURL'); // accepted and checked; the local vault stores no files

  if (orderBy !== undefined && !Object.hasOwn(OrderBy, orderBy)) {
    throw badRequest(`order_by must be one of ${Object.keys(OrderBy).join(', ')}.`);
  }
  if (ids.some((id) => id.length === 0)) throw badRequest('skyflow_ids must not contain empty values.');
  if (ids.length > 0 && (columnName !== undefined || columnValues.length > 0)) {
    throw badRequest('skyflow_ids cannot be combined with column_name or column_values.');
  }
  if (columnName !== undefined && columnValues.length === 0) {
    throw badRequest('column_values are required when column_name is given.');
  }
  if (columnName === undefined && columnValues.length > 0) {
    throw badRequest('column_name is required when column_values are given.');
  }
  if (tokenization && ids.length === 0) throw badRequest('tokenization can only be used with skyflow_ids.');

  const fields = list(query, 'fields');
  const common: Common = {
    redaction: redaction(redactionText, tokenization),
    tokenization,
    fields: fields.length > 0 ? fields : undefined,
    offset: integer(query, 'offset', 0) ?? 0,
    limit: integer(query, 'limit', 1),
  };
  if (ids.length > 0) return { ...common, mode: 'ids', ids };
  if (columnName !== undefined) return { ...common, mode: 'column', columnName, columnValues };
  return {
    ...common,
    mode: 'list',
    limit: common.limit ?? DEFAULT_PAGE_SIZE,
    descending: orderBy === OrderBy.DESCENDING,
  };
}

function redaction(text: string | undefined, tokenization: boolean): RedactionType {
  if (text === undefined) return RedactionType.DEFAULT;
  if (!Object.hasOwn(RedactionType, text)) {
    throw badRequest(`redaction must be one of ${Object.keys(RedactionType).join(', ')}.`);
  }
  if (tokenization) throw badRequest('redaction cannot be used together with tokenization.');
  return text as RedactionType;
}

function list(query: RawQuery, name: string): string[] {
  const value = query[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

// An empty value counts as absent: the v2 SDK sends `column_name=` when unset.
function single(query: RawQuery, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw badRequest(`${name} must be given at most once.`);
  return value === undefined || value === '' ? undefined : value;
}

function flag(query: RawQuery, name: string): boolean | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw badRequest(`${name} must be true or false.`);
  return value === 'true';
}

function integer(query: RawQuery, name: string, minimum: number): number | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const number = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(number >= minimum)) throw badRequest(`${name} must be an integer of at least ${minimum}.`);
  return number;
}
