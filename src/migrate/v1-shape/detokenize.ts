import { detokenizeOutcome } from '../../adapter/detokenize.js';
import type { DetokenizeRecordResult } from '../../v1/types.js';
import type { DetokenizeResponse } from '../../v2/index.js';
import { wrapperError } from '../config-error.js';
import { answerOfCall, settleAsV1, type ResponseShape } from './settle.js';

/** The tokens a v2 detokenize was sent: its DetokenizeRequest, or the object it was made from. */
export interface V1DetokenizeTokens {
  /** The tokens, in the order they were sent. */
  readonly tokens: ReadonlyArray<{
    /** One token sent to detokenize. */
    readonly token: string;
  }>;
}

const DETOKENIZE: ResponseShape = {
  method: 'vault.detokenize',
  test: ({ detokenizedFields, errors }) => Array.isArray(detokenizedFields) && Array.isArray(errors),
};

const WRAPPER = 'toV1DetokenizeResult';

/**
 * The answer of the v2 detokenize (with continueOnError: true) a legacy
 * `detokenize` became, in the v1 shape: resolves `{records}` when every token
 * was revealed, otherwise rejects `{errors}` or `{records, errors}`, exactly as
 * skyflow-bridge/v1's `detokenize` does. A failure that is not the vault's (a
 * token source's own) passes through unchanged.
 *
 * Pass the request too: when the request as a whole fails (401, no answer),
 * v1 reported the error once per token, and only the request knows the
 * tokens. Without it, that failure is one error with `token: ''`.
 *
 * @example
 * ```ts
 * import { DetokenizeRequest, RedactionType, type Skyflow } from 'skyflow-bridge/v2';
 * import { toV1DetokenizeResult } from 'skyflow-bridge/migrate';
 *
 * declare const skyflow: Skyflow;
 * const token = process.env.CVV_TOKEN ?? '';
 * // Was: const { records } = await client.detokenize({ records: [{ token }] });
 * const request = new DetokenizeRequest({ tokens: [{ token, redactionType: RedactionType.PLAIN_TEXT }], continueOnError: true });
 * const { records } = await toV1DetokenizeResult(skyflow.vault().detokenize(request), request);
 * console.log(records[0]?.value);
 * ```
 */
export async function toV1DetokenizeResult(
  call: Promise<DetokenizeResponse>,
  request?: V1DetokenizeTokens,
): Promise<{
  /** One revealed value per token, in order. */
  records: DetokenizeRecordResult[];
}> {
  const answer = await answerOfCall<DetokenizeResponse>(WRAPPER, call, DETOKENIZE);
  const tokens = request === undefined ? [''] : tokensOf(request);
  return settleAsV1([answer], () => detokenizeOutcome(answer, tokens));
}

function tokensOf(request: V1DetokenizeTokens): string[] {
  try {
    return Array.from(request.tokens, ({ token }) => {
      if (typeof token !== 'string') throw new TypeError('not a token');
      return token;
    });
  } catch {
    throw wrapperError(WRAPPER, 'Its second argument is the detokenize request: { tokens: [{ token }, …] }.');
  }
}
