import { Type, type Static } from 'typebox';
import { ByotSchema, Fields, RedactionSchema, TokenMap, enumOf } from './common.js';
import { BatchMethod } from './enums.js';
import type { WrittenRecord } from './records.js';

/** One operation of a batch request (`V1BatchRecord`). */
export const BatchRecord = Type.Object({
  method: Type.Optional(enumOf(BatchMethod)),
  tableName: Type.String(),
  fields: Type.Optional(Fields),
  ID: Type.Optional(Type.String()),
  tokens: Type.Optional(TokenMap),
  tokenization: Type.Optional(Type.Boolean()),
  redaction: Type.Optional(RedactionSchema),
  upsert: Type.Optional(Type.String()),
  batchID: Type.Optional(Type.String()),
  downloadURL: Type.Optional(Type.Boolean()),
});
export type BatchRecord = Static<typeof BatchRecord>;

/** Body of `POST /v1/vaults/{vaultID}` (batch). */
export const BatchBody = Type.Object({
  records: Type.Array(BatchRecord),
  continueOnError: Type.Optional(Type.Boolean()),
  byot: Type.Optional(ByotSchema),
});
export type BatchBody = Static<typeof BatchBody>;

/** What one batch operation produced. */
export interface BatchResult {
  records: Array<WrittenRecord | { fields: Record<string, unknown> } | { skyflow_id: string; deleted: boolean }>;
}

/** Entry of `responses` with continueOnError: the status of each operation and its body. */
export type BatchStatusEntry =
  | { Status: 200; Body: BatchResult }
  | { Status: number; Body: { error: string } };

/** Response of a batch: one entry per operation, in request order. */
export interface BatchResponse {
  vaultID: string;
  responses: Array<BatchResult | BatchStatusEntry>;
}
