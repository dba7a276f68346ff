import { connectionsClient, LegacyVault } from '../adapter/v2-client.js';
import { detokenize as detokenizeViaV2 } from '../adapter/detokenize.js';
import { get as getViaV2 } from '../adapter/get.js';
import { insert as insertViaV2 } from '../adapter/insert.js';
import { update as updateViaV2 } from '../adapter/update.js';
import { remove as removeViaV2 } from '../adapter/delete.js';
import { invokeConnection as invokeViaV2 } from '../adapter/connection.js';
import { DEPRECATION_POLICIES, DeprecationNotifier } from '../adapter/deprecation/notifier.js';
import { describeReplacement } from '../adapter/deprecation/replacement.js';
import type { LegacyMethodName } from '../adapter/deprecation/legacy-methods.js';
import type { Outcome } from '../adapter/outcome.js';
import type { V2Call, V2Exchange } from '../adapter/exchange.js';
import type { Skyflow as SkyflowV2 } from '../v2/index.js';
import { RedactionType, RequestMethod } from './enums.js';
import { ERROR } from './errors/codes.js';
import { SkyflowError } from './errors/SkyflowError.js';
import { isTokenValid } from './jwt.js';
import { logError, logInfo } from './logging.js';
import { rejectionOf } from './reject.js';
import type {
  BridgeOptions,
  DeprecationPolicy,
  DeleteRecordError,
  DeleteRecordResult,
  DetokenizeRecordResult,
  GetRecordResult,
  IConnectionConfig,
  IDeleteInput,
  IDeleteOptions,
  IDetokenizeInput,
  IGetByIdInput,
  IGetInput,
  IGetOptions,
  IInsertOptions,
  IInsertRecordInput,
  InsertResult,
  ISkyflow,
  IUpdateInput,
  IUpdateOptions,
  UpdateRecordResult,
} from './types.js';
import { checkProvider, validateInitConfig } from './validate/init.js';
import { resolveInsertOptions, validateInsertRecords } from './validate/insert.js';
import { getOptionsOf, validateDetokenizeInput, validateGetByIdInput, validateGetInput } from './validate/reads.js';
import { resolveUpdateOptions, validateConnectionConfig, validateDeleteInput, validateUpdateInput } from './validate/writes.js';

/**
 * The skyflow-node@1 client, running on the v2 core: same calls, same results,
 * same errors as 1.14.3.
 *
 * docs/v1-differences.md lists the few bugs that were fixed. Every call also
 * emits a DeprecationWarning naming its call site and the v2 call that
 * replaces it (see `options.deprecationWarnings`).
 *
 * @deprecated Use `Skyflow` from `skyflow-bridge/v2` instead; each warning names the replacing call.
 * @example
 * ```ts
 * import { Skyflow } from 'skyflow-bridge/v1';
 *
 * const client = Skyflow.init({
 *   vaultID: process.env.VAULT_ID ?? '',
 *   vaultURL: process.env.VAULT_URL ?? '',
 *   getBearerToken: () => process.env.BEARER_TOKEN ?? '',
 * });
 * const result = await client.insert({
 *   records: [{ table: 'persons', fields: { name: 'Jane Doe', email: 'jane@example.com' } }],
 * });
 * console.log(result.records?.[0]);
 * ```
 */
export class Skyflow {
  readonly #config: ISkyflow & Record<string, unknown>;
  readonly #notifier: DeprecationNotifier;
  readonly #dualView = new Set<DualViewListener>();
  readonly #options: BridgeOptions;
  /** The config could not be read (a getter or proxy threw): every call rejects with UNREADABLE_INPUT. */
  readonly #unreadable: boolean;
  #vault: LegacyVault | undefined;
  #connections: SkyflowV2 | undefined;
  #cachedToken: string | undefined;

