import { validationError } from '../../errors/messages.js';
import { initObject } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

export interface QueryRequestInit {
  /** One SELECT statement over the vault's tables. */
  query: string;
}

/**
 * A read-only SQL query.
 *
 * @example
 * const { fields } = await client.vault().query(new QueryRequest({ query: "SELECT * FROM cards WHERE cvv = '123'" }));
 */
export class QueryRequest {
  readonly query: string;

  constructor(init: QueryRequestInit) {
    try {
      const value = initObject(init, 'query');
      const query = value['query'];
      if (query === undefined || query === null) throw validationError('EMPTY_QUERY');
      if (typeof query !== 'string') throw validationError('INVALID_QUERY');
      if (query.trim() === '') throw validationError('EMPTY_QUERY');
      if (!/^\s*select\b/i.test(query)) throw validationError('INVALID_QUERY_COMMAND');
      this.query = query;
    } catch (error) {
      throw inputError(error, 'query request');
    }
    Object.freeze(this);
  }

  static from(request: QueryRequest | QueryRequestInit): QueryRequest {
    return readInput('query request', () => (request instanceof QueryRequest ? request : new QueryRequest(request)));
  }
}
