import { Type, type Static } from 'typebox';

/** Table, column and group names: a letter, then letters, digits and `_`; at most 63. */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** Type of a column's values; decides validation, storage and `valueType`. */
export const ColumnTypeSchema = Type.Enum(['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'json']);
export type ColumnType = Static<typeof ColumnTypeSchema>;

/** How tokens of a column look: a random-looking UUID, or the value's own shape. */
export const TokenFormatSchema = Type.Enum(['uuid', 'format-preserving']);
export type TokenFormat = Static<typeof TokenFormatSchema>;

/** `MASKED` redaction: letters and digits become `char` except the first/last ones kept. */
export const MaskRuleSchema = Type.Object(
  {
    keepFirst: Type.Optional(Type.Integer({ minimum: 0 })),
    keepLast: Type.Optional(Type.Integer({ minimum: 0 })),
    char: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
  },
  { additionalProperties: false },
);
export type MaskRule = Static<typeof MaskRuleSchema>;

/** What `DEFAULT` redaction means for a column. */
export const DefaultRedactionSchema = Type.Enum(['PLAIN_TEXT', 'MASKED', 'REDACTED']);
export type DefaultRedaction = Static<typeof DefaultRedactionSchema>;

/** One column of a vault table. Every property is optional: `{}` is a plain string column. */
export const ColumnSpecSchema = Type.Object(
  {
    /** @default 'string' */
    type: Type.Optional(ColumnTypeSchema),
    /** Unique columns can be upserted on and looked up with `column_name`. @default false */
    unique: Type.Optional(Type.Boolean()),
    /** @default 'uuid' */
    tokenFormat: Type.Optional(TokenFormatSchema),
    /** @default {keepFirst: 0, keepLast: 0, char: 'X'} */
    mask: Type.Optional(MaskRuleSchema),
    /** @default 'PLAIN_TEXT' */
    redaction: Type.Optional(DefaultRedactionSchema),
    /** Columns of one group share tokens and are tokenized together by `tokenize`. */
    columnGroup: Type.Optional(Type.String({ pattern: NAME_PATTERN.source })),
  },
  { additionalProperties: false },
);
export type ColumnSpec = Static<typeof ColumnSpecSchema>;

// Names are checked by resolveSchema, which can say what a good name is.
export const TableSpecSchema = Type.Object(
  { columns: Type.Record(Type.String(), ColumnSpecSchema) },
  { additionalProperties: false },
);
export type TableSpec = Static<typeof TableSpecSchema>;

/** The tables and columns of a local vault, as a schema file holds them. */
export const VaultSchemaSchema = Type.Object(
  { tables: Type.Record(Type.String(), TableSpecSchema) },
  { additionalProperties: false },
);
export type VaultSchema = Static<typeof VaultSchemaSchema>;
