// The parity harness: one list of scenarios, each run once through the real
// skyflow-node@1.14.3 and once through skyflow-bridge/v1, against the run's
// shared local vault. Each run's outcome (`{resolved}` or `{rejected}`) is
// described (errors as their constructor, name, message and own enumerable
// properties), normalised (request ids, skyflow ids, tokens and the values the
// run generated become placeholders that keep the equality structure), and the
// two normalised outcomes must be deep-equal.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import {
  LogLevel as LegacyLogLevel,
  Skyflow as LegacySkyflow,
  generateBearerToken,
  setLogLevel as setLegacyLogLevel,
} from 'skyflow-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LogLevel as BridgeLogLevel,
  Skyflow as BridgeSkyflow,
  setDeprecationPolicy,
  setLogLevel as setBridgeLogLevel,
} from '../../src/v1/index.js';
import { card, person } from '../helpers/data.js';
import { restClient, type RestClient } from '../helpers/rest.js';
import { sharedVault, type SharedVault } from '../helpers/shared-vault.js';

export const vault: SharedVault = sharedVault();

// ---------------------------------------------------------------------------
// The two SDKs

/** A legacy method: scenarios pass anything, including what the types forbid. */
type AnyMethod = (...args: any[]) => Promise<any>;

/** The client `Skyflow.init` returns, in both SDKs. */
export interface V1Client {
  insert: AnyMethod;
  detokenize: AnyMethod;
  getById: AnyMethod;
  get: AnyMethod;
  update: AnyMethod;
  delete: AnyMethod;
  invokeConnection: AnyMethod;
}

/** What a scenario may put in the `Skyflow.init` config (anything, for the validation scenarios). */
export type InitConfig = Record<string, unknown>;

export interface Sdk {
  name: string;
  init(config: InitConfig): V1Client;
}

export const LEGACY: Sdk = {
  name: 'skyflow-node@1.14.3',
  init: (config) => LegacySkyflow.init(config as never) as unknown as V1Client,
};

export const BRIDGE: Sdk = {
  name: 'skyflow-bridge/v1',
  init: (config) => BridgeSkyflow.init(config as never) as unknown as V1Client,
};

/** Both SDKs quiet: no logs, no deprecation warnings (tested elsewhere). */
export function quietSdks(): void {
  setDeprecationPolicy('silent');
  setLegacyLogLevel(LegacyLogLevel.OFF);
  setBridgeLogLevel(BridgeLogLevel.OFF);
}

export const { RedactionType, RequestMethod } = LegacySkyflow;

// ---------------------------------------------------------------------------
// Bearer tokens

let serviceAccountToken: Promise<string> | undefined;

/**
 * A token from skyflow-node's own `generateBearerToken` with the vault's
 * credentials file. One exchange per test file (the token lives an hour), to
 * spare the shared vault.
 */
export function vaultToken(): Promise<string> {
  serviceAccountToken ??= generateBearerToken(vault.credentialsPath).then(({ accessToken }) => accessToken as string);
  return serviceAccountToken;
}

// ---------------------------------------------------------------------------
// Scenarios

const FIXED_SSN = '123-45-6789';

/** One run of a scenario: its own fresh values, seeded records and placeholders. */
export class Run {
  readonly vault = vault;
  readonly normaliser = new Normaliser();
  /** How many times the client asked its `getBearerToken` for a token. */
  tokenCalls = 0;
  #values = 0;
  #seeds = 0;

  constructor() {
    // The fixed SSN of `person()` is a value, not a token.
    this.normaliser.register(FIXED_SSN, FIXED_SSN);
  }

  /** A value for this run only (a UUID), normalised to `<value-N>` (N: order of creation). */
  unique(): string {
    return this.#register(randomUUID());
  }

  /** Card fields with a card number of this run only; cvv is fixed (it is not unique), so it is the same in both runs. */
  card(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const fields = card({ cvv: '321', ...overrides });
    if (!('card_number' in overrides)) this.#register(fields.card_number as string, { masked: true });
    return fields;
  }

