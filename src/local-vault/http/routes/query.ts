import type { FastifyInstance } from 'fastify';
import { QueryBody, type QueryResponse } from '../../../wire/query.js';
import { routePatterns } from '../../../wire/paths.js';
import { badRequest } from '../../errors.js';
import type { ServerContext } from '../context.js';

/** `POST /v1/vaults/{vaultID}/query`: one read-only SELECT over the vault's tables. */
export function registerQueryRoutes(app: FastifyInstance, { vault, maxQueryRows }: ServerContext): void {
  app.post<{ Body: QueryBody }>(
    routePatterns.query,
    { schema: { body: QueryBody }, config: { operation: 'query' } },
    async (request): Promise<QueryResponse> => {
      const sql = request.body.query.trim();
      if (sql.length === 0) throw badRequest('query must not be empty.');
      return { records: vault.query(sql, maxQueryRows) };
    },
  );
}
