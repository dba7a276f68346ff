// Paths and header names of the Skyflow REST API. Builders encode every
// segment; route patterns are what a server registers.

/** Response and request headers the protocol relies on. */
export const Header = {
  requestId: 'x-request-id',
  retryAfter: 'retry-after',
  errorFromClient: 'error-from-client',
  skyMetadata: 'sky-metadata',
  authorization: 'authorization',
} as const;

/** Path of the service-account token endpoint (JWT-bearer grant). */
export const TOKEN_PATH = '/v1/auth/sa/oauth/token';

const segment = encodeURIComponent;

/** Builds request paths; every segment is URL-encoded. */
export const paths = {
  token: (): string => TOKEN_PATH,
  batch: (vaultId: string): string => `/v1/vaults/${segment(vaultId)}`,
  table: (vaultId: string, table: string): string => `/v1/vaults/${segment(vaultId)}/${segment(table)}`,
  record: (vaultId: string, table: string, skyflowId: string): string =>
    `/v1/vaults/${segment(vaultId)}/${segment(table)}/${segment(skyflowId)}`,
  detokenize: (vaultId: string): string => `/v1/vaults/${segment(vaultId)}/detokenize`,
  tokenize: (vaultId: string): string => `/v1/vaults/${segment(vaultId)}/tokenize`,
  query: (vaultId: string): string => `/v1/vaults/${segment(vaultId)}/query`,
} as const;

/** The same paths as route patterns, for a server. */
export const routePatterns = {
  token: TOKEN_PATH,
  batch: '/v1/vaults/:vaultID',
  table: '/v1/vaults/:vaultID/:table',
  record: '/v1/vaults/:vaultID/:table/:id',
  detokenize: '/v1/vaults/:vaultID/detokenize',
  tokenize: '/v1/vaults/:vaultID/tokenize',
  query: '/v1/vaults/:vaultID/query',
} as const;

/** Path segments that name endpoints and therefore cannot be table names. */
export const RESERVED_TABLE_NAMES: readonly string[] = ['detokenize', 'tokenize', 'query'];

/** Query parameters of a bulk get (`GET /v1/vaults/{vaultID}/{table}`). */
export interface BulkGetQuery {
  skyflow_ids?: string[];
  redaction?: string;
  tokenization?: boolean;
  fields?: string[];
  offset?: number;
  limit?: number;
  downloadURL?: boolean;
  column_name?: string;
  column_values?: string[];
  order_by?: string;
}
