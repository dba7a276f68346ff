import { OrderBy, RedactionType } from '../../enums.js';
import { typeName, validationError } from '../../errors/messages.js';
import { frozenList, initObject, optionalBoolean, optionalEnum, stringList, tableName } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What a get is made of: ids, or a unique column and its values, or neither (a page of records). */
export interface GetRequestInit {
  table: string;
  /** Records to get by skyflow id. */
  ids?: string[];
  /** A unique column to look records up by, with `columnValues`. */
  columnName?: string;
  columnValues?: string[];
  /** How values are revealed. @default the vault's default (RedactionType.DEFAULT) */
  redactionType?: RedactionType;
  /** Return tokens instead of values (with ids only). @default false */
  returnTokens?: boolean;
  /** Columns to return. @default all */
  fields?: string[];
  /** Records to skip. */
  offset?: number;
  /** Most records to return. */
  limit?: number;
  orderBy?: OrderBy;
  /** Return download URLs for file columns. */
  downloadUrl?: boolean;
}

/**
 * A get of records from one table.
 *
 * @example
 * const { data } = await client.vault().get(new GetRequest({ table: 'cards', ids: [id], redactionType: RedactionType.MASKED }));
 */
export class GetRequest {
  readonly table: string;
  readonly ids: readonly string[] | undefined;
  readonly columnName: string | undefined;
  readonly columnValues: readonly string[] | undefined;
  readonly redactionType: RedactionType | undefined;
  readonly returnTokens: boolean;
  readonly fields: readonly string[] | undefined;
  readonly offset: number | undefined;
  readonly limit: number | undefined;
  readonly orderBy: OrderBy | undefined;
  readonly downloadUrl: boolean | undefined;

  constructor(init: GetRequestInit) {
    try {
      const value = initObject(init, 'get');
      this.table = tableName(value['table']);
      this.ids =
        value['ids'] === undefined
          ? undefined
          : stringList(value['ids'], {
              empty: 'EMPTY_IDS_IN_GET',
              invalid: 'INVALID_TYPE_OF_IDS',
              emptyItem: 'EMPTY_ID_IN_GET',
              invalidItem: 'INVALID_ID_IN_GET',
            });
      this.columnName = columnName(value['columnName']);
      this.columnValues =
        value['columnValues'] === undefined
          ? undefined
          : stringList(value['columnValues'], {
              empty: 'EMPTY_COLUMN_VALUES',
              invalid: 'INVALID_COLUMN_VALUES',
              emptyItem: 'EMPTY_COLUMN_VALUE',
              invalidItem: 'INVALID_COLUMN_VALUE',
            });
      if (this.columnName !== undefined && this.columnValues === undefined) throw validationError('MISSING_COLUMN_VALUES');
      if (this.columnName === undefined && this.columnValues !== undefined) throw validationError('MISSING_COLUMN_NAME');
      if (this.ids !== undefined && this.columnName !== undefined) throw validationError('BOTH_IDS_AND_COLUMN_DETAILS_SPECIFIED');

      this.redactionType = optionalEnum(RedactionType, value['redactionType'], () => validationError('INVALID_REDACTION_TYPE'));
      this.returnTokens = optionalBoolean(value['returnTokens'], 'returnTokens') ?? false;
      if (this.returnTokens && this.ids === undefined) throw validationError('TOKENS_GET_COLUMN_NOT_SUPPORTED');
      if (this.returnTokens && this.redactionType !== undefined) throw validationError('REDACTION_WITH_TOKENS_NOT_SUPPORTED');

      this.fields = fieldList(value['fields']);
      this.offset = integer(value['offset'], 0, () => validationError('INVALID_OFFSET'));
      this.limit = integer(value['limit'], 1, () => validationError('INVALID_LIMIT'));
      this.orderBy = optionalEnum(OrderBy, value['orderBy'], () => validationError('INVALID_ORDER_BY'));
      this.downloadUrl = optionalBoolean(value['downloadUrl'], 'downloadUrl');
    } catch (error) {
      throw inputError(error, 'get request');
    }
    Object.freeze(this);
  }

  static from(request: GetRequest | GetRequestInit): GetRequest {
    return readInput('get request', () => (request instanceof GetRequest ? request : new GetRequest(request)));
  }
}

function columnName(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw validationError('INVALID_COLUMN_NAME');
  if (value.trim() === '') throw validationError('EMPTY_COLUMN_NAME');
  return value;
}

function fieldList(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw validationError('INVALID_FIELDS', typeName(value));
  return frozenList(value, (field, index) => {
    if (typeof field !== 'string') throw validationError('INVALID_FIELD', String(index));
    if (field.trim() === '') throw validationError('EMPTY_FIELD', String(index));
    return field;
  });
}

function integer(value: unknown, minimum: number, invalid: () => Error): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) throw invalid();
  return value;
}
