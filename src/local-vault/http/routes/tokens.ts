import type { FastifyInstance } from 'fastify';
import { RedactionType } from '../../../wire/enums.js';
import {
  DetokenizeBody,
  TokenizeBody,
  type DetokenizeResponse,
  type TokenizeResponse,
} from '../../../wire/tokens.js';
import { routePatterns } from '../../../wire/paths.js';
import { VaultError, badRequest } from '../../errors.js';
import type { ServerContext } from '../context.js';
import { atIndex } from './at-index.js';

/** Detokenize (tokens → values, with redaction) and tokenize (values → their tokens). */
export function registerTokenRoutes(app: FastifyInstance, { vault }: ServerContext): void {
  app.post<{ Body: DetokenizeBody }>(
    routePatterns.detokenize,
    { schema: { body: DetokenizeBody }, config: { operation: 'detokenize' } },
    async (request): Promise<DetokenizeResponse> => {
      const { detokenizationParameters: parameters, continueOnError = false } = request.body;
      if (parameters.length === 0) throw badRequest('detokenizationParameters must hold at least one token.');
      return {
        records: parameters.map(({ token, redaction = RedactionType.DEFAULT }, index) => {
          const reveal = () => vault.detokenize(token, redaction);
          if (!continueOnError) return atIndex('detokenizationParameters', index, parameters.length, reveal);
          // With continueOnError a failed token is reported in its place.
          try {
            return reveal();
          } catch (error) {
            if (error instanceof VaultError) return { token, error: error.message };
            throw error;
          }
        }),
      };
    },
  );

  app.post<{ Body: TokenizeBody }>(
    routePatterns.tokenize,
    { schema: { body: TokenizeBody }, config: { operation: 'tokenize' } },
    async (request): Promise<TokenizeResponse> => {
      const parameters = request.body.tokenizationParameters;
      if (parameters.length === 0) throw badRequest('tokenizationParameters must hold at least one value.');
      return {
        records: parameters.map(({ value, columnGroup }, index) => ({
          token: atIndex('tokenizationParameters', index, parameters.length, () => vault.tokenize(value, columnGroup)),
        })),
      };
    },
  );
}