  constructor(config: ISkyflow) {
    // Read once, into a copy: the caller's object is never changed, later
    // changes to it do not reach this client, and a config that throws when
    // read (1.14.3 threw it from init) fails each call instead.
    const read = config === UNREADABLE_CONFIG ? undefined : readClientConfig(config);
    this.#unreadable = read === undefined;
    this.#config = read?.config ?? ({} as ISkyflow & Record<string, unknown>);
    this.#options = read?.options ?? {};
    this.#notifier = new DeprecationNotifier(this.#options.deprecationWarnings ?? 'every-call');
  }

  /**
   * Makes a client for one vault. Nothing is checked here, as in 1.14.3: a
   * missing or invalid `vaultID`, `vaultURL` or `getBearerToken` makes each
   * call reject with a v1 error instead.
   *
   * @deprecated Use `Skyflow.builder().addVaultConfig(…).build()` from `skyflow-bridge/v2` instead.
   * @example
   * ```ts
   * import { Skyflow } from 'skyflow-bridge/v1';
   *
   * const client = Skyflow.init({
   *   vaultID: process.env.VAULT_ID ?? '',
   *   vaultURL: process.env.VAULT_URL ?? '',
   *   getBearerToken: async () => process.env.BEARER_TOKEN ?? '',
   *   options: { deprecationWarnings: 'once-per-call-site' },
   * });
   * const { records } = await client.get({
   *   records: [{ table: 'persons', ids: [process.env.PERSON_ID ?? ''], redaction: Skyflow.RedactionType.MASKED }],
   * });
   * for (const { fields } of records) console.log(fields['email']);
   * ```
   */
  static init(config: ISkyflow): Skyflow {
    notifyInit(config);
    logInfo('Initializing skyflow client.');
    // 1.14.3's init always set `vaultURL` (to undefined when absent), so a
    // missing URL reads as an empty one.
    const client = new Skyflow(readConfig(() => {
      const given = typeof config === 'object' && config !== null ? config : ({} as ISkyflow);
      return { ...given, vaultURL: given.vaultURL as string };
    }));
    logInfo('Initialized skyflow client successfully.');
    return client;
  }

  /** The v1 redaction types, reachable from the class as in 1.14.3 (same object as the `RedactionType` export). */
  static get RedactionType(): typeof RedactionType {
    return RedactionType;
  }

  /** The v1 HTTP methods of `invokeConnection`, reachable from the class as in 1.14.3 (same object as the `RequestMethod` export). */
  static get RequestMethod(): typeof RequestMethod {
    return RequestMethod;
  }

  /**
   * Inserts records, of one table or several, in one request.
   *
   * Without `continueOnError` the call is all-or-nothing: when the request
   * fails, it rejects with a singular-form {@link SkyflowError}.
   *
   * @deprecated Use `skyflow.vault(vaultId).insertBatch(new BatchInsertRequest(…))` from `skyflow-bridge/v2` instead.
   */
  insert(records: IInsertRecordInput, options?: IInsertOptions): Promise<InsertResult> {
    return this.#call('insert', [records, options], 'Insert method triggered.', () => {
      validateInitConfig(this.#config);
      const resolved = resolveInsertOptions(options);
      validateInsertRecords(records);
      return (call) => insertViaV2(this.#legacyVault(), records, resolved, call);
    });
  }

  /**
   * Turns tokens back into their values. Each token succeeds or fails on its
   * own: when some fail, the promise rejects with `{errors}` or
   * `{records, errors}`.
   *
   * @deprecated Use `skyflow.vault(vaultId).detokenize(new DetokenizeRequest(…))` from `skyflow-bridge/v2` instead.
   */
  detokenize(detokenizeInput: IDetokenizeInput): Promise<{
    /** The resolved tokens, in input order. */
    records: DetokenizeRecordResult[];
  }> {
    return this.#call('detokenize', [detokenizeInput], 'Detokenize method triggered.', () => {
      validateInitConfig(this.#config);
      validateDetokenizeInput(detokenizeInput);
      return (call) => detokenizeViaV2(this.#legacyVault(), detokenizeInput, call);
    });
  }

