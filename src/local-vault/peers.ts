// The local vault's server packages are optional peer dependencies: an app
// that only uses the SDK never installs them. `startLocalVault` loads them on
// first use, and a missing one becomes an error that says what to install.

/** The packages the local vault needs, with the ranges it supports (package.json `peerDependencies`). */
export const SERVER_PEERS = {
  fastify: '^5.12.8',
  // 13.x crashes on Node 20.
  'better-sqlite3': '^12.11.1',
  selfsigned: '^5.5.0',
} as const;

/** The name of one of the local vault's optional peer packages. */
export type ServerPeer = keyof typeof SERVER_PEERS;

/** Thrown by `startLocalVault` when a package it needs is not installed; names the packages and the command to install them. */
export class MissingPeerDependencyError extends Error {
  /** Always `'MissingPeerDependencyError'`. */
  override readonly name = 'MissingPeerDependencyError';
  /** The missing packages, e.g. `['fastify', 'better-sqlite3']`. */
  readonly packages: readonly ServerPeer[];

  constructor(packages: readonly ServerPeer[], cause?: unknown) {
    const names = packages.map((name) => `"${name}"`).join(', ');
    const install = packages.map((name) => `${name}@${SERVER_PEERS[name]}`).join(' ');
    super(
      `skyflow-bridge/local-vault needs ${packages.length === 1 ? 'the package' : 'the packages'} ${names}, ` +
        `optional peer dependencies of skyflow-bridge that are not installed: npm install --save-dev ${install}`,
      { cause },
    );
    this.packages = packages;
  }
}

// Literal specifiers, so that bundlers and rollup see (and keep external) each one.
const importers: Record<ServerPeer, () => Promise<unknown>> = {
  fastify: () => import('fastify'),
  'better-sqlite3': () => import('better-sqlite3'),
  selfsigned: () => import('selfsigned'),
};

/** True when `error` says that `name` itself (not something it imports) cannot be found. */
function isNotFound(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return typeof message === 'string' && (message.includes(`'${name}'`) || message.includes(`"${name}"`));
}

/**
 * Imports every server package (by `importer`), and rejects with one
 * MissingPeerDependencyError naming all those that are missing. Any other
 * failure (a broken install, a missing native binding) is passed through.
 */
export async function importServerPeers(importer: (name: ServerPeer) => Promise<unknown> = (name) => importers[name]()): Promise<void> {
  const names = Object.keys(SERVER_PEERS) as ServerPeer[];
  const results = await Promise.allSettled(names.map((name) => importer(name)));
  const missing: ServerPeer[] = [];
  let cause: unknown;
  for (const [index, result] of results.entries()) {
    if (result.status === 'fulfilled') continue;
    const name = names[index] as ServerPeer;
    if (!isNotFound(result.reason, name)) throw result.reason;
    missing.push(name);
    cause ??= result.reason;
  }
  if (missing.length > 0) throw new MissingPeerDependencyError(missing, cause);
}

let loaded: Promise<void> | undefined;

/** The server packages, checked once per process (a failure is retried on the next call). */
export function loadServerPeers(): Promise<void> {
  loaded ??= importServerPeers().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
