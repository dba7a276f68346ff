// The legacy API, method by method: the stable warning code of each (never
// reused, never renamed), and what replaces it in v2. One table for the
// warnings, the usage report and the migration docs.

export interface LegacyMethod {
  /** Stable DeprecationWarning code. */
  readonly code: string;
  /** The v2 API that replaces it, in general terms. */
  readonly replacement: string;
  /** What behaves differently in v2, for the person rewriting the call. */
  readonly notes: readonly string[];
}

export const LEGACY_METHODS = {
  init: {
    code: 'SKYFLOW_BRIDGE_V1_INIT',
    replacement: 'Skyflow.builder().addVaultConfig({ vaultId, clusterId, env }).addSkyflowCredentials(credentials).build()',
    notes: ['The vault URL becomes clusterId + env (or baseUrl); getBearerToken becomes credentials or a per-call bearerToken.'],
  },
  insert: {
    code: 'SKYFLOW_BRIDGE_V1_INSERT',
    replacement: 'vault(vaultId).insert(new InsertRequest({ table, values }))',
    notes: ['tokens → returnTokens, default false in v2 (true in v1)', 'records of several tables: insertBatch(new BatchInsertRequest({ records }))'],
  },
  detokenize: {
    code: 'SKYFLOW_BRIDGE_V1_DETOKENIZE',
    replacement: 'vault(vaultId).detokenize(new DetokenizeRequest({ tokens }))',
    notes: ['redaction → redactionType, default DEFAULT in v2 (PLAIN_TEXT in v1)', 'all tokens go in one request'],
  },
  getById: {
    code: 'SKYFLOW_BRIDGE_V1_GET_BY_ID',
    replacement: 'vault(vaultId).get(new GetRequest({ table, ids, redactionType }))',
    notes: ['results carry skyflowId (v1: fields.id)'],
  },
  get: {
    code: 'SKYFLOW_BRIDGE_V1_GET',
    replacement: 'vault(vaultId).get(new GetRequest({ table, ids | columnName + columnValues, redactionType }))',
    notes: ['tokens → returnTokens', 'results carry skyflowId (v1: fields.id)'],
  },
  update: {
    code: 'SKYFLOW_BRIDGE_V1_UPDATE',
    replacement: 'vault(vaultId).update(new UpdateRequest({ table, data: { skyflowId, ...fields } }))',
    notes: ['tokens → returnTokens, default false in v2 (true in v1)'],
  },
  delete: {
    code: 'SKYFLOW_BRIDGE_V1_DELETE',
    replacement: 'vault(vaultId).delete(new DeleteRequest({ table, ids }))',
    notes: ['the ids of one table go in one request'],
  },
  invokeConnection: {
    code: 'SKYFLOW_BRIDGE_V1_INVOKE_CONNECTION',
    replacement: 'connection(connectionId).invoke(new InvokeConnectionRequest({ method, body, headers, pathParams, queryParams }))',
    notes: ['the connection URL is configured once with addConnectionConfig'],
  },
  generateBearerToken: {
    code: 'SKYFLOW_BRIDGE_V1_GENERATE_BEARER_TOKEN',
    replacement: "generateBearerToken(path, { roles, context })",
    notes: ['roleIDs → roles, ctx → context'],
  },
  generateBearerTokenFromCreds: {
    code: 'SKYFLOW_BRIDGE_V1_GENERATE_BEARER_TOKEN_FROM_CREDS',
    replacement: "generateBearerTokenFromCreds(credentialsString, { roles, context })",
    notes: ['roleIDs → roles, ctx → context'],
  },
  generateToken: {
    code: 'SKYFLOW_BRIDGE_V1_GENERATE_TOKEN',
    replacement: "generateBearerToken(path)",
    notes: [],
  },
  generateSignedDataTokens: {
    code: 'SKYFLOW_BRIDGE_V1_GENERATE_SIGNED_DATA_TOKENS',
    replacement: 'generateSignedDataTokens(path, options) (skyflow-bridge/v1 only: no v2 equivalent yet)',
    notes: [],
  },
  generateSignedDataTokensFromCreds: {
    code: 'SKYFLOW_BRIDGE_V1_GENERATE_SIGNED_DATA_TOKENS_FROM_CREDS',
    replacement: 'generateSignedDataTokensFromCreds(credentialsString, options) (skyflow-bridge/v1 only: no v2 equivalent yet)',
    notes: [],
  },
  isExpired: {
    code: 'SKYFLOW_BRIDGE_V1_IS_EXPIRED',
    replacement: "isExpired(token)",
    notes: ['v2 answers true for a token that is not a JWT (v1 threw)'],
  },
  isValid: {
    code: 'SKYFLOW_BRIDGE_V1_IS_VALID',
    replacement: "!isExpired(token)",
    notes: [],
  },
  setLogLevel: {
    code: 'SKYFLOW_BRIDGE_V1_SET_LOG_LEVEL',
    replacement: 'client.setLogLevel(LogLevel.X) per client',
    notes: ['the level is per client in v2'],
  },
} as const satisfies Record<string, LegacyMethod>;

export type LegacyMethodName = keyof typeof LEGACY_METHODS;
