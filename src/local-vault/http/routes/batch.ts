import type { FastifyInstance } from 'fastify';
import { BatchMethod, Byot, RedactionType } from '../../../wire/enums.js';
import { BatchBody, type BatchRecord, type BatchResponse, type BatchResult } from '../../../wire/batch.js';
import { routePatterns } from '../../../wire/paths.js';
import { VaultError, badRequest } from '../../errors.js';
import type { Vault } from '../../vault/Vault.js';
import type { ServerContext } from '../context.js';
import { atIndex } from './at-index.js';

/**
 * `POST /v1/vaults/{vaultID}`: several operations in one request. Without
 * `continueOnError` they succeed or fail together (nothing is written when
 * one fails); with it, each succeeds or fails on its own and the response
 * holds a `Status` and `Body` per operation.
 */
export function registerBatchRoutes(app: FastifyInstance, { vault, vaultId }: ServerContext): void {
  app.post<{ Params: { vaultID: string }; Body: BatchBody }>(
    routePatterns.batch,
    { schema: { body: BatchBody }, config: { operation: 'batch' } },
    async (request): Promise<BatchResponse> => {
      const { records, continueOnError = false, byot = Byot.DISABLE } = request.body;
      if (records.length === 0) throw badRequest('records must hold at least one record.');
      const run = (record: BatchRecord) => runOperation(vault, record, byot);

      if (!continueOnError) {
        return vault.transaction(() => ({
          vaultID: vaultId,
          responses: records.map((record, index) => atIndex('records', index, records.length, () => run(record))),
        }));
      }
      // One commit for the whole batch; each operation in its own savepoint,
      // so a failing one is rolled back alone.
      return vault.transaction(() => ({
        vaultID: vaultId,
        responses: records.map((record) => {
          try {
            return { Status: 200 as const, Body: vault.transaction(() => run(record)) };
          } catch (error) {
            if (!(error instanceof VaultError)) throw error;
            return { Status: error.httpCode, Body: { error: error.message } };
          }
        }),
      }));
    },
  );
}

function runOperation(vault: Vault, record: BatchRecord, byot: Byot): BatchResult {
  const { tableName, tokenization = false } = record;
  const method = record.method ?? BatchMethod.POST;
  const id = () => {
    if (!record.ID) throw badRequest(`ID is required for method ${method}.`);
    return record.ID;
  };
  const fields = () => {
    if (!record.fields) throw badRequest(`fields are required for method ${method}.`);
    return record.fields;
  };
  switch (method) {
    case BatchMethod.POST:
      return {
        records: [
          vault.insert(
            tableName,
            { fields: fields(), tokens: record.tokens },
            { tokenization, byot, upsert: record.upsert || undefined },
          ),
        ],
      };
    case BatchMethod.PUT:
      return { records: [vault.update(tableName, id(), { fields: fields(), tokens: record.tokens }, { tokenization, byot })] };
    case BatchMethod.GET:
      return {
        records: [
          vault.getOne(tableName, id(), { redaction: record.redaction ?? RedactionType.DEFAULT, tokenization }) as {
            fields: Record<string, unknown>;
          },
        ],
      };
    case BatchMethod.DELETE:
      return { records: [vault.deleteOne(tableName, id())] };
    case BatchMethod.NONE:
      throw badRequest('method must be one of POST, PUT, GET or DELETE.');
  }
}
