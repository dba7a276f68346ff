import type { Operation, Route } from '../operations.js';
import { OPERATIONS, isOperation, isRoute } from '../operations.js';
import { configError } from '../config-error.js';
import { BUCKETS, bucketOf, inRamp } from './ramp.js';

/** A sticky percentage ramp toward a route. */
export interface RampOptions {
  /** Names the ramp; part of the hash, so two ramps split keys differently. */
  flagKey: string;
  /** Share of targeting keys sent to `route`, from 0 to 100 (steps of 0.01). */
  percent: number;
  /** The key a call is bucketed by (a tenant, a user); undefined sends the call to `otherwise`. */
  targetingKey: (operation: Operation, args: readonly unknown[]) => string | undefined;
  /** The route of the keys inside the ramp. @default 'v2' */
  route?: Route;
  /** The route of the keys outside the ramp, and of calls without a key. @default 'legacy' */
  otherwise?: Route;
}

/** The part of an OpenFeature client the router uses (`@openfeature/server-sdk`'s Client has it). */
export interface OpenFeatureClientLike {
  /** Evaluates a string flag; the router passes the `default` route as `defaultValue`. */
  getStringDetails(
    flagKey: string,
    defaultValue: string,
    context?: Record<string, unknown>,
  ): Promise<{
    /** The flag's value: the route, when it is `legacy`, `shadow` or `v2`. */
    value: string;
    /** Why the provider chose the value; `ERROR` makes the router use the default route. */
    reason?: string;
    /** The variant's name, shown in the result event's reason. */
    variant?: string;
    /** Set when the evaluation failed; the router then uses the default route and reports a problem. */
    errorCode?: string;
  }>;
}

/** Routing by an OpenFeature string flag, evaluated once per call. */
export interface OpenFeatureOptions {
  /** The OpenFeature client that evaluates the flag. */
  client: OpenFeatureClientLike;
  /** A string flag whose values are `legacy`, `shadow` or `v2`; any other value (or a failed evaluation) means the default route. */
  flagKey: string;
  /** The evaluation context of a call (add a `targetingKey`); `operation` is always set. */
  context?: (operation: Operation, args: readonly unknown[]) => Record<string, unknown>;
}

/**
 * How a migration client chooses a call's route: one route for every call,
 * or an object with at most one strategy (`ramp`, `openFeature` or `decide`),
 * fixed routes per operation, and the route when nothing else decides.
 */
export type RouteConfig =
  | Route
  | {
      /** The route when nothing else decides. @default 'legacy' */
      default?: Route;
      /** A fixed route per operation; wins over every strategy. */
      operations?: Partial<Record<Operation, Route>>;
      /** A sticky percentage of targeting keys (tenants, users) goes to one route. */
      ramp?: RampOptions;
      /** An OpenFeature flag names the route. */
      openFeature?: OpenFeatureOptions;
      /** Any function of the call; when it throws or returns something else than a route, the default route is used. */
      decide?: (operation: Operation, args: readonly unknown[]) => Route | Promise<Route>;
    };

/** A route and why it was chosen; part of every result event. */
export interface Decision {
  /** The route chosen for the call. */
  route: Route;
  /** Why, in words, e.g. `ramp vault-v2: bucket 412 of 10000, inside 10%` or `default route`. */
  reason: string;
}

/** Something the user gave went wrong while deciding; reported, never thrown into the call. */
export type RoutingProblem = (source: string, error: unknown) => void;

interface Resolved {
  fallback: Route;
  operations: Partial<Record<Operation, Route>>;
  ramp: Required<RampOptions> | undefined;
  openFeature: OpenFeatureOptions | undefined;
  decide: ((operation: Operation, args: readonly unknown[]) => Route | Promise<Route>) | undefined;
}

/** Decides the route of each call. Checked when made; `decide` never throws. */
export class Router {
  #config: Resolved;

  constructor(config: RouteConfig = 'legacy') {
    this.#config = resolveRouteConfig(config);
  }

  /** Replaces the routing config (checked first: an invalid one changes nothing). */
  set(config: RouteConfig): void {
    this.#config = resolveRouteConfig(config);
  }

