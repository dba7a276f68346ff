// The legacy operations a migration client routes, and which are safe to run twice.

/** The legacy client methods a migration client routes: the calls of skyflow-node@1 that reach the vault or a connection. */
export const OPERATIONS = ['insert', 'detokenize', 'getById', 'get', 'update', 'delete', 'invokeConnection'] as const;
/** One of the legacy methods a migration client routes (`'insert'`, `'get'`, …); events and stats are keyed by it. */
export type Operation = (typeof OPERATIONS)[number];

/** Reads: shadow mode may run them on both paths. Everything else writes (a connection may do anything). */
export const READ_OPERATIONS: ReadonlySet<Operation> = new Set(['detokenize', 'getById', 'get']);

/** The three routes a call can take, from safest to newest. */
export const ROUTES = ['legacy', 'shadow', 'v2'] as const;
/**
 * Where a call goes: `'legacy'` (skyflow-node@1 only), `'shadow'` (legacy
 * answers, the bridge runs beside it and is compared) or `'v2'` (the bridge only).
 */
export type Route = (typeof ROUTES)[number];

/** Routes from safest to newest; a guard demotes one step at a time. */
export const ROUTE_ORDER: Record<Route, number> = { legacy: 0, shadow: 1, v2: 2 };

/** Anything with the legacy client's methods: a skyflow-node@1 client, or a skyflow-bridge/v1 one. */
export type LegacyClientLike = {
  // biome-ignore lint/suspicious/noExplicitAny: `any[]` parameters are what lets a method with typed parameters match (`unknown[]` would not, by contravariance).
  [K in Operation]: (...args: any[]) => Promise<unknown>;
};

/** Whether `value` is the name of a routed legacy operation. */
export function isOperation(value: unknown): value is Operation {
  return typeof value === 'string' && (OPERATIONS as readonly string[]).includes(value);
}

/** Whether `value` is `'legacy'`, `'shadow'` or `'v2'`. */
export function isRoute(value: unknown): value is Route {
  return typeof value === 'string' && (ROUTES as readonly string[]).includes(value);
}
