// Legacy delete (one request per record) → one v2 delete per record, so that
// each record's outcome is its own.
import { DeleteRequest } from '../v2/index.js';
import type { DeleteRecordError, DeleteRecordResult, IDeleteRecord } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { combine, type Outcome } from './outcome.js';
import type { LegacyVault } from './v2-client.js';
import { exchange, type V2Call } from './exchange.js';

export async function remove(
  vault: LegacyVault,
  records: IDeleteRecord[],
  call: V2Call,
): Promise<Outcome<{ records: DeleteRecordResult[] }>> {
  const results = await Promise.all(
    records.map(async (record): Promise<{ record: DeleteRecordResult } | { error: DeleteRecordError }> => {
      try {
        const request = new DeleteRequest({ table: record.table, ids: [record.id] });
        const { deletedIds } = await exchange(call, 'delete', request, (r, o) => vault.vault.delete(r, o));
        return { record: { skyflow_id: deletedIds[0] ?? record.id, deleted: true } };
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
