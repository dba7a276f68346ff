import { inject } from 'vitest';
import type { ServiceAccountCredentials } from '../../src/wire/auth.js';

/** The run's local vault, as the global setup provides it. */
export interface SharedVault {
  url: string;
  vaultId: string;
  apiKey: string;
  credentials: ServiceAccountCredentials;
  credentialsPath: string;
  caCert: string;
  caCertPath: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    localVault: SharedVault;
  }
}

export function sharedVault(): SharedVault {
  return inject('localVault');
}
