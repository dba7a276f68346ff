import { initObject, stringList, tableName } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What a delete is made of. */
export interface DeleteRequestInit {
  /** The table to delete from. */
  table: string;
  /** Skyflow ids of the records to delete. */
  ids: string[];
}

/**
 * A delete of records by id, in one request.
 *
 * @example
 * ```ts
 * import { DeleteRequest, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const { deletedIds } = await client.vault().delete(new DeleteRequest({ table: 'cards', ids: [process.env.SKYFLOW_ID ?? ''] }));
 * ```
 */
export class DeleteRequest {
  /** The table to delete from. */
  readonly table: string;
  /** Skyflow ids of the records to delete. */
  readonly ids: readonly string[];

  constructor(init: DeleteRequestInit) {
    try {
      const value = initObject(init, 'delete');
      this.table = tableName(value['table']);
      this.ids = stringList(value['ids'], {
        empty: 'EMPTY_DELETE_IDS',
        invalid: 'INVALID_DELETE_IDS_INPUT',
        emptyItem: 'EMPTY_ID_IN_DELETE',
        invalidItem: 'INVALID_ID_IN_DELETE',
      });
    } catch (error) {
      throw inputError(error, 'delete request');
    }
    Object.freeze(this);
  }

  /** The request itself, or a new one made from its init object (which throws a SkyflowError when invalid). */
  static from(request: DeleteRequest | DeleteRequestInit): DeleteRequest {
    return readInput('delete request', () => (request instanceof DeleteRequest ? request : new DeleteRequest(request)));
  }
}
