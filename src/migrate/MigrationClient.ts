import { Emitter, type MigrationEvents, type MigrationListener } from './events.js';
import { Guard, type Demotion, type GuardOptions } from './guard.js';
import { configError } from './config-error.js';
import { OPERATIONS, READ_OPERATIONS, type LegacyClientLike, type Operation } from './operations.js';
import { Router, type RouteConfig } from './routing/Router.js';
import { describeOutcome, type CallOutcome } from './shadow/outcome.js';
import { normalize } from './shadow/normalize.js';
import { diff } from './shadow/diff.js';
import { pathMatcher, publish } from './shadow/redact.js';
import { StatsCollector, type MigrationStats } from './stats.js';
import { Telemetry, type TelemetryOptions } from './telemetry.js';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** Shadow mode: the legacy result goes to the caller; the bridge runs beside it and is compared. */
export interface ShadowOptions {
  /** Time the candidate may take, in milliseconds; longer is a timeout (its own outcome, not a mismatch). @default 2000 */
  timeoutMs?: number;
  /** Candidates running at once; calls beyond it are not compared, only counted. @default 8 */
  maxConcurrent?: number;
  /** Share of shadowed calls that run a candidate, from 0 to 1; the others are counted as skipped. @default 1 */
  sampleRate?: number;
  /**
   * A client on a separate vault: with it, inserts in shadow mode run on the
   * legacy path and on this one (dual writes) and are compared. Updates and
   * deletes name records by id, which differ between two vaults, and a
   * connection call would reach the same endpoint twice: they, and every write
   * without a writeTarget, run on the legacy path alone and count as skipped.
   */
  writeTarget?: LegacyClientLike;
  /** JSON pointers (with `*` for one segment) whose values a mismatch event may show; all others are hashed. */
  revealPaths?: string[];
  /**
   * Salt of the value hashes in mismatch events. Give the same salt to several
   * clients to group equal values across them; absent, each client draws a random one.
   */
  salt?: string;
  /** Extra normalisation of both described outcomes before comparing (request ids and, for dual writes, generated ids and tokens are already replaced). */
  normalize?: (operation: Operation, outcome: unknown) => unknown;
  /**
   * Equality of the two normalised outcomes, replacing the built-in field-by-field
   * comparison; a mismatch still lists the differing fields when there are any.
   */
  compare?: (control: unknown, candidate: unknown, operation: Operation) => boolean;
}

/** Options of `createMigrationClient`: the two clients, and how calls are routed, compared and guarded. */
export interface MigrationClientOptions {
  /** The legacy path: a skyflow-node@1 client (anything with its methods). */
  legacy: LegacyClientLike;
  /** The new path: a skyflow-bridge/v1 client. */
  bridge: LegacyClientLike;
  /** Which route each call takes: one route for all, or a per-call strategy. @default 'legacy' */
  route?: RouteConfig;
  /** How calls on the shadow route are compared. */
  shadow?: ShadowOptions;
  /** Demotes an operation when the new path misbehaves; `false` turns it off. @default {} */
  guard?: GuardOptions | false;
  /** Your @opentelemetry/api meter and tracer, if you want metrics and spans. */
  openTelemetry?: TelemetryOptions;
}

interface ResolvedShadow {
  timeoutMs: number;
  maxConcurrent: number;
  sampleRate: number;
  writeTarget: LegacyClientLike | undefined;
  reveal: (path: string) => boolean;
  salt: string;
  normalize: ShadowOptions['normalize'];
  compare: ShadowOptions['compare'];
}

type Timed = CallOutcome & { ms: number };

/**
 * Creates a client with the legacy interface that routes each call to the
 * legacy SDK, to shadow mode, or to the bridge (v2). Invalid options throw a
 * SkyflowError naming the option.
 *
 * @example
 * ```ts
 * import { Skyflow as Legacy, generateBearerToken } from 'skyflow-node';
 * import { Skyflow as Bridge, RedactionType } from 'skyflow-bridge/v1';
 * import { createMigrationClient } from 'skyflow-bridge/migrate';
 *
 * const getBearerToken = async () => (await generateBearerToken(process.env.CREDENTIALS_PATH ?? '')).accessToken;
 * const config = { vaultID: process.env.VAULT_ID ?? '', vaultURL: process.env.VAULT_URL ?? '', getBearerToken };
 * // Shadow mode: callers get skyflow-node's answers; the bridge runs beside it and is compared.
 * const client = createMigrationClient({ legacy: Legacy.init(config), bridge: Bridge.init(config), route: 'shadow' });
 * client.on('mismatch', ({ operation, differences }) => console.warn(operation, differences.map((d) => d.path)));
 *
 * console.log(await client.get({ records: [{ table: 'cards', ids: [process.env.CARD_ID ?? ''], redaction: RedactionType.MASKED }] }));
 * ```
 */
