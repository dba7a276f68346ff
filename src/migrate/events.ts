// The events a migration client publishes. None holds a stored value: results
// say how a call ended, mismatches carry JSON pointers and hashed values.
import type { Operation, Route } from './operations.js';
import type { PublishedValue } from './shadow/redact.js';

/** Sent after every call (`'result'`): where it went and how it ended for the caller. */
export interface ResultEvent {
  /** The legacy method that was called. */
  operation: Operation;
  /** The route the call really took, after any cap set by the guard. */
  route: Route;
  /** Why this route: the router's reason, plus the guard's cap when it lowered the route. */
  reason: string;
  /** Whether the caller's promise resolved or rejected. */
  outcome: 'resolved' | 'rejected';
  /** Time of the path whose answer the caller got (legacy in shadow mode), in milliseconds. */
  latencyMs: number;
}

/**
 * How a shadowed call's comparison ended: compared (`match`, `mismatch`), too
 * slow (`timeout`), or not run (`skipped-write`: a write with no separate
 * vault to write to; `skipped-concurrency`: too many candidates already
 * running; `skipped-sample`: left out by `sampleRate`).
 */
export type ShadowStatus = 'match' | 'mismatch' | 'timeout' | 'skipped-write' | 'skipped-concurrency' | 'skipped-sample';

/** Sent once per call on the shadow route (`'shadow'`), when its comparison ends or is skipped. */
export interface ShadowEvent {
  /** The legacy method that was called. */
  operation: Operation;
  /** Whether the two paths were compared, and how that ended. */
  status: ShadowStatus;
  /** Time of the legacy call (the one the caller got), in milliseconds. */
  controlLatencyMs: number;
  /** Time of the bridge's call, in milliseconds; only on `match` and `mismatch`. */
  candidateLatencyMs?: number;
}

/**
 * Sent when a shadowed call's two outcomes differ (`'mismatch'`). It never
 * holds a stored value unless its path is in `shadow.revealPaths`.
 */
export interface MismatchEvent {
  /** The legacy method that was called. */
  operation: Operation;
  /**
   * Where the two outcomes differ (JSON pointers into `{resolved}` / `{rejected}`),
   * with the values hashed unless allow-listed; at most 20, depth first.
   */
  differences: Array<{
    /** JSON pointer of the differing value; `''` when only a custom `compare` found the two different. */
    path: string;
    /** The legacy side's value there. */
    control: PublishedValue;
    /** The bridge's value there. */
    candidate: PublishedValue;
  }>;
  /** Time of the legacy call, in milliseconds. */
  controlLatencyMs: number;
  /** Time of the bridge's call, in milliseconds. */
  candidateLatencyMs: number;
}

/** Sent when the guard lowers an operation's route one step (`'demotion'`); `resetGuard` lifts it. */
export interface DemotionEvent {
  /** The operation that was demoted; other operations keep their routes. */
  operation: Operation;
  /** The route that misbehaved: `'v2'` (too many service errors) or `'shadow'` (too many mismatches). */
  from: Route;
  /** The route the operation is now capped at. */
  to: Route;
  /** The rate that crossed its threshold, e.g. `error rate 12.0% over 20 calls exceeds 10%`. */
  reason: string;
}

/** Something user-supplied failed (a comparator, a normaliser, a listener, a flag provider); the call went on. */
export interface ProblemEvent {
  /** What failed, e.g. `ramp.targetingKey`, `openFeature`, `shadow.compare` or `result listener`. */
  source: string;
  /** The error's name and message, cut to 300 characters. */
  message: string;
}

/** The events of `MigrationClient.on`, by name, with the payload each listener receives. */
export interface MigrationEvents {
  /** Every call, once it has settled for the caller. */
  result: ResultEvent;
  /** Every call on the shadow route, once compared, timed out or skipped. */
  shadow: ShadowEvent;
  /** Shadow comparisons whose outcomes differ. */
  mismatch: MismatchEvent;
  /** The guard capping an operation at a lower route. */
  demotion: DemotionEvent;
  /**
   * A function you supplied (listener, comparator, flag provider, …) that
   * threw; the call went on. Without a listener, each source warns once on the console.
   */
  problem: ProblemEvent;
}

/** A listener of one migration event; a listener that throws is reported as a `problem`, never into the call. */
export type MigrationListener<K extends keyof MigrationEvents> = (event: MigrationEvents[K]) => void;

/** Listeners whose failures are reported as problems, never thrown into a call. */
export class Emitter {
  readonly #listeners = new Map<keyof MigrationEvents, Set<(event: never) => void>>();
  readonly #warned = new Set<string>();

  on<K extends keyof MigrationEvents>(name: K, listener: MigrationListener<K>): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener as (event: never) => void);
    return () => set.delete(listener as (event: never) => void);
  }

  emit<K extends keyof MigrationEvents>(name: K, event: MigrationEvents[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        (listener as MigrationListener<K>)(event);
      } catch (error) {
        if (name !== 'problem') this.problem(`${name} listener`, error);
      }
    }
  }

  /** Reports a problem to `problem` listeners; without any, warns once per source on the console. */
  problem(source: string, error: unknown): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'a non-Error value was thrown';
    if ((this.#listeners.get('problem')?.size ?? 0) > 0) {
      this.emit('problem', { source, message });
    } else if (!this.#warned.has(source)) {
      this.#warned.add(source);
      console.warn(`WARN: [skyflow-bridge/migrate] ${source} failed (${message}); the call went on. Listen to 'problem' events for more.`);
    }
  }
}
