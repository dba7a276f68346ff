// What every v1-shape wrapper does around the adapter's translation: take the
// answers of all the v2 calls a legacy call became (the facade also waits for
// all of a legacy call's requests), let a failure that is not the vault's pass
// through unchanged, and settle as the facade settles.
import { answerOf, type Answer, type Outcome } from '../../adapter/outcome.js';
import { rejectionOf } from '../../v1/reject.js';
import { isSkyflowError } from '../../v2/index.js';
import { wrapperError } from '../config-error.js';

/** What a wrapper checks of a resolved v2 call: that it is the response of the v2 method it translates. */
export interface ResponseShape {
  /** The v2 method, for the error, e.g. `vault.get`. */
  readonly method: string;
  readonly test: (response: Record<string, unknown>) => boolean;
}

/** The answer of one v2 call; `wrapper` names the function in the error when `call` is not a promise. */
export async function answerOfCall<T>(wrapper: string, call: unknown, shape: ResponseShape): Promise<Answer<T>> {
  if (!isThenable(call)) throw wrapperError(wrapper, `Give it the promise of the v2 call (${shape.method}).`);
  return checked(wrapper, await answerOf(() => call as PromiseLike<T>), shape);
}

/**
 * The answers of per-record v2 calls, each with what the legacy record entry
 * says of itself (`keys`: the string fields it must have). Every promise gets
 * its handler before any entry is judged, so none of their rejections goes
 * unhandled when the wrapper refuses its argument.
 */
export async function answersOfCalls<T, M>(
  wrapper: string,
  calls: unknown,
  keys: readonly string[],
  shape: ResponseShape,
): Promise<Array<readonly [Answer<T>, M]>> {
  const pair = `[${shape.method}(…), { ${keys.join(', ')} }]`;
  const entries = readEntries(calls);
  if (entries === undefined) throw wrapperError(wrapper, `Give it an array of ${pair} pairs, one per legacy record.`);
  const pending = entries.map(([call]) => (isThenable(call) ? answerOf(() => call as PromiseLike<T>) : undefined));
  const bad = entries.findIndex(([, meta], index) => pending[index] === undefined || !hasStrings(meta, keys));
  if (bad !== -1) throw wrapperError(wrapper, `Entry ${bad} is not a ${pair} pair.`);
  const answers = await Promise.all(pending as Array<Promise<Answer<T>>>);
  return answers.map((answer, index) => [checked(wrapper, answer, shape), entries[index]![1] as M] as const);
}

/**
 * Settles like the facade: the outcome's value, or what the v1 facade rejects
 * with. A v2 call that failed with anything but a v2 SkyflowError — a bearer
 * token source's own failure — makes the whole call reject with that value,
 * unchanged, as the facade passes on what its getBearerToken failed with (the
 * first such call, in order, decides).
 */
export function settleAsV1<T>(answers: ReadonlyArray<Answer<unknown>>, outcome: () => Outcome<T>): T {
  for (const answer of answers) if (!answer.ok && !isSkyflowError(answer.error)) throw answer.error;
  const settled = outcome();
  if (settled.ok) return settled.value;
  throw rejectionOf(settled.failure, { log: false });
}

/**
 * The legacy call's options a wrapper takes (`{ tokens }`, …), read once, as
 * booleans the way the facade reads them (truthy or not). Missing is false,
 * as `returnTokens` and `continueOnError` of the v2 call default to false.
 */
export function flagsOf<K extends string>(wrapper: string, options: unknown, names: readonly K[]): Record<K, boolean> {
  try {
    if (typeof options !== 'object' || options === null) throw new TypeError('not an object');
    return Object.fromEntries(names.map((name) => [name, Boolean((options as Record<string, unknown>)[name])])) as Record<K, boolean>;
  } catch {
    throw wrapperError(wrapper, `Give it the options of the legacy call as an object: { ${names.join(', ')} }.`);
  }
}

/** Reads `value` as a list of pairs; undefined when it is none (or cannot even be read). */
function readEntries(value: unknown): Array<readonly [unknown, unknown]> | undefined {
  try {
    if (!Array.isArray(value)) return undefined;
    return Array.from(value, (entry: unknown) => (Array.isArray(entry) ? ([entry[0], entry[1]] as const) : ([undefined, undefined] as const)));
  } catch {
    return undefined;
  }
}

function isThenable(value: unknown): boolean {
  try {
    return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function';
  } catch {
    return false;
  }
}

function hasStrings(value: unknown, keys: readonly string[]): boolean {
  try {
    return typeof value === 'object' && value !== null && keys.every((key) => typeof (value as Record<string, unknown>)[key] === 'string');
  } catch {
    return false;
  }
}

/** A resolved answer that is not the response the wrapper translates is the caller's mistake, said as such. */
function checked<T>(wrapper: string, answer: Answer<T>, shape: ResponseShape): Answer<T> {
  if (!answer.ok) return answer;
  const response = answer.response as unknown;
  let fits: boolean;
  try {
    fits = typeof response === 'object' && response !== null && shape.test(response as Record<string, unknown>);
  } catch {
    fits = false;
  }
  if (!fits) throw wrapperError(wrapper, `Its v2 call resolved with something other than the response of ${shape.method}.`);
  return answer;
}
