import { LogLevel, Skyflow, type VaultClient, type VaultConfig } from '../v2/index.js';
import { envOfHost } from '../v2/config/vault-url.js';

/**
 * A legacy `vaultURL` as a v2 vault config: a Skyflow vault host becomes
 * `clusterId` + `env`; any other host (a local vault, a private deployment)
 * becomes `baseUrl`.
 */
export function toVaultConfig(vaultID: string, vaultURL: string, caCert: string | undefined): VaultConfig {
  const url = new URL(vaultURL);
  const skyflowHost = url.port === '' && (url.pathname === '/' || url.pathname === '') ? envOfHost(url.hostname) : undefined;
  const config: VaultConfig = skyflowHost
    ? { vaultId: vaultID, clusterId: skyflowHost.clusterId, env: skyflowHost.env }
    : { vaultId: vaultID, baseUrl: vaultURL };
  if (caCert !== undefined) config.caCert = caCert;
  return config;
}

/**
 * The v2 client behind one legacy client, made at the first call (legacy
 * configs are only checked at call time). It has no credentials: each call
 * brings the bearer token the legacy provider returned.
 */
export class LegacyVault {
  #client: Skyflow | undefined;
  readonly #config: VaultConfig;
  readonly #timeoutMs: number | undefined;

  constructor(vaultID: string, vaultURL: string, caCert: string | undefined, timeoutMs?: number) {
    this.#config = toVaultConfig(vaultID, vaultURL, caCert);
    this.#timeoutMs = timeoutMs;
  }

  get vaultId(): string {
    return this.#config.vaultId;
  }

  get client(): Skyflow {
    this.#client ??= new Skyflow({
      vaultConfigs: [this.#config],
      logLevel: LogLevel.OFF,
      ...(this.#timeoutMs === undefined ? {} : { timeoutMs: this.#timeoutMs }),
    });
    return this.#client;
  }

  /** Closes the idle keep-alive connections of the v2 client, if one was made. */
  close(): void {
    this.#client?.close();
  }

  get vault(): VaultClient {
    return this.client.vault();
  }
}

/** A v2 client without vaults, for the connection calls of a legacy client (which need no vault config). */
export function connectionsClient(): Skyflow {
  return new Skyflow({ logLevel: LogLevel.OFF });
}