  /**
   * Fetches records by Skyflow ID; the older form of `get` with `ids`. When an
   * entry fails, the promise rejects with `{errors}` or `{records, errors}`.
   *
   * @deprecated Use `skyflow.vault(vaultId).get(new GetRequest(…))` from `skyflow-bridge/v2` instead.
   */
  getById(getByIdInput: IGetByIdInput): Promise<{
    /** The fetched records, entry by entry. */
    records: GetRecordResult[];
  }> {
    return this.#call('getById', [getByIdInput], 'Get by ID method triggered.', () => {
      validateInitConfig(this.#config);
      validateGetByIdInput(getByIdInput);
      return (call) => getViaV2(this.#legacyVault(), getByIdInput.records, false, call);
    });
  }

  /**
   * Fetches records by Skyflow ID or by the values of a unique column, one
   * request per entry. When an entry fails, the promise rejects with
   * `{errors}` or `{records, errors}`.
   *
   * @deprecated Use `skyflow.vault(vaultId).get(new GetRequest(…))` from `skyflow-bridge/v2` instead.
   */
  get(getInput: IGetInput, options: IGetOptions = {}): Promise<{
    /** The fetched records, entry by entry. */
    records: GetRecordResult[];
  }> {
    return this.#call('get', [getInput, options], 'Get method triggered.', () => {
      validateInitConfig(this.#config);
      const resolved = getOptionsOf(options);
      validateGetInput(getInput, resolved);
      return (call) => getViaV2(this.#legacyVault(), getInput.records, resolved.tokens === true, call);
    });
  }

  /**
   * Changes columns of existing records, one request per record. When a
   * record fails, the promise rejects with `{errors}` or `{records, errors}`.
   *
   * @deprecated Use `skyflow.vault(vaultId).update(new UpdateRequest(…))` from `skyflow-bridge/v2` instead.
   */
  update(updateInput: IUpdateInput, options?: IUpdateOptions): Promise<{
    /** The changed records, in input order. */
    records: UpdateRecordResult[];
  }> {
    return this.#call('update', [updateInput, options], 'Update method triggered.', () => {
      validateInitConfig(this.#config);
      const { tokens } = resolveUpdateOptions(options);
      validateUpdateInput(updateInput);
      return (call) => updateViaV2(this.#legacyVault(), updateInput.records, tokens, call);
    });
  }

  /**
   * Deletes records, one request per record. When a record fails, the promise
   * rejects with `{errors}` or `{records, errors}`.
   *
   * @deprecated Use `skyflow.vault(vaultId).delete(new DeleteRequest(…))` from `skyflow-bridge/v2` instead.
   */
  delete(deleteInput: IDeleteInput, options?: IDeleteOptions): Promise<{
    /** The deleted records, in input order. */
    records: Array<DeleteRecordResult | DeleteRecordError>;
  }> {
    return this.#call('delete', [deleteInput, options], 'Delete method triggered.', () => {
      validateInitConfig(this.#config);
      validateDeleteInput(deleteInput);
      return (call) => removeViaV2(this.#legacyVault(), deleteInput.records, call);
    });
  }

