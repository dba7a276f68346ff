// How each legacy call maps onto the v2 API: the v2 method and request
// class, the names that change, the defaults that differ, the wrapper that
// gives a v2 answer its v1 shape, and whether the codemod may rewrite it. The
// one source for the deprecation warnings' replacement text, docs/v1-to-v2.md
// (`npm run docs:mapping`) and the codemod: change a mapping here and all
// three follow. Only data here; v2-call.ts reads it.

/** The legacy client methods (on the client `Skyflow.init` returns). */
export type LegacyClientMethod = 'init' | 'insert' | 'detokenize' | 'get' | 'getById' | 'update' | 'delete' | 'invokeConnection';

/** The module-level legacy helpers of skyflow-node@1. */
export type LegacyHelper =
  | 'generateBearerToken'
  | 'generateBearerTokenFromCreds'
  | 'generateToken'
  | 'generateSignedDataTokens'
  | 'generateSignedDataTokensFromCreds'
  | 'isExpired'
  | 'isValid'
  | 'setLogLevel';

/**
 * A name that moves or changes: `from` in the legacy call, `to` in the v2
 * request (for init: in the vault config). Both are paths: `a.b` is a field of
 * an object, `a[]` the elements of an array, and `*` in `to` stands for each
 * key of the `from` object (its fields spread there). A name that stays is
 * listed too when its place changes or a rewrite must carry it.
 */
export interface Rename {
  readonly from: string;
  readonly to: string;
  /** What the path alone does not say. */
  readonly note?: string;
  /** Set once on the vault or connection config, not on each request. */
  readonly inConfig?: true;
}

/** An option whose default is not the same on both sides, and what a rewrite must write to keep v1 behaviour. */
export interface DefaultChange {
  /** The legacy option (a `from` of the renames). */
  readonly option: string;
  /** Its default in skyflow-node@1. */
  readonly v1: string;
  /** The default of its v2 counterpart. */
  readonly v2: string;
  /** The v2 setting that keeps the v1 behaviour when the legacy call did not set the option. */
  readonly keepV1: string;
}

/** An option whose default is the same on both sides: nothing to write. */
export interface UnchangedDefault {
  readonly option: string;
  readonly value: string;
}

/** Whether the codemod rewrites such a call, or leaves it with a TODO and this reason. */
export type CodemodSupport = { readonly rewrite: true } | { readonly rewrite: false; readonly reason: string };

export interface MethodMapping {
  /** What `v2Method` is called on: `skyflow.vault(…)`, `skyflow.connection(…)`, or nothing (init's is a whole expression). */
  readonly receiver: 'vault' | 'connection' | undefined;
  /** The v2 client method called; for init the builder chain, `…` standing for the vault config. */
  readonly v2Method: string;
  /** The v2 request class it takes; undefined for init. */
  readonly requestClass: string | undefined;
  /** One v2 call per legacy record (1.14.3 sent one request per record), or one for the whole call. */
  readonly perRecord: boolean;
  readonly renames: readonly Rename[];
  readonly defaults: readonly DefaultChange[];
  readonly unchangedDefaults: readonly UnchangedDefault[];
  /** v2 settings every replacement writes, whatever the legacy call said, to behave as v1 did. */
  readonly fixedSettings: readonly string[];
  /** The `skyflow-bridge/migrate` function that gives the v2 answer the v1 result and error shape. */
  readonly wrapper: string | undefined;
  readonly codemod: CodemodSupport;
  /** What else behaves differently, for the person finishing the migration. */
  readonly notes: readonly string[];
}

export interface HelperMapping {
  /** The call that replaces it; `…` stands for the options, written from the renames. */
  readonly v2Call: string;
  /** Where the replacement is imported from: skyflow-bridge/v1 when v2 has no equivalent yet. */
  readonly module: 'skyflow-bridge/v2' | 'skyflow-bridge/v1';
  readonly renames: readonly Rename[];
  readonly codemod: CodemodSupport;
  readonly notes: readonly string[];
}

export type MethodTable = { readonly [M in LegacyClientMethod]: MethodMapping };
export type HelperTable = { readonly [H in LegacyHelper]: HelperMapping };

const TOKENS_DEFAULT: DefaultChange = { option: 'tokens', v1: 'true', v2: 'false', keepV1: 'returnTokens: true' };
const RESULT_ID_NOTE = 'Results carry skyflowId; v1 put the id in fields.id.';

