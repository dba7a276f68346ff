import type { FastifyInstance } from 'fastify';
import { Byot } from '../../../wire/enums.js';
import {
  BulkDeleteBody,
  InsertRecordsBody,
  UpdateRecordBody,
  type BulkDeleteResponse,
  type BulkGetResponse,
  type DeleteRecordResponse,
  type InsertRecordsResponse,
  type UpdateRecordResponse,
} from '../../../wire/records.js';
import type { FieldRecord } from '../../../wire/common.js';
import { routePatterns } from '../../../wire/paths.js';
import { badRequest } from '../../errors.js';
import { parseBulkGet, parseGetOne, type RawQuery } from '../../vault/read-query.js';
import type { ServerContext } from '../context.js';
import { atIndex } from './at-index.js';

type TableParams = { vaultID: string; table: string };
type RecordParams = TableParams & { id: string };

/** Insert, get, update and delete on one table. */
export function registerRecordRoutes(app: FastifyInstance, { vault }: ServerContext): void {
  app.post<{ Params: TableParams; Body: InsertRecordsBody }>(
    routePatterns.table,
    { schema: { body: InsertRecordsBody }, config: { operation: 'insert' } },
    async (request): Promise<InsertRecordsResponse> => {
      const { records, tokenization = false, upsert, homogeneous = false, byot = Byot.DISABLE } = request.body;
      if (records.length === 0) throw badRequest('records must hold at least one record.');
      if (homogeneous) assertHomogeneous(records.map((record) => record.fields));
      const options = { tokenization, byot, upsert: upsert || undefined };
      return vault.transaction(() => ({
        records: records.map((record, index) =>
          atIndex('records', index, records.length, () => vault.insert(request.params.table, record, options)),
        ),
      }));
    },
  );

  app.get<{ Params: TableParams; Querystring: RawQuery }>(
    routePatterns.table,
    { config: { operation: 'getMany' } },
    async (request): Promise<BulkGetResponse> => ({
      records: vault.getMany(request.params.table, parseBulkGet(request.query)),
    }),
  );

  app.get<{ Params: RecordParams; Querystring: RawQuery }>(
    routePatterns.record,
    { config: { operation: 'getOne' } },
    async (request): Promise<FieldRecord> =>
      vault.getOne(request.params.table, request.params.id, parseGetOne(request.query)),
  );

  app.put<{ Params: RecordParams; Body: UpdateRecordBody }>(
    routePatterns.record,
    { schema: { body: UpdateRecordBody }, config: { operation: 'update' } },
    async (request): Promise<UpdateRecordResponse> => {
      const { record, tokenization = false, byot = Byot.DISABLE } = request.body;
      const { table, id } = request.params;
      return vault.transaction(() => vault.update(table, id, record, { tokenization, byot }));
    },
  );

  app.delete<{ Params: RecordParams }>(
    routePatterns.record,
    { config: { operation: 'deleteOne' } },
    async (request): Promise<DeleteRecordResponse> =>
      vault.transaction(() => vault.deleteOne(request.params.table, request.params.id)),
  );

  app.delete<{ Params: TableParams; Body: BulkDeleteBody }>(
    routePatterns.table,
    { schema: { body: BulkDeleteBody }, config: { operation: 'deleteMany' } },
    async (request): Promise<BulkDeleteResponse> => ({
      RecordIDResponse: vault.transaction(() => vault.deleteMany(request.params.table, request.body.skyflow_ids)),
    }),
  );
}

// `homogeneous` promises that every record has the same columns.
function assertHomogeneous(records: Array<Record<string, unknown>>): void {
  const shape = (fields: Record<string, unknown>) => Object.keys(fields).sort().join('\u0000');
  const first = shape(records[0]!);
  const index = records.findIndex((fields) => shape(fields) !== first);
  if (index !== -1) throw badRequest(`records[${index}]: homogeneous records must all have the same fields.`);
}
