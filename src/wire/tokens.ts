import { Type, type Static } from 'typebox';
import { RedactionSchema } from './common.js';
import type { ValueType } from './enums.js';

/** Body of `POST /v1/vaults/{vaultID}/detokenize`. */
export const DetokenizeBody = Type.Object({
  detokenizationParameters: Type.Array(
    Type.Object({ token: Type.String(), redaction: Type.Optional(RedactionSchema) }),
  ),
  downloadURL: Type.Optional(Type.Boolean()),
  continueOnError: Type.Optional(Type.Boolean()),
});
export type DetokenizeBody = Static<typeof DetokenizeBody>;

/** One detokenized token, or (with continueOnError) the reason it failed. */
export type DetokenizeRecord =
  | { token: string; valueType: ValueType; value: string }
  | { token: string; error: string };

/** Response of a detokenize, in request order. */
export interface DetokenizeResponse {
  records: DetokenizeRecord[];
}

/** Body of `POST /v1/vaults/{vaultID}/tokenize`. */
export const TokenizeBody = Type.Object({
  tokenizationParameters: Type.Array(
    Type.Object({
      value: Type.Union([Type.String(), Type.Number(), Type.Boolean()]),
      columnGroup: Type.String(),
    }),
  ),
});
export type TokenizeBody = Static<typeof TokenizeBody>;

/** Response of a tokenize, in request order. */
export interface TokenizeResponse {
  records: Array<{ token: string }>;
}
