import type { AccessTokens } from '../identity/AccessTokens.js';
import type { Vault } from '../vault/Vault.js';
import type { FaultInjector } from './faults.js';
import type { Operation } from './operations.js';

/** What the routes of a running vault share. */
export interface ServerContext {
  readonly vault: Vault;
  readonly vaultId: string;
  readonly accessTokens: AccessTokens;
  readonly faults: FaultInjector;
  readonly stats: ServerStats;
  /**
   * The `aud` values a service-account assertion may carry: this token
   * endpoint under each loopback name and the bound host (known once the
   * server listens).
   */
  readonly tokenAudiences: () => readonly string[];
  readonly maxQueryRows: number;
  /** Receives one line per request; never a value, a token or a query string. */
  readonly log: ((line: string) => void) | undefined;
}

/** Counters a test or benchmark can read through the handle. */
export interface ServerStats {
  /** Requests per endpoint, counted when they arrive (faulted ones included). */
  requests: Record<Operation, number>;
  /** Access tokens the token endpoint issued. */
  tokensIssued: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Which endpoint a route is, for fault rules, statistics and logs. */
    operation?: Operation;
  }
}
