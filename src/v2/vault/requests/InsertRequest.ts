import { TokenMode } from '../../enums.js';
import { typeName, validationError } from '../../errors/messages.js';
import { plainCopy } from '../plain-copy.js';
import { frozenList, initObject, isPlainObject, optionalBoolean, optionalEnum, tableName, tokenMap } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What an insert into one table is made of. */
export interface InsertRequestInit {
  /** The table to insert into. */
  table: string;
  /** One object per record: column → value. */
  values: Array<Record<string, unknown>>;
  /** Return the tokens of the inserted values. @default false */
  returnTokens?: boolean;
  /** Insert the records that can be inserted and report the others per record. @default false */
  continueOnError?: boolean;
  /** A unique column to upsert on: a record whose value there already exists is updated instead of inserted. */
  upsert?: string;
  /** Bring your own tokens: DISABLE (none), ENABLE (for some columns), ENABLE_STRICT (for every column). @default TokenMode.DISABLE */
  tokenMode?: TokenMode;
  /** With tokenMode ENABLE or ENABLE_STRICT: one column → token object per record, in the order of `values`. */
  tokens?: Array<Record<string, string>>;
  /**
   * Every record has the same columns, which lets the vault insert them as
   * one block. Not allowed with `upsert` or `continueOnError`. @default false
   */
  homogeneous?: boolean;
}

/**
 * An insert of records into one table, for {@link VaultClient.insert}.
 * Checked when constructed: a bad request throws a SkyflowError here and
 * never reaches the network. Its fields are frozen copies of what was given,
 * with the defaults filled in.
 *
 * @example
 * ```ts
 * import { InsertRequest, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const request = new InsertRequest({
 *   table: 'cards',
 *   values: [{ card_number: '4111111111111111', cardholder_name: 'Ada Lovelace', expiry_date: '12/30', cvv: '123' }],
 *   returnTokens: true,
 * });
 * const { insertedFields } = await client.vault().insert(request);
 * console.log(insertedFields[0]?.skyflowId, insertedFields[0]?.['card_number']);
 * ```
 */
export class InsertRequest {
  /** The table to insert into. */
  readonly table: string;
  /** One object per record: column → value. */
  readonly values: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Whether the response holds the tokens of the inserted values. */
  readonly returnTokens: boolean;
  /** Whether records that can be inserted are, while the others are reported in the response's `errors`. */
  readonly continueOnError: boolean;
  /** The unique column to upsert on, if any. */
  readonly upsert: string | undefined;
  /** Whether tokens may, or must, be given for the values. */
  readonly tokenMode: TokenMode;
  /** The given tokens: one column → token object per record, in the order of `values`. */
  readonly tokens: ReadonlyArray<Readonly<Record<string, string>>> | undefined;
  /** Whether every record has the same columns. */
  readonly homogeneous: boolean;

  constructor(init: InsertRequestInit) {
    try {
      const value = initObject(init, 'insert');
      this.table = tableName(value['table']);
      this.values = records(value['values']);
      this.returnTokens = optionalBoolean(value['returnTokens'], 'returnTokens') ?? false;
      this.continueOnError = optionalBoolean(value['continueOnError'], 'continueOnError') ?? false;
      this.homogeneous = optionalBoolean(value['homogeneous'], 'homogeneous') ?? false;
      this.upsert = upsertColumn(value['upsert']);
      if (this.upsert !== undefined && this.homogeneous) throw validationError('HOMOGENEOUS_NOT_SUPPORTED_WITH_UPSERT');
      if (this.continueOnError && this.homogeneous) throw validationError('HOMOGENEOUS_NOT_SUPPORTED_WITH_CONTINUE_ON_ERROR');
      this.tokenMode = tokenModeOf(value['tokenMode']);
      this.tokens = insertTokens(value['tokens'], this.tokenMode, this.values);
    } catch (error) {
      throw inputError(error, 'insert request');
    }
    Object.freeze(this);
  }

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: InsertRequest | InsertRequestInit): InsertRequest {
    return readInput('insert request', () => (request instanceof InsertRequest ? request : new InsertRequest(request)));
  }
}

function records(value: unknown): Array<Readonly<Record<string, unknown>>> {
  if (value === undefined || value === null) throw validationError('EMPTY_DATA_IN_INSERT');
  if (!Array.isArray(value)) throw validationError('INVALID_TYPE_OF_DATA_IN_INSERT');
  if (value.length === 0) throw validationError('EMPTY_DATA_IN_INSERT');
  return frozenList(value, fieldsAt);
}

/** One record's fields, copied so later changes by the caller cannot alter what is sent. */
export function fieldsAt(record: unknown, index: number): Readonly<Record<string, unknown>> {
  if (record === undefined || record === null) throw validationError('EMPTY_RECORD_IN_INSERT', String(index));
  if (!isPlainObject(record)) throw validationError('INVALID_RECORD_IN_INSERT', String(index));
  const fields = plainCopy(record);
  if (Object.keys(fields).length === 0) throw validationError('EMPTY_RECORD_IN_INSERT', String(index));
  return Object.freeze(fields);
}

export function upsertColumn(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw validationError('INVALID_UPSERT', typeName(value));
  return value;
}

export function tokenModeOf(value: unknown): TokenMode {
  return optionalEnum(TokenMode, value, () => validationError('INVALID_TOKEN_MODE', typeName(value))) ?? TokenMode.DISABLE;
}

function insertTokens(
  value: unknown,
  mode: TokenMode,
  values: ReadonlyArray<Readonly<Record<string, unknown>>>,
): Array<Readonly<Record<string, string>>> | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) {
    if (mode !== TokenMode.DISABLE) throw validationError('NO_TOKENS_WITH_TOKEN_MODE');
    if (value === undefined) return undefined;
  }
  if (mode === TokenMode.DISABLE) throw validationError('TOKENS_WITH_TOKEN_MODE_DISABLE');
  if (!Array.isArray(value) || value.length > values.length) throw validationError('INVALID_INSERT_TOKENS');
  if (mode === TokenMode.ENABLE_STRICT && value.length !== values.length) {
    throw validationError('INSUFFICIENT_TOKENS_PASSED_FOR_TOKEN_MODE_ENABLE_STRICT');
  }
  return frozenList(value, (tokens, index) => recordTokens(tokens, values[index]!, mode, index));
}

/** Checks one record's tokens against its fields and the mode. */
export function recordTokens(
  tokens: unknown,
  fields: Readonly<Record<string, unknown>>,
  mode: TokenMode,
  index: number,
): Readonly<Record<string, string>> {
  if (tokens === undefined && mode === TokenMode.ENABLE_STRICT) {
    throw validationError('INSUFFICIENT_TOKENS_PASSED_FOR_TOKEN_MODE_ENABLE_STRICT');
  }
  if (isPlainObject(tokens) && Object.keys(tokens).length === 0) throw validationError('EMPTY_INSERT_TOKEN', String(index));
  const map = tokenMap(tokens, new Set(Object.keys(fields)));
  if (!map) throw validationError('INVALID_INSERT_TOKEN', String(index));
  if (mode === TokenMode.ENABLE_STRICT && Object.keys(fields).some((column) => !(column in map))) {
    throw validationError('INSUFFICIENT_TOKENS_PASSED_FOR_TOKEN_MODE_ENABLE_STRICT');
  }
  return Object.freeze(map);
}
