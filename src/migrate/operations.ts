// The legacy operations a migration client routes, and which are safe to run twice.

export const OPERATIONS = ['insert', 'detokenize', 'getById', 'get', 'update', 'delete', 'invokeConnection'] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Reads: shadow mode may run them on both paths. Everything else writes (a connection may do anything). */
export const READ_OPERATIONS: ReadonlySet<Operation> = new Set(['detokenize', 'getById', 'get']);

/** Where a call goes. */
export const ROUTES = ['legacy', 'shadow', 'v2'] as const;
export type Route = (typeof ROUTES)[number];

/** Routes from safest to newest; a guard demotes one step at a time. */
export const ROUTE_ORDER: Record<Route, number> = { legacy: 0, shadow: 1, v2: 2 };

/** Anything with the legacy client's methods: a skyflow-node@1 client, or a skyflow-bridge/v1 one. */
export type LegacyClientLike = {
  // biome-ignore lint/suspicious/noExplicitAny: `any[]` parameters are what lets a method with typed parameters match (`unknown[]` would not, by contravariance).
  [K in Operation]: (...args: any[]) => Promise<unknown>;
};

export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && (OPERATIONS as readonly string[]).includes(value);
}

export function isRoute(value: unknown): value is Route {
  return typeof value === 'string' && (ROUTES as readonly string[]).includes(value);
}
