import { Type, type Static } from 'typebox';
import type { FieldRecord } from './common.js';

/** Body of `POST /v1/vaults/{vaultID}/query`: one read-only SQL statement. */
export const QueryBody = Type.Object({ query: Type.String() });
export type QueryBody = Static<typeof QueryBody>;

/** Response of a query: one record per row. */
export interface QueryResponse {
  records: FieldRecord[];
}
