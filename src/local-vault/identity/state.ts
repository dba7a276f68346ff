import { generateKeyPair, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureTls, type TlsMaterial } from './tls.js';

/** The service account the vault trusts, without its token URI (that depends on the URL). */
export interface ServiceAccount {
  clientID: string;
  clientName: string;
  keyID: string;
  privateKey: string;
}

/**
 * Everything a vault generates once and keeps: its id, secrets and keys. In a
 * data folder it lives in `state.json` (owner-only), so that tokens, API key,
 * credentials and the trusted CA stay valid across restarts.
 */
export interface VaultState {
  vaultId: string;
  apiKey: string;
  /** HMAC key of deterministic tokens (hex). */
  tokenSecret: string;
  /** HMAC key that signs access tokens (hex). */
  accessTokenSecret: string;
  serviceAccount: ServiceAccount;
  tls?: TlsMaterial | undefined;
}

export const STATE_FILE = 'state.json';
const generateRsaKeyPair = promisify(generateKeyPair);

/** Loads the state of a data folder, creating what is missing; in memory when `dataDir` is undefined. */
export async function loadState(
  dataDir: string | undefined,
  wanted: { vaultId: string | undefined; tls: boolean; host: string },
): Promise<VaultState> {
  const stored = dataDir === undefined ? undefined : await readState(join(dataDir, STATE_FILE));
  const state: VaultState = stored ?? {
    vaultId: hex(16),
    apiKey: `sky-${hex(24)}`,
    tokenSecret: hex(32),
    accessTokenSecret: hex(32),
    serviceAccount: await createServiceAccount(),
  };
  if (wanted.vaultId !== undefined) state.vaultId = wanted.vaultId;
  if (wanted.tls) state.tls = await ensureTls(state.tls, wanted.host);
  if (dataDir !== undefined) await writePrivate(join(dataDir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

/** Writes a file only its owner can read, creating its folder. */
export async function writePrivate(path: string, content: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  await writeFile(path, content, { mode: 0o600 });
}

async function readState(path: string): Promise<VaultState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const state = JSON.parse(text) as Partial<VaultState>;
  const complete =
    typeof state.vaultId === 'string' &&
    typeof state.apiKey === 'string' &&
    typeof state.tokenSecret === 'string' &&
    typeof state.accessTokenSecret === 'string' &&
    typeof state.serviceAccount?.privateKey === 'string';
  if (!complete) throw new Error(`${path} is incomplete; remove the data folder to start afresh.`);
  return state as VaultState;
}

async function createServiceAccount(): Promise<ServiceAccount> {
  const { privateKey } = await generateRsaKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { clientID: hex(16), clientName: 'local-vault', keyID: hex(16), privateKey };
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