  /**
   * Sends a request through a connection and resolves with the parsed
   * response body.
   *
   * Does not need `vaultID` or `vaultURL`. A failed request rejects with
   * `{ error: { errors: [SkyflowError] } }`; a failure to get the bearer token
   * with `{ error: <what the provider threw> }`.
   *
   * @deprecated Use `skyflow.connection(connectionId).invoke(new InvokeConnectionRequest(…))` from `skyflow-bridge/v2` instead.
   */
  invokeConnection(config: IConnectionConfig): Promise<unknown> {
    return this.#call(
      'invokeConnection',
      [config],
      'Invoke connection method triggered.',
      () => {
        validateConnectionConfig(config);
        return (call) => invokeViaV2((this.#connections ??= connectionsClient()), config, call);
      },
      // 1.14.3 wraps a failure to get the token: `{ error: <what the provider threw> }`.
      (error) => ({ error }),
    );
  }

  /**
   * Closes the client's idle keep-alive connections; the client stays usable.
   * Not in 1.14.3: its requests did not keep connections open, so it needed
   * no close. The v2 core under the facade does (one keep-alive agent per
   * client), and without this a short-lived script or a test could only wait
   * for the server to drop them.
   */
  close(): void {
    this.#vault?.close();
    this.#connections?.close();
  }

  /**
   * Shows `listener` the v2 requests and responses behind each legacy call of
   * this client, next to the v1 result (the dual view). They hold the call's
   * data: for development, not for logs. Returns the function that removes it.
   */
  onV2Exchange(listener: DualViewListener): () => void {
    this.#dualView.add(listener);
    return () => this.#dualView.delete(listener);
  }

  #showDualView(view: DualView): void {
    for (const listener of this.#dualView) {
      try {
        listener(view);
      } catch {
        // A listener's failure must not change the call's result.
      }
    }
  }

  // A legacy call: warn first (so the call site is the caller's frame; with
  // --throw-deprecation, Node throws on the next tick, before the call goes on),
  // check the input, get the provider's token, run the translated call.
  #call<T>(
    method: LegacyMethodName,
    args: unknown[],
    triggered: string,
    prepare: () => (call: V2Call) => Promise<Outcome<T>>,
    onTokenError: (error: unknown) => unknown = (error) => error,
  ): Promise<T> {
    this.#notifier.notify(method, describeReplacement(method, this.#config.vaultID, args));
    logInfo(triggered);
    let run: (call: V2Call) => Promise<Outcome<T>>;
    try {
      if (this.#unreadable) throw new SkyflowError(ERROR.UNREADABLE_INPUT);
      run = prepare();
    } catch (caught) {
      const error = legacyInputError(caught);
      logError(error.message);
      return Promise.reject(error);
    }
    return this.#bearerToken().then(
      async (bearerToken) => {
        const exchanges: V2Exchange[] = [];
        const observe = this.#dualView.size > 0 ? (exchange: V2Exchange) => void exchanges.push(exchange) : undefined;
        let outcome: Outcome<T>;
        try {
          outcome = await run({ bearerToken, observe });
        } catch (caught) {
          // The translation reads the input again (values the checks never
          // look at): what throws there is the input's, as in prepare.
          const error = legacyInputError(caught);
          logError(error.message);
          throw error;
        }
        const settled = outcome.ok ? { result: outcome.value } : { rejection: rejectionOf(outcome.failure) };
        if (observe) this.#showDualView({ method, exchanges, ...settled });
        if ('rejection' in settled) throw settled.rejection;
        return settled.result;
      },
      (error: unknown) => {
        throw onTokenError(error);
      },
    );
  }

  // Called once per legacy call, as 1.14.3 does: a provider may answer with a
  // token for the current user. Reused only when `cacheBearerToken` is set.
  async #bearerToken(): Promise<string> {
    const cacheToken = this.#options.cacheBearerToken === true;
    if (cacheToken && this.#cachedToken !== undefined && isTokenValid(this.#cachedToken)) return this.#cachedToken;
    // invokeConnection does not check the config first, as in 1.14.3; a
    // provider that cannot be called is still a v1 error, not a TypeError.
    const provider = this.#config.getBearerToken;
    checkProvider(provider);
    const given = provider();
    // A promise (or any thenable) is awaited, and what it rejects with is the
    // provider's failure; anything else is the token itself, read here — a
    // value whose `then` cannot even be read is no token.
    let then: unknown;
    try {
      then = (given as { then?: unknown } | null | undefined)?.then;
    } catch {
      throw new SkyflowError(ERROR.INVALID_BEARER_TOKEN);
    }
    const token = typeof then === 'function' ? await given : given;
    if (!isTokenValid(token)) throw new SkyflowError(ERROR.INVALID_BEARER_TOKEN);
    if (cacheToken) this.#cachedToken = token as string;
    return token as string;
  }

  #legacyVault(): LegacyVault {
    const { caCert, timeoutMs } = this.#options;
    this.#vault ??= new LegacyVault(this.#config.vaultID as string, this.#config.vaultURL as string, caCert, timeoutMs);
    return this.#vault;
  }
}

