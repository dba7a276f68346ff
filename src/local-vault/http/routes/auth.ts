import type { FastifyInstance } from 'fastify';
import { JWT_BEARER_GRANT } from '../../../wire/enums.js';
import { TokenRequestBody, type TokenResponseBody } from '../../../wire/auth.js';
import { routePatterns } from '../../../wire/paths.js';
import { badRequest } from '../../errors.js';
import type { ServerContext } from '../context.js';

/** `POST /v1/auth/sa/oauth/token`: the JWT-bearer grant of a service account. */
export function registerAuthRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Body: TokenRequestBody }>(
    routePatterns.token,
    { schema: { body: TokenRequestBody }, config: { operation: 'token' } },
    async (request): Promise<TokenResponseBody> => {
      const { grant_type: grantType, assertion, scope } = request.body;
      if (grantType !== JWT_BEARER_GRANT) throw badRequest(`grant_type must be ${JWT_BEARER_GRANT}.`);
      const grant = await context.accessTokens.verifyAssertion(assertion, context.tokenAudiences());
      const accessToken = await context.accessTokens.issue({ ...grant, roles: rolesOf(scope) });
      context.stats.tokensIssued++;
      return { accessToken, tokenType: 'Bearer' };
    },
  );
}

/** `"role:a role:b "` → `['a', 'b']`. */
function rolesOf(scope: string | undefined): string[] {
  if (scope === undefined) return [];
  return scope
    .split(/\s+/)
    .filter((part) => part.length > 0)
    .map((part) => {
      if (!part.startsWith('role:') || part.length === 5) throw badRequest('scope must be a list of role:<id> entries.');
      return part.slice(5);
    });
}
