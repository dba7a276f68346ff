// How a stored value is revealed under each redaction type.
import { RedactionType } from '../../wire/enums.js';
import type { Column } from '../schema/resolve-schema.js';
import type { MaskRule } from '../schema/types.js';
import { toText, type TypedValue } from './values.js';

/** What `REDACTED` returns in place of a value. */
export const REDACTED_VALUE = '*REDACTED*';

/** The value as the caller may see it; `DEFAULT` applies the column's own policy. */
export function reveal(column: Column, value: TypedValue, redaction: RedactionType): TypedValue {
  if (value === null) return null;
  const effective = redaction === RedactionType.DEFAULT ? column.defaultRedaction : redaction;
  switch (effective) {
    case RedactionType.PLAIN_TEXT:
      return value;
    case RedactionType.REDACTED:
      return REDACTED_VALUE;
    case RedactionType.MASKED:
      return mask(toText(value), column.mask);
  }
}

/** Replaces letters and digits by the mask character, except the first and last ones kept. */
export function mask(text: string, rule: Readonly<Required<MaskRule>>): string {
  const chars = [...text];
  const positions = chars.flatMap((char, index) => (/[0-9A-Za-z]/.test(char) ? [index] : []));
  const alnum = new Set(positions);
  const keep = new Set([
    ...positions.slice(0, rule.keepFirst),
    ...positions.slice(Math.max(rule.keepFirst, positions.length - rule.keepLast)),
  ]);
  return chars.map((char, index) => (keep.has(index) || !alnum.has(index) ? char : rule.char)).join('');
}
