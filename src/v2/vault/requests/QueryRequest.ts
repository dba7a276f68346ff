import { validationError } from '../../errors/messages.js';
import { initObject } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What a query is made of. */
export interface QueryRequestInit {
  /** One SELECT statement over the vault's tables. */
  query: string;
}

/**
 * A read-only SQL query: one SELECT statement, checked when constructed.
 *
 * @example
 * ```ts
 * import { QueryRequest, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const request = new QueryRequest({ query: "SELECT skyflow_id, cardholder_name FROM cards WHERE expiry_date = '12/30'" });
 * const { fields } = await client.vault().query(request);
 * ```
 */
export class QueryRequest {
  /** The SELECT statement. */
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

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: QueryRequest | QueryRequestInit): QueryRequest {
    return readInput('query request', () => (request instanceof QueryRequest ? request : new QueryRequest(request)));
  }
}
