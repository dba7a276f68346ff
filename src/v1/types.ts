// The frozen v1 surface: the shapes skyflow-node@1.14.3 takes and returns.
// The adapter imports these as types only.
import type { RedactionType, RequestMethod } from './enums.js';

/** How often a client warns about its legacy calls (every call is counted whatever the policy). */
export type DeprecationPolicy = 'every-call' | 'once-per-call-site' | 'once' | 'silent';

/**
 * Extra settings of the facade, given as `options` of the init config.
 *
 * skyflow-node@1 ignored `options`, so setting them cannot change old code. A
 * value of the wrong type is ignored, as an unknown option was in 1.14.3.
 */
export interface BridgeOptions {
  /**
   * How often this client's legacy calls emit a DeprecationWarning; every call
   * is counted in `legacyUsage()` whatever the policy.
   *
   * @default 'every-call'
   */
  deprecationWarnings?: DeprecationPolicy;
  /**
   * Reuse the provider's token until it expires instead of calling
   * `getBearerToken` on every call. Only safe when the provider's token is the
   * same for every caller (no per-user tokens).
   *
   * @default false
   */
  cacheBearerToken?: boolean;
  /** PEM text of a CA certificate to trust for the vault, in addition to the system's. */
  caCert?: string;
  /**
   * Time allowed for each HTTP attempt of a vault call, in milliseconds (the
   * v2 core's `timeoutMs`).
   *
   * 1.14.3 had no timeout and no way to set one; a value that is not a
   * positive finite number is ignored.
   *
   * @default 60000
   */
  timeoutMs?: number;
}

/**
 * The config `Skyflow.init` takes: which vault to call and how to get a bearer
 * token for it.
 *
 * As in 1.14.3, nothing is checked by `init`: a missing or invalid value makes
 * each call reject with a v1 error.
 */
export interface ISkyflow {
  /** ID of the vault the client reads and writes. */
  vaultID?: string;
  /** The vault's URL; it must start with `https`, and one trailing `/` is dropped. */
  vaultURL?: string;
  /**
   * Returns a bearer token (or a promise of one) for the vault; called before
   * every call unless `options.cacheBearerToken` is set.
   */
  getBearerToken: () => Promise<string> | string;
  /** Settings of the facade that skyflow-node@1 did not have. */
  options?: BridgeOptions;
}

/** `{code, description}`: the body of every v1 error. */
export interface ErrorBody {
  /** The HTTP status of the failure (a number, or a string such as `'500'` for some helper errors). */
  code: number | string;
  /** What went wrong, with ` - requestId: <id>` when the vault gave one. */
  description: string;
}

/** One record to insert: the table and the values of its columns. */
export interface IInsertRecord {
  /** Name of the table the record goes into. */
  table: string;
  /** The record's values, by column name. */
  fields: Record<string, unknown>;
}
/** The records an `insert` call writes, in one request. */
export interface IInsertRecordInput {
  /** The records, of one table or several. */
  records: IInsertRecord[];
}
/** For one table, the unique column whose value picks the record to update instead of inserting a new one. */
export interface IUpsertOption {
  /** The table the rule applies to. */
  table: string;
  /** A unique column of that table. */
  column: string;
}
/** Options of `insert` (also the `InsertOptions` class). */
export interface IInsertOptions {
  /**
   * Return the tokens of the inserted values in `fields`; `false` returns only
   * each record's `skyflow_id`.
   *
   * @default true
   */
  tokens?: boolean;
  /** Upsert rules, one per table; when a table has several, its last one wins. */
  upsert?: IUpsertOption[];
  /**
   * Insert the records that succeed and report the others in `errors`, instead
   * of failing the whole call when one record fails.
   *
   * @default false
   */
  continueOnError?: boolean;
}

/** One token to turn back into its value. */
export interface IDetokenizeRecord {
  /** The token to detokenize. */
  token: string;
  /**
   * How much of the value to reveal.
   *
   * @default RedactionType.PLAIN_TEXT
   */
  redaction?: RedactionType;
}
/** The tokens a `detokenize` call resolves. */
export interface IDetokenizeInput {
  /** The tokens; each one succeeds or fails on its own. */
  records: IDetokenizeRecord[];
}

/**
 * One set of records for `get` to fetch from a table: by `ids`, or by the
 * values of a unique column (`columnName` with `columnValues`).
 */
export interface IGetRecord {
  /** The table to read. */
  table: string;
  /** Skyflow IDs of the records to fetch. */
  ids?: string[];
  /** How much of each value to reveal; required unless the call asks for `tokens`, where it is not allowed. */
  redaction?: RedactionType;
  /** A unique column to look the records up by; needs `columnValues`. */
  columnName?: string;
  /** The values of `columnName` to look up. */
  columnValues?: string[];
}
/** The record sets a `get` call fetches, one request per entry. */
export interface IGetInput {
  /** The entries to fetch. */
  records: IGetRecord[];
}
/** Options of `get`. */
export interface IGetOptions {
  /**
   * Return tokens instead of values; only with `ids`, and without `redaction`.
   *
   * @default false
   */
  tokens?: boolean;
  /**
   * Accepted for 1.14.3 compatibility (it must be a boolean) but has no effect:
   * column values are always URL-encoded, as 1.14.3 did by default.
   */
  encodeURI?: boolean;
}
/** The record sets a `getById` call fetches, one request per entry. */
export interface IGetByIdInput {
  /** The entries to fetch. */
  records: Array<{
    /** Skyflow IDs of the records to fetch. */
    ids: string[];
    /** The table to read. */
    table: string;
    /** How much of each value to reveal. */
    redaction: RedactionType;
  }>;
}

