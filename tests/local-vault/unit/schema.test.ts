import { describe, expect, it } from 'vitest';
import { SchemaError, resolveSchema } from '../../../src/local-vault/schema/resolve-schema.js';
import { demoSchema } from '../../../src/local-vault/schema/demo-schema.js';

describe('resolveSchema', () => {
  it('resolves the demo schema with its defaults, scopes and groups', () => {
    const schema = resolveSchema(demoSchema);
    expect([...schema.tables.keys()]).toEqual(['cards', 'persons']);
    const cardNumber = schema.tables.get('cards')!.columns.get('card_number')!;
    expect(cardNumber).toMatchObject({
      type: 'string',
      unique: true,
      tokenFormat: 'format-preserving',
      mask: { keepFirst: 0, keepLast: 4, char: 'X' },
      defaultRedaction: 'MASKED',
      valueType: 'STRING',
      scope: 'group:card_number',
    });
    expect(schema.tables.get('cards')!.columns.get('expiry_date')!.scope).toBe('column:cards.expiry_date');
    expect(schema.scopes.get('group:name')!.map((c) => `${c.table}.${c.name}`)).toEqual([
      'cards.cardholder_name',
      'persons.name',
    ]);
    expect(schema.groups.get('name')).toBe('group:name');
  });

  it.each([
    [{}, 'schema: must have required properties tables.'],
    [{ tables: {} }, 'schema: at least one table is required.'],
    [{ tables: { t: { columns: {} } } }, 'schema/tables/t: at least one column is required.'],
    [{ tables: { query: { columns: { a: {} } } } }, 'schema/tables/query: "query" is reserved and cannot name a table.'],
    [{ tables: { sqlite_x: { columns: { a: {} } } } }, 'schema/tables/sqlite_x: "sqlite_x" is reserved and cannot name a table.'],
    [{ tables: { T: { columns: { a: {} } }, t: { columns: { a: {} } } } }, 'schema/tables/t: table names must differ in more than letter case.'],
    [{ tables: { t: { columns: { skyflow_id: {} } } } }, 'schema/tables/t/columns/skyflow_id: "skyflow_id" is reserved for the record id.'],
    [{ tables: { t: { columns: { a: {}, A: {} } } } }, 'schema/tables/t/columns/A: column names must differ in more than letter case.'],
    [{ tables: { t: { columns: { a: { type: 'money' } } } } }, 'schema/tables/t/columns/a/type: must be equal to one of the allowed values.'],
    [{ tables: { 't-1': { columns: { a: {} } } } }, 'schema/tables/t-1: a name is a letter followed by letters, digits or "_", 63 at most.'],
    [{ tables: { t: { columns: { 'a b': {} } } } }, 'schema/tables/t/columns/a b: a name is a letter followed by letters, digits or "_", 63 at most.'],
    [{ tables: { t: { columns: { a: { colour: 'red' } } } } }, 'schema/tables/t/columns/a: must not have additional properties.'],
    [
      { tables: { t: { columns: { a: { columnGroup: 'g' }, b: { columnGroup: 'g', type: 'integer' } } } } },
      'schema/tables/t/columns/b: columns of group "g" must have the same type, tokenFormat, mask and redaction as t.a.',
    ],
  ])('refuses %j', (input, message) => {
    expect(() => resolveSchema(input)).toThrow(new SchemaError(message));
  });
});
