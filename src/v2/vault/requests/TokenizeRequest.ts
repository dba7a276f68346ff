import { validationError } from '../../errors/messages.js';
import { frozenList, initObject, isPlainObject } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** A value and the column group whose token is wanted. */
export interface TokenizeData {
  /** The value whose token is wanted. */
  value: string | number | boolean;
  /** The column group the value's token belongs to. */
  columnGroup: string;
}

/** What a tokenize is made of. */
export interface TokenizeRequestInit {
  /** The values, each with its column group. */
  values: TokenizeData[];
}

/**
 * A look-up of the tokens the vault holds for values, by column group.
 *
 * @example
 * ```ts
 * import { TokenizeRequest, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const request = new TokenizeRequest({ values: [{ value: '4111111111111111', columnGroup: 'card_number_cg' }] });
 * const { tokens } = await client.vault().tokenize(request);
 * ```
 */
export class TokenizeRequest {
  /** The values, each with its column group. */
  readonly values: ReadonlyArray<Readonly<TokenizeData>>;

  constructor(init: TokenizeRequestInit) {
    try {
      const value = initObject(init, 'tokenize');
      const values = value['values'];
      if (values === undefined || values === null) throw validationError('EMPTY_VALUES_IN_TOKENIZE');
      if (!Array.isArray(values)) throw validationError('INVALID_VALUES_TYPE_IN_TOKENIZE');
      if (values.length === 0) throw validationError('EMPTY_VALUES_IN_TOKENIZE');
      this.values = frozenList(values, (item, index) => {
        if (!isPlainObject(item)) throw validationError('INVALID_DATA_IN_TOKENIZE', String(index));
        const data = item['value'];
        if (data === undefined || data === null || data === '') throw validationError('EMPTY_VALUE_IN_TOKENIZE', String(index));
        const scalar = typeof data === 'string' || typeof data === 'boolean' || (typeof data === 'number' && Number.isFinite(data));
        if (!scalar) throw validationError('INVALID_VALUE_IN_TOKENIZE', String(index));
        const group = item['columnGroup'];
        if (group === undefined || group === null || group === '') {
          throw validationError('EMPTY_COLUMN_GROUP_IN_TOKENIZE', String(index));
        }
        if (typeof group !== 'string') throw validationError('INVALID_COLUMN_GROUP_IN_TOKENIZE', String(index));
        return Object.freeze({ value: data as TokenizeData['value'], columnGroup: group });
      });
    } catch (error) {
      throw inputError(error, 'tokenize request');
    }
    Object.freeze(this);
  }

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: TokenizeRequest | TokenizeRequestInit): TokenizeRequest {
    return readInput('tokenize request', () => (request instanceof TokenizeRequest ? request : new TokenizeRequest(request)));
  }
}
