// The v1 service-account helpers. Checks, their order and their errors are
// 1.14.3's (plural form, code 400); the token exchange is the v2 core's.
import { existsSync, readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { exchangeLegacyCredentials } from '../adapter/service-account.js';
import { moduleNotifier } from '../adapter/deprecation/notifier.js';
import { describeReplacement } from '../adapter/deprecation/replacement.js';
import { SERVICE_ACCOUNT_ERROR } from './errors/codes.js';
import { SkyflowError } from './errors/SkyflowError.js';
import { rejectionOf } from './reject.js';
import { logError, logInfo, logWarn } from './logging.js';

/** Options of `generateBearerToken` and `generateBearerTokenFromCreds`. */
export interface BearerTokenOptions {
  /** IDs of the roles to scope the token to; an empty array is refused. */
  roleIDs?: string[];
  /** Context value to put in the token, for context-aware authorization. */
  ctx?: string;
  /**
   * Time allowed for each attempt of the exchange, in milliseconds.
   *
   * Not in 1.14.3: a value that is not a positive finite number is ignored,
   * as 1.14.3 ignored unknown options.
   *
   * @default 60000
   */
  timeoutMs?: number;
}

/** Options of `generateSignedDataTokens` and `generateSignedDataTokensFromCreds`. */
export interface SignedDataTokensOptions {
  /** The data tokens to sign; must be a non-empty array of strings. */
  dataTokens: string[];
  /**
   * How long each signed token stays valid, in seconds.
   *
   * @default 60
   */
  timeToLive?: number;
  /** Context value to put in each signed token. */
  ctx?: string;
}

/** A data token and its signed form. */
export interface SignedDataToken {
  /** The data token as given. */
  token: string;
  /** The token signed with the service account's key: `signed_token_<JWT>`. */
  signedToken: string;
}

type Problem = keyof typeof SERVICE_ACCOUNT_ERROR;

function problem(key: Problem): SkyflowError {
  logError(SERVICE_ACCOUNT_ERROR[key]);
  return new SkyflowError({ code: 400, description: SERVICE_ACCOUNT_ERROR[key] });
}

/**
 * Runs a helper as a promise that rejects only with a v1 SkyflowError: what
 * else reading the caller's input throws (a getter or proxy, a cycle or a
 * BigInt in `ctx`) becomes UnreadableInput.
 */
async function settled<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof SkyflowError ? error : problem('UnreadableInput');
  }
}

/** The credentials file's text: it must exist, not be empty, and be JSON. */
function readCredentialsFile(path: unknown): string {
  if (typeof path !== 'string' || !existsSync(path)) throw problem('FileNotFound');
  const text = readFileSync(path, 'utf8');
  if (text === '') throw problem('EmptyFile');
  try {
    JSON.parse(text);
  } catch {
    throw problem('NotAValidJSON');
  }
  return text;
}

function parseCredentials(credentials: unknown): Record<string, unknown> {
  if (!credentials && credentials === '') throw problem('CredentialsContentEmpty');
  if (typeof credentials !== 'string') throw problem('ExpectedStringParameter');
  try {
    const parsed: unknown = JSON.parse(credentials);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    throw problem('NotAValidJSON');
  }
}

async function bearerToken(credentials: unknown, options: BearerTokenOptions | undefined): Promise<{ accessToken: string; tokenType: string }> {
  logInfo('Generate bearer token triggered');
  if (!credentials && credentials === '') throw problem('CredentialsContentEmpty');
  if (typeof credentials !== 'string') throw problem('ExpectedStringParameter');
  const roleIDs = options?.roleIDs as unknown;
  if (roleIDs && (roleIDs as unknown[]).length === 0) throw problem('ScopedRolesEmpty');
  if (roleIDs && !Array.isArray(roleIDs)) throw problem('ExpectedRoleIDParameter');
  const parsed = parseCredentials(credentials);
  if (parsed['clientID'] == null) throw problem('ClientIDNotFound');
  if (parsed['keyID'] == null) throw problem('KeyIDNotFound');
  if (parsed['tokenURI'] == null) throw problem('TokenURINotFound');
  if (parsed['privateKey'] == null) throw problem('PrivateKeyNotFound');
  const outcome = await exchangeLegacyCredentials(
    { clientID: parsed['clientID'], keyID: parsed['keyID'], tokenURI: parsed['tokenURI'], privateKey: parsed['privateKey'] },
    { roleIDs: roleIDs as string[] | undefined, ctx: options?.ctx, timeoutMs: options?.timeoutMs },
  );
  if (!outcome.ok) throw rejectionOf(outcome.failure);
  logInfo('Generated bearer token successfully');
  return outcome.value;
}

/**
 * Gets a bearer token for the service account of a credentials file, by
 * exchanging a JWT signed with its key at the account's token URI.
 *
 * Rejects with a plural-form {@link SkyflowError} (code 400) when the file is
 * missing, empty or not JSON, or lacks a credential field.
 *
 * @deprecated Use `generateBearerToken(path, { roles, context })` from `skyflow-bridge/v2` instead.
 * @example
 * ```ts
 * import { Skyflow, generateBearerToken } from 'skyflow-bridge/v1';
 *
 * const client = Skyflow.init({
 *   vaultID: process.env.VAULT_ID ?? '',
 *   vaultURL: process.env.VAULT_URL ?? '',
 *   getBearerToken: async () => (await generateBearerToken('credentials.json')).accessToken,
 * });
 * await client.delete({ records: [{ id: process.env.PERSON_ID ?? '', table: 'persons' }] });
 * ```
 */
