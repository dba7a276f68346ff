import { insertOutcome } from '../../adapter/insert.js';
import type { InsertResult } from '../../v1/types.js';
import type { InsertResponse } from '../../v2/index.js';
import { answerOfCall, flagsOf, settleAsV1, type ResponseShape } from './settle.js';

/** What the legacy insert asked for that shapes its result (v1's `tokens` defaulted to true). */
export interface V1InsertShape {
  /** The legacy `tokens` option: the v2 call's `returnTokens`. */
  tokens: boolean;
  /** The legacy `continueOnError` option. @default false */
  continueOnError?: boolean;
}

// Only a batch insert's answer names each record's table, which the v1 result needs.
const BATCH_INSERT: ResponseShape = {
  method: 'vault.insertBatch',
  test: ({ insertedFields, errors }) =>
    Array.isArray(errors) && Array.isArray(insertedFields) && insertedFields.every((record) => typeof record?.table === 'string'),
};

/**
 * The answer of the v2 batch insert a legacy `insert` became, in the v1 shape:
 * resolves and rejects exactly as skyflow-bridge/v1's `insert` does (a failed
 * request: a singular v1 SkyflowError; with continueOnError: `{records?, errors?}`).
 * A failure that is not the vault's (a token source's own) passes through unchanged.
 *
 * @example
 * ```ts
 * import { BatchInsertRequest, type Skyflow } from 'skyflow-bridge/v2';
 * import { toV1InsertResult } from 'skyflow-bridge/migrate';
 *
 * declare const skyflow: Skyflow;
 * const fields = { card_number: '4111111111111111', cardholder_name: 'Ada Lovelace', expiry_date: '12/30', cvv: '123' };
 * // Was: const result = await client.insert({ records: [{ table: 'cards', fields }] }, { tokens: true });
 * const result = await toV1InsertResult(
 *   skyflow.vault().insertBatch(new BatchInsertRequest({ records: [{ table: 'cards', fields }], returnTokens: true })),
 *   { tokens: true },
 * );
 * console.log(result.records);
 * ```
 */
export async function toV1InsertResult(call: Promise<InsertResponse>, options: V1InsertShape): Promise<InsertResult> {
  const answer = await answerOfCall<InsertResponse>(WRAPPER, call, BATCH_INSERT);
  const { tokens, continueOnError } = flagsOf(WRAPPER, options, ['tokens', 'continueOnError']);
  return settleAsV1([answer], () => insertOutcome(answer, undefined, { tokens, continueOnError }));
}

const WRAPPER = 'toV1InsertResult';
