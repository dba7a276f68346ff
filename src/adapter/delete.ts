// Legacy delete (one request per record) → one v2 delete per record, so that
// each record's outcome is its own.
import { DeleteRequest } from '../v2/index.js';
import type { DeleteRecordError, DeleteRecordResult, IDeleteRecord } from '../v1/types.js';
import { toV1ErrorBody } from './errors.js';
import { combine, type Outcome } from './outcome.js';
import type { LegacyVault } from './v2-client.js';

export async function remove(
  vault: LegacyVault,
  records: IDeleteRecord[],
  bearerToken: string,
): Promise<Outcome<{ records: DeleteRecordResult[] }>> {
  const results = await Promise.all(
    records.map(async (record): Promise<{ record: DeleteRecordResult } | { error: DeleteRecordError }> => {
      try {
        const { deletedIds } = await vault.vault.delete(new DeleteRequest({ table: record.table, ids: [record.id] }), { bearerToken });
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
