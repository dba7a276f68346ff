// The names of the migration guide: `new Configuration(vaultID, vaultURL,
// tokenProvider)`, `new Client(config)` and `new InsertOptions(tokens,
// upsert?, continueOnError?)`, over the same client as `Skyflow.init`.
import { Skyflow, notifyInit, readConfig } from './Skyflow.js';
import type { BridgeOptions, IInsertOptions, ISkyflow, IUpsertOption } from './types.js';

/** A vault and the function that returns a bearer token for it. */
export class Configuration {
  readonly vaultID: string;
  readonly vaultURL: string;
  readonly tokenProvider: () => Promise<string> | string;
  readonly options: BridgeOptions | undefined;

  constructor(vaultID: string, vaultURL: string, tokenProvider: () => Promise<string> | string, options?: BridgeOptions) {
    this.vaultID = vaultID;
    this.vaultURL = vaultURL;
    this.tokenProvider = tokenProvider;
    this.options = options;
  }
}

/**
 * A legacy client made from a Configuration; the same methods as the client
 * `Skyflow.init` returns.
 *
 * @deprecated Use `Skyflow` from `skyflow-bridge/v2`.
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

/** Insert options: `tokens` (default true), per-table upsert columns, `continueOnError` (default false). */
export class InsertOptions implements IInsertOptions {
  tokens: boolean;
  upsert?: IUpsertOption[];
  continueOnError: boolean;

  constructor(tokens = true, upsert?: IUpsertOption[], continueOnError = false) {
    this.tokens = tokens;
    if (upsert !== undefined) this.upsert = upsert;
    this.continueOnError = continueOnError;
  }
}
