import { getOutcome, type GetEntry } from '../../adapter/get.js';
import type { GetRecordResult } from '../../v1/types.js';
import type { GetResponse } from '../../v2/index.js';
import { answersOfCalls, settleAsV1, type ResponseShape } from './settle.js';

/** What a legacy get record entry says of itself in the v1 result and errors. */
export interface V1GetEntry {
  /** The entry's `table`. */
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
 * ```ts
 * import { GetRequest, RedactionType, type Skyflow } from 'skyflow-bridge/v2';
 * import { toV1GetResult } from 'skyflow-bridge/migrate';
 *
 * declare const skyflow: Skyflow;
 * const id = process.env.CARD_ID ?? '';
 * // Was: const { records } = await client.get({ records: [{ table: 'cards', ids: [id], redaction: RedactionType.MASKED }] });
 * const { records } = await toV1GetResult([
 *   [skyflow.vault().get(new GetRequest({ table: 'cards', ids: [id], redactionType: RedactionType.MASKED })), { table: 'cards', ids: [id] }],
 * ]);
 * console.log(records);
 * ```
 */
export async function toV1GetResult(
  calls: ReadonlyArray<readonly [Promise<GetResponse>, V1GetEntry]>,
): Promise<{
  /** The records of every entry, in order. */
  records: GetRecordResult[];
}> {
  const answers = await answersOfCalls<GetResponse, GetEntry>('toV1GetResult', calls, ['table'], GET);
  return settleAsV1(
    answers.map(([answer]) => answer),
    () => getOutcome(answers),
  );
}
