import { has, isValidURL, singular } from './common.js';

/** Checked at every call (not in `init`), in 1.14.3's order; singular errors. */
export function validateInitConfig(config: Record<string, unknown>): void {
  if (!has(config, 'vaultID')) throw singular('VAULTID_IS_REQUIRED');
  if (!config['vaultID']) throw singular('EMPTY_VAULTID_IN_INIT');
  if (!has(config, 'vaultURL')) throw singular('VAULTURL_IS_REQUIRED');
  if (!config['vaultURL']) throw singular('EMPTY_VAULTURL_IN_INIT');
  if (!isValidURL(config['vaultURL'])) throw singular('INVALID_VAULTURL_IN_INIT');
  if (!has(config, 'getBearerToken')) throw singular('GET_BEARER_TOKEN_IS_REQUIRED');
  checkProvider(config['getBearerToken']);
}

/**
 * A token provider must be a function that can be called: a class is a
 * function to `typeof`, but calling one throws a TypeError from the engine.
 */
export function checkProvider(provider: unknown): asserts provider is () => unknown {
  if (typeof provider !== 'function' || /^class[\s{]/.test(Function.prototype.toString.call(provider))) {
    throw singular('GET_BEARER_TOKEN_NOT_A_FUNCTION');
  }
}