  /** Person fields with an email of this run only; ssn is fixed (it is not unique). */
  person(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const fields = person({ ssn: FIXED_SSN, ...overrides });
    if (!('email' in overrides)) this.#register(fields.email as string);
    return fields;
  }

  /**
   * Inserts a record over the REST API (not through the SDK under test) and
   * returns its id and tokens, normalised to `<seed-N>` and `<seed-N.column>`.
   */
  async seed(table: string, fields: Record<string, unknown>): Promise<{ id: string; tokens: Record<string, string> }> {
    const response = await rest().post(`/${table}`, { records: [{ fields }], tokenization: true });
    if (response.status !== 200) throw new SetupError(`seeding ${table} failed: ${response.status} ${response.text}`);
    const record = response.body.records[0] as { skyflow_id: string; tokens: Record<string, string> };
    const seed = `seed-${++this.#seeds}`;
    this.normaliser.register(record.skyflow_id, `<${seed}>`);
    for (const [column, token] of Object.entries(record.tokens)) this.normaliser.register(token, `<${seed}.${column}>`);
    return { id: record.skyflow_id, tokens: record.tokens };
  }

  /** A seeded card: its values, id and tokens. */
  async seedCard(overrides: Record<string, unknown> = {}) {
    const fields = this.card(overrides);
    return { fields, ...(await this.seed('cards', fields)) };
  }

  /** A seeded person: its values, id and tokens. */
  async seedPerson(overrides: Record<string, unknown> = {}) {
    const fields = this.person(overrides);
    return { fields, ...(await this.seed('persons', fields)) };
  }

  #register(value: string, { masked = false } = {}): string {
    const label = `value-${++this.#values}`;
    this.normaliser.register(value, `<${label}>`);
    // The demo schema masks card numbers to their last four digits.
    if (masked) this.normaliser.register(maskKeepingLast4(value), `<${label} masked>`);
    return value;
  }
}

/** A failure of a scenario's own setup: fails the test instead of counting as an outcome. */
export class SetupError extends Error {
  override name = 'SetupError';
}

export type TokenProvider = () => unknown;

export interface Scenario {
  name: string;
  /** The legacy calls: what they resolve to or reject with is the outcome. */
  run: (client: V1Client, run: Run) => Promise<unknown>;
  /** The `getBearerToken` of the client (default: a token from skyflow-node's `generateBearerToken`). */
  getBearerToken?: (run: Run) => TokenProvider;
  /** The `Skyflow.init` config, from the default one (vaultID, vaultURL, getBearerToken, options). */
  config?: (base: InitConfig, run: Run) => InitConfig;
}

export type Outcome = { resolved: unknown } | { rejected: unknown };

/** The scenario's outcome through one SDK, described and normalised. */
export async function outcomeOf(sdk: Sdk, scenario: Scenario): Promise<Outcome> {
  const run = new Run();
  const provider = scenario.getBearerToken?.(run) ?? (() => vaultToken());
  const base: InitConfig = {
    vaultID: vault.vaultId,
    vaultURL: vault.url,
    getBearerToken: counted(run, provider),
    // skyflow-node ignores options; the facade's per-call DeprecationWarnings are tested elsewhere.
    options: { deprecationWarnings: 'silent' },
  };
  let outcome: Outcome;
  try {
    const client = sdk.init(scenario.config ? scenario.config(base, run) : base);
    outcome = { resolved: await scenario.run(client, run) };
  } catch (error) {
    if (error instanceof SetupError) throw error;
    outcome = { rejected: error };
  }
  return run.normaliser.normalise(describeValue(outcome)) as Outcome;
}

function counted(run: Run, provider: TokenProvider): TokenProvider {
  return () => {
    run.tokenCalls += 1;
    return provider();
  };
}