/** One legacy call seen in both shapes: the v2 calls it made, and its v1 result or rejection. */
export interface DualView {
  /** The legacy method that was called. */
  method: LegacyMethodName;
  /** Each v2 request the call made, with its response or error, in the order they ended. */
  exchanges: V2Exchange[];
  /** What the legacy call resolved with; absent when it rejected. */
  result?: unknown;
  /** What the legacy call rejected with; absent when it resolved. */
  rejection?: unknown;
}

/** A function given to `onV2Exchange`; what it throws is ignored. */
export type DualViewListener = (view: DualView) => void;

// `init` has no client yet: its warnings share one notifier per policy, so
// `once` and `once-per-call-site` hold across calls.
const initNotifiers = new Map<string, DeprecationNotifier>();

/** Stands for a config that threw when read; the client made from it fails each call. */
const UNREADABLE_CONFIG = Object.freeze({}) as ISkyflow;

/** A copy of the caller's config and its resolved options; undefined when reading it threw. */
function readClientConfig(config: unknown): { config: ISkyflow & Record<string, unknown>; options: BridgeOptions } | undefined {
  try {
    const copy = { ...(typeof config === 'object' && config !== null ? config : {}) } as ISkyflow & Record<string, unknown>;
    if (typeof copy.vaultURL === 'string') copy.vaultURL = formatVaultURL(copy.vaultURL);
    return { config: copy, options: bridgeOptions(copy.options) };
  } catch {
    return undefined;
  }
}

/** The config `read` returns, or UNREADABLE_CONFIG if reading the caller's objects threw. */
export function readConfig(read: () => ISkyflow): ISkyflow {
  try {
    return read();
  } catch {
    return UNREADABLE_CONFIG;
  }
}

/** What a legacy call rejects with for `error` thrown while its input was read: v1 errors as they are. */
function legacyInputError(error: unknown): Error {
  return error instanceof SkyflowError ? error : new SkyflowError(ERROR.UNREADABLE_INPUT);
}

/** Warns about a legacy client being made (Skyflow.init, new Client). */
export function notifyInit(config: unknown): void {
  let policy: DeprecationPolicy;
  try {
    policy = bridgeOptions((config as ISkyflow | undefined)?.options).deprecationWarnings ?? 'every-call';
  } catch {
    policy = 'every-call';
  }
  let notifier = initNotifiers.get(policy);
  if (!notifier) initNotifiers.set(policy, (notifier = new DeprecationNotifier(policy)));
  notifier.notify('init', describeReplacement('init', undefined, [config]));
}

/** One trailing `/` is dropped, as 1.14.3 did (on the copy: the caller's config stays as it was). */
function formatVaultURL(url: string): string {
  return url.trim().endsWith('/') ? url.slice(0, -1) : url.trim();
}

function bridgeOptions(options: unknown): BridgeOptions {
  if (typeof options !== 'object' || options === null) return {};
  const value = options as Record<string, unknown>;
  const result: BridgeOptions = {};
  if (DEPRECATION_POLICIES.includes(value['deprecationWarnings'] as never)) {
    result.deprecationWarnings = value['deprecationWarnings'] as BridgeOptions['deprecationWarnings'] & string;
  }
  if (value['cacheBearerToken'] === true) result.cacheBearerToken = true;
  if (typeof value['caCert'] === 'string') result.caCert = value['caCert'];
  // Like the other options, one that cannot work is ignored (1.14.3 ignored `options`).
  const timeoutMs = value['timeoutMs'];
  if (typeof timeoutMs === 'number' && Number.isFinite(timeoutMs) && timeoutMs > 0) result.timeoutMs = timeoutMs;
  return result;
}
