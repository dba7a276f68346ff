import { TokenMode } from '../../enums.js';
import { validationError } from '../../errors/messages.js';
import { initObject, isPlainObject, isWellFormed, optionalBoolean, tableName, tokenMap } from './checks.js';
import { tokenModeOf } from './InsertRequest.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What an update is made of. */
export interface UpdateRequestInit {
  /** The table of the record. */
  table: string;
  /** The record's `skyflowId` and the columns to change. */
  data: {
    /** The id of the record to update. */
    skyflowId: string;
  } & Record<string, unknown>;
  /** Return the tokens of the updated values. @default false */
  returnTokens?: boolean;
  /** Whether tokens may, or must, be given for the changed columns. @default TokenMode.DISABLE */
  tokenMode?: TokenMode;
  /** With tokenMode ENABLE or ENABLE_STRICT: column → token. */
  tokens?: Record<string, string>;
}

/**
 * An update of one record.
 *
 * @example
 * ```ts
 * import { UpdateRequest, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const request = new UpdateRequest({ table: 'cards', data: { skyflowId: process.env.SKYFLOW_ID ?? '', expiry_date: '01/31' } });
 * const { updatedField } = await client.vault().update(request);
 * ```
 */
export class UpdateRequest {
  /** The table of the record. */
  readonly table: string;
  /** The id of the record to update. */
  readonly skyflowId: string;
  /** The columns to change (without `skyflowId`). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Whether the response holds the tokens of the updated values. */
  readonly returnTokens: boolean;
  /** Whether tokens may, or must, be given for the changed columns. */
  readonly tokenMode: TokenMode;
  /** The given tokens: column → token. */
  readonly tokens: Readonly<Record<string, string>> | undefined;

  constructor(init: UpdateRequestInit) {
    try {
      const value = initObject(init, 'update');
      this.table = tableName(value['table']);
      const data = value['data'];
      if (!isPlainObject(data)) throw validationError('INVALID_UPDATE_DATA');
      const { skyflowId, ...fields } = data;
      if (skyflowId === undefined || skyflowId === null || (typeof skyflowId === 'string' && skyflowId.trim() === '')) {
        throw validationError('MISSING_SKYFLOW_ID_IN_UPDATE');
      }
      if (typeof skyflowId !== 'string' || !isWellFormed(skyflowId)) throw validationError('INVALID_SKYFLOW_ID_IN_UPDATE');
      if (Object.keys(fields).length === 0) throw validationError('INVALID_RECORD_IN_UPDATE');
      this.skyflowId = skyflowId;
      this.fields = Object.freeze(fields);
      this.returnTokens = optionalBoolean(value['returnTokens'], 'returnTokens') ?? false;
      this.tokenMode = tokenModeOf(value['tokenMode']);
      this.tokens = updateTokens(value['tokens'], this.tokenMode, this.fields);
    } catch (error) {
      throw inputError(error, 'update request');
    }
    Object.freeze(this);
  }

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: UpdateRequest | UpdateRequestInit): UpdateRequest {
    return readInput('update request', () => (request instanceof UpdateRequest ? request : new UpdateRequest(request)));
  }
}

function updateTokens(
  value: unknown,
  mode: TokenMode,
  fields: Readonly<Record<string, unknown>>,
): Readonly<Record<string, string>> | undefined {
  if (value === undefined || (isPlainObject(value) && Object.keys(value).length === 0)) {
    if (mode !== TokenMode.DISABLE) throw validationError('NO_TOKENS_WITH_TOKEN_MODE');
    if (value === undefined) return undefined;
  }
  if (mode === TokenMode.DISABLE) throw validationError('TOKENS_WITH_TOKEN_MODE_DISABLE');
  if (!isPlainObject(value)) throw validationError('INVALID_UPDATE_TOKENS');
  const map = tokenMap(value, new Set(Object.keys(fields)));
  if (!map) throw validationError('INVALID_TOKEN_IN_UPDATE');
  if (mode === TokenMode.ENABLE_STRICT && Object.keys(fields).some((column) => !(column in map))) {
    throw validationError('INSUFFICIENT_TOKENS_PASSED_FOR_TOKEN_MODE_ENABLE_STRICT');
  }
  return Object.freeze(map);
}
