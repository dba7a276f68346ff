import { getOutcome, type GetEntry } from '../../adapter/get.js';
import type { GetRecordResult } from '../../v1/types.js';
import type { GetResponse } from '../../v2/index.js';
import { answersOfCalls, settleAsV1, type ResponseShape } from './settle.js';

/** What a legacy get record entry says of itself in the v1 result and errors. */
export interface V1GetEntry {
  table: string;
  /** The entry's `ids` (the v1 error repeats them). */
  ids?: string[];
  /** The entry's `columnName`, when it looked records up by a unique column. */
  columnName?: string;
}

const GET: ResponseShape = { method: 'vault.get', test: ({ data }) => Array.isArray(data) };

/**
 * The answers of the v2 gets a legacy `get` or `getById` became (one per
 * legacy record entry, in order), in the v1 shape: resolves `{records}` when
 * every get succeeded, otherwise rejects `{errors}` or `{records, errors}`,
 * exactly as skyflow-bridge/v1 does. A failure that is not the vault's (a
 * token source's own) passes through unchanged.
 *
 * @example
 * // Was: await client.get({ records: [{ table: 'cards', ids: [id], redaction: RedactionType.PLAIN_TEXT }] });
 * const { records } = await toV1GetResult([
 *   [skyflow.vault().get(new GetRequest({ table: 'cards', ids: [id], redactionType: RedactionType.PLAIN_TEXT })), { table: 'cards', ids: [id] }],
 * ]);
 */
export async function toV1GetResult(
  calls: ReadonlyArray<readonly [Promise<GetResponse>, V1GetEntry]>,
): Promise<{ records: GetRecordResult[] }> {
  const answers = await answersOfCalls<GetResponse, GetEntry>('toV1GetResult', calls, ['table'], GET);
  return settleAsV1(
    answers.map(([answer]) => answer),
    () => getOutcome(answers),
  );
}
