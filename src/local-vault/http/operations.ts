/** The names of the local vault's endpoints, as fault rules and statistics use them. */
export const OPERATIONS = [
  'token',
  'batch',
  'insert',
  'getMany',
  'getOne',
  'update',
  'deleteOne',
  'deleteMany',
  'detokenize',
  'tokenize',
  'query',
  'gateway',
] as const;
/**
 * One of the local vault's endpoints, as `FaultRule.operation` and
 * `LocalVaultStats.requests` name them: `token` (the token exchange), `batch`,
 * `insert`, `getMany`, `getOne`, `update`, `deleteOne`, `deleteMany`,
 * `detokenize`, `tokenize`, `query` or `gateway` (its test connection routes).
 */
export type Operation = (typeof OPERATIONS)[number];
