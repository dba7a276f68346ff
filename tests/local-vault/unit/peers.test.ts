// The local vault's optional peers: which failures become a
// MissingPeerDependencyError, and what it says. (The packaging test shows it
// from a real install without them.)
import { describe, expect, it } from 'vitest';
import { MissingPeerDependencyError, SERVER_PEERS, importServerPeers, type ServerPeer } from '../../../src/local-vault/peers.js';

const notFound = (name: string, code = 'ERR_MODULE_NOT_FOUND') =>
  Object.assign(new Error(`Cannot find package '${name}' imported from /app/node_modules/skyflow-bridge/dist/local-vault.js`), { code });

describe('importServerPeers', () => {
  it('resolves when every peer loads', async () => {
    await expect(importServerPeers(async () => ({}))).resolves.toBeUndefined();
  });

  it('names every missing peer, with the command that installs them', async () => {
    const error = await importServerPeers(async (name) => {
      if (name === 'selfsigned') return {};
      throw notFound(name, name === 'fastify' ? 'ERR_MODULE_NOT_FOUND' : 'MODULE_NOT_FOUND');
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPeerDependencyError);
    const missing = error as MissingPeerDependencyError;
    expect(missing.name).toBe('MissingPeerDependencyError');
    expect(missing.packages).toEqual(['fastify', 'better-sqlite3']);
    expect(missing.message).toBe(
      'skyflow-bridge/local-vault needs the packages "fastify", "better-sqlite3", optional peer dependencies of skyflow-bridge ' +
        `that are not installed: npm install --save-dev fastify@${SERVER_PEERS.fastify} better-sqlite3@${SERVER_PEERS['better-sqlite3']}`,
    );
    expect((missing.cause as Error).message).toContain("'fastify'");
  });

  it('says "the package" for one', async () => {
    const error = (await importServerPeers(async (name: ServerPeer) => {
      if (name === 'selfsigned') throw notFound(name);
    }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/^skyflow-bridge\/local-vault needs the package "selfsigned", .*: npm install --save-dev selfsigned@\^5/);
  });

  it('passes through a peer that is installed but broken (a dependency of it missing, or any other failure)', async () => {
    const transitive = notFound('avvio');
    await expect(importServerPeers(async (name) => (name === 'fastify' ? Promise.reject(transitive) : {}))).rejects.toBe(transitive);
    const broken = new Error('Could not locate the bindings file');
    await expect(importServerPeers(async (name) => (name === 'better-sqlite3' ? Promise.reject(broken) : {}))).rejects.toBe(broken);
  });
});
