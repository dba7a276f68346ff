import type { LogLevel } from './enums.js';
import {
  copyConfig,
  resolveClientOptions,
  resolveConnectionConfig,
  resolveLogLevel,
  resolveVaultConfig,
  type ResolvedConnectionConfig,
  type ResolvedVaultConfig,
} from './config/resolve-config.js';
import type { ConnectionConfig, Credentials, SkyflowConfig, VaultConfig } from './config/types.js';
import { ConnectionClient } from './connection/ConnectionClient.js';
import { resolveCredentials, type ResolvedCredentials } from './credentials/resolve-credentials.js';
import { keyFrom, loadServiceAccountKey, parseServiceAccount } from './credentials/service-account-key.js';
import { exchangeForToken } from './credentials/token-exchange.js';
import { TokenSource } from './credentials/TokenSource.js';
import { validationError } from './errors/messages.js';
import { inputError, readInput } from './errors/read-input.js';
import { Logger } from './logging/Logger.js';
import { Transport } from './transport/Transport.js';
import { VaultClient } from './vault/VaultClient.js';
import { SkyflowBuilder } from './SkyflowBuilder.js';

const ENV_CREDENTIALS = 'SKYFLOW_CREDENTIALS';

interface Entry<Config, Client> {
  config: Config;
  /** Replaced when the config changes, so no token outlives the credentials it came from. */
  tokens: TokenSource;
  client: Client;
}
type VaultEntry = Entry<ResolvedVaultConfig, VaultClient>;
type ConnectionEntry = Entry<ResolvedConnectionConfig, ConnectionClient>;

/**
 * A Skyflow client: the vaults and connections you configured, their
 * credentials, logging, and one HTTP transport they all share. Build one with
 * {@link Skyflow.builder} or `new Skyflow(config)`, then get the client of a
 * vault with {@link Skyflow.vault} or of a connection with {@link Skyflow.connection}.
 *
 * Configs can be added, changed and removed at any time; clients handed out
 * before see the change at their next call.
 *
 * @example
 * ```ts
 * import { Env, InsertRequest, LogLevel, Skyflow } from 'skyflow-bridge';
 *
 * const client = Skyflow.builder()
 *   .addVaultConfig({ vaultId: process.env.VAULT_ID ?? '', clusterId: process.env.CLUSTER_ID ?? '', env: Env.PROD })
 *   .addSkyflowCredentials({ path: 'credentials.json' })
 *   .setLogLevel(LogLevel.ERROR)
 *   .build();
 * const response = await client.vault().insert(
 *   new InsertRequest({ table: 'cards', values: [{ cardholder_name: 'Ada Lovelace', cvv: '123' }] }),
 * );
 * console.log(response.insertedFields[0]?.skyflowId);
 * ```
 */
export class Skyflow {
  readonly #vaults = new Map<string, VaultEntry>();
  readonly #connections = new Map<string, ConnectionEntry>();
  readonly #logger: Logger;
  readonly #transport: Transport;
  #credentials: { given: Credentials; resolved: ResolvedCredentials } | undefined;
  #envCredentials: { text: string; resolved: ResolvedCredentials } | undefined;

  /**
   * Starts a {@link SkyflowBuilder}, which collects the config step by step;
   * its `build()` is the same as `new Skyflow(config)`.
   */
  static builder(): SkyflowBuilder {
    return new SkyflowBuilder((config) => new Skyflow(config));
  }

  /**
   * Makes a client from a whole config. Everything is checked here: a bad
   * config throws a SkyflowError (httpCode 400) and nothing is sent.
   */
  constructor(config: SkyflowConfig = {}) {
    try {
      if (typeof config !== 'object' || config === null || Array.isArray(config)) throw validationError('CONFIG_MISSING');
      const options = resolveClientOptions(config);
      this.#logger = new Logger(options.logLevel, options.logger);
      this.#transport = new Transport(options.transport, this.#logger);
      if (config.skyflowCredentials !== undefined) this.updateSkyflowCredentials(config.skyflowCredentials);
      const vaultConfigs = config.vaultConfigs === undefined ? [] : config.vaultConfigs;
      if (!Array.isArray(vaultConfigs)) throw validationError('INVALID_TYPE_FOR_CONFIG', 'vault');
      for (const vaultConfig of vaultConfigs) this.addVaultConfig(vaultConfig);
      const connectionConfigs = config.connectionConfigs === undefined ? [] : config.connectionConfigs;
      if (!Array.isArray(connectionConfigs)) throw validationError('INVALID_TYPE_FOR_CONFIG', 'connection');
      for (const connectionConfig of connectionConfigs) this.addConnectionConfig(connectionConfig);
      this.#logger.info(`Skyflow client initialized with ${this.#vaults.size} vault(s) and ${this.#connections.size} connection(s).`);
    } catch (error) {
      throw inputError(error, 'client config');
    }
  }

