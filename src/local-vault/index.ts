// skyflow-bridge/local-vault: an embedded Skyflow vault (HTTPS, SQLite, the
// Skyflow REST API) for tests, demos, benchmarks and offline development.
export { startLocalVault, CREDENTIALS_FILE, CA_FILE, DATABASE_FILE } from './start-local-vault.js';
export { LocalVaultOptionsError } from './options.js';
export { MissingPeerDependencyError } from './peers.js';
export { SchemaError } from './schema/resolve-schema.js';
export { demoSchema } from './schema/demo-schema.js';
export { OPERATIONS } from './http/operations.js';
export { REDACTED_VALUE } from './vault/redaction.js';

export type { LocalVault, LocalVaultStats } from './start-local-vault.js';
export type { LocalVaultOptions } from './options.js';
export type { FaultRule } from './http/faults.js';
export type { Operation } from './http/operations.js';
export type {
  VaultSchema,
  TableSpec,
  ColumnSpec,
  ColumnType,
  TokenFormat,
  MaskRule,
  DefaultRedaction,
} from './schema/types.js';
export type { ServiceAccountCredentials } from '../wire/auth.js';