export function createMigrationClient(options: MigrationClientOptions): MigrationClient {
  return new MigrationClient(options);
}

/**
 * A legacy-shaped client (skyflow-node@1's methods) that sends each call to the
 * legacy client, to both in shadow mode, or to the bridge, and watches the
 * new path. Make it with `createMigrationClient`. Every method resolves or
 * rejects with exactly what the path the caller got returned.
 *
 * @example
 * ```ts
 * import { createMigrationClient, type LegacyClientLike } from 'skyflow-bridge/migrate';
 *
 * declare const legacy: LegacyClientLike; // a skyflow-node@1 client
 * declare const bridge: LegacyClientLike; // a skyflow-bridge/v1 client
 * declare function currentTenantId(): string | undefined;
 *
 * const client = createMigrationClient({ legacy, bridge, route: 'shadow' });
 * // Shadow mode showed no mismatches: send 10 % of the tenants to v2, the others to legacy.
 * client.setRoute({ ramp: { flagKey: 'vault-v2', percent: 10, targetingKey: () => currentTenantId() } });
 * client.setRampPercent(50); // the tenants already on v2 stay there
 * console.log(client.stats().get?.routes.v2?.latencyMs.p95);
 * ```
 */
export class MigrationClient implements LegacyClientLike {
  readonly #legacy: LegacyClientLike;
  readonly #bridge: LegacyClientLike;
  readonly #router: Router;
  readonly #shadow: ResolvedShadow;
  readonly #guard: Guard | undefined;
  readonly #stats = new StatsCollector();
  readonly #events = new Emitter();
  readonly #telemetry: Telemetry;
  readonly #pending = new Set<Promise<void>>();
  #inflight = 0;

  constructor(options: MigrationClientOptions) {
    if (typeof options !== 'object' || options === null) throw configError('Give createMigrationClient an options object with legacy and bridge.');
    this.#legacy = checkClient(options.legacy, 'legacy');
    this.#bridge = checkClient(options.bridge, 'bridge');
    this.#router = new Router(options.route === undefined ? 'legacy' : options.route);
    this.#shadow = resolveShadow(options.shadow);
    const guard = options.guard;
    if (guard !== undefined && guard !== false && (typeof guard !== 'object' || guard === null)) {
      throw configError('guard must be an object of guard options, or false to turn the guard off.');
    }
    this.#guard = guard === false ? undefined : new Guard(guard ?? {});
    this.#telemetry = new Telemetry(options.openTelemetry, (source, error) => this.#events.problem(source, error));
  }

  /** The legacy `insert(records, options?)`, on the route decided for this call; in shadow mode it is compared only with a `shadow.writeTarget`. */
  insert(...args: unknown[]): Promise<unknown> {
    return this.#call('insert', args);
  }
  /** The legacy `detokenize(input)`, on the route decided for this call. */
  detokenize(...args: unknown[]): Promise<unknown> {
    return this.#call('detokenize', args);
  }
  /** The legacy `getById(input)`, on the route decided for this call. */
  getById(...args: unknown[]): Promise<unknown> {
    return this.#call('getById', args);
  }
  /** The legacy `get(input, options?)`, on the route decided for this call. */
  get(...args: unknown[]): Promise<unknown> {
    return this.#call('get', args);
  }
  /** The legacy `update(input, options?)`, on the route decided for this call; shadow mode runs it on the legacy path only. */
  update(...args: unknown[]): Promise<unknown> {
    return this.#call('update', args);
  }
  /** The legacy `delete(input, options?)`, on the route decided for this call; shadow mode runs it on the legacy path only. */
  delete(...args: unknown[]): Promise<unknown> {
    return this.#call('delete', args);
  }
  /** The legacy `invokeConnection(config)`, on the route decided for this call; shadow mode runs it on the legacy path only. */
  invokeConnection(...args: unknown[]): Promise<unknown> {
    return this.#call('invokeConnection', args);
  }

  /** Listens to results, shadow comparisons, mismatches, demotions and problems; returns the unsubscribe function. */
  on<K extends keyof MigrationEvents>(event: K, listener: MigrationListener<K>): () => void {
    return this.#events.on(event, listener);
  }

  /** Counts and latency percentiles per operation and route, and the shadow comparisons. */
  stats(): MigrationStats {
    return this.#stats.snapshot((operation) => this.#guard?.cap(operation) ?? 'v2');
  }