  /**
   * The client of a configured vault; without an id, of the first vault
   * added. Throws a SkyflowError when there is no such vault.
   */
  vault(vaultId?: string): VaultClient {
    return readInput('vault ID', () => {
      if (vaultId === undefined) {
        const first = this.#vaults.values().next().value;
        if (!first) throw validationError('EMPTY_VAULT_CLIENTS');
        return first.client;
      }
      return this.#entry(vaultId).client;
    });
  }

  /** Adds a vault; throws a SkyflowError when the config is invalid or its vaultId is already there. */
  addVaultConfig(config: VaultConfig): this {
    return readInput('vault config', () => {
      const resolved = resolveVaultConfig(config);
      if (this.#vaults.has(resolved.vaultId)) throw validationError('VAULT_ID_EXISTS_IN_CONFIG_LIST', resolved.vaultId);
      const { vaultId } = resolved;
      // The client looks its vault up by id at every call: a config updated, or
      // removed and added again, applies to clients handed out before.
      const client = new VaultClient({
        vaultId,
        config: () => this.#entry(vaultId).config,
        auth: () => {
          const entry = this.#entry(vaultId);
          return { credentials: this.#credentialsOf(entry.config), tokens: entry.tokens };
        },
        transport: this.#transport,
        logger: this.#logger,
      });
      this.#vaults.set(vaultId, { config: resolved, tokens: this.#tokenSource(resolved.caCert, vaultId), client });
      return this;
    });
  }

  /**
   * Changes some settings of a vault; its cached token is dropped. Giving
   * `clusterId` or `env` replaces a `baseUrl`, and giving `baseUrl` replaces
   * `clusterId` and `env`.
   */
  updateVaultConfig(config: Partial<VaultConfig> & { vaultId: string }): this {
    return readInput('vault config', () => {
      const vaultId = vaultIdOf(config);
      const entry = this.#entry(vaultId);
      if (typeof config !== 'object' || config === null) throw validationError('EMPTY_VAULT_CONFIG');
      const merged: Record<string, unknown> = { ...entry.config.source };
      if (config.baseUrl !== undefined) {
        delete merged['clusterId'];
        delete merged['env'];
      } else if (config.clusterId !== undefined || config.env !== undefined) {
        delete merged['baseUrl'];
      }
      entry.config = resolveVaultConfig({ ...merged, ...config });
      entry.tokens = this.#tokenSource(entry.config.caCert, vaultId);
      return this;
    });
  }

  /** Removes a vault; its clients fail from their next call on, until a vault of that id is added again. */
  removeVaultConfig(vaultId: string): this {
    return readInput('vault ID', () => {
      this.#entry(vaultIdOf({ vaultId }));
      this.#vaults.delete(vaultId);
      return this;
    });
  }

  /**
   * The vault config as it was given. It is a deep copy: changing it changes
   * nothing in the client (a bearerTokenSource is the same function, though).
   */
  getVaultConfig(vaultId: string): VaultConfig {
    return readInput('vault ID', () => {
      const { config } = this.#entry(vaultIdOf({ vaultId }));
      return copyConfig(config.source, config.credentials);
    });
  }

  /** Sets the credentials used by every vault and connection that has none of its own. */
  addSkyflowCredentials(credentials: Credentials): this {
    return this.updateSkyflowCredentials(credentials);
  }

  /**
   * Replaces the client-wide credentials (the same as addSkyflowCredentials);
   * the cached tokens of all vaults and connections are dropped.
   */
  updateSkyflowCredentials(credentials: Credentials): this {
    return readInput('credentials', () => {
      this.#credentials = { given: credentials, resolved: resolveCredentials(credentials) };
      for (const [id, entry] of this.#vaults) entry.tokens = this.#tokenSource(entry.config.caCert, id);
      for (const [id, entry] of this.#connections) entry.tokens = this.#tokenSource(entry.config.caCert, id, 'connection');
      return this;
    });
  }

  /** The client-wide credentials as given, or undefined when none were set. */
  getSkyflowCredentials(): Credentials | undefined {
    return this.#credentials?.given;
  }

  /**
   * The client of a configured connection; without an id, of the first
   * connection added. Throws a SkyflowError when there is no such connection.
   */
  connection(connectionId?: string): ConnectionClient {
    return readInput('connection ID', () => {
      if (connectionId === undefined) {
        const first = this.#connections.values().next().value;
        if (!first) throw validationError('EMPTY_CONNECTION_CLIENTS');
        return first.client;
      }
      return this.#connectionEntry(connectionId).client;
    });
  }

  /** Adds a connection; throws a SkyflowError when the config is invalid or its connectionId is already there. */
  addConnectionConfig(config: ConnectionConfig): this {
    return readInput('connection config', () => {
      const resolved = resolveConnectionConfig(config);
      const { connectionId } = resolved;
      if (this.#connections.has(connectionId)) throw validationError('CONNECTION_ID_EXISTS_IN_CONFIG_LIST', connectionId);
      const client = new ConnectionClient({
        connectionId,
        config: () => this.#connectionEntry(connectionId).config,
        auth: () => {
          const entry = this.#connectionEntry(connectionId);
          return { credentials: this.#credentialsOf(entry.config), tokens: entry.tokens };
        },
        transport: this.#transport,
        logger: this.#logger,
      });
      this.#connections.set(connectionId, {
        config: resolved,
        tokens: this.#tokenSource(resolved.caCert, connectionId, 'connection'),
        client,
      });
      return this;
    });
  }

  /** Changes some settings of a connection; its cached token is dropped. */
  updateConnectionConfig(config: Partial<ConnectionConfig> & { connectionId: string }): this {
    return readInput('connection config', () => {
      const connectionId = connectionIdOf(config);
      const entry = this.#connectionEntry(connectionId);
      entry.config = resolveConnectionConfig({ ...entry.config.source, ...config });
      entry.tokens = this.#tokenSource(entry.config.caCert, connectionId, 'connection');
      return this;
    });
  }

  /** Removes a connection; its clients fail from their next call on, until a connection of that id is added again. */
  removeConnectionConfig(connectionId: string): this {
    return readInput('connection ID', () => {
      this.#connectionEntry(connectionIdOf({ connectionId }));
      this.#connections.delete(connectionId);
      return this;
    });
  }

  /** The connection config as it was given (a copy, like {@link Skyflow.getVaultConfig}). */
  getConnectionConfig(connectionId: string): ConnectionConfig {
    return readInput('connection ID', () => {
      const { config } = this.#connectionEntry(connectionIdOf({ connectionId }));
      return copyConfig(config.source, config.credentials);
    });
  }

  /** Changes how much the client logs, from now on. */
  setLogLevel(level: LogLevel): this {
    return readInput('log level', () => {
      this.#logger.level = resolveLogLevel(level);
      return this;
    });
  }

  /** The level the client logs at. */
  getLogLevel(): LogLevel {
    return this.#logger.level;
  }

  /** Closes idle keep-alive connections; the client stays usable. */
  close(): void {
    this.#transport.close();
  }

  #entry(vaultId: string): VaultEntry {
    if (typeof vaultId !== 'string' || vaultId === '') throw validationError('EMPTY_VAULT_ID_VALIDATION');
    const entry = this.#vaults.get(vaultId);
    if (!entry) throw validationError('VAULT_ID_NOT_IN_CONFIG_LIST', vaultId.slice(0, 64));
    return entry;
  }

  #connectionEntry(connectionId: string): ConnectionEntry {
    if (typeof connectionId !== 'string' || connectionId === '') throw validationError('EMPTY_CONNECTION_ID_VALIDATION');
    const entry = this.#connections.get(connectionId);
    if (!entry) throw validationError('CONNECTION_ID_NOT_IN_CONFIG_LIST', connectionId.slice(0, 64));
    return entry;
  }

  #tokenSource(caCert: string | undefined, id: string, kind: 'vault' | 'connection' = 'vault'): TokenSource {
    const where = kind === 'vault' ? ` for vault with vaultId ${id}` : ` for connection with connectionId ${id}`;
    return new TokenSource(async (credentials) => {
      const key = await loadServiceAccountKey(credentials.source, where);
      const { accessToken } = await exchangeForToken(this.#transport, key, credentials.options, caCert);
      return accessToken;
    }, this.#logger);
  }

  // The target's credentials, then the client's, then SKYFLOW_CREDENTIALS.
  #credentialsOf(config: { credentials: ResolvedCredentials | undefined }): ResolvedCredentials {
    if (config.credentials) return config.credentials;
    if (this.#credentials) return this.#credentials.resolved;
    const text = process.env[ENV_CREDENTIALS];
    if (text === undefined || text.trim() === '') throw validationError('INVALID_CREDENTIALS');
    if (this.#envCredentials?.text !== text) {
      const raw = parseServiceAccount(text);
      if (!raw) throw validationError('INVALID_JSON_FORMAT');
      keyFrom(raw, ` in ${ENV_CREDENTIALS}`);
      this.#logger.info(`Using ${ENV_CREDENTIALS} from the environment.`);
      this.#envCredentials = { text, resolved: { kind: 'serviceAccount', source: { json: text }, options: {} } };
    }
    return this.#envCredentials.resolved;
  }
}

function connectionIdOf(config: { connectionId?: unknown }): string {
  const connectionId = typeof config === 'object' && config !== null ? config.connectionId : undefined;
  if (typeof connectionId !== 'string' || connectionId === '') throw validationError('EMPTY_CONNECTION_ID_VALIDATION');
  return connectionId;
}

function vaultIdOf(config: { vaultId?: unknown }): string {
  const vaultId = typeof config === 'object' && config !== null ? config.vaultId : undefined;
  if (typeof vaultId !== 'string' || vaultId === '') throw validationError('EMPTY_VAULT_ID_VALIDATION');
  return vaultId;
}
