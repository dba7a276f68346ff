import { TokenMode } from '../../enums.js';
import { validationError } from '../../errors/messages.js';
import { initObject, isPlainObject, isWellFormed, optionalBoolean, tableName, tokenMap } from './checks.js';
import { tokenModeOf } from './InsertRequest.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What an update is made of. */
export interface UpdateRequestInit {
  table: string;
  /** The record's `skyflowId` and the columns to change. */
  data: { skyflowId: string } & Record<string, unknown>;
  /** Return the tokens of the updated values. @default false */
  returnTokens?: boolean;
  /** @default TokenMode.DISABLE */
  tokenMode?: TokenMode;
  /** With tokenMode ENABLE or ENABLE_STRICT: column → token. */
  tokens?: Record<string, string>;
}

/**
 * An update of one record.
 *
 * @example
 * await client.vault().update(new UpdateRequest({ table: 'cards', data: { skyflowId: id, cvv: '321' } }));
 */
export class UpdateRequest {
  readonly table: string;
  readonly skyflowId: string;
  /** The columns to change (without `skyflowId`). */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly returnTokens: boolean;
  readonly tokenMode: TokenMode;
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
