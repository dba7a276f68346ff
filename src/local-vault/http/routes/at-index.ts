import { VaultError } from '../../errors.js';

/**
 * Runs the work for one element of a list and, when the list has more than
 * one element, says which element an error is about.
 */
export function atIndex<T>(list: string, index: number, length: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof VaultError && length > 1) throw error.at(`${list}[${index}]`);
    throw error;
  }
}
