import { LocalVaultOptionsError } from '../options-error.js';
import { OPERATIONS, type Operation } from './operations.js';

/**
 * A fault to inject. Rules are tried in order; the first that matches the
 * request's operation and phase, passes its `rate` draw and has `times` left
 * applies. Its latency comes first, then the status or the reset.
 */
export interface FaultRule {
  /** Endpoint it applies to, or every endpoint. @default '*' */
  operation?: Operation | '*';
  /**
   * `before`: the request is not processed (nothing is written). `after`: the
   * request is processed and committed, then its response is delayed,
   * replaced or cut — what a client sees when a reply is lost.
   * @default 'before'
   */
  phase?: 'before' | 'after';
  /** Probability that a matching request gets the fault, 0 to 1. @default 1 */
  rate?: number;
  /** How many times the rule fires before it is spent; absent, it never is. @default Infinity */
  times?: number;
  /** Delay before answering, in milliseconds. */
  latencyMs?: number;
  /** Answer with this HTTP status and a Skyflow error body. */
  status?: number;
  /** Seconds for the `Retry-After` header; alone it implies status 429. */
  retryAfterSeconds?: number;
  /** Close the connection abruptly (TCP reset) instead of answering. */
  reset?: boolean;
  /** Message of the error body. */
  message?: string;
}

/** What a matching rule does to one request. */
export interface Fault {
  latencyMs: number;
  status: number | undefined;
  retryAfterSeconds: number | undefined;
  reset: boolean;
  message: string;
}

interface ActiveRule {
  rule: Required<Pick<FaultRule, 'operation' | 'phase' | 'rate'>> & FaultRule;
  remaining: number;
}

/** Checks fault rules and hands out faults; `random` is injectable for tests. */
export class FaultInjector {
  #rules: ActiveRule[] = [];
  #injected = 0;
  readonly #random: () => number;

  constructor(rules: readonly FaultRule[] = [], random: () => number = Math.random) {
    this.#random = random;
    this.set(rules);
  }

  /** Replaces every rule; an invalid rule throws and leaves the old ones in place. */
  set(rules: readonly FaultRule[]): void {
    this.#rules = checkFaultRules(rules).map((rule) => ({ rule, remaining: rule.times ?? Infinity }));
  }

  /** Faults injected since start. */
  get injected(): number {
    return this.#injected;
  }

  /** The fault for a request in a phase, if a rule fires. */
  draw(operation: Operation, phase: 'before' | 'after'): Fault | undefined {
    for (const active of this.#rules) {
      const { rule } = active;
      if (rule.phase !== phase || (rule.operation !== '*' && rule.operation !== operation)) continue;
      if (active.remaining <= 0 || this.#random() >= rule.rate) continue;
      active.remaining--;
      this.#injected++;
      const status = rule.status ?? (rule.retryAfterSeconds === undefined ? undefined : 429);
      return {
        latencyMs: rule.latencyMs ?? 0,
        status,
        retryAfterSeconds: rule.retryAfterSeconds,
        reset: rule.reset ?? false,
        message: rule.message ?? `Fault injected by the local vault (${operation}).`,
      };
    }
    return undefined;
  }
}

/** The rules with their defaults; a LocalVaultOptionsError names the first invalid one. */
export function checkFaultRules(rules: readonly FaultRule[]): Array<ActiveRule['rule']> {
  if (!Array.isArray(rules)) throw new LocalVaultOptionsError('faults must be an array of fault rules.');
  return rules.map(checkRule);
}

function checkRule(rule: FaultRule, index: number): ActiveRule['rule'] {
  const bad = (what: string) => new LocalVaultOptionsError(`faults[${index}]: ${what}`);
  if (typeof rule !== 'object' || rule === null) throw bad('must be an object.');
  const operation = rule.operation ?? '*';
  if (operation !== '*' && !OPERATIONS.includes(operation)) {
    throw bad(`operation must be '*' or one of ${OPERATIONS.join(', ')}.`);
  }
  const phase = rule.phase ?? 'before';
  if (phase !== 'before' && phase !== 'after') throw bad("phase must be 'before' or 'after'.");
  const rate = rule.rate ?? 1;
  if (!(rate >= 0 && rate <= 1)) throw bad('rate must be between 0 and 1.');
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 0)) {
    throw bad('times must be a non-negative integer.');
  }
  if (rule.latencyMs !== undefined && !(Number.isFinite(rule.latencyMs) && rule.latencyMs >= 0)) {
    throw bad('latencyMs must be a non-negative number.');
  }
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) {
    throw bad('status must be an HTTP error status (400-599).');
  }
  if (
    rule.retryAfterSeconds !== undefined &&
    !(Number.isInteger(rule.retryAfterSeconds) && rule.retryAfterSeconds >= 0)
  ) {
    throw bad('retryAfterSeconds must be a non-negative integer.');
  }
  if (rule.status === undefined && rule.retryAfterSeconds === undefined && !rule.reset && !rule.latencyMs) {
    throw bad('a rule needs at least one of latencyMs, status, retryAfterSeconds or reset.');
  }
  return { ...rule, operation, phase, rate };
}
