import { Type, type Static } from 'typebox';

/** Table, column and group names: a letter, then letters, digits and `_`; at most 63. */
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

/** Type of a column's values; decides validation, storage and `valueType`. */
export const ColumnTypeSchema = Type.Enum(['string', 'integer', 'float', 'boolean', 'date', 'datetime', 'json']);
/**
 * Type of a column's values: `string`, `integer`, `float`, `boolean`, `date`,
 * `datetime` or `json`. It decides what the vault accepts, how it stores and
 * sorts the values, and the `valueType` it reports.
 *
 * @useDeclaredType
 */
export type ColumnType = Static<typeof ColumnTypeSchema>;

/** How tokens of a column look: a random-looking UUID, or the value's own shape. */
export const TokenFormatSchema = Type.Enum(['uuid', 'format-preserving']);
/**
 * How a column's tokens look: `uuid` (a random-looking UUID) or
 * `format-preserving` (the value's shape: digits stay digits, separators stay).
 *
 * @useDeclaredType
 */
export type TokenFormat = Static<typeof TokenFormatSchema>;

/** `MASKED` redaction: letters and digits become `char` except the first/last ones kept. */
export const MaskRuleSchema = Type.Object(
  {
    /** Letters and digits left visible at the start. @default 0 */
    keepFirst: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Letters and digits left visible at the end (4 shows a card's last four digits). @default 0 */
    keepLast: Type.Optional(Type.Integer({ minimum: 0 })),
    /** The one character that replaces each hidden letter or digit. @default 'X' */
    char: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
  },
  { additionalProperties: false },
);
/**
 * How `MASKED` redaction hides a column's values: every letter and digit but the first and last ones kept becomes `char`.
 *
 * @interface
 */
export type MaskRule = Static<typeof MaskRuleSchema>;

/** What `DEFAULT` redaction means for a column. */
export const DefaultRedactionSchema = Type.Enum(['PLAIN_TEXT', 'MASKED', 'REDACTED']);
/**
 * What a read with `RedactionType.DEFAULT` reveals of a column: `PLAIN_TEXT`, `MASKED` (by its mask) or `REDACTED`.
 *
 * @useDeclaredType
 */
export type DefaultRedaction = Static<typeof DefaultRedactionSchema>;

/** One column of a vault table. Every property is optional: `{}` is a plain string column. */
export const ColumnSpecSchema = Type.Object(
  {
    /** Type of the column's values. @default 'string' */
    type: Type.Optional(ColumnTypeSchema),
    /** Unique columns can be upserted on and looked up with `column_name`. @default false */
    unique: Type.Optional(Type.Boolean()),
    /** How the column's tokens look. @default 'uuid' */
    tokenFormat: Type.Optional(TokenFormatSchema),
    /** How `MASKED` redaction shows the column's values. @default { keepFirst: 0, keepLast: 0, char: 'X' } */
    mask: Type.Optional(MaskRuleSchema),
    /** What `DEFAULT` redaction means for this column. @default 'PLAIN_TEXT' */
    redaction: Type.Optional(DefaultRedactionSchema),
    /** Columns of one group share tokens and are tokenized together by `tokenize`. */
    columnGroup: Type.Optional(Type.String({ pattern: NAME_PATTERN.source })),
  },
  { additionalProperties: false },
);
/**
 * One column of a vault table: its type, tokens and redaction. Every property is optional: `{}` is a plain string column.
 *
 * @interface
 */
export type ColumnSpec = Static<typeof ColumnSpecSchema>;

// Names are checked by resolveSchema, which can say what a good name is.
/** One table of a vault. */
export const TableSpecSchema = Type.Object(
  {
    /** The table's columns, by name (a letter, then letters, digits and `_`); every table also has `skyflow_id`. */
    columns: Type.Record(Type.String(), ColumnSpecSchema),
  },
  { additionalProperties: false },
);
/**
 * One table of a local vault: its columns, by name.
 *
 * @interface
 */
export type TableSpec = Static<typeof TableSpecSchema>;

/** The tables and columns of a local vault, as a schema file holds them. */
export const VaultSchemaSchema = Type.Object(
  {
    /** The vault's tables, by name (a letter, then letters, digits and `_`). */
    tables: Type.Record(Type.String(), TableSpecSchema),
  },
  { additionalProperties: false },
);
/**
 * The tables and columns of a local vault (`startLocalVault`'s `schema`), as
 * an object or as the JSON of a schema file. An invalid one throws a SchemaError.
 *
 * @interface
 */
export type VaultSchema = Static<typeof VaultSchemaSchema>;
