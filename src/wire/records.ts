import { Type, type Static } from 'typebox';
import { ByotSchema, Fields, TokenMap, type FieldRecord } from './common.js';

/** Body of `POST /v1/vaults/{vaultID}/{table}` (insert into one table). */
export const InsertRecordsBody = Type.Object({
  records: Type.Array(Type.Object({ fields: Fields, tokens: Type.Optional(TokenMap) })),
  tokenization: Type.Optional(Type.Boolean()),
  upsert: Type.Optional(Type.String()),
  homogeneous: Type.Optional(Type.Boolean()),
  byot: Type.Optional(ByotSchema),
});
export type InsertRecordsBody = Static<typeof InsertRecordsBody>;

/** One written record: its id, and its tokens when tokenization was asked for. */
export interface WrittenRecord {
  skyflow_id: string;
  tokens?: Record<string, string>;
}

/** Response of an insert into one table. */
export interface InsertRecordsResponse {
  records: WrittenRecord[];
}

/** Response of `GET /v1/vaults/{vaultID}/{table}` (bulk get). */
export interface BulkGetResponse {
  records: FieldRecord[];
}

/** Body of `PUT /v1/vaults/{vaultID}/{table}/{id}`. */
export const UpdateRecordBody = Type.Object({
  record: Type.Object({ fields: Fields, tokens: Type.Optional(TokenMap) }),
  tokenization: Type.Optional(Type.Boolean()),
  byot: Type.Optional(ByotSchema),
});
export type UpdateRecordBody = Static<typeof UpdateRecordBody>;

/** Response of an update: the id, and the updated columns' tokens when asked for. */
export type UpdateRecordResponse = WrittenRecord;

/** Response of `DELETE /v1/vaults/{vaultID}/{table}/{id}`. */
export interface DeleteRecordResponse {
  skyflow_id: string;
  deleted: boolean;
}

/** Body of `DELETE /v1/vaults/{vaultID}/{table}` (bulk delete). */
export const BulkDeleteBody = Type.Object({
  skyflow_ids: Type.Array(Type.String()),
});
export type BulkDeleteBody = Static<typeof BulkDeleteBody>;

/** Response of a bulk delete: the ids that were deleted. */
export interface BulkDeleteResponse {
  RecordIDResponse: string[];
}
