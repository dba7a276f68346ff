// Mismatch and error rates per operation over a sliding time window; past a
// threshold the operation is demoted one route (v2 → shadow → legacy).
import type { Operation, Route } from './operations.js';
import { ROUTE_ORDER } from './operations.js';
import { configError } from './config-error.js';

/**
 * When the guard demotes an operation one route (v2 → shadow → legacy): its
 * mismatch or service-error rate over a sliding window passes a threshold.
 * Each operation is judged on its own; a demotion lasts until `resetGuard`.
 */
export interface GuardOptions {
  /** Length of the sliding window, in milliseconds. @default 60000 */
  windowMs?: number;
  /** Calls the window needs before a rate counts (a whole number). @default 20 */
  minSamples?: number;
  /** Highest share of shadow comparisons that may differ, from 0 to 1; above it shadow demotes to legacy. @default 0.05 */
  maxMismatchRate?: number;
  /** Highest share of v2 calls that may fail with a service error (5xx, no answer), from 0 to 1; above it v2 demotes to shadow. @default 0.1 */
  maxErrorRate?: number;
}

type Sample = { time: number; bad: boolean };

/** A demotion the guard made: which operation, from and to which route, and why. */
export interface Demotion {
  operation: Operation;
  from: Route;
  to: Route;
  reason: string;
}

/** Watches the new path and caps each operation's route when it misbehaves. */
export class Guard {
  readonly #options: Required<GuardOptions>;
  readonly #mismatches = new Map<Operation, Sample[]>();
  readonly #errors = new Map<Operation, Sample[]>();
  readonly #caps = new Map<Operation, Route>();
  readonly #now: () => number;

  constructor(options: GuardOptions = {}, now: () => number = Date.now) {
    this.#options = resolveGuardOptions(options);
    this.#now = now;
  }

  /** The route an operation may use at most (v2 when not demoted). */
  cap(operation: Operation): Route {
    return this.#caps.get(operation) ?? 'v2';
  }

  /** The decided route, lowered to the operation's cap. */
  apply(operation: Operation, route: Route): Route {
    const cap = this.cap(operation);
    return ROUTE_ORDER[route] > ROUTE_ORDER[cap] ? cap : route;
  }

  /** Gives a demoted operation (or all) its full range of routes back. */
  reset(operation?: Operation): void {
    if (operation === undefined) this.#caps.clear();
    else this.#caps.delete(operation);
  }

  /** A shadow comparison; returns the demotion it caused, if any. */
  recordComparison(operation: Operation, mismatch: boolean): Demotion | undefined {
    return this.#record(this.#mismatches, operation, mismatch, 'shadow', this.#options.maxMismatchRate, 'mismatch rate');
  }

  /** A call on the v2 route; `failed` when it failed with a service error. */
  recordV2Call(operation: Operation, failed: boolean): Demotion | undefined {
    return this.#record(this.#errors, operation, failed, 'v2', this.#options.maxErrorRate, 'error rate');
  }

  #record(
    series: Map<Operation, Sample[]>,
    operation: Operation,
    bad: boolean,
    watched: Route,
    threshold: number,
    what: string,
  ): Demotion | undefined {
    const now = this.#now();
    const samples = (series.get(operation) ?? []).filter((sample) => now - sample.time < this.#options.windowMs);
    samples.push({ time: now, bad });
    series.set(operation, samples);
    if (samples.length < this.#options.minSamples) return undefined;
    const rate = samples.filter((sample) => sample.bad).length / samples.length;
    if (rate <= threshold) return undefined;
    const from = this.cap(operation);
    // A route is demoted only while it is the one being watched, one step at a time.
    if (ROUTE_ORDER[from] < ROUTE_ORDER[watched]) return undefined;
    const to: Route = watched === 'v2' ? 'shadow' : 'legacy';
    this.#caps.set(operation, to);
    series.set(operation, []);
    return { operation, from: watched, to, reason: `${what} ${(rate * 100).toFixed(1)}% over ${samples.length} calls exceeds ${threshold * 100}%` };
  }
}

/** The guard options with their defaults applied; an invalid one throws a SkyflowError naming it. */
export function resolveGuardOptions(options: GuardOptions = {}): Required<GuardOptions> {
  const value = typeof options === 'object' && options !== null ? options : {};
  const rate = (name: keyof GuardOptions, fallback: number) => {
    const given = value[name] ?? fallback;
    if (typeof given !== 'number' || !(given >= 0 && given <= 1)) throw configError(`guard.${name} must be a number from 0 to 1.`);
    return given;
  };
  const positive = (name: keyof GuardOptions, fallback: number) => {
    const given = value[name] ?? fallback;
    if (typeof given !== 'number' || !Number.isFinite(given) || given <= 0) throw configError(`guard.${name} must be a positive number.`);
    return given;
  };
  const minSamples = positive('minSamples', 20);
  if (!Number.isInteger(minSamples)) throw configError('guard.minSamples must be a whole number.');
  return {
    windowMs: positive('windowMs', 60_000),
    minSamples,
    maxMismatchRate: rate('maxMismatchRate', 0.05),
    maxErrorRate: rate('maxErrorRate', 0.1),
  };
}
