// The frozen v1 surface: the shapes skyflow-node@1.14.3 takes and returns.
// The adapter imports these as types only.
import type { RedactionType, RequestMethod } from './enums.js';

/** How often a client warns about its legacy calls (every call is counted whatever the policy). */
export type DeprecationPolicy = 'every-call' | 'once-per-call-site' | 'once' | 'silent';

/** Options of the facade; skyflow-node@1 ignored `options`, so they cannot clash with old code. */
export interface BridgeOptions {
  /** @default 'every-call' */
  deprecationWarnings?: DeprecationPolicy;
  /**
   * Reuse the provider's token until it expires instead of calling
   * `getBearerToken` on every call. Only safe when the provider's token is the
   * same for every caller (no per-user tokens). @default false
   */
  cacheBearerToken?: boolean;
  /** PEM of a CA to trust for the vault, in addition to the system's. */
  caCert?: string;
  /**
   * Time allowed for each HTTP attempt of a vault call, in milliseconds (the
   * v2 core's `timeoutMs`). 1.14.3 had no timeout and its callers no way to
   * set one; without this a vault that never answers holds a call for three
   * attempts of the default. @default 60000
   */
  timeoutMs?: number;
}

export interface ISkyflow {
  vaultID?: string;
  vaultURL?: string;
  getBearerToken: () => Promise<string> | string;
  options?: BridgeOptions;
}

/** `{code, description}`: the body of every v1 error. */
export interface ErrorBody {
  code: number | string;
  description: string;
}

export interface IInsertRecord {
  table: string;
  fields: Record<string, unknown>;
}
export interface IInsertRecordInput {
  records: IInsertRecord[];
}
export interface IUpsertOption {
  table: string;
  column: string;
}
export interface IInsertOptions {
  tokens?: boolean;
  upsert?: IUpsertOption[];
  continueOnError?: boolean;
}

export interface IDetokenizeRecord {
  token: string;
  redaction?: RedactionType;
}
export interface IDetokenizeInput {
  records: IDetokenizeRecord[];
}

export interface IGetRecord {
  table: string;
  ids?: string[];
  redaction?: RedactionType;
  columnName?: string;
  columnValues?: string[];
}
export interface IGetInput {
  records: IGetRecord[];
}
export interface IGetOptions {
  tokens?: boolean;
  encodeURI?: boolean;
}
export interface IGetByIdInput {
  records: Array<{ ids: string[]; table: string; redaction: RedactionType }>;
}

export interface IUpdateRecord {
  id: string;
  table: string;
  fields: Record<string, unknown>;
}
export interface IUpdateInput {
  records: IUpdateRecord[];
}
export interface IUpdateOptions {
  tokens?: boolean;
}

export interface IDeleteRecord {
  id: string;
  table: string;
}
export interface IDeleteInput {
  records: IDeleteRecord[];
}
export type IDeleteOptions = Record<string, never>;

export interface IConnectionConfig {
  connectionURL: string;
  methodName: RequestMethod;
  pathParams?: Record<string, string>;
  queryParams?: Record<string, unknown>;
  requestBody?: unknown;
  requestHeader?: Record<string, string>;
}

/** An inserted record: with tokens, or its id only (`tokens: false`). */
export type InsertedRecord =
  | { table: string; fields: Record<string, unknown>; request_index: number }
  | { table: string; skyflow_id: string; request_index: number };
export interface InsertRecordError {
  error: ErrorBody & { request_index: number };
}
export interface InsertResult {
  records?: InsertedRecord[];
  errors?: InsertRecordError[];
}

export interface DetokenizeRecordResult {
  token: string;
  value: unknown;
}
export interface DetokenizeRecordError {
  token: string;
  error: ErrorBody;
}

export interface GetRecordResult {
  fields: Record<string, unknown>;
  table: string;
}
export interface GetRecordError {
  error: ErrorBody;
  ids: string[] | undefined;
  columnName?: string;
}

export interface UpdateRecordResult {
  id: string;
  fields?: Record<string, unknown>;
}
export interface UpdateRecordError {
  id: string;
  error: ErrorBody;
}

export interface DeleteRecordResult {
  skyflow_id: string;
  deleted: boolean;
}
export interface DeleteRecordError {
  id: string;
  error: ErrorBody;
}

/** `{records}` when every record succeeded; otherwise the promise rejects with `{errors}` or `{records, errors}`. */
export interface PartialResult<R, E> {
  records?: R[];
  errors?: E[];
}
