import { BatchMethod } from '../../wire/enums.js';
import { paths } from '../../wire/paths.js';
import type { BatchBody, BatchRecord, BatchResponse } from '../../wire/batch.js';
import type {
  BulkDeleteResponse,
  BulkGetResponse,
  InsertRecordsBody,
  InsertRecordsResponse,
  UpdateRecordBody,
  UpdateRecordResponse,
} from '../../wire/records.js';
import type { DetokenizeBody, DetokenizeResponse as WireDetokenize, TokenizeResponse as WireTokenize } from '../../wire/tokens.js';
import type { QueryResponse as WireQuery } from '../../wire/query.js';
import type { ResolvedVaultConfig } from '../config/resolve-config.js';
import type { ResolvedCredentials } from '../credentials/resolve-credentials.js';
import type { TokenSource } from '../credentials/TokenSource.js';
import type { Logger } from '../logging/Logger.js';
import type { Retryability } from '../transport/retry-policy.js';
import type { Transport, TransportRequest, TransportResponse } from '../transport/Transport.js';
import { sendAuthorized, type CallOptions, type Target } from '../transport/send-authorized.js';
import {
  batchInsertAnswer,
  deleteAnswer,
  detokenizeAnswer,
  getAnswer,
  insertAnswer,
  queryAnswer,
  tokenizeAnswer,
  updateAnswer,
} from './answers.js';
import { BatchInsertRequest, type BatchInsertRequestInit } from './requests/BatchInsertRequest.js';
import { DeleteRequest, type DeleteRequestInit } from './requests/DeleteRequest.js';
import { DetokenizeRequest, type DetokenizeRequestInit } from './requests/DetokenizeRequest.js';
import { GetRequest, type GetRequestInit } from './requests/GetRequest.js';
import { InsertRequest, type InsertRequestInit } from './requests/InsertRequest.js';
import { QueryRequest, type QueryRequestInit } from './requests/QueryRequest.js';
import { TokenizeRequest, type TokenizeRequestInit } from './requests/TokenizeRequest.js';
import { UpdateRequest, type UpdateRequestInit } from './requests/UpdateRequest.js';
import type {
  DeleteResponse,
  DetokenizeResponse,
  GetResponse,
  InsertResponse,
  QueryResponse,
  TokenizeResponse,
  UpdateResponse,
} from './responses.js';

/** What a vault client needs from the Skyflow client that made it. */
export interface VaultContext {
  readonly vaultId: string;
  /** The vault's current config; read at each call. */
  config(): ResolvedVaultConfig;
  /** The vault's current credentials and token source; read at each call that uses them. */
  auth(): { credentials: ResolvedCredentials; tokens: TokenSource };
  readonly transport: Transport;
  readonly logger: Logger;
}

type Route = Omit<TransportRequest, 'bearer' | 'caCert' | 'signal' | 'timeoutMs' | 'url'> & { path: string };

export type { CallOptions };

/**
 * The operations on one vault; get it from `client.vault(vaultId)`. Each
 * takes a request (an instance, or the object its constructor takes), checks
 * it before anything is sent, and resolves with a response or rejects with a
 * SkyflowError. Each also takes {@link CallOptions} for that call only.
 *
 * @example
 * ```ts
 * import { RedactionType, type Skyflow } from 'skyflow-bridge';
 *
 * declare const client: Skyflow;
 * const vault = client.vault(process.env.VAULT_ID ?? '');
 * const { insertedFields } = await vault.insert({
 *   table: 'persons',
 *   values: [{ name: 'Ada Lovelace', email: 'ada@example.com', date_of_birth: '1815-12-10' }],
 *   returnTokens: true,
 * });
 * const emailToken = String(insertedFields[0]?.['email']);
 * const { detokenizedFields } = await vault.detokenize({ tokens: [{ token: emailToken, redactionType: RedactionType.MASKED }] });
 * console.log(detokenizedFields[0]?.value);
 * ```
 */
export class VaultClient {
  readonly #context: VaultContext;

  /** @internal Made by `Skyflow`; get one from `client.vault()`. */
  constructor(context: VaultContext) {
    this.#context = context;
  }

