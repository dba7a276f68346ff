import { describe, expect, it } from 'vitest';
import { resolveSchema, type Column } from '../../../src/local-vault/schema/resolve-schema.js';
import type { ColumnType } from '../../../src/local-vault/schema/types.js';
import { REDACTED_VALUE, mask, reveal } from '../../../src/local-vault/vault/redaction.js';
import { fromStored, toStored, toText, toTyped, valueKey } from '../../../src/local-vault/vault/values.js';
import { VaultError } from '../../../src/local-vault/errors.js';

function column(type: ColumnType, extra: Record<string, unknown> = {}): Column {
  const schema = resolveSchema({ tables: { t: { columns: { c: { type, ...extra } } } } });
  return schema.tables.get('t')!.columns.get('c')!;
}

describe('toTyped', () => {
  it.each([
    ['string', 'abc', 'abc'],
    ['string', 42, '42'],
    ['string', true, 'true'],
    ['integer', 42, 42],
    ['integer', ' -7 ', -7],
    ['float', 1.5, 1.5],
    ['float', '2.5e3', 2500],
    ['boolean', false, false],
    ['boolean', 'true', true],
    ['date', '2024-02-29', '2024-02-29'],
    ['datetime', '2024-02-29T10:00:00Z', '2024-02-29T10:00:00Z'],
    ['json', { a: [1] }, { a: [1] }],
    ['string', null, null],
  ] as const)('accepts a %s from %j', (type, input, expected) => {
    expect(toTyped(column(type), input)).toEqual(expected);
  });

  it.each([
    ['string', { a: 1 }, 'a string'],
    ['string', Number.NaN, 'a string'],
    ['integer', 1.5, 'an integer'],
    ['integer', '12a', 'an integer'],
    ['integer', 2 ** 60, 'an integer'],
    ['float', 'abc', 'a number'],
    ['boolean', 'yes', 'a boolean'],
    ['date', '2023-02-29', 'a date (YYYY-MM-DD)'],
    ['date', '29/02/2024', 'a date (YYYY-MM-DD)'],
    ['datetime', 'soon', 'an ISO 8601 date-time'],
  ] as const)('refuses a %s from %j, naming the type and not the value', (type, input, expected) => {
    let error: unknown;
    try {
      toTyped(column(type), input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).message).toBe(`Invalid value for column c in table t: expected ${expected}.`);
    expect((error as VaultError).httpCode).toBe(400);
  });

  // Regression: a JSON value nested thousands of levels deep overflowed the
  // stack in JSON.stringify when it was stored, and the vault answered 500.
  it('accepts json nested 100 levels deep and refuses deeper nesting with a 400', () => {
    const nested = (depth: number): unknown => (depth === 0 ? 1 : depth % 2 ? { a: nested(depth - 1) } : [nested(depth - 1)]);
    expect(toTyped(column('json'), nested(100))).toEqual(nested(100));
    for (const depth of [101, 5_000]) {
      const value = JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
      expect(() => toTyped(column('json'), value)).toThrow(
        new VaultError(400, 3, 'Invalid value for column c in table t: expected JSON nested at most 100 levels deep.'),
      );
    }
  });
});

describe('stored form', () => {
  it.each([
    ['boolean', true, 1],
    ['boolean', false, 0],
    ['json', { a: 1 }, '{"a":1}'],
    ['integer', 3, 3],
    ['string', 'x', 'x'],
  ] as const)('round-trips a %s', (type, value, stored) => {
    const c = column(type);
    expect(toStored(c, value)).toEqual(stored);
    expect(fromStored(c, stored)).toEqual(value);
  });

  it('has a text form and a key per value', () => {
    expect(toText({ a: 1 })).toBe('{"a":1}');
    expect(toText(12)).toBe('12');
    expect(valueKey('12')).not.toBe(valueKey(12));
  });
});

describe('redaction', () => {
  const card = column('string', { mask: { keepLast: 4 }, redaction: 'MASKED' });

  it('reveals by the requested type, and by the column policy for DEFAULT', () => {
    expect(reveal(card, '5479-4229-4622-1393', 'PLAIN_TEXT')).toBe('5479-4229-4622-1393');
    expect(reveal(card, '5479-4229-4622-1393', 'MASKED')).toBe('XXXX-XXXX-XXXX-1393');
    expect(reveal(card, '5479-4229-4622-1393', 'DEFAULT')).toBe('XXXX-XXXX-XXXX-1393');
    expect(reveal(card, '5479-4229-4622-1393', 'REDACTED')).toBe(REDACTED_VALUE);
    expect(reveal(column('integer'), 42, 'DEFAULT')).toBe(42);
    expect(reveal(card, null, 'REDACTED')).toBeNull();
  });

  it('masks letters and digits, keeping separators and the kept ends', () => {
    expect(mask('Jane Doe', { keepFirst: 0, keepLast: 0, char: 'X' })).toBe('XXXX XXX');
    expect(mask('123-45-6789', { keepFirst: 0, keepLast: 4, char: '*' })).toBe('***-**-6789');
    expect(mask('ab', { keepFirst: 1, keepLast: 4, char: 'X' })).toBe('ab');
    expect(mask('jane@example.com', { keepFirst: 1, keepLast: 3, char: 'X' })).toBe('jXXX@XXXXXXX.com');
  });
});
