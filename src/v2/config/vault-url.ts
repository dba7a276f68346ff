import type { Env } from '../enums.js';

const hosts: Record<Env, string> = {
  PROD: 'vault.skyflowapis.com',
  SANDBOX: 'vault.skyflowapis-preview.com',
  DEV: 'vault.skyflowapis.dev',
  STAGE: 'vault.skyflowapis.tech',
};

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The vault URL of a cluster in an environment. */
export function clusterUrl(clusterId: string, env: Env): string {
  return `https://${clusterId}.${hosts[env]}`;
}

/** Whether credentials may be sent to this URL: https, or http to a loopback host. */
export function isSecureUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

/**
 * A base URL as origin plus path (a path prefix is kept, for deployments
 * behind a proxy), or undefined when it is not acceptable: https, or http on a
 * loopback host only (credentials must not cross a network in clear text),
 * and no user info, query or fragment.
 */
export function normalizeBaseUrl(baseUrl: string): string | undefined {
  if (!isSecureUrl(baseUrl)) return undefined;
  const url = new URL(baseUrl);
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return undefined;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The hosts for which an `Env` is named, to recognise a Skyflow vault URL. */
export function envOfHost(host: string): { clusterId: string; env: Env } | undefined {
  for (const [env, suffix] of Object.entries(hosts) as Array<[Env, string]>) {
    if (host.endsWith(`.${suffix}`)) {
      const clusterId = host.slice(0, -suffix.length - 1);
      if (clusterId.length > 0 && !clusterId.includes('.')) return { clusterId, env };
    }
  }
  return undefined;
}
