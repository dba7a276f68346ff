import { RedactionType } from '../../enums.js';
import { validationError } from '../../errors/messages.js';
import { frozenList, initObject, isPlainObject, optionalBoolean, optionalEnum } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** A token to detokenize, and how to reveal its value. */
export interface DetokenizeData {
  /** The token to reveal the value of. */
  token: string;
  /** How to reveal the value; the default follows the column's redaction policy. @default RedactionType.DEFAULT */
  redactionType?: RedactionType;
}

/** What a detokenize is made of. */
export interface DetokenizeRequestInit {
  /** The tokens, each with how to reveal its value. */
  tokens: DetokenizeData[];
  /** Detokenize what can be and report the other tokens per token. @default false */
  continueOnError?: boolean;
  /** Return download URLs for tokens of files; not sent when absent, so the vault decides. */
  downloadUrl?: boolean;
}

/**
 * A detokenize of many tokens in one request, for {@link VaultClient.detokenize}.
 * Checked when constructed: a bad request throws a SkyflowError here.
 *
 * @example
 * ```ts
 * import { DetokenizeRequest, RedactionType, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const request = new DetokenizeRequest({
 *   tokens: [
 *     { token: process.env.CARD_NUMBER_TOKEN ?? '', redactionType: RedactionType.MASKED },
 *     { token: process.env.CARDHOLDER_NAME_TOKEN ?? '', redactionType: RedactionType.PLAIN_TEXT },
 *   ],
 *   continueOnError: true,
 * });
 * const { detokenizedFields, errors } = await client.vault().detokenize(request);
 * for (const { token, value } of detokenizedFields) console.log(token, value);
 * for (const failed of errors) console.error(failed.token, failed.error);
 * ```
 */
export class DetokenizeRequest {
  /** The tokens, each with its redaction type (`DEFAULT` where none was given). */
  readonly tokens: ReadonlyArray<Readonly<Required<DetokenizeData>>>;
  /** Whether tokens that can be detokenized are, while the others are reported in the response's `errors`. */
  readonly continueOnError: boolean;
  /** Whether download URLs are asked for file tokens; undefined when not given. */
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

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: DetokenizeRequest | DetokenizeRequestInit): DetokenizeRequest {
    return readInput('detokenize request', () => (request instanceof DetokenizeRequest ? request : new DetokenizeRequest(request)));
  }
}