export function generateBearerToken(
  credentialsFilePath: string,
  options?: BearerTokenOptions,
): Promise<{
  /** The bearer token to send in the Authorization header. */
  accessToken: string;
  /** The token's type as the token endpoint gives it, normally `Bearer`. */
  tokenType: string;
}> {
  moduleNotifier.notify('generateBearerToken', describeReplacement('generateBearerToken', undefined, []));
  return settled(() => bearerToken(readCredentialsFile(credentialsFilePath), options));
}

/**
 * Gets a bearer token for service-account credentials given as a JSON string
 * (the content of a credentials file).
 *
 * @deprecated Use `generateBearerTokenFromCreds(credentialsString, { roles, context })` from `skyflow-bridge/v2` instead.
 * @example
 * ```ts
 * import { generateBearerTokenFromCreds } from 'skyflow-bridge/v1';
 *
 * const { accessToken, tokenType } = await generateBearerTokenFromCreds(process.env.SKYFLOW_CREDENTIALS ?? '', {
 *   roleIDs: [process.env.SKYFLOW_ROLE_ID ?? ''],
 * });
 * const headers = { Authorization: `${tokenType} ${accessToken}` };
 * await fetch(process.env.SERVICE_URL ?? '', { headers });
 * ```
 */
export function generateBearerTokenFromCreds(
  credentials: string,
  options?: BearerTokenOptions,
): Promise<{
  /** The bearer token to send in the Authorization header. */
  accessToken: string;
  /** The token's type as the token endpoint gives it, normally `Bearer`. */
  tokenType: string;
}> {
  moduleNotifier.notify('generateBearerTokenFromCreds', describeReplacement('generateBearerTokenFromCreds', undefined, []));
  return settled(() => bearerToken(credentials, options));
}

/**
 * Gets a bearer token for the service account of a credentials file; the
 * older name of `generateBearerToken`, without options.
 *
 * @deprecated Use `generateBearerToken(path)` from `skyflow-bridge/v2` instead.
 */
export function generateToken(credentialsFilePath: string): Promise<{
  /** The bearer token to send in the Authorization header. */
  accessToken: string;
  /** The token's type as the token endpoint gives it, normally `Bearer`. */
  tokenType: string;
}> {
  moduleNotifier.notify('generateToken', describeReplacement('generateToken', undefined, []));
  logWarn('This method has been deprecated will be removed in future release, use GenerateBearerToken instead');
  return settled(() => bearerToken(readCredentialsFile(credentialsFilePath), undefined));
}

async function signedDataTokens(credentials: unknown, options: SignedDataTokensOptions | undefined): Promise<SignedDataToken[]> {
  logInfo('Generate signed data tokens triggered');
  if (!credentials && credentials === '') throw problem('CredentialsContentEmpty');
  if (typeof credentials !== 'string') throw problem('ExpectedStringParameter');
  const dataTokens = options?.dataTokens as unknown;
  if (dataTokens && (dataTokens as unknown[]).length === 0) throw problem('DataTokensEmpty');
  if (options && dataTokens == null) throw problem('DataTokensNotFound');
  if (dataTokens && !Array.isArray(dataTokens)) throw problem('ExpectedDataTokensParameter');
  if (options?.timeToLive && typeof options.timeToLive !== 'number') throw problem('ExpectedTimeToLiveParameter');
  const parsed = parseCredentials(credentials);
  const tokens = Array.isArray(dataTokens) ? Array.from(dataTokens as unknown[]) : [];
  // The message always said string[]; 1.14.3 signed whatever the array held (holes too).
  if (!tokens.every((token) => typeof token === 'string')) throw problem('ExpectedDataTokensParameter');
  if (tokens.length === 0) return [];
  if (parsed['keyID'] == null) throw problem('KeyIDNotFound');
  if (parsed['tokenURI'] == null) throw problem('TokenURINotFound');
  if (parsed['privateKey'] == null) throw problem('PrivateKeyNotFound');
  let key;
  try {
    key = createPrivateKey(String(parsed['privateKey']));
  } catch {
    throw problem('InvalidPrivateKey');
  }
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (options?.timeToLive ? options.timeToLive : 60);
  const result: SignedDataToken[] = [];
  for (const token of tokens) {
    const claims: Record<string, unknown> = {
      iss: 'sdk',
      key: parsed['keyID'],
      aud: parsed['tokenURI'],
      exp,
      sub: parsed['clientID'],
      tok: token,
      iat: now,
    };
    if (options?.ctx) claims['ctx'] = options.ctx;
    const { SignJWT } = await import('jose');
    const jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key);
    result.push({ token: token as string, signedToken: `signed_token_${jwt}` });
  }
  logInfo('Generated signed data tokens successfully');
  return result;
}

/**
 * Signs data tokens with the service account of a credentials file, giving
 * `signed_token_<RS256 JWT>` for each. No network call.
 *
 * No v2 equivalent yet: keep importing it from `skyflow-bridge/v1` (it is
 * still counted and warned about as a legacy call).
 */
export function generateSignedDataTokens(credentialsFilePath: string, options: SignedDataTokensOptions): Promise<SignedDataToken[]> {
  moduleNotifier.notify('generateSignedDataTokens', describeReplacement('generateSignedDataTokens', undefined, []));
  return settled(() => signedDataTokens(readCredentialsFile(credentialsFilePath), options));
}

/**
 * Signs data tokens with service-account credentials given as a JSON string;
 * otherwise the same as `generateSignedDataTokens`.
 *
 * No v2 equivalent yet: keep importing it from `skyflow-bridge/v1`.
 */
export function generateSignedDataTokensFromCreds(credentials: string, options: SignedDataTokensOptions): Promise<SignedDataToken[]> {
  moduleNotifier.notify('generateSignedDataTokensFromCreds', describeReplacement('generateSignedDataTokensFromCreds', undefined, []));
  return settled(() => signedDataTokens(credentials, options));
}
