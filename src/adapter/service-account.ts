// The legacy service-account helpers' token exchange, done by the v2 core;
// its errors in the forms 1.14.3 used: the token endpoint's answer singular
// (code = status), everything else plural.
import { generateBearerToken, isSkyflowError } from '../v2/index.js';
import { withRequestId } from './errors.js';
import { failure, success, type Outcome } from './outcome.js';

export interface LegacyTokenOptions {
  roleIDs?: string[] | undefined;
  ctx?: string | undefined;
  timeoutMs?: number | undefined;
}

export async function exchangeLegacyCredentials(
  credentials: Record<string, unknown>,
  options: LegacyTokenOptions,
): Promise<Outcome<{ accessToken: string; tokenType: string }>> {
  try {
    const token = await generateBearerToken(credentials, {
      ...(options.roleIDs && options.roleIDs.length > 0 ? { roles: options.roleIDs } : {}),
      ...(options.ctx ? { context: options.ctx } : {}),
      ...(isTimeout(options.timeoutMs) ? { timeoutMs: options.timeoutMs } : {}),
    });
    return success({ accessToken: token.accessToken, tokenType: token.tokenType });
  } catch (error) {
    if (!isSkyflowError(error)) return failure({ kind: 'errors', body: { code: '500', description: 'Unknown Error.' } });
    // No answer: 1.14.3 reported the network error's message with code "500".
    if (error.httpCode === 0) return failure({ kind: 'errors', body: { code: '500', description: error.message } });
    const answered = error.requestId !== null || error.grpcCode !== null;
    return answered
      ? failure({ kind: 'error', body: { code: error.httpCode, description: withRequestId(error.message, error.requestId) } })
      : failure({ kind: 'errors', body: { code: 400, description: error.message } });
  }
}

function isTimeout(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
