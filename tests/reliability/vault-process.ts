// A local vault in a child process — the built CLI, as a user runs it — so a
// test can kill it the hard way (SIGKILL: no shutdown, no flush, no close)
// and start it again on the same data folder.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServiceAccountCredentials } from '../../src/wire/auth.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI as `npm test` builds it (dist is built before vitest runs). */
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface VaultProcess {
  readonly url: string;
  readonly vaultId: string;
  readonly apiKey: string;
  readonly credentials: ServiceAccountCredentials;
  readonly caCert: string;
  readonly pid: number;
  /** Resolves once the process has exited and its pipes are closed. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (the CLI closes the vault and exits), then waits for the exit. */
  stop(): Promise<void>;
}

// The lines the CLI prints once the vault listens (src/cli/local-vault.ts).
const FIELDS = {
  url: /^\s*Vault URL:\s+(\S+)\s*$/m,
  vaultId: /^\s*Vault ID:\s+(\S+)\s*$/m,
  apiKey: /^\s*API key:\s+(\S+)\s*$/m,
  credentialsPath: /^\s*Credentials:\s+(.+?)\s*$/m,
  caCertPath: /^\s*CA cert:\s+(.+?)\s*$/m,
};
const READY = 'Press Ctrl-C to stop.';

/**
 * Starts `node dist/cli.js local-vault --port 0 --data <dataDir> --quiet` and
 * resolves once it has printed where it listens. Its output never reaches this
 * process's stdout (it holds the API key).
 */
export async function startVaultProcess(dataDir: string, extraArgs: string[] = [], startTimeoutMs = 30_000): Promise<VaultProcess> {
  const child = spawn(process.execPath, [CLI, 'local-vault', '--port', '0', '--data', dataDir, '--quiet', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (output += chunk));

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the vault process did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
      const onData = (chunk: string) => {
        output += chunk;
        if (output.includes(READY)) done(resolve);
      };
      const onClose = (code: number | null) => done(() => reject(new Error(`the vault process exited (${code}) before it was ready: ${redact(output)}`)));
      const done = (then: () => void) => {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.off('close', onClose);
        then();
      };
      child.stdout!.on('data', onData);
      child.once('close', onClose);
      child.once('error', (error) => done(() => reject(error)));
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  // Keep the pipes drained (and quiet) for the rest of the process's life.
  child.stdout!.resume();
  child.stderr!.resume();

  const field = (name: keyof typeof FIELDS) => {
    const value = FIELDS[name].exec(output)?.[1];
    if (value === undefined) throw new Error(`the vault process did not print its ${name}`);
    return value;
  };
  const [credentialsText, caCert] = await Promise.all([readFile(field('credentialsPath'), 'utf8'), readFile(field('caCertPath'), 'utf8')]);

  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url: field('url'),
    vaultId: field('vaultId'),
    apiKey: field('apiKey'),
    credentials: JSON.parse(credentialsText) as ServiceAccountCredentials,
    caCert,
    pid: child.pid!,
    exited,
    kill: () => stopWith('SIGKILL'),
    stop: () => stopWith('SIGTERM'),
  };
}

/** The process's output without its API key, for an error message. */
function redact(output: string): string {
  return output.replace(/sky-\S+/g, 'sky-…');
}
