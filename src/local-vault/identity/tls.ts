import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { generate } from 'selfsigned';

/** A private certificate authority and the server certificate it signed. */
export interface TlsMaterial {
  caCert: string;
  caKey: string;
  cert: string;
  key: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// Names every local vault certificate answers to, whatever host it binds.
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

/**
 * Reuses `existing` when its server certificate still covers `host` for at
 * least a week; otherwise signs a new one (with a new CA only when there is
 * none), so a trusted `ca.pem` stays valid across restarts.
 */
export async function ensureTls(existing: TlsMaterial | undefined, host: string): Promise<TlsMaterial> {
  if (existing && covers(existing.cert, host)) return existing;
  const ca = existing ?? (await createAuthority());
  const server = await generate([{ name: 'commonName', value: 'skyflow-bridge local vault' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 825 * DAY_MS),
    ca: { key: ca.caKey, cert: ca.caCert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...new Set([...LOOPBACK_NAMES, host])].map(altName) },
    ],
  });
  return { caCert: ca.caCert, caKey: ca.caKey, cert: server.cert, key: server.private };
}

async function createAuthority(): Promise<Pick<TlsMaterial, 'caCert' | 'caKey'>> {
  const ca = await generate([{ name: 'commonName', value: 'skyflow-bridge local vault CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 10 * 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { caCert: ca.cert, caKey: ca.private };
}

function altName(name: string): { type: 2; value: string } | { type: 7; ip: string } {
  return isIP(name) ? { type: 7, ip: name } : { type: 2, value: name };
}

function covers(certPem: string, host: string): boolean {
  try {
    const cert = new X509Certificate(certPem);
    if (new Date(cert.validTo).getTime() - Date.now() < 7 * DAY_MS) return false;
    return isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host) !== undefined;
  } catch {
    return false;
  }
}
