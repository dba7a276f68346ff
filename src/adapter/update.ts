// Legacy update (one request per record) → one v2 update per record.
import { UpdateRequest, type UpdateResponse } from '../v2/index.js';
import type { IUpdateRecord, UpdateRecordError, UpdateRecordResult } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { answerOf, combine, type Answer, type Outcome } from './outcome.js';
import type { LegacyVault } from './v2-client.js';
import { exchange, type V2Call } from './exchange.js';

export function toUpdateRequest(record: IUpdateRecord, tokens: boolean): UpdateRequest {
  return new UpdateRequest({ table: record.table, data: { ...(record.fields ?? {}), skyflowId: record.id }, returnTokens: tokens });
}

/** `{id, fields?}`: the tokens of the updated columns when they were asked for, and no table. */
export function toUpdateRecord(response: UpdateResponse, tokens: boolean): UpdateRecordResult {
  const { skyflowId, ...columns } = response.updatedField;
  return tokens ? { id: skyflowId, fields: columns } : { id: skyflowId };
}

/** How a legacy update ends, from how the v2 update of each record ended (in record order). */
export function updateOutcome(
  answers: ReadonlyArray<readonly [Answer<UpdateResponse>, Pick<IUpdateRecord, 'id'>]>,
  tokens: boolean,
): Outcome<{ records: UpdateRecordResult[] }> {
  return combine(
    answers.flatMap(([answer]) => (answer.ok ? [toUpdateRecord(answer.response, tokens)] : [])),
    answers.flatMap(([answer, record]): UpdateRecordError[] => (answer.ok ? [] : [{ id: record.id, error: toV1ErrorBody(answer.error) }])),
  );
}

export async function update(
  vault: LegacyVault,
  records: IUpdateRecord[],
  tokens: boolean,
  call: V2Call,
): Promise<Outcome<{ records: UpdateRecordResult[] }>> {
  const answers = await Promise.all(
    records.map(async (record) => {
      const answer = await answerOf(() => exchange(call, 'update', toUpdateRequest(record, tokens), (request, o) => vault.vault.update(request, o)));
      return [answer, record] as const;
    }),
  );
  return updateOutcome(answers, tokens);
}