  /** The vault's id. */
  get vaultId(): string {
    return this.#context.vaultId;
  }

  /**
   * Inserts records into one table. All or nothing, unless `continueOnError`:
   * then the records that fail are listed in the response's `errors`.
   */
  async insert(request: InsertRequest | InsertRequestInit, options?: CallOptions): Promise<InsertResponse> {
    const insert = InsertRequest.from(request);
    const retryability: Retryability = insert.upsert !== undefined ? 'idempotent' : 'unapplied-only';
    if (insert.continueOnError) {
      const body: BatchBody = {
        records: insert.values.map((fields, index) =>
          batchRecord(insert.table, fields, insert.tokens?.[index], insert.upsert, insert.returnTokens),
        ),
        continueOnError: true,
        byot: insert.tokenMode,
      };
      const answer = await this.#send<BatchResponse>({ operation: 'insert', method: 'POST', path: paths.batch(this.vaultId), body, retryability }, options);
      return batchInsertAnswer(answer, undefined);
    }
    const body: InsertRecordsBody = {
      records: insert.values.map((fields, index) => {
        const tokens = insert.tokens?.[index];
        return tokens ? { fields: { ...fields }, tokens: { ...tokens } } : { fields: { ...fields } };
      }),
      tokenization: insert.returnTokens,
      byot: insert.tokenMode,
    };
    if (insert.upsert !== undefined) body.upsert = insert.upsert;
    if (insert.homogeneous) body.homogeneous = true;
    const answer = await this.#send<InsertRecordsResponse>(
      { operation: 'insert', method: 'POST', path: paths.table(this.vaultId, insert.table), body, retryability },
      options,
    );
    return insertAnswer(answer);
  }

  /** Inserts records into several tables in one batch request; entries of the response say their table. */
  async insertBatch(request: BatchInsertRequest | BatchInsertRequestInit, options?: CallOptions): Promise<InsertResponse> {
    const batch = BatchInsertRequest.from(request);
    const body: BatchBody = {
      records: batch.records.map((record) =>
        batchRecord(record.table, record.fields, record.tokens, record.upsert, batch.returnTokens),
      ),
      continueOnError: batch.continueOnError,
      byot: batch.tokenMode,
    };
    const retryability: Retryability = batch.records.every((record) => record.upsert !== undefined) ? 'idempotent' : 'unapplied-only';
    const answer = await this.#send<BatchResponse>({ operation: 'insertBatch', method: 'POST', path: paths.batch(this.vaultId), body, retryability }, options);
    return batchInsertAnswer(answer, batch.records.map((record) => record.table));
  }

  /** Gets records of one table by ids, by values of a unique column, or a page of them. */
  async get(request: GetRequest | GetRequestInit, options?: CallOptions): Promise<GetResponse> {
    const get = GetRequest.from(request);
    const query: Array<[string, string]> = [];
    for (const id of get.ids ?? []) query.push(['skyflow_ids', id]);
    if (get.columnName !== undefined) query.push(['column_name', get.columnName]);
    for (const value of get.columnValues ?? []) query.push(['column_values', value]);
    if (get.redactionType !== undefined) query.push(['redaction', get.redactionType]);
    if (get.returnTokens) query.push(['tokenization', 'true']);
    for (const field of get.fields ?? []) query.push(['fields', field]);
    if (get.offset !== undefined) query.push(['offset', String(get.offset)]);
    if (get.limit !== undefined) query.push(['limit', String(get.limit)]);
    if (get.orderBy !== undefined) query.push(['order_by', get.orderBy]);
    if (get.downloadUrl !== undefined) query.push(['downloadURL', String(get.downloadUrl)]);
    const answer = await this.#send<BulkGetResponse>(
      { operation: 'get', method: 'GET', path: paths.table(this.vaultId, get.table), query, retryability: 'idempotent' },
      options,
    );
    return getAnswer(answer);
  }

  /** Updates columns of one record, found by its skyflow id. */
  async update(request: UpdateRequest | UpdateRequestInit, options?: CallOptions): Promise<UpdateResponse> {
    const update = UpdateRequest.from(request);
    const body: UpdateRecordBody = {
      record: update.tokens ? { fields: { ...update.fields }, tokens: { ...update.tokens } } : { fields: { ...update.fields } },
      tokenization: update.returnTokens,
      byot: update.tokenMode,
    };
    const answer = await this.#send<UpdateRecordResponse>(
      { operation: 'update', method: 'PUT', path: paths.record(this.vaultId, update.table, update.skyflowId), body, retryability: 'idempotent' },
      options,
    );
    return updateAnswer(answer);
  }

  /**
   * Deletes records by id in one request. Not retried once it may have been
   * applied: a second attempt would find nothing and fail.
   */
  async delete(request: DeleteRequest | DeleteRequestInit, options?: CallOptions): Promise<DeleteResponse> {
    const remove = DeleteRequest.from(request);
    const answer = await this.#send<BulkDeleteResponse>(
      {
        operation: 'delete',
        method: 'DELETE',
        path: paths.table(this.vaultId, remove.table),
        body: { skyflow_ids: [...remove.ids] },
        retryability: 'unapplied-only',
      },
      options,
    );
    return deleteAnswer(answer);
  }

  /**
   * Reveals the values of tokens, in one request. All or nothing, unless
   * `continueOnError`: then the tokens that fail are listed in the response's `errors`.
   */
  async detokenize(request: DetokenizeRequest | DetokenizeRequestInit, options?: CallOptions): Promise<DetokenizeResponse> {
    const detokenize = DetokenizeRequest.from(request);
    const body: DetokenizeBody = {
      detokenizationParameters: detokenize.tokens.map(({ token, redactionType }) => ({ token, redaction: redactionType })),
      continueOnError: detokenize.continueOnError,
    };
    if (detokenize.downloadUrl !== undefined) body.downloadURL = detokenize.downloadUrl;
    const answer = await this.#send<WireDetokenize>(
      { operation: 'detokenize', method: 'POST', path: paths.detokenize(this.vaultId), body, retryability: 'idempotent' },
      options,
    );
    return detokenizeAnswer(answer);
  }

  /** Looks up the tokens the vault holds for values, by column group. */
  async tokenize(request: TokenizeRequest | TokenizeRequestInit, options?: CallOptions): Promise<TokenizeResponse> {
    const tokenize = TokenizeRequest.from(request);
    const body = { tokenizationParameters: tokenize.values.map(({ value, columnGroup }) => ({ value, columnGroup })) };
    const answer = await this.#send<WireTokenize>(
      { operation: 'tokenize', method: 'POST', path: paths.tokenize(this.vaultId), body, retryability: 'idempotent' },
      options,
    );
    return tokenizeAnswer(answer);
  }

  /** Runs a read-only SQL query (one SELECT) over the vault's tables. */
  async query(request: QueryRequest | QueryRequestInit, options?: CallOptions): Promise<QueryResponse> {
    const query = QueryRequest.from(request);
    const answer = await this.#send<WireQuery>(
      { operation: 'query', method: 'POST', path: paths.query(this.vaultId), body: { query: query.query }, retryability: 'idempotent' },
      options,
    );
    return queryAnswer(answer);
  }

  // The vault's URL, CA and credentials are read at each call: configs may
  // change between calls.
  async #send<T>(route: Route, options: CallOptions | undefined): Promise<TransportResponse<T>> {
    const { path, ...rest } = route;
    const { transport, logger } = this.#context;
    const target: Target = { label: `vault ${this.vaultId}`, transport, logger, auth: () => this.#context.auth() };
    const config = this.#context.config();
    return sendAuthorized<T>(target, { ...rest, url: `${config.url}${path}`, caCert: config.caCert }, options);
  }
}

function batchRecord(
  table: string,
  fields: Readonly<Record<string, unknown>>,
  tokens: Readonly<Record<string, string>> | undefined,
  upsert: string | undefined,
  tokenization: boolean,
): BatchRecord {
  const record: BatchRecord = { method: BatchMethod.POST, tableName: table, fields: { ...fields }, tokenization };
  if (tokens) record.tokens = { ...tokens };
  if (upsert !== undefined) record.upsert = upsert;
  return record;
}
