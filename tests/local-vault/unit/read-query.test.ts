import { describe, expect, it } from 'vitest';
import { parseBulkGet, parseGetOne } from '../../../src/local-vault/vault/read-query.js';

describe('parseBulkGet', () => {
  it('reads ids, with DEFAULT redaction and no limit', () => {
    expect(parseBulkGet({ skyflow_ids: ['a', 'b'], tokenization: 'false' })).toEqual({
      mode: 'ids',
      ids: ['a', 'b'],
      redaction: 'DEFAULT',
      tokenization: false,
      fields: undefined,
      offset: 0,
      limit: undefined,
    });
  });

  it('reads a single id and column values', () => {
    expect(parseBulkGet({ skyflow_ids: 'a' })).toMatchObject({ mode: 'ids', ids: ['a'] });
    expect(parseBulkGet({ column_name: 'email', column_values: 'x@y', redaction: 'MASKED' })).toMatchObject({
      mode: 'column',
      columnName: 'email',
      columnValues: ['x@y'],
      redaction: 'MASKED',
    });
  });

  it('lists 25 records in ascending order by default, and treats empty values as absent', () => {
    expect(parseBulkGet({ column_name: '', order_by: '', limit: '', redaction: '' })).toEqual({
      mode: 'list',
      redaction: 'DEFAULT',
      tokenization: false,
      fields: undefined,
      offset: 0,
      limit: 25,
      descending: false,
    });
    expect(parseBulkGet({ offset: '5', limit: '7', order_by: 'DESCENDING', fields: ['a', 'b'] })).toMatchObject({
      mode: 'list',
      offset: 5,
      limit: 7,
      descending: true,
      fields: ['a', 'b'],
    });
  });

  it('refuses inherited property names as enum values', () => {
    expect(() => parseBulkGet({ redaction: 'toString' })).toThrow('redaction must be one of');
    expect(() => parseBulkGet({ order_by: 'constructor' })).toThrow('order_by must be one of');
  });

  it('refuses huge numbers', () => {
    expect(() => parseBulkGet({ limit: '9999999999' })).toThrow('limit must be an integer of at least 1.');
  });
});

describe('parseGetOne', () => {
  it('reads redaction, tokenization and fields', () => {
    expect(parseGetOne({ redaction: 'REDACTED', fields: 'a' })).toEqual({ redaction: 'REDACTED', tokenization: false, fields: ['a'] });
    expect(parseGetOne({ tokenization: 'true' })).toEqual({ redaction: 'DEFAULT', tokenization: true, fields: undefined });
    expect(() => parseGetOne({ tokenization: 'true', redaction: 'MASKED' })).toThrow(
      'redaction cannot be used together with tokenization.',
    );
  });
});
