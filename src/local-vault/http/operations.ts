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
export type Operation = (typeof OPERATIONS)[number];
