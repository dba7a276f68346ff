// Optional OpenTelemetry: pass the meter and tracer of your @opentelemetry/api
// setup; nothing here imports it. Every recording is best-effort.

/** The part of an OpenTelemetry `Counter` the migration client uses. */
export interface CounterLike {
  /** Adds `value` to the counter, under the given attributes. */
  add(value: number, attributes?: Record<string, string>): void;
}
/** The part of an OpenTelemetry `Histogram` the migration client uses. */
export interface HistogramLike {
  /** Records one measurement, under the given attributes. */
  record(value: number, attributes?: Record<string, string>): void;
}
/** The part of an OpenTelemetry `Meter` the migration client uses (`@opentelemetry/api`'s Meter has it). */
export interface MeterLike {
  /**
   * Creates a counter; the client makes `skyflow_bridge.migrate.calls`
   * (attributes operation, route, outcome) and `skyflow_bridge.migrate.mismatches` (operation).
   */
  createCounter(name: string, options?: { description?: string }): CounterLike;
  /** Creates a histogram; the client makes `skyflow_bridge.migrate.latency` (ms; attributes operation, route). */
  createHistogram(name: string, options?: { description?: string; unit?: string }): HistogramLike;
}
/** The part of an OpenTelemetry `Span` the migration client uses. */
export interface SpanLike {
  /** Sets one attribute; the client sets `skyflow.route`. */
  setAttribute(key: string, value: string): unknown;
  /** Ends the span, once the call has settled. */
  end(): void;
}
/** The part of an OpenTelemetry `Tracer` the migration client uses (`@opentelemetry/api`'s Tracer has it). */
export interface TracerLike {
  /** Starts one span per call, named `skyflow-bridge.migrate <operation>`, with the attribute `skyflow.operation`. */
  startSpan(name: string, options?: { attributes?: Record<string, string> }): SpanLike;
}
/**
 * The OpenTelemetry objects a migration client records to; give either or
 * both. Recording is best-effort: an instrument that throws never fails a call.
 */
export interface TelemetryOptions {
  /** A meter for the call, latency and mismatch metrics. */
  meter?: MeterLike;
  /** A tracer for one span per call. */
  tracer?: TracerLike;
}

/** Records calls, latencies, mismatches and spans to the user's OpenTelemetry objects, never failing a call. */
export class Telemetry {
  readonly #calls: CounterLike | undefined;
  readonly #latency: HistogramLike | undefined;
  readonly #mismatches: CounterLike | undefined;
  readonly #tracer: TracerLike | undefined;

  constructor(options: TelemetryOptions | undefined, problem: (source: string, error: unknown) => void) {
    this.#tracer = options?.tracer;
    try {
      const meter = options?.meter;
      this.#calls = meter?.createCounter('skyflow_bridge.migrate.calls', { description: 'Legacy calls by operation and route' });
      this.#latency = meter?.createHistogram('skyflow_bridge.migrate.latency', { description: 'Latency of the path the caller got', unit: 'ms' });
      this.#mismatches = meter?.createCounter('skyflow_bridge.migrate.mismatches', { description: 'Shadow comparisons that differed' });
    } catch (error) {
      problem('openTelemetry.meter', error);
    }
  }

  /** A span that cannot fail: a tracer that throws loses its span, never the call. */
  span(operation: string): SpanLike | undefined {
    let span: SpanLike | undefined;
    try {
      span = this.#tracer?.startSpan(`skyflow-bridge.migrate ${operation}`, { attributes: { 'skyflow.operation': operation } });
    } catch {
      return undefined;
    }
    if (!span) return undefined;
    const inner = span;
    return {
      setAttribute: (key, value) => {
        try {
          inner.setAttribute(key, value);
        } catch {
          // best effort
        }
      },
      end: () => {
        try {
          inner.end();
        } catch {
          // best effort
        }
      },
    };
  }

  call(operation: string, route: string, ms: number, outcome: string): void {
    try {
      this.#calls?.add(1, { operation, route, outcome });
      this.#latency?.record(ms, { operation, route });
    } catch {
      // best effort
    }
  }

  mismatch(operation: string): void {
    try {
      this.#mismatches?.add(1, { operation });
    } catch {
      // best effort
    }
  }
}