/** How a promise ended, for scenarios that look at the vault afterwards. */
export function settle(promise: Promise<unknown>): Promise<Outcome> {
  return promise.then(
    (resolved) => ({ resolved }),
    (rejected: unknown) => ({ rejected }),
  );
}

/** The two normalised outcomes of a scenario, legacy first. */
export async function bothOutcomes(scenario: Scenario): Promise<{ legacy: Outcome; bridge: Outcome }> {
  const legacy = await outcomeOf(LEGACY, scenario);
  const bridge = await outcomeOf(BRIDGE, scenario);
  return { legacy, bridge };
}

/** One `it` per scenario: the facade's normalised outcome equals skyflow-node's. */
export function parity(title: string, scenarios: readonly Scenario[]): void {
  const names = scenarios.map((scenario) => scenario.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`duplicate scenario name: ${duplicate}`);

  describe(title, () => {
    beforeAll(quietSdks);
    afterAll(closeRest);
    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const { legacy, bridge } = await bothOutcomes(scenario);
        dump(title, scenario.name, legacy, bridge);
        expect(bridge, `${BRIDGE.name} (received) vs ${LEGACY.name} (expected)`).toStrictEqual(legacy);
      });
    }
  });
}

/**
 * With PARITY_DUMP=<file>, every scenario's two normalised outcomes are also
 * appended to that file (one JSON line each), to study differences at leisure.
 */
function dump(title: string, scenario: string, legacy: Outcome, bridge: Outcome): void {
  const file = process.env['PARITY_DUMP'];
  if (file) appendFileSync(file, `${JSON.stringify({ title, scenario, legacy, bridge })}\n`);
}

// ---------------------------------------------------------------------------
// Describing outcomes

export const CONSTRUCTOR = '[[constructor]]';
export const NAME = '[[name]]';
export const MESSAGE = '[[message]]';

/**
 * A plain, comparable copy: an Error becomes its constructor's name, its
 * `name` and `message`, and its own enumerable properties; other objects keep
 * their own enumerable properties (and their constructor's name when they are
 * not plain objects); functions become their name.
 */
export function describeValue(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'function') return `[function ${value.name}]`;
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => describeValue(item, seen));
  const result: Record<string, unknown> = {};
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (value instanceof Error) {
    result[CONSTRUCTOR] = value.constructor?.name;
    result[NAME] = value.name;
    result[MESSAGE] = value.message;
  } else if (prototype !== Object.prototype && prototype !== null) {
    result[CONSTRUCTOR] = (value as { constructor?: { name?: string } }).constructor?.name;
  }
  for (const key of Object.keys(value)) result[key] = describeValue((value as Record<string, unknown>)[key], seen);
  return result;
}

// ---------------------------------------------------------------------------
// Normalising outcomes

const REQUEST_ID_SUFFIX = / - requestId: \S+/g;
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const IS_UUID = new RegExp(`^${UUID}$`);
// Format-preserving tokens of the demo schema: card numbers and SSNs.
const CARD_LIKE = '\\b\\d{4}-\\d{4}-\\d{4}-\\d{4}\\b';
const SSN_LIKE = '\\b\\d{3}-\\d{2}-\\d{4}\\b';
const ID_KEYS = new Set(['id', 'ids', 'skyflow_id', 'skyflowId']);

/**
 * Replaces what differs from run to run by placeholders, keeping equality: a
 * registered value (generated or seeded by the run) by its registered name,
 * in order of creation; any other UUID or format-preserving token by
 * `<id-N>` / `<token-N>`, numbered in order of first appearance (objects are
 * walked in key order, so key order does not matter); request ids by
 * `<request-id>` (one per HTTP request, and the SDKs make different numbers of
 * requests).
 */
export class Normaliser {
  readonly #registered = new Map<string, string>();
  readonly #found = new Map<string, string>();
  readonly #counters = { id: 0, token: 0 };
  #compiled: RegExp | undefined;

