// Counts and latency percentiles per operation and route, and the shadow
// comparison counts. Latencies keep the latest samples only.
import type { Operation, Route } from './operations.js';

const SAMPLES = 1024;

/**
 * Latencies of one series, in milliseconds (rounded to 0.01 ms). The
 * percentiles and the mean cover the latest 1024 samples; all are 0 before the first.
 */
export interface LatencySummary {
  /** Samples recorded since the client was created (all of them, not only the latest 1024). */
  count: number;
  /** Median latency, in milliseconds. */
  p50: number;
  /** 95th percentile latency, in milliseconds. */
  p95: number;
  /** 99th percentile latency, in milliseconds. */
  p99: number;
  /** Mean latency, in milliseconds. */
  mean: number;
}

/** Calls of one operation on one route. */
export interface RouteStats {
  /** Calls that took this route (after the guard's cap). */
  calls: number;
  /** Of those, the calls whose promise rejected for the caller. */
  rejected: number;
  /** Latency of the answer the caller got (on the shadow route: the legacy call's). */
  latencyMs: LatencySummary;
}

/** What shadow mode did with one operation's calls; each shadowed call counts under one status. */
export interface ShadowStats {
  /** Calls whose two outcomes were compared: `matches + mismatches`. */
  compared: number;
  /** Comparisons where both paths ended the same way. */
  matches: number;
  /** Comparisons where they differed (each also sent a `mismatch` event). */
  mismatches: number;
  /** Calls whose candidate took longer than `shadow.timeoutMs`. */
  timeouts: number;
  /** Writes run on the legacy path alone (no `writeTarget`, or an update, delete or connection call). */
  skippedWrites: number;
  /** Calls not compared because `shadow.maxConcurrent` candidates were already running. */
  skippedConcurrency: number;
  /** Calls left out by `shadow.sampleRate`. */
  skippedSample: number;
  /** The candidate's latency (legacy is the control; its latency is under routes.shadow). */
  candidateLatencyMs: LatencySummary;
}

/** The counts of one legacy operation. */
export interface OperationStats {
  /** Calls per route taken; a route that no call took is absent. */
  routes: Partial<Record<Route, RouteStats>>;
  /** The shadow comparisons of this operation (all zero when none ran on the shadow route). */
  shadow: ShadowStats;
  /** The route this operation is capped at by the guard, if it was demoted. */
  demotedTo?: Route;
}

/** What `MigrationClient.stats()` returns: the counts per legacy operation, for the operations called so far. */
export type MigrationStats = Partial<Record<Operation, OperationStats>>;

class Latencies {
  readonly #values: number[] = [];
  #next = 0;
  #count = 0;

  add(ms: number): void {
    if (this.#values.length < SAMPLES) this.#values.push(ms);
    else this.#values[this.#next] = ms;
    this.#next = (this.#next + 1) % SAMPLES;
    this.#count++;
  }

  summary(): LatencySummary {
    const sorted = [...this.#values].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
    const mean = sorted.length === 0 ? 0 : sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
    return { count: this.#count, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), mean: round(mean) };
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;

interface Entry {
  routes: Map<Route, { calls: number; rejected: number; latency: Latencies }>;
  shadow: Omit<ShadowStats, 'candidateLatencyMs'>;
  candidate: Latencies;
}

/** Collects the counts behind `MigrationClient.stats()`. */
export class StatsCollector {
  readonly #entries = new Map<Operation, Entry>();

  call(operation: Operation, route: Route, ms: number, rejected: boolean): void {
    const entry = this.#entry(operation);
    let series = entry.routes.get(route);
    if (!series) entry.routes.set(route, (series = { calls: 0, rejected: 0, latency: new Latencies() }));
    series.calls++;
    if (rejected) series.rejected++;
    series.latency.add(ms);
  }

  shadow(operation: Operation, key: keyof Omit<ShadowStats, 'candidateLatencyMs' | 'compared'>, candidateMs?: number): void {
    const entry = this.#entry(operation);
    entry.shadow[key]++;
    if (key === 'matches' || key === 'mismatches') entry.shadow.compared++;
    if (candidateMs !== undefined) entry.candidate.add(candidateMs);
  }

  snapshot(caps: (operation: Operation) => Route): MigrationStats {
    const result: MigrationStats = {};
    for (const [operation, entry] of this.#entries) {
      const routes: Partial<Record<Route, RouteStats>> = {};
      for (const [route, series] of entry.routes) {
        routes[route] = { calls: series.calls, rejected: series.rejected, latencyMs: series.latency.summary() };
      }
      const stats: OperationStats = { routes, shadow: { ...entry.shadow, candidateLatencyMs: entry.candidate.summary() } };
      const cap = caps(operation);
      if (cap !== 'v2') stats.demotedTo = cap;
      result[operation] = stats;
    }
    return result;
  }

  #entry(operation: Operation): Entry {
    let entry = this.#entries.get(operation);
    if (!entry) {
      entry = {
        routes: new Map(),
        shadow: { compared: 0, matches: 0, mismatches: 0, timeouts: 0, skippedWrites: 0, skippedConcurrency: 0, skippedSample: 0 },
        candidate: new Latencies(),
      };
      this.#entries.set(operation, entry);
    }
    return entry;
  }
}
