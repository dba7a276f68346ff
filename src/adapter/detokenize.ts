// Legacy detokenize (one request per token) → one v2 detokenize with
// continueOnError, and its answer → the legacy records and per-token errors.
import { DetokenizeRequest, RedactionType, type DetokenizeResponse } from '../v2/index.js';
import type { DetokenizeRecordError, DetokenizeRecordResult, IDetokenizeInput } from '../v1/types.js';
import { toV1ErrorBody, withRequestId } from './errors.js';
import { answerOf, combine, type Answer, type Outcome } from './outcome.js';
import type { LegacyVault } from './v2-client.js';
import { exchange, type V2Call } from './exchange.js';

// The vault reports a failed token of a batched detokenize without a status;
// a token that is not found is what fails, and alone it is a 404.
const TOKEN_NOT_FOUND = 404;

/** 1.14.3 sent PLAIN_TEXT when a record named no redaction; v2 defaults to DEFAULT, so it is always given. */
export function toDetokenizeRequest(input: IDetokenizeInput): DetokenizeRequest {
  return new DetokenizeRequest({
    tokens: input.records.map(({ token, redaction }) => ({ token, redactionType: redaction ?? RedactionType.PLAIN_TEXT })),
    continueOnError: true,
  });
}

export function toDetokenizeOutcome(
  response: DetokenizeResponse,
): Outcome<{ records: DetokenizeRecordResult[] }> {
  const records = response.detokenizedFields.map(({ token, value }) => ({ token, value }));
  const errors: DetokenizeRecordError[] = response.errors.map((error) => ({
    token: error.token ?? '',
    error: { code: error.httpCode ?? TOKEN_NOT_FOUND, description: withRequestId(error.error, error.requestId) },
  }));
  return combine(records, errors);
}

/**
 * How a legacy detokenize ends, from how its one v2 detokenize ended. When the
 * request itself failed, so did every token it carried: 1.14.3 sent one
 * request per token, and each got the error.
 */
export function detokenizeOutcome(
  answer: Answer<DetokenizeResponse>,
  tokens: readonly string[],
): Outcome<{ records: DetokenizeRecordResult[] }> {
  if (answer.ok) return toDetokenizeOutcome(answer.response);
  const body = toV1ErrorBody(answer.error);
  return combine([], tokens.map((token) => ({ token, error: { ...body } })));
}

export async function detokenize(
  vault: LegacyVault,
  input: IDetokenizeInput,
  call: V2Call,
): Promise<Outcome<{ records: DetokenizeRecordResult[] }>> {
  const answer = await answerOf(() =>
    exchange(call, 'detokenize', toDetokenizeRequest(input), (request, o) => vault.vault.detokenize(request, o)),
  );
  // The tokens are read again only when a failure must name them.
  return detokenizeOutcome(answer, answer.ok ? [] : input.records.map(({ token }) => token));
}
