import { RedactionType } from '../../enums.js';
import { validationError } from '../../errors/messages.js';
import { frozenList, initObject, isPlainObject, optionalBoolean, optionalEnum } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** A token to detokenize, and how to reveal its value. */
export interface DetokenizeData {
  token: string;
  /** @default RedactionType.DEFAULT (the column's policy) */
  redactionType?: RedactionType;
}

/** What a detokenize is made of. */
export interface DetokenizeRequestInit {
  tokens: DetokenizeData[];
  /** Detokenize what can be and report the other tokens per token. @default false */
  continueOnError?: boolean;
  /** Return download URLs for file tokens. */
  downloadUrl?: boolean;
}

/**
 * A detokenize of many tokens in one request.
 *
 * @example
 * const { detokenizedFields } = await client.vault().detokenize(
 *   new DetokenizeRequest({ tokens: [{ token, redactionType: RedactionType.PLAIN_TEXT }] }),
 * );
 */
export class DetokenizeRequest {
  readonly tokens: ReadonlyArray<Readonly<Required<DetokenizeData>>>;
  readonly continueOnError: boolean;
  readonly downloadUrl: boolean | undefined;

  constructor(init: DetokenizeRequestInit) {
    try {
      const value = initObject(init, 'detokenize');
      const tokens = value['tokens'];
      if (tokens === undefined || tokens === null) throw validationError('EMPTY_TOKENS_IN_DETOKENIZE');
      if (!Array.isArray(tokens)) throw validationError('INVALID_TOKENS_TYPE_IN_DETOKENIZE');
      if (tokens.length === 0) throw validationError('EMPTY_TOKENS_IN_DETOKENIZE');
      this.tokens = frozenList(tokens, (item, index) => {
        if (!isPlainObject(item)) throw validationError('INVALID_TOKEN_DATA_IN_DETOKENIZE', String(index));
        const token = item['token'];
        if (token === undefined || token === null || token === '') throw validationError('EMPTY_TOKEN_IN_DETOKENIZE', String(index));
        if (typeof token !== 'string') throw validationError('INVALID_TOKEN_IN_DETOKENIZE', String(index));
        const redactionType =
          optionalEnum(RedactionType, item['redactionType'], () => validationError('INVALID_REDACTION_TYPE')) ??
          RedactionType.DEFAULT;
        return Object.freeze({ token, redactionType });
      });
      this.continueOnError = optionalBoolean(value['continueOnError'], 'continueOnError') ?? false;
      this.downloadUrl = optionalBoolean(value['downloadUrl'], 'downloadUrl');
    } catch (error) {
      throw inputError(error, 'detokenize request');
    }
    Object.freeze(this);
  }

  static from(request: DetokenizeRequest | DetokenizeRequestInit): DetokenizeRequest {
    return readInput('detokenize request', () => (request instanceof DetokenizeRequest ? request : new DetokenizeRequest(request)));
  }
}