/** One record to change: which record, and the new values of some of its columns. */
export interface IUpdateRecord {
  /** Skyflow ID of the record. */
  id: string;
  /** The record's table. */
  table: string;
  /** The new values, by column name; other columns keep theirs. */
  fields: Record<string, unknown>;
}
/** The records an `update` call changes, one request per record. */
export interface IUpdateInput {
  /** The records to change. */
  records: IUpdateRecord[];
}
/** Options of `update`. */
export interface IUpdateOptions {
  /**
   * Return the tokens of the updated columns in each result's `fields`.
   *
   * @default true
   */
  tokens?: boolean;
}

/** One record to delete. */
export interface IDeleteRecord {
  /** Skyflow ID of the record. */
  id: string;
  /** The record's table. */
  table: string;
}
/** The records a `delete` call removes, one request per record. */
export interface IDeleteInput {
  /** The records to delete. */
  records: IDeleteRecord[];
}
/** Options of `delete`: there are none; the parameter exists only for 1.14.3 compatibility. */
export type IDeleteOptions = Record<string, never>;

/** One request sent through a connection by `invokeConnection`. */
export interface IConnectionConfig {
  /** The connection's URL (must start with `https`); may hold `{name}` placeholders for `pathParams`. */
  connectionURL: string;
  /** The HTTP method of the request. */
  methodName: RequestMethod;
  /** Values for the `{name}` placeholders of `connectionURL`, put in as given (not URL-encoded). */
  pathParams?: Record<string, string>;
  /** Query-string parameters, appended to the URL as given (not URL-encoded). */
  queryParams?: Record<string, unknown>;
  /** The request body: sent as JSON, unless `requestHeader` sets a form-urlencoded or multipart content type. */
  requestBody?: unknown;
  /** Extra request headers. */
  requestHeader?: Record<string, string>;
}

/** An inserted record: with tokens, or its id only (`tokens: false`). */
export type InsertedRecord =
  | {
      /** The table the record went into. */
      table: string;
      /** The record's `skyflow_id` and the tokens of its inserted values, by column name. */
      fields: Record<string, unknown>;
      /** Position of the record in the call's `records`. */
      request_index: number;
    }
  | {
      /** The table the record went into. */
      table: string;
      /** Skyflow ID of the new (or upserted) record. */
      skyflow_id: string;
      /** Position of the record in the call's `records`. */
      request_index: number;
    };
/** A record that `insert` with `continueOnError` could not write. */
export interface InsertRecordError {
  /** Why it failed, and which input record it was. */
  error: ErrorBody & {
    /** Position of the record in the call's `records`. */
    request_index: number;
  };
}
/** What `insert` resolves with: `{records}`, and with `continueOnError` the failed records in `errors`. */
export interface InsertResult {
  /** The records written; absent with `continueOnError` when none was. */
  records?: InsertedRecord[];
  /** The records that failed; only with `continueOnError`, and only when some failed. */
  errors?: InsertRecordError[];
}

/** A token that `detokenize` resolved. */
export interface DetokenizeRecordResult {
  /** The token as given. */
  token: string;
  /** Its value, redacted as the record asked. */
  value: unknown;
}
/** A token that `detokenize` could not resolve (in the rejection's `errors`). */
export interface DetokenizeRecordError {
  /** The token as given. */
  token: string;
  /** Why it failed. */
  error: ErrorBody;
}

/** A record that `get` or `getById` fetched. */
export interface GetRecordResult {
  /** The record's columns, with its Skyflow ID as `id`. */
  fields: Record<string, unknown>;
  /** The table it was read from. */
  table: string;
}
/** A `get` or `getById` entry whose request failed (in the rejection's `errors`). */
export interface GetRecordError {
  /** Why it failed. */
  error: ErrorBody;
  /** The entry's `ids`, if it had any. */
  ids: string[] | undefined;
  /** The entry's `columnName`, when it looked records up by column. */
  columnName?: string;
}

/** A record that `update` changed. */
export interface UpdateRecordResult {
  /** Skyflow ID of the record. */
  id: string;
  /** Tokens of the updated columns; only when the call asked for `tokens`. */
  fields?: Record<string, unknown>;
}
/** A record that `update` could not change (in the rejection's `errors`). */
export interface UpdateRecordError {
  /** Skyflow ID of the record, as given. */
  id: string;
  /** Why it failed. */
  error: ErrorBody;
}

/** A record that `delete` removed. */
export interface DeleteRecordResult {
  /** Skyflow ID of the deleted record. */
  skyflow_id: string;
  /** Always `true`. */
  deleted: boolean;
}
/** A record that `delete` could not remove (in the rejection's `errors`). */
export interface DeleteRecordError {
  /** Skyflow ID of the record, as given. */
  id: string;
  /** Why it failed. */
  error: ErrorBody;
}

/** `{records}` when every record succeeded; otherwise the promise rejects with `{errors}` or `{records, errors}`. */
export interface PartialResult<R, E> {
  /** The records that succeeded. */
  records?: R[];
  /** The records that failed. */
  errors?: E[];
}
