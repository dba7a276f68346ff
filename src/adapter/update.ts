// Legacy update (one request per record) → one v2 update per record.
import { UpdateRequest, type UpdateResponse } from '../v2/index.js';
import type { IUpdateRecord, UpdateRecordError, UpdateRecordResult } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { combine, type Outcome } from './outcome.js';
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

export async function update(
  vault: LegacyVault,
  records: IUpdateRecord[],
  tokens: boolean,
  call: V2Call,
): Promise<Outcome<{ records: UpdateRecordResult[] }>> {
  const results = await Promise.all(
    records.map(async (record): Promise<{ record: UpdateRecordResult } | { error: UpdateRecordError }> => {
      try {
        const response = await exchange(call, 'update', toUpdateRequest(record, tokens), (request, o) => vault.vault.update(request, o));
        return { record: toUpdateRecord(response, tokens) };
      } catch (error) {
        return { error: { id: record.id, error: toV1ErrorBody(error) } };
      }
    }),
  );
  return combine(
    results.flatMap((result) => ('record' in result ? [result.record] : [])),
    results.flatMap((result) => ('error' in result ? [result.error] : [])),
  );
}