export const V1_TO_V2 = {
  init: {
    receiver: undefined,
    v2Method: 'Skyflow.builder().addVaultConfig(…).build()',
    requestClass: undefined,
    perRecord: false,
    renames: [
      { from: 'vaultID', to: 'vaultId' },
      {
        from: 'vaultURL',
        to: 'baseUrl',
        note: 'or clusterId + env for a vault URL on a Skyflow host (*.vault.skyflowapis.com and the like)',
      },
      { from: 'getBearerToken', to: 'credentials.bearerTokenSource', note: 'called once per operation, never cached, as getBearerToken was' },
    ],
    defaults: [],
    unchangedDefaults: [],
    fixedSettings: [],
    wrapper: undefined,
    codemod: { rewrite: true },
    notes: [
      'v1 `options` (deprecationWarnings, cacheBearerToken, caCert, timeoutMs) have v2 counterparts on the vault config and the client (caCert, timeoutMs) or no meaning in v2.',
      'Service-account credentials ({ path } or { credentialsString }, e.g. addSkyflowCredentials({ path })) let the client cache and renew tokens itself; the deprecation warning suggests them.',
    ],
  },
  insert: {
    receiver: 'vault',
    v2Method: 'insertBatch',
    requestClass: 'BatchInsertRequest',
    perRecord: false,
    renames: [
      { from: 'records[].table', to: 'records[].table' },
      { from: 'records[].fields', to: 'records[].fields' },
      { from: 'tokens', to: 'returnTokens' },
      { from: 'continueOnError', to: 'continueOnError' },
      { from: 'upsert[].column', to: 'records[].upsert', note: "on each record of the entry's table; a table's last entry wins, as in v1" },
    ],
    defaults: [TOKENS_DEFAULT],
    unchangedDefaults: [{ option: 'continueOnError', value: 'false' }],
    fixedSettings: [],
    wrapper: 'toV1InsertResult',
    codemod: { rewrite: true },
    notes: [
      'One batch request for records of any number of tables, all-or-nothing unless continueOnError: what skyflow-bridge/v1 sends.',
      'Records of one table can later become insert(new InsertRequest({ table, values })), once the code reads the v2 response.',
    ],
  },
  detokenize: {
    receiver: 'vault',
    v2Method: 'detokenize',
    requestClass: 'DetokenizeRequest',
    perRecord: false,
    renames: [
      { from: 'records[].token', to: 'tokens[].token' },
      { from: 'records[].redaction', to: 'tokens[].redactionType' },
    ],
    defaults: [{ option: 'redaction', v1: 'PLAIN_TEXT', v2: 'DEFAULT', keepV1: 'redactionType: RedactionType.PLAIN_TEXT' }],
    unchangedDefaults: [],
    fixedSettings: ['continueOnError: true'],
    wrapper: 'toV1DetokenizeResult',
    codemod: { rewrite: true },
    notes: [
      'All tokens go in one request, with continueOnError: true so that each token succeeds or fails on its own as in v1, which sent one request per token.',
      "When the whole request fails (no answer, a refused token), v1 rejected with one entry per token; toV1DetokenizeResult needs the request as its second argument for that, and without it (as the codemod writes it) gives one entry with token ''.",
    ],
  },
  get: {
    receiver: 'vault',
    v2Method: 'get',
    requestClass: 'GetRequest',
    perRecord: true,
    renames: [
      { from: 'records[].table', to: 'table' },
      { from: 'records[].ids', to: 'ids' },
      { from: 'records[].columnName', to: 'columnName' },
      { from: 'records[].columnValues', to: 'columnValues' },
      { from: 'records[].redaction', to: 'redactionType' },
      { from: 'tokens', to: 'returnTokens' },
    ],
    defaults: [],
    unchangedDefaults: [{ option: 'tokens', value: 'false' }],
    fixedSettings: [],
    wrapper: 'toV1GetResult',
    codemod: { rewrite: true },
    notes: [RESULT_ID_NOTE],
  },
  getById: {
    receiver: 'vault',
    v2Method: 'get',
    requestClass: 'GetRequest',
    perRecord: true,
    renames: [
      { from: 'records[].table', to: 'table' },
      { from: 'records[].ids', to: 'ids' },
      { from: 'records[].redaction', to: 'redactionType' },
    ],
    defaults: [],
    unchangedDefaults: [],
    fixedSettings: [],
    wrapper: 'toV1GetResult',
    codemod: { rewrite: true },
    notes: ['getById is get with ids.', RESULT_ID_NOTE],
  },
  update: {
    receiver: 'vault',
    v2Method: 'update',
    requestClass: 'UpdateRequest',
    perRecord: true,
    renames: [
      { from: 'records[].table', to: 'table' },
      { from: 'records[].id', to: 'data.skyflowId' },
      { from: 'records[].fields', to: 'data.*', note: 'each field next to skyflowId' },
      { from: 'tokens', to: 'returnTokens' },
    ],
    defaults: [TOKENS_DEFAULT],
    unchangedDefaults: [],
    fixedSettings: [],
    wrapper: 'toV1UpdateResult',
    codemod: { rewrite: true },
    notes: [],
  },
  delete: {
    receiver: 'vault',
    v2Method: 'delete',
    requestClass: 'DeleteRequest',
    perRecord: true,
    renames: [
      { from: 'records[].table', to: 'table' },
      { from: 'records[].id', to: 'ids[]', note: 'one id per request: ids: [id]' },
    ],
    defaults: [],
    unchangedDefaults: [],
    fixedSettings: [],
    wrapper: 'toV1DeleteResult',
    codemod: { rewrite: true },
    notes: [
      'One request per record, as v1 sent, so that each record is deleted or fails on its own; the ids of one table can later go in one request (the deprecation warning shows that form).',
    ],
  },
  invokeConnection: {
    receiver: 'connection',
    v2Method: 'invoke',
    requestClass: 'InvokeConnectionRequest',
    perRecord: false,
    renames: [
      { from: 'connectionURL', to: 'connectionUrl', note: 'of a connection config: addConnectionConfig({ connectionId, connectionUrl })', inConfig: true },
      { from: 'methodName', to: 'method' },
      { from: 'requestBody', to: 'body' },
      { from: 'requestHeader', to: 'headers' },
      { from: 'pathParams', to: 'pathParams' },
      { from: 'queryParams', to: 'queryParams' },
    ],
    defaults: [],
    unchangedDefaults: [],
    fixedSettings: [],
    wrapper: undefined,
    codemod: {
      rewrite: false,
      reason: 'a connection is configured once in v2 (addConnectionConfig with an id), not per call: choose its id and config by hand',
    },
    notes: ['The connection URL is configured once with addConnectionConfig; calls name the connection by id.'],
  },
} as const satisfies MethodTable;

