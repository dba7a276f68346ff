// Shared setup of the fault-injection suite: a local vault of its own (faults
// are global to a vault), clients of both APIs that record what they do, and
// helpers that read what the vault really holds.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { startLocalVault, type LocalVault } from '../../src/local-vault/index.js';
import { loadState, STATE_FILE, writePrivate, type VaultState } from '../../src/local-vault/identity/state.js';
import type { Operation } from '../../src/local-vault/http/operations.js';
import { LogLevel, Skyflow, type SkyflowConfig, type VaultConfig } from '../../src/v2/index.js';
import { Skyflow as LegacySkyflow, SkyflowError as LegacyError, generateBearerTokenFromCreds } from '../../src/v1/index.js';
import type { ErrorBody } from '../../src/v1/types.js';
import type { Capture } from '../helpers/capture.js';
import { sharedVault } from '../helpers/shared-vault.js';

export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A local vault of this suite, whose log lines (one per answer, with its request id) are kept. */
export interface FaultVault {
  vault: LocalVault;
  /** `METHOD /route STATUS TIMEms REQUEST-ID`, one per answer the vault sent. */
  log: string[];
  /** Closes the vault and removes its data folder. */
  close(): Promise<void>;
}

/**
 * Starts a vault whose server certificate comes from the CA this process
 * already trusts (the run's shared vault's, in NODE_EXTRA_CA_CERTS): the v1
 * helper `generateBearerTokenFromCreds` takes no CA, as in skyflow-node@1, so
 * a legacy token provider can only reach a vault the process trusts. Every
 * other secret (API key, service account, token keys) is the vault's own.
 */
export async function startFaultVault(): Promise<FaultVault> {
  const dataDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-faults-'));
  const shared = JSON.parse(await readFile(join(dirname(sharedVault().caCertPath), STATE_FILE), 'utf8')) as VaultState;
  const own = await loadState(dataDir, { vaultId: undefined, tls: false, host: '127.0.0.1' });
  await writePrivate(join(dataDir, STATE_FILE), JSON.stringify({ ...own, tls: shared.tls }));
  const log: string[] = [];
  const vault = await startLocalVault({ dataDir, log: (line) => log.push(line) });
  return {
    vault,
    log,
    close: async () => {
      await vault.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Requests the vault received per operation since `since`. */
export function attemptsSince(vault: LocalVault, since: Record<Operation, number>): Partial<Record<Operation, number>> {
  const now = vault.stats().requests;
  const delta: Partial<Record<Operation, number>> = {};
  for (const operation of Object.keys(now) as Operation[]) {
    const more = now[operation] - since[operation];
    if (more > 0) delta[operation] = more;
  }
  return delta;
}

/**
 * Asserts the vault sent an answer with `status` under `requestId`. The vault
 * logs an answer once it is flushed, which may be a moment after the client
 * has read it: the line is waited for.
 */
export async function expectAnsweredWith(log: readonly string[], requestId: string, status: number): Promise<void> {
  const lineOf = () => log.find((entry) => entry.endsWith(` ${requestId}`));
  await expect.poll(lineOf, { timeout: 1_000, interval: 5, message: `the vault never answered with request id ${requestId}` }).toBeDefined();
  expect(lineOf()!.split(' ')[2]).toBe(String(status));
}

/** Everything the clients of one suite need, and what they record. */
export class Clients {
  /** Delays the v2 clients' retry policy asked for (recorded, never waited). */
  readonly delays: number[] = [];
  readonly #open: Array<{ close(): void }> = [];

  constructor(
    readonly vault: LocalVault,
    readonly capture: Capture,
  ) {}

  /**
   * A v2 client with service-account credentials (so the token endpoint is
   * used), logging at DEBUG into the capture; retry delays are recorded
   * without waiting and without jitter. A new client has no cached token.
   */
  v2(options: { timeoutMs?: number; baseUrl?: string } = {}): Skyflow {
    const vaultConfig: VaultConfig = {
      vaultId: this.vault.vaultId,
      baseUrl: options.baseUrl ?? this.vault.url,
      caCert: this.vault.caCert!,
      credentials: { credentialsString: JSON.stringify(this.vault.credentials) },
    };
    const config: SkyflowConfig = {
      vaultConfigs: [vaultConfig],
      logLevel: LogLevel.DEBUG,
      logger: this.capture.logger,
      retry: {
        random: () => 0,
        sleep: async (ms) => {
          this.delays.push(ms);
        },
      },
    };
    if (options.timeoutMs !== undefined) config.timeoutMs = options.timeoutMs;
    return this.#keep(new Skyflow(config));
  }

  /**
   * A v1 facade client whose token provider is the facade's own
   * `generateBearerTokenFromCreds` (the same token endpoint). Its retries use
   * the v2 core's default policy and sleep in real time: the facade takes no
   * retry options, so they cannot be recorded.
   */
  v1(options: { timeoutMs?: number; vaultURL?: string } = {}): LegacySkyflow {
    const credentials = JSON.stringify(this.vault.credentials);
    const tokenOptions = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
    return this.#keep(
      LegacySkyflow.init({
        vaultID: this.vault.vaultId,
        vaultURL: options.vaultURL ?? this.vault.url,
        getBearerToken: async () => (await generateBearerTokenFromCreds(credentials, tokenOptions)).accessToken,
        options: { caCert: this.vault.caCert!, deprecationWarnings: 'silent', ...tokenOptions },
      }),
    );
  }

  /** Closes every client made so far. */
  closeAll(): void {
    for (const client of this.#open.splice(0)) client.close();
  }

  #keep<T extends { close(): void }>(client: T): T {
    this.#open.push(client);
    return client;
  }
}

/** A TCP port on loopback that nothing listens on: connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** What a promise settled with, and how long it took. */
export interface Settled {
  value?: unknown;
  error?: unknown;
  ms: number;
}

export async function settle(promise: Promise<unknown>, capture: Capture): Promise<Settled> {
  const started = performance.now();
  try {
    const value = await promise;
    return { value, ms: performance.now() - started };
  } catch (error) {
    capture.error(error);
    return { error, ms: performance.now() - started };
  }
}

/** The legacy forms of a failed call, by the v1 method that failed. */
export type LegacyMethod = 'insert' | 'get' | 'detokenize' | 'update' | 'delete';

/**
 * Asserts that a v1 rejection has the form skyflow-node@1 gives `method`
 * (a singular SkyflowError for insert, `{errors: [...]}` for the per-record
 * methods, naming the record) and returns its `{code, description}`.
 */
export function legacyErrorBody(method: LegacyMethod, rejection: unknown, record: { id?: string; token?: string }): ErrorBody {
  const body = { code: expect.anything(), description: expect.any(String) };
  switch (method) {
    case 'insert': {
      expect(rejection).toBeInstanceOf(LegacyError);
      expect({ ...(rejection as object) }).toEqual({ error: body });
      return (rejection as LegacyError).error!;
    }
    case 'get':
      expect(rejection).toEqual({ errors: [{ error: body, ids: [record.id] }] });
      break;
    case 'detokenize':
      expect(rejection).toEqual({ errors: [{ token: record.token, error: body }] });
      break;
    case 'update':
    case 'delete':
      expect(rejection).toEqual({ errors: [{ id: record.id, error: body }] });
      break;
  }
  return (rejection as { errors: Array<{ error: ErrorBody }> }).errors[0]!.error;
}

/** The request id at the end of a v1 description (` - requestId: <id>`), if any. */
export function requestIdOf(description: string): string | undefined {
  return new RegExp(` - requestId: (${UUID})$`).exec(description)?.[1];
}
