// The service-account helpers of the v2 API, usable without a client.
import { LogLevel } from '../enums.js';
import type { ServiceAccountOptions } from '../config/types.js';
import { resolveClientOptions } from '../config/resolve-config.js';
import { validationError } from '../errors/messages.js';
import { inputError } from '../errors/read-input.js';
import { Logger } from '../logging/Logger.js';
import { Transport } from '../transport/Transport.js';
import { isPlainObject } from '../vault/requests/checks.js';
import { serviceAccountOptions } from './resolve-credentials.js';
import { keyFrom, loadServiceAccountKey } from './service-account-key.js';
import { exchangeForToken, type BearerToken } from './token-exchange.js';

/** Options of `generateBearerToken`. */
export interface BearerTokenOptions extends ServiceAccountOptions {
  /** PEM of a CA to trust for the token endpoint, in addition to the system's. */
  caCert?: string;
  /**
   * Time allowed for each attempt of the exchange, as a client's `timeoutMs`.
   * Without a client there is no other way to bound a token endpoint that
   * does not answer. @default 60000
   */
  timeoutMs?: number;
}

/**
 * Exchanges service-account credentials for a bearer token, without a
 * client: give the path of a credentials file, or the parsed credentials
 * object. The v2 form of skyflow-node@1's `generateBearerToken`. Rejects
 * with a SkyflowError when the credentials or options are invalid or the
 * token endpoint refuses them.
 *
 * @example
 * ```ts
 * import { generateBearerToken, isExpired } from 'skyflow-bridge';
 *
 * const { accessToken } = await generateBearerToken('credentials.json', {
 *   roles: [process.env.SKYFLOW_ROLE_ID ?? ''],
 *   timeoutMs: 10_000,
 * });
 * console.log(isExpired(accessToken)); // false: the token is fresh
 * ```
 */
export async function generateBearerToken(
  credentials: string | object,
  options: BearerTokenOptions = {},
): Promise<BearerToken> {
  try {
    return await exchangeCredentials(credentials, options);
  } catch (error) {
    throw inputError(error, 'credentials or bearer token options');
  }
}

async function exchangeCredentials(credentials: unknown, options: BearerTokenOptions): Promise<BearerToken> {
  if (!isPlainObject(options)) throw validationError('INVALID_BEARER_TOKEN_OPTIONS');
  const { caCert, timeoutMs, ...rest } = options;
  if (caCert !== undefined && typeof caCert !== 'string') throw validationError('INVALID_BEARER_TOKEN_OPTIONS');
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw validationError('INVALID_BEARER_TOKEN_OPTIONS');
  }
  const checked = serviceAccountOptions(rest);
  let key;
  if (typeof credentials === 'string') key = await loadServiceAccountKey({ path: credentials });
  else if (isPlainObject(credentials)) key = keyFrom(credentials);
  else throw validationError('INVALID_PARSED_CREDENTIALS_STRING', '');
  const transport = new Transport(resolveClientOptions(timeoutMs === undefined ? {} : { timeoutMs }).transport, new Logger(LogLevel.OFF));
  try {
    return await exchangeForToken(transport, key, checked, caCert);
  } finally {
    transport.close();
  }
}

/**
 * {@link generateBearerToken} for credentials given as a JSON string, e.g.
 * read from a secret store. Rejects with a SkyflowError when the string is not
 * a JSON object.
 */
export async function generateBearerTokenFromCreds(credentialsString: string, options: BearerTokenOptions = {}): Promise<BearerToken> {
  if (typeof credentialsString !== 'string') throw validationError('INVALID_PARSED_CREDENTIALS_STRING', '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(credentialsString);
  } catch {
    throw validationError('INVALID_PARSED_CREDENTIALS_STRING', '');
  }
  if (!isPlainObject(parsed)) throw validationError('INVALID_PARSED_CREDENTIALS_STRING', '');
  return generateBearerToken(parsed, options);
}