  /** Replaces the routing for the next calls (checked first: an invalid config throws and changes nothing). */
  setRoute(route: RouteConfig): void {
    this.#router.set(route);
  }

  /** Moves the ramp to `percent` (0–100); keys already on the ramp's route stay there when it rises. Throws when the routing has no ramp. */
  setRampPercent(percent: number): void {
    this.#router.setRampPercent(percent);
  }

  /** Lifts the guard's demotion of one operation (or all): promotion is the user's decision. */
  resetGuard(operation?: Operation): void {
    this.#guard?.reset(operation);
  }

  /** Resolves once every shadow comparison in flight has finished (for tests and shutdown). */
  async drain(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  async #call(operation: Operation, args: unknown[]): Promise<unknown> {
    const decision = await this.#router.decide(operation, args, (source, error) => this.#events.problem(source, error));
    const route = this.#guard ? this.#guard.apply(operation, decision.route) : decision.route;
    const reason = route === decision.route ? decision.reason : `${decision.reason}; capped at ${route} by the guard`;
    const span = this.#telemetry.span(operation);
    span?.setAttribute('skyflow.route', route);

    const control = run(route === 'v2' ? this.#bridge : this.#legacy, operation, args);
    if (route === 'shadow') this.#startShadow(operation, args, control);
    const outcome = await control;

    const rejected = outcome.status === 'rejected';
    this.#stats.call(operation, route, outcome.ms, rejected);
    this.#telemetry.call(operation, route, outcome.ms, outcome.status);
    span?.end();
    this.#events.emit('result', { operation, route, reason, outcome: outcome.status, latencyMs: round(outcome.ms) });
    if (route === 'v2' && this.#guard) this.#demoted(this.#guard.recordV2Call(operation, rejected && isServiceFailure(outcome.error)));

    if (outcome.status === 'rejected') throw outcome.error;
    return outcome.value;
  }

  #startShadow(operation: Operation, args: unknown[], control: Promise<Timed>): void {
    const read = READ_OPERATIONS.has(operation);
    const target = read ? this.#bridge : operation === 'insert' ? this.#shadow.writeTarget : undefined;
    const skip = (status: 'skipped-write' | 'skipped-concurrency' | 'skipped-sample', key: 'skippedWrites' | 'skippedConcurrency' | 'skippedSample') => {
      this.#stats.shadow(operation, key);
      void control.then((c) => this.#events.emit('shadow', { operation, status, controlLatencyMs: round(c.ms) }));
    };
    if (!target) {
      skip('skipped-write', 'skippedWrites');
      return;
    }
    if (Math.random() >= this.#shadow.sampleRate) {
      skip('skipped-sample', 'skippedSample');
      return;
    }
    if (this.#inflight >= this.#shadow.maxConcurrent) {
      skip('skipped-concurrency', 'skippedConcurrency');
      return;
    }

    // The slot is held until the candidate really ends, timed out or not, so
    // a slow new path cannot pile up work behind the budget.
    this.#inflight++;
    const candidate = run(target, operation, copyArgs(args)).finally(() => this.#inflight--);
    const task = this.#compare(operation, control, candidate, !read).catch((error) => this.#events.problem('shadow comparison', error));
    this.#pending.add(task);
    void task.finally(() => this.#pending.delete(task));
  }

  async #compare(operation: Operation, controlPromise: Promise<Timed>, candidatePromise: Promise<Timed>, write: boolean): Promise<void> {
    const timeout = sleep(this.#shadow.timeoutMs, 'timeout' as const, { ref: false });
    const [candidate, control] = await Promise.all([Promise.race([candidatePromise, timeout]), controlPromise]);
    if (candidate === 'timeout') {
      this.#stats.shadow(operation, 'timeouts');
      this.#events.emit('shadow', { operation, status: 'timeout', controlLatencyMs: round(control.ms) });
      return;
    }
    const prepare = (outcome: Timed, side: string) => {
      const normalized = normalize(describeOutcome(outcome), write);
      if (!this.#shadow.normalize) return normalized;
      try {
        return this.#shadow.normalize(operation, normalized);
      } catch (error) {
        this.#events.problem(`shadow.normalize (${side})`, error);
        return normalized;
      }
    };
    const a = prepare(control, 'control');
    const b = prepare(candidate, 'candidate');
    let differences = diff(a, b);
    if (this.#shadow.compare) {
      try {
        if (this.#shadow.compare(a, b, operation)) differences = [];
        else if (differences.length === 0) differences = [{ path: '', control: a, candidate: b }];
      } catch (error) {
        this.#events.problem('shadow.compare', error);
      }
    }
    const mismatch = differences.length > 0;
    this.#stats.shadow(operation, mismatch ? 'mismatches' : 'matches', candidate.ms);
    const timing = { controlLatencyMs: round(control.ms), candidateLatencyMs: round(candidate.ms) };
    this.#events.emit('shadow', { operation, status: mismatch ? 'mismatch' : 'match', ...timing });
    if (mismatch) {
      this.#telemetry.mismatch(operation);
      const { reveal, salt } = this.#shadow;
      this.#events.emit('mismatch', {
        operation,
        differences: differences.map(({ path, control: c, candidate: d }) => ({
          path,
          control: publish(c, reveal(path), salt),
          candidate: publish(d, reveal(path), salt),
        })),
        ...timing,
      });
    }
    this.#demoted(this.#guard?.recordComparison(operation, mismatch));
  }

  #demoted(demotion: Demotion | undefined): void {
    if (demotion) this.#events.emit('demotion', demotion);
  }
}

async function run(client: LegacyClientLike, operation: Operation, args: unknown[]): Promise<Timed> {
  const started = performance.now();
  try {
    const value = await client[operation](...args);
    return { status: 'resolved', value, ms: performance.now() - started };
  } catch (error) {
    return { status: 'rejected', error, ms: performance.now() - started };
  }
}

// The candidate gets its own copy: neither path may see what the other did to the arguments.
function copyArgs(args: unknown[]): unknown[] {
  try {
    return structuredClone(args);
  } catch {
    return args;
  }
}

/**
 * A failure of the service rather than of the request: no v1 error form, or
 * a code of 500 or more anywhere in it.
 */
export function isServiceFailure(error: unknown): boolean {
  const codes: unknown[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if ('code' in record && 'description' in record) codes.push(record['code']);
    for (const key of ['error', 'errors']) {
      const inner = record[key];
      if (Array.isArray(inner)) for (const item of inner) visit(item, depth + 1);
      else visit(inner, depth + 1);
    }
  };
  visit(error, 0);
  if (codes.length === 0) return true;
  return codes.some((code) => Number(code) >= 500 || Number.isNaN(Number(code)));
}

function checkClient(client: unknown, name: 'legacy' | 'bridge' | 'shadow.writeTarget'): LegacyClientLike {
  const missing = OPERATIONS.filter((operation) => typeof (client as Record<string, unknown> | null)?.[operation] !== 'function');
  if (missing.length > 0) throw configError(`${name} must be a legacy client (with ${OPERATIONS.join(', ')}); it has no ${missing.join(', ')}.`);
  return client as LegacyClientLike;
}

/** The shadow options with their defaults applied; an invalid one throws a SkyflowError naming it. */
export function resolveShadow(options: ShadowOptions | undefined): ResolvedShadow {
  const value: ShadowOptions = options ?? {};
  if (typeof value !== 'object' || value === null) throw configError('shadow must be an object.');
  const positive = (name: 'timeoutMs' | 'maxConcurrent', fallback: number) => {
    const given = value[name] ?? fallback;
    if (typeof given !== 'number' || !Number.isFinite(given) || given <= 0) throw configError(`shadow.${name} must be a positive number.`);
    return given;
  };
  const sampleRate = value.sampleRate ?? 1;
  if (typeof sampleRate !== 'number' || !(sampleRate >= 0 && sampleRate <= 1)) throw configError('shadow.sampleRate must be a number from 0 to 1.');
  if (value.writeTarget !== undefined) checkClient(value.writeTarget, 'shadow.writeTarget');
  if (value.revealPaths !== undefined && !(Array.isArray(value.revealPaths) && value.revealPaths.every((p) => typeof p === 'string'))) {
    throw configError('shadow.revealPaths must be an array of JSON pointers.');
  }
  for (const name of ['normalize', 'compare'] as const) {
    if (value[name] !== undefined && typeof value[name] !== 'function') throw configError(`shadow.${name} must be a function.`);
  }
  if (value.salt !== undefined && typeof value.salt !== 'string') throw configError('shadow.salt must be a string.');
  return {
    timeoutMs: positive('timeoutMs', 2000),
    maxConcurrent: positive('maxConcurrent', 8),
    sampleRate,
    writeTarget: value.writeTarget,
    reveal: pathMatcher(value.revealPaths ?? []),
    salt: value.salt ?? randomBytes(16).toString('hex'),
    normalize: value.normalize,
    compare: value.compare,
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
