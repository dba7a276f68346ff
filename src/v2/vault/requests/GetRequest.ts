import { OrderBy, RedactionType } from '../../enums.js';
import { typeName, validationError } from '../../errors/messages.js';
import { frozenList, initObject, optionalBoolean, optionalEnum, stringList, tableName } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What a get is made of: ids, or a unique column and its values, or neither (a page of records). */
export interface GetRequestInit {
  /** The table to read from. */
  table: string;
  /** Records to get by skyflow id; not with `columnName`. */
  ids?: string[];
  /** A unique column to look records up by, with `columnValues`; not with `ids`. */
  columnName?: string;
  /** Values of `columnName` whose records to get. */
  columnValues?: string[];
  /**
   * How values are revealed; not with `returnTokens`. When absent none is
   * sent and the vault applies each column's policy.
   */
  redactionType?: RedactionType;
  /** Return tokens instead of values; only with `ids`. @default false */
  returnTokens?: boolean;
  /** Columns to return; all of them when absent. */
  fields?: string[];
  /** Records to skip (0 or more). */
  offset?: number;
  /** Most records to return (1 or more); the vault decides when absent. */
  limit?: number;
  /** Order of the records when listing a page of them (neither `ids` nor `columnName`). */
  orderBy?: OrderBy;
  /** Return download URLs for file columns; not sent when absent, so the vault decides. */
  downloadUrl?: boolean;
}

/**
 * A get of records from one table, for {@link VaultClient.get}: by ids, by
 * values of a unique column, or a page of records when neither is given.
 * Checked when constructed: a bad request throws a SkyflowError here.
 *
 * @example
 * ```ts
 * import { GetRequest, RedactionType, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const byEmail = new GetRequest({
 *   table: 'persons',
 *   columnName: 'email',
 *   columnValues: ['ada@example.com'],
 *   fields: ['name', 'ssn'],
 *   redactionType: RedactionType.MASKED,
 * });
 * const { data } = await client.vault().get(byEmail);
 * console.log(data[0]?.skyflowId, data[0]?.['ssn']);
 * ```
 */
export class GetRequest {
  /** The table to read from. */
  readonly table: string;
  /** Skyflow ids of the records to get, if getting by id. */
  readonly ids: readonly string[] | undefined;
  /** The unique column to look records up by, if any. */
  readonly columnName: string | undefined;
  /** The values of `columnName` to look up. */
  readonly columnValues: readonly string[] | undefined;
  /** How values are revealed; undefined leaves it to the vault. */
  readonly redactionType: RedactionType | undefined;
  /** Whether tokens are returned instead of values. */
  readonly returnTokens: boolean;
  /** Columns to return; undefined for all. */
  readonly fields: readonly string[] | undefined;
  /** Records to skip, if given. */
  readonly offset: number | undefined;
  /** Most records to return, if given. */
  readonly limit: number | undefined;
  /** Order of a page of records, if given. */
  readonly orderBy: OrderBy | undefined;
  /** Whether download URLs are asked for file columns; undefined when not given. */
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

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
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