  register(value: string, placeholder: string): void {
    if (value.length === 0 || this.#registered.has(value)) return;
    this.#registered.set(value, placeholder);
    this.#compiled = undefined;
  }

  normalise(value: unknown, key?: string): unknown {
    if (typeof value === 'string') return this.#string(value, key !== undefined && ID_KEYS.has(key) ? 'id' : 'token');
    if (Array.isArray(value)) return value.map((item) => this.normalise(item, key));
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.keys(value)
      .sort()
      .map((name) => [name, this.normalise((value as Record<string, unknown>)[name], name)] as const);
    // Back in the original key order: the values are the same either way.
    const byKey = new Map(entries);
    return Object.fromEntries(Object.keys(value).map((name) => [name, byKey.get(name)]));
  }

  #string(text: string, kind: 'id' | 'token'): string {
    // One pass, registered values first: nothing is replaced twice.
    return text.replace(REQUEST_ID_SUFFIX, ' - requestId: <request-id>').replace(this.#pattern(), (match, registered?: string) => {
      if (registered !== undefined) return this.#registered.get(registered)!;
      return this.#placeholder(match, IS_UUID.test(match) ? kind : 'token');
    });
  }

  #placeholder(value: string, kind: 'id' | 'token'): string {
    let placeholder = this.#found.get(value);
    if (placeholder === undefined) {
      placeholder = `<${kind}-${++this.#counters[kind]}>`;
      this.#found.set(value, placeholder);
    }
    return placeholder;
  }

  #pattern(): RegExp {
    if (this.#compiled === undefined) {
      const registered = [...this.#registered.keys()]
        .sort((a, b) => b.length - a.length)
        .map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      const alternatives = [`(${registered.length > 0 ? registered.join('|') : '(?!)'})`, UUID, CARD_LIKE, SSN_LIKE];
      this.#compiled = new RegExp(alternatives.join('|'), 'g');
    }
    return this.#compiled;
  }
}

function maskKeepingLast4(value: string): string {
  const positions = [...value].flatMap((char, index) => (/[0-9A-Za-z]/.test(char) ? [index] : []));
  const keep = new Set(positions.slice(-4));
  return [...value].map((char, index) => (/[0-9A-Za-z]/.test(char) && !keep.has(index) ? 'X' : char)).join('');
}

// ---------------------------------------------------------------------------
// Direct access to the vault (seeding, checks)

let restInstance: RestClient | undefined;

/** A REST client of the shared vault (API key), for seeding records without either SDK. */
export function rest(): RestClient {
  restInstance ??= restClient(vault);
  return restInstance;
}

/** Closes the REST client's keep-alive connections. */
export function closeRest(): void {
  restInstance?.close();
  restInstance = undefined;
}

/** What the vault holds for a record (`null` when there is none), read over REST. */
export async function stored(table: string, id: string): Promise<Record<string, unknown> | null> {
  const response = await rest().get(`/${table}/${id}?redaction=PLAIN_TEXT`);
  if (response.status === 404) return null;
  if (response.status !== 200) throw new SetupError(`reading ${table}/${id} failed: ${response.status} ${response.text}`);
  return response.body.fields as Record<string, unknown>;
}

/** Whether a record holds `value` in a unique column, looked up over REST. */
export async function existsWith(table: string, column: string, value: string): Promise<boolean> {
  const response = await rest().get(`/${table}?column_name=${column}&column_values=${encodeURIComponent(value)}&redaction=PLAIN_TEXT`);
  if (response.status === 404) return false;
  if (response.status !== 200) throw new SetupError(`looking up ${table}.${column} failed: ${response.status} ${response.text}`);
  return (response.body.records as unknown[]).length > 0;
}

/** The gateway stand-in's echo route, under a path of this run. */
export function echoUrl(path: string): string {
  return `${vault.url}/v1/gateway/echo/${path}`;
}

/** The gateway stand-in's route that answers `code`. */
export function statusUrl(code: number): string {
  return `${vault.url}/v1/gateway/status/${code}`;
}
