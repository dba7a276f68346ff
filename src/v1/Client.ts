// The names of the migration guide: `new Configuration(vaultID, vaultURL,
// tokenProvider)`, `new Client(config)` and `new InsertOptions(tokens,
// upsert?, continueOnError?)`, over the same client as `Skyflow.init`.
import { Skyflow, notifyInit, readConfig } from './Skyflow.js';
import type { BridgeOptions, IInsertOptions, ISkyflow, IUpsertOption } from './types.js';

/**
 * A vault and the function that returns a bearer token for it, for
 * `new Client(config)`: the names of the skyflow-node migration guide.
 *
 * @deprecated Use a v2 vault config, `Skyflow.builder().addVaultConfig(…).build()` from `skyflow-bridge/v2`, instead.
 */
export class Configuration {
  /** ID of the vault the client reads and writes. */
  readonly vaultID: string;
  /** The vault's URL; it must start with `https`. */
  readonly vaultURL: string;
  /** Returns a bearer token (or a promise of one); called before every call unless `options.cacheBearerToken` is set. */
  readonly tokenProvider: () => Promise<string> | string;
  /** Settings of the facade, as `options` of `Skyflow.init`. */
  readonly options: BridgeOptions | undefined;

  constructor(vaultID: string, vaultURL: string, tokenProvider: () => Promise<string> | string, options?: BridgeOptions) {
    this.vaultID = vaultID;
    this.vaultURL = vaultURL;
    this.tokenProvider = tokenProvider;
    this.options = options;
  }
}

/**
 * A legacy client made from a {@link Configuration}; the same client, with the
 * same methods, as `Skyflow.init` returns.
 *
 * @deprecated Use `Skyflow.builder().addVaultConfig(…).build()` from `skyflow-bridge/v2` instead.
 * @example
 * ```ts
 * import { Client, Configuration } from 'skyflow-bridge/v1';
 *
 * const config = new Configuration(
 *   process.env.VAULT_ID ?? '',
 *   process.env.VAULT_URL ?? '',
 *   () => process.env.BEARER_TOKEN ?? '',
 *   { timeoutMs: 10_000 },
 * );
 * const client = new Client(config);
 * const { records } = await client.detokenize({ records: [{ token: process.env.CARD_TOKEN ?? '' }] });
 * console.log(records[0]?.value);
 * ```
 */
export class Client extends Skyflow {
  constructor(config: Configuration) {
    const init = readConfig(() => {
      const read: ISkyflow = { vaultID: config?.vaultID, vaultURL: config?.vaultURL, getBearerToken: config?.tokenProvider };
      if (config?.options) read.options = config.options;
      return read;
    });
    notifyInit(init);
    super(init);
  }
}

/**
 * Options of `insert` built by position: `new InsertOptions(tokens, upsert,
 * continueOnError)`, as in the skyflow-node migration guide.
 *
 * @deprecated Use `returnTokens`, `continueOnError` and each record's `upsert` of a `BatchInsertRequest` from `skyflow-bridge/v2` instead.
 * @example
 * ```ts
 * import { Skyflow, InsertOptions } from 'skyflow-bridge/v1';
 *
 * declare const client: Skyflow;
 * // Update the person with this email if there is one, and keep going past failed records.
 * const options = new InsertOptions(true, [{ table: 'persons', column: 'email' }], true);
 * const result = await client.insert(
 *   { records: [{ table: 'persons', fields: { name: 'Jane Doe', email: 'jane@example.com' } }] },
 *   options,
 * );
 * console.log(result.records, result.errors);
 * ```
 */
export class InsertOptions implements IInsertOptions {
  /**
   * Return the tokens of the inserted values; `false` returns only each record's `skyflow_id`.
   *
   * @default true
   */
  tokens: boolean;
  /** Upsert rules, one per table; when a table has several, its last one wins. */
  upsert?: IUpsertOption[];
  /**
   * Insert the records that succeed and report the others in `errors`, instead of failing the whole call.
   *
   * @default false
   */
  continueOnError: boolean;

  constructor(tokens = true, upsert?: IUpsertOption[], continueOnError = false) {
    this.tokens = tokens;
    if (upsert !== undefined) this.upsert = upsert;
    this.continueOnError = continueOnError;
  }
}