const HELPER_BY_HAND: CodemodSupport = {
  rewrite: false,
  reason: 'the codemod rewrites client calls only',
};
const ROLE_RENAMES: readonly Rename[] = [
  { from: 'roleIDs', to: 'roles' },
  { from: 'ctx', to: 'context' },
];

export const V1_HELPERS_TO_V2 = {
  generateBearerToken: {
    v2Call: 'generateBearerToken(path, …)',
    module: 'skyflow-bridge/v2',
    renames: ROLE_RENAMES,
    codemod: HELPER_BY_HAND,
    notes: [],
  },
  generateBearerTokenFromCreds: {
    v2Call: 'generateBearerTokenFromCreds(credentialsString, …)',
    module: 'skyflow-bridge/v2',
    renames: ROLE_RENAMES,
    codemod: HELPER_BY_HAND,
    notes: [],
  },
  generateToken: {
    v2Call: 'generateBearerToken(path)',
    module: 'skyflow-bridge/v2',
    renames: [],
    codemod: HELPER_BY_HAND,
    notes: [],
  },
  generateSignedDataTokens: {
    v2Call: 'generateSignedDataTokens(path, options)',
    module: 'skyflow-bridge/v1',
    renames: [],
    codemod: { rewrite: false, reason: 'v2 has no equivalent yet: keep it, imported from skyflow-bridge/v1' },
    notes: [],
  },
  generateSignedDataTokensFromCreds: {
    v2Call: 'generateSignedDataTokensFromCreds(credentialsString, options)',
    module: 'skyflow-bridge/v1',
    renames: [],
    codemod: { rewrite: false, reason: 'v2 has no equivalent yet: keep it, imported from skyflow-bridge/v1' },
    notes: [],
  },
  isExpired: {
    v2Call: 'isExpired(token)',
    module: 'skyflow-bridge/v2',
    renames: [],
    codemod: HELPER_BY_HAND,
    notes: ['v2 answers true for a token that is not a JWT (v1 threw).'],
  },
  isValid: {
    v2Call: '!isExpired(token)',
    module: 'skyflow-bridge/v2',
    renames: [],
    codemod: HELPER_BY_HAND,
    notes: [],
  },
  setLogLevel: {
    v2Call: 'client.setLogLevel(LogLevel.X) per client',
    module: 'skyflow-bridge/v2',
    renames: [],
    codemod: HELPER_BY_HAND,
    notes: ['The level is per client in v2.'],
  },
} as const satisfies HelperTable;
