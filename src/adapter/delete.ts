// Legacy delete (one request per record) → one v2 delete per record, so that
// each record's outcome is its own.
import { DeleteRequest, type DeleteResponse } from '../v2/index.js';
import type { DeleteRecordError, DeleteRecordResult, IDeleteRecord } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { answerOf, combine, type Answer, type Outcome } from './outcome.js';
import type { LegacyVault } from './v2-client.js';
import { exchange, type V2Call } from './exchange.js';

/** How a legacy delete ends, from how the v2 delete of each record ended (in record order). */
export function deleteOutcome(
  answers: ReadonlyArray<readonly [Answer<DeleteResponse>, Pick<IDeleteRecord, 'id'>]>,
): Outcome<{ records: DeleteRecordResult[] }> {
  return combine(
    answers.flatMap(([answer, record]): DeleteRecordResult[] =>
      answer.ok ? [{ skyflow_id: answer.response.deletedIds[0] ?? record.id, deleted: true }] : [],
    ),
    answers.flatMap(([answer, record]): DeleteRecordError[] => (answer.ok ? [] : [{ id: record.id, error: toV1ErrorBody(answer.error) }])),
  );
}

export async function remove(
  vault: LegacyVault,
  records: IDeleteRecord[],
  call: V2Call,
): Promise<Outcome<{ records: DeleteRecordResult[] }>> {
  const answers = await Promise.all(
    records.map(async (record) => {
      const answer = await answerOf(() =>
        exchange(call, 'delete', new DeleteRequest({ table: record.table, ids: [record.id] }), (request, o) => vault.vault.delete(request, o)),
      );
      return [answer, record] as const;
    }),
  );
  return deleteOutcome(answers);
}
