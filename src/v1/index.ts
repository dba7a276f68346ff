// skyflow-bridge/v1: a drop-in replacement for skyflow-node@1 on the v2 core.
// Change `require('skyflow-node')` to `require('skyflow-bridge/v1')`; every
// legacy call keeps working and warns where it is and what replaces it.
import { DEPRECATION_POLICIES, moduleNotifier } from '../adapter/deprecation/notifier.js';
import { describeReplacement } from '../adapter/deprecation/replacement.js';
import type { LogLevel } from './enums.js';
import type { DeprecationPolicy } from './types.js';
import { isExpired as isTokenExpired } from './jwt.js';
import { logWarn, setLevel } from './logging.js';

export { Skyflow } from './Skyflow.js';
export { Client, Configuration, InsertOptions } from './Client.js';
export { LogLevel, RedactionType, RequestMethod } from './enums.js';
export { SkyflowError } from './errors/SkyflowError.js';
export { InvalidTokenError } from './jwt.js';
export {
  generateBearerToken,
  generateBearerTokenFromCreds,
  generateToken,
  generateSignedDataTokens,
  generateSignedDataTokensFromCreds,
} from './service-account.js';
export { legacyUsage, onLegacyCall, resetLegacyUsage } from '../adapter/deprecation/usage.js';
export { LEGACY_METHODS } from '../adapter/deprecation/legacy-methods.js';

export type * from './types.js';
export type { DualView, DualViewListener } from './Skyflow.js';
export type { V2Exchange } from '../adapter/exchange.js';
export type { BearerTokenOptions, SignedDataTokensOptions, SignedDataToken } from './service-account.js';
export type { LegacyUsage, LegacyCallEvent, LegacyCallListener } from '../adapter/deprecation/usage.js';
export type { LegacyMethod, LegacyMethodName } from '../adapter/deprecation/legacy-methods.js';
export type { LegacyClientMethod, LegacyHelper } from '../adapter/mapping/v1-to-v2.js';

/**
 * Sets the level of the v1 logs (`LEVEL: [Skyflow] message` on the console),
 * for every v1 client and helper at once. A value that is not a level name is
 * ignored. The level starts at `LogLevel.ERROR`.
 *
 * @deprecated Use `client.setLogLevel(LogLevel.X)` per client from `skyflow-bridge/v2` instead: the level is per client in v2.
 * @example
 * ```ts
 * import { LogLevel, setLogLevel } from 'skyflow-bridge/v1';
 *
 * // Print the lifecycle lines of every call, e.g. "INFO: [Skyflow] Insert method triggered."
 * setLogLevel(LogLevel.INFO);
 * ```
 */
export function setLogLevel(level: LogLevel): void {
  moduleNotifier.notify('setLogLevel', describeReplacement('setLogLevel', undefined, []));
  setLevel(level);
}

/**
 * Whether a bearer token has expired: `true` for `''` and for a token past its
 * `exp`; a token that is not a JWT throws an {@link InvalidTokenError}.
 *
 * @deprecated Use `isExpired(token)` from `skyflow-bridge/v2` instead, which answers `true` for a token that is not a JWT.
 */
export function isExpired(token: string): boolean {
  moduleNotifier.notify('isExpired', describeReplacement('isExpired', undefined, []));
  return isTokenExpired(token);
}

/**
 * Whether a bearer token can still be used: the opposite of `isExpired`
 * (it also logs a v1 WARN line saying it is deprecated).
 *
 * @deprecated Use `!isExpired(token)` from `skyflow-bridge/v2` instead.
 */
export function isValid(token: string): boolean {
  moduleNotifier.notify('isValid', describeReplacement('isValid', undefined, []));
  logWarn('This method has been deprecated will be removed in future release, use isExpired instead');
  return !isTokenExpired(token);
}

/**
 * Sets how often the module-level helpers (generateBearerToken, isExpired,
 * setLogLevel, …) emit their DeprecationWarning; each client has its own
 * `options.deprecationWarnings`. Calls are counted whatever the policy. The
 * policy starts at `'every-call'`; a value that is not a policy is ignored, as
 * an unknown `options.deprecationWarnings` is.
 */
export function setDeprecationPolicy(policy: DeprecationPolicy): void {
  if (DEPRECATION_POLICIES.includes(policy)) moduleNotifier.policy = policy;
}
