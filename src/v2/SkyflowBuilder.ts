import type { LogLevel } from './enums.js';
import type { ConnectionConfig, Credentials, RetryOptions, SkyflowConfig, VaultConfig } from './config/types.js';
import type { LogSink } from './logging/Logger.js';
import type { Skyflow } from './Skyflow.js';

/**
 * Collects a {@link SkyflowConfig} step by step; get one from
 * {@link Skyflow.builder}. Nothing is checked until `build()`, which hands the
 * config to `new Skyflow` and throws a SkyflowError if anything is invalid.
 *
 * @example
 * ```ts
 * import { LogLevel, Skyflow } from 'skyflow-bridge';
 *
 * const client = Skyflow.builder()
 *   .addVaultConfig({ vaultId: process.env.VAULT_ID ?? '', clusterId: process.env.CLUSTER_ID ?? '' })
 *   .addSkyflowCredentials({ apiKey: process.env.SKYFLOW_API_KEY ?? '' })
 *   .setTimeout(10_000)
 *   .setRetry({ limit: 3, maxDelayMs: 4_000 })
 *   .setLogger((entry) => console.log(`${entry.level} ${entry.message}`))
 *   .setLogLevel(LogLevel.INFO)
 *   .build();
 * const { data } = await client.vault().get({ table: 'persons', limit: 10 });
 * ```
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

  /** Adds a vault; add several to reach several vaults from one client. */
  addVaultConfig(config: VaultConfig): this {
    this.#config.vaultConfigs.push(config);
    return this;
  }

  /** Adds a connection. */
  addConnectionConfig(config: ConnectionConfig): this {
    this.#config.connectionConfigs.push(config);
    return this;
  }

  /**
   * Sets the credentials of every vault and connection that has none of its
   * own; a second call replaces the first. Without any, the client reads the
   * `SKYFLOW_CREDENTIALS` environment variable.
   */
  addSkyflowCredentials(credentials: Credentials): this {
    this.#config.skyflowCredentials = credentials;
    return this;
  }

  /** Sets how much the client logs; it logs at `LogLevel.ERROR` unless set. */
  setLogLevel(level: LogLevel): this {
    this.#config.logLevel = level;
    return this;
  }

  /** Sends log entries to `sink` instead of the console (e.g. to your own logger). */
  setLogger(sink: LogSink): this {
    this.#config.logger = sink;
    return this;
  }

  /**
   * Sets the time allowed for each HTTP attempt, in milliseconds; a slower
   * attempt fails with a SkyflowTimeoutError (and may be retried). 60000
   * unless set.
   */
  setTimeout(timeoutMs: number): this {
    this.#config.timeoutMs = timeoutMs;
    return this;
  }

  /** Sets how failed requests are retried; options not given keep their defaults. */
  setRetry(retry: RetryOptions): this {
    this.#config.retry = retry;
    return this;
  }

  /** Makes the client; throws a SkyflowError (httpCode 400) when the config is invalid. */
  build(): Skyflow {
    return this.#create({
      ...this.#config,
      vaultConfigs: [...this.#config.vaultConfigs],
      connectionConfigs: [...this.#config.connectionConfigs],
    });
  }
}
