// The clients every workload runs through, in the order of the report.
import { createRequire } from 'node:module';

/** @typedef {'legacy' | 'v1' | 'v1-silent' | 'v2' | 'raw'} ClientId */

export const CLIENTS = [
  { id: 'legacy', label: '(a) skyflow-node@1.14.3' },
  { id: 'v1', label: '(b) skyflow-bridge/v1, default warnings' },
  { id: 'v1-silent', label: "(b) skyflow-bridge/v1, 'silent'" },
  { id: 'v2', label: '(c) skyflow-bridge/v2' },
  { id: 'raw', label: '(d) raw HTTP, keep-alive' },
];

/**
 * A driver: the same four calls, made through one client.
 *
 * @param {ClientId} id
 * @param {{ url: string, vaultId: string, credentials: object }} vault
 */
export async function createDriver(id, vault) {
  switch (id) {
    case 'legacy': {
      const { createV1Driver } = await import('./drivers/v1-api.mjs');
      return createV1Driver({ module: createRequire(import.meta.url)('skyflow-node'), vault, policy: undefined });
    }
    case 'v1':
    case 'v1-silent': {
      const { createV1Driver } = await import('./drivers/v1-api.mjs');
      const module = await import('../../dist/v1.js');
      // The default client has no options at all: every call warns, as shipped.
      return createV1Driver({ module, vault, policy: id === 'v1-silent' ? 'silent' : undefined });
    }
    case 'v2': {
      const { createV2Driver } = await import('./drivers/v2-api.mjs');
      return createV2Driver({ vault });
    }
    case 'raw': {
      const { createRawDriver } = await import('./drivers/raw-http.mjs');
      return createRawDriver({ vault });
    }
    default:
      throw new Error(`unknown client '${id}'`);
  }
}
