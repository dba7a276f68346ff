// The events a migration client publishes. None holds a stored value: results
// say how a call ended, mismatches carry JSON pointers and hashed values.
import type { Operation, Route } from './operations.js';
import type { PublishedValue } from './shadow/redact.js';

export interface ResultEvent {
  operation: Operation;
  route: Route;
  /** Why this route: the router's reason, or the guard's demotion. */
  reason: string;
  outcome: 'resolved' | 'rejected';
  latencyMs: number;
}

export type ShadowStatus = 'match' | 'mismatch' | 'timeout' | 'skipped-write' | 'skipped-concurrency' | 'skipped-sample';

export interface ShadowEvent {
  operation: Operation;
  status: ShadowStatus;
  controlLatencyMs: number;
  candidateLatencyMs?: number;
}

export interface MismatchEvent {
  operation: Operation;
  /** Where the two outcomes differ (JSON pointers into `{resolved}` / `{rejected}`), with the values hashed unless allow-listed. */
  differences: Array<{ path: string; control: PublishedValue; candidate: PublishedValue }>;
  controlLatencyMs: number;
  candidateLatencyMs: number;
}

export interface DemotionEvent {
  operation: Operation;
  from: Route;
  to: Route;
  reason: string;
}

/** Something user-supplied failed (a comparator, a normaliser, a listener, a flag provider); the call went on. */
export interface ProblemEvent {
  source: string;
  message: string;
}

export interface MigrationEvents {
  result: ResultEvent;
  shadow: ShadowEvent;
  mismatch: MismatchEvent;
  demotion: DemotionEvent;
  problem: ProblemEvent;
}

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
