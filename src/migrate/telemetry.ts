// Optional OpenTelemetry: pass the meter and tracer of your @opentelemetry/api
// setup; nothing here imports it. Every recording is best-effort.

interface Counter {
  add(value: number, attributes?: Record<string, string>): void;
}
interface Histogram {
  record(value: number, attributes?: Record<string, string>): void;
}
export interface MeterLike {
  createCounter(name: string, options?: { description?: string }): Counter;
  createHistogram(name: string, options?: { description?: string; unit?: string }): Histogram;
}
export interface SpanLike {
  setAttribute(key: string, value: string): unknown;
  end(): void;
}
export interface TracerLike {
  startSpan(name: string, options?: { attributes?: Record<string, string> }): SpanLike;
}
export interface TelemetryOptions {
  meter?: MeterLike;
  tracer?: TracerLike;
}

export class Telemetry {
  readonly #calls: Counter | undefined;
  readonly #latency: Histogram | undefined;
  readonly #mismatches: Counter | undefined;
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
