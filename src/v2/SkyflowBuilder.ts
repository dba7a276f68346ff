import type { LogLevel } from './enums.js';
import type { ConnectionConfig, Credentials, RetryOptions, SkyflowConfig, VaultConfig } from './config/types.js';
import type { LogSink } from './logging/Logger.js';
import type { Skyflow } from './Skyflow.js';

/**
 * Fills a SkyflowConfig step by step; `build()` hands it to `new Skyflow`,
 * which checks everything.
 *
 * @example
 * const client = Skyflow.builder()
 *   .addVaultConfig({ vaultId: vault.vaultId, baseUrl: vault.url, caCert: vault.caCert })
 *   .addSkyflowCredentials({ apiKey: vault.apiKey })
 *   .build();
 */
export class SkyflowBuilder {
  readonly #config: SkyflowConfig & { vaultConfigs: VaultConfig[]; connectionConfigs: ConnectionConfig[] } = {
    vaultConfigs: [],
    connectionConfigs: [],
  };
  readonly #create: (config: SkyflowConfig) => Skyflow;

  /** @internal Use `Skyflow.builder()`. */
  constructor(create: (config: SkyflowConfig) => Skyflow) {
    this.#create = create;
  }

  addVaultConfig(config: VaultConfig): this {
    this.#config.vaultConfigs.push(config);
    return this;
  }

  addConnectionConfig(config: ConnectionConfig): this {
    this.#config.connectionConfigs.push(config);
    return this;
  }

  addSkyflowCredentials(credentials: Credentials): this {
    this.#config.skyflowCredentials = credentials;
    return this;
  }

  setLogLevel(level: LogLevel): this {
    this.#config.logLevel = level;
    return this;
  }

  /** Sends log entries to `sink` instead of the console. */
  setLogger(sink: LogSink): this {
    this.#config.logger = sink;
    return this;
  }

  /** Time allowed for one HTTP attempt. @default 60000 */
  setTimeout(timeoutMs: number): this {
    this.#config.timeoutMs = timeoutMs;
    return this;
  }

  setRetry(retry: RetryOptions): this {
    this.#config.retry = retry;
    return this;
  }

  build(): Skyflow {
    return this.#create({
      ...this.#config,
      vaultConfigs: [...this.#config.vaultConfigs],
      connectionConfigs: [...this.#config.connectionConfigs],
    });
  }
}
