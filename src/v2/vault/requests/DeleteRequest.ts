import { initObject, stringList, tableName } from './checks.js';
import { inputError, readInput } from '../../errors/read-input.js';

/** What a delete is made of. */
export interface DeleteRequestInit {
  table: string;
  /** Skyflow ids of the records to delete. */
  ids: string[];
}

/**
 * A delete of records by id, in one request.
 *
 * @example
 * const { deletedIds } = await client.vault().delete(new DeleteRequest({ table: 'cards', ids: [id] }));
 */
export class DeleteRequest {
  readonly table: string;
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

  static from(request: DeleteRequest | DeleteRequestInit): DeleteRequest {
    return readInput('delete request', () => (request instanceof DeleteRequest ? request : new DeleteRequest(request)));
  }
}
