import { updateOutcome } from '../../adapter/update.js';
import type { UpdateRecordResult } from '../../v1/types.js';
import type { UpdateResponse } from '../../v2/index.js';
import { answersOfCalls, flagsOf, settleAsV1, type ResponseShape } from './settle.js';

/** The legacy record an update or delete was for (the v1 error names its id). */
export interface V1RecordRef {
  /** The legacy record's `id` (its Skyflow ID). */
  id: string;
  /** The legacy record's `table`. */
  table: string;
}

const UPDATE: ResponseShape = {
  method: 'vault.update',
  test: ({ updatedField }) => typeof updatedField === 'object' && updatedField !== null,
};

const WRAPPER = 'toV1UpdateResult';

/**
 * The answers of the v2 updates a legacy `update` became (one per legacy
 * record, in order), in the v1 shape: resolves `{records}` when every update
 * succeeded, otherwise rejects `{errors}` or `{records, errors}`, exactly as
 * skyflow-bridge/v1 does. `tokens` is the legacy option (v1's default: true),
 * as sent in `returnTokens`. A failure that is not the vault's (a token
 * source's own) passes through unchanged.
 *
 * @example
 * ```ts
 * import { UpdateRequest, type Skyflow } from 'skyflow-bridge/v2';
 * import { toV1UpdateResult } from 'skyflow-bridge/migrate';
 *
 * declare const skyflow: Skyflow;
 * const id = process.env.CARD_ID ?? '';
 * // Was: await client.update({ records: [{ id, table: 'cards', fields: { expiry_date: '01/31' } }] });
 * const { records } = await toV1UpdateResult(
 *   [[skyflow.vault().update(new UpdateRequest({ table: 'cards', data: { skyflowId: id, expiry_date: '01/31' }, returnTokens: true })), { id, table: 'cards' }]],
 *   { tokens: true },
 * );
 * ```
 */
export async function toV1UpdateResult(
  calls: ReadonlyArray<readonly [Promise<UpdateResponse>, V1RecordRef]>,
  options: { tokens: boolean },
): Promise<{
  /** One result per updated record, in order. */
  records: UpdateRecordResult[];
}> {
  const answers = await answersOfCalls<UpdateResponse, V1RecordRef>(WRAPPER, calls, ['id', 'table'], UPDATE);
  const { tokens } = flagsOf(WRAPPER, options, ['tokens']);
  return settleAsV1(
    answers.map(([answer]) => answer),
    () => updateOutcome(answers, tokens),
  );
}