  /** Moves the ramp to `percent` (0–100); keys already in stay in when it rises. */
  setRampPercent(percent: number): void {
    if (!this.#config.ramp) throw configError('There is no ramp to set: give route.ramp first.');
    checkPercent(percent);
    this.#config = { ...this.#config, ramp: { ...this.#config.ramp, percent } };
  }

  /** The route of one call, and why. */
  async decide(operation: Operation, args: readonly unknown[], problem: RoutingProblem): Promise<Decision> {
    const { fallback, operations, ramp, openFeature, decide } = this.#config;
    const fixed = operations[operation];
    if (fixed) return { route: fixed, reason: `operation override: ${operation} → ${fixed}` };
    if (ramp) return decideRamp(ramp, operation, args, problem);
    if (openFeature) return decideOpenFeature(openFeature, operation, args, problem, fallback);
    if (decide) {
      try {
        const route = await decide(operation, args);
        if (isRoute(route)) return { route, reason: 'decide function' };
        problem('decide', new Error(`decide returned ${JSON.stringify(route)?.slice(0, 40)}, not legacy, shadow or v2`));
      } catch (error) {
        problem('decide', error);
      }
      return { route: fallback, reason: 'decide function failed: default route' };
    }
    return { route: fallback, reason: 'default route' };
  }
}

function decideRamp(ramp: Required<RampOptions>, operation: Operation, args: readonly unknown[], problem: RoutingProblem): Decision {
  let key: string | undefined;
  try {
    key = ramp.targetingKey(operation, args);
  } catch (error) {
    // As for a missing key: the call stays off the ramp.
    problem('ramp.targetingKey', error);
    return { route: ramp.otherwise, reason: 'ramp: targetingKey failed' };
  }
  if (typeof key !== 'string' || key.length === 0) return { route: ramp.otherwise, reason: 'ramp: no targeting key' };
  const bucket = bucketOf(ramp.flagKey, key);
  return inRamp(bucket, ramp.percent)
    ? { route: ramp.route, reason: `ramp ${ramp.flagKey}: bucket ${bucket} of ${BUCKETS}, inside ${ramp.percent}%` }
    : { route: ramp.otherwise, reason: `ramp ${ramp.flagKey}: bucket ${bucket} of ${BUCKETS}, outside ${ramp.percent}%` };
}

async function decideOpenFeature(
  options: OpenFeatureOptions,
  operation: Operation,
  args: readonly unknown[],
  problem: RoutingProblem,
  fallback: Route,
): Promise<Decision> {
  try {
    const context = { ...(options.context?.(operation, args) ?? {}), operation };
    const details = await options.client.getStringDetails(options.flagKey, fallback, context);
    if (details.errorCode !== undefined || details.reason === 'ERROR') {
      const message = (details as { errorMessage?: string }).errorMessage;
      problem('openFeature', new Error(`${details.errorCode ?? 'ERROR'}${message ? `: ${message}` : ''}`));
      return { route: fallback, reason: `openfeature ${options.flagKey}: ${details.errorCode ?? 'error'}: default route` };
    }
    if (!isRoute(details.value)) {
      return { route: fallback, reason: `openfeature ${options.flagKey}: not a route: default route` };
    }
    return { route: details.value, reason: `openfeature ${options.flagKey}: ${details.variant ?? details.value} (${details.reason ?? 'UNKNOWN'})` };
  } catch (error) {
    problem('openFeature', error);
    return { route: fallback, reason: `openfeature ${options.flagKey}: evaluation failed: default route` };
  }
}

function checkPercent(percent: unknown): asserts percent is number {
  if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw configError('route.ramp.percent must be a number from 0 to 100.');
  }
}

function resolveRouteConfig(config: RouteConfig): Resolved {
  if (isRoute(config)) return { fallback: config, operations: {}, ramp: undefined, openFeature: undefined, decide: undefined };
  if (typeof config !== 'object' || config === null) {
    throw configError("route must be 'legacy', 'shadow', 'v2' or an object with default, operations, ramp, openFeature or decide.");
  }
  const fallback = config.default ?? 'legacy';
  if (!isRoute(fallback)) throw configError("route.default must be 'legacy', 'shadow' or 'v2'.");
  const operations: Partial<Record<Operation, Route>> = {};
  for (const [operation, route] of Object.entries(config.operations ?? {})) {
    if (!isOperation(operation)) throw configError(`route.operations: unknown operation ${operation.slice(0, 40)}; use one of ${OPERATIONS.join(', ')}.`);
    if (!isRoute(route)) throw configError(`route.operations.${operation} must be 'legacy', 'shadow' or 'v2'.`);
    operations[operation] = route;
  }
  const strategies = ['ramp', 'openFeature', 'decide'].filter((key) => (config as Record<string, unknown>)[key] !== undefined);
  if (strategies.length > 1) throw configError(`route takes one of ramp, openFeature or decide, not ${strategies.join(' and ')}.`);

  let ramp: Required<RampOptions> | undefined;
  if (config.ramp !== undefined) {
    const r = config.ramp;
    if (typeof r !== 'object' || r === null) throw configError('route.ramp must be an object.');
    if (typeof r.flagKey !== 'string' || r.flagKey.length === 0) throw configError('route.ramp.flagKey must be a non-empty string.');
    checkPercent(r.percent);
    if (typeof r.targetingKey !== 'function') throw configError('route.ramp.targetingKey must be a function of (operation, args).');
    const route = r.route ?? 'v2';
    const otherwise = r.otherwise ?? 'legacy';
    if (!isRoute(route) || !isRoute(otherwise)) throw configError("route.ramp.route and otherwise must be 'legacy', 'shadow' or 'v2'.");
    ramp = { flagKey: r.flagKey, percent: r.percent, targetingKey: r.targetingKey, route, otherwise };
  }
  if (config.openFeature !== undefined) {
    const o = config.openFeature;
    if (typeof o?.client?.getStringDetails !== 'function') {
      throw configError('route.openFeature.client must be an OpenFeature client (with getStringDetails).');
    }
    if (typeof o.flagKey !== 'string' || o.flagKey.length === 0) throw configError('route.openFeature.flagKey must be a non-empty string.');
    if (o.context !== undefined && typeof o.context !== 'function') throw configError('route.openFeature.context must be a function.');
  }
  if (config.decide !== undefined && typeof config.decide !== 'function') throw configError('route.decide must be a function.');
  return { fallback, operations, ramp, openFeature: config.openFeature, decide: config.decide };
}
