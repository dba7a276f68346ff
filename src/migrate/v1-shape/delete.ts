import { deleteOutcome } from '../../adapter/delete.js';
import type { DeleteRecordError, DeleteRecordResult } from '../../v1/types.js';
import type { DeleteResponse } from '../../v2/index.js';
import { answersOfCalls, settleAsV1, type ResponseShape } from './settle.js';
import type { V1RecordRef } from './update.js';

const DELETE: ResponseShape = { method: 'vault.delete', test: ({ deletedIds }) => Array.isArray(deletedIds) };

/**
 * The answers of the v2 deletes a legacy `delete` became (one per legacy
 * record, in order), in the v1 shape: resolves `{records}` when every delete
 * succeeded, otherwise rejects `{errors}` or `{records, errors}`, exactly as
 * skyflow-bridge/v1 does. A failure that is not the vault's (a token source's
 * own) passes through unchanged.
 *
 * @example
 * ```ts
 * import { DeleteRequest, type Skyflow } from 'skyflow-bridge/v2';
 * import { toV1DeleteResult } from 'skyflow-bridge/migrate';
 *
 * declare const skyflow: Skyflow;
 * const id = process.env.CARD_ID ?? '';
 * // Was: await client.delete({ records: [{ id, table: 'cards' }] });
 * const { records } = await toV1DeleteResult([[skyflow.vault().delete(new DeleteRequest({ table: 'cards', ids: [id] })), { id, table: 'cards' }]]);
 * ```
 */
export async function toV1DeleteResult(
  calls: ReadonlyArray<readonly [Promise<DeleteResponse>, V1RecordRef]>,
): Promise<{
  /** One result per deleted record, in order. */
  records: Array<DeleteRecordResult | DeleteRecordError>;
}> {
  const answers = await answersOfCalls<DeleteResponse, V1RecordRef>('toV1DeleteResult', calls, ['id', 'table'], DELETE);
  return settleAsV1(
    answers.map(([answer]) => answer),
    () => deleteOutcome(answers),
  );
}
