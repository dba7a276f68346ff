// Hostile input for the bad-input properties: values of every wrong type,
// huge strings, deep and circular objects, sparse arrays, prototype-polluting
// keys, Symbols, functions, BigInt, NaN, getters and proxies that throw on
// access, frozen objects — and the ways to plant one inside an otherwise
// valid argument. Also `settle`, which runs a call with a time limit and says
// how it ended.
import fc from 'fast-check';

/**
 * What a throwing getter or proxy throws. A TypeError, like a getter that
 * reads a property of undefined: the worst case, since "never a TypeError" is
 * the property. Its own class, so a test can tell it from an SDK's error.
 */
export class TrapError extends TypeError {
  constructor() {
    super("Cannot read properties of undefined (reading 'trap')");
    this.name = 'TypeError';
  }
}

const trap = (): never => {
  throw new TrapError();
};

// fast-check looks at every value it generates for this symbol (its clone
// method); the proxies answer that one question and throw on any other.
const CLONE_METHOD = Symbol.for('fast-check/cloneMethod');

/**
 * A proxy of `target` that throws `fail()` on every access: reading, listing,
 * testing, describing, writing. `typeof` and `Array.isArray` still see the
 * target, so the proxy passes the first type checks and fails on the first read.
 */
export function throwingProxy<T extends object>(target: T, fail: () => never = trap): T {
  return new Proxy(target, {
    get: (_, key) => (key === CLONE_METHOD ? undefined : fail()),
    has: (_, key) => (key === CLONE_METHOD ? false : fail()),
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail,
    set: fail,
    defineProperty: fail,
    deleteProperty: fail,
    isExtensible: fail,
    preventExtensions: fail,
    apply: fail,
    construct: fail,
  });
}

/** Stands in for a revoked proxy (a real one would fail fast-check's own look): every operation throws its TypeError. */
export function revokedProxy(): object {
  return throwingProxy({}, () => {
    throw new TypeError("Cannot perform 'get' on a proxy that has been revoked");
  });
}

/** An object whose `key` is an enumerable getter that throws. */
export function throwingGetter(key = 'value'): object {
  return Object.defineProperty({}, key, { get: trap, enumerable: true, configurable: true });
}

/** An object that throws when converted to a string or a number. */
export function unconvertible(): object {
  return { toString: trap, valueOf: trap, [Symbol.toPrimitive]: trap };
}

function deepObject(depth: number): object {
  let value: Record<string, unknown> = { leaf: 'x' };
  for (let level = 0; level < depth; level++) value = { a: value };
  return value;
}

function deepArray(depth: number): unknown[] {
  let value: unknown[] = ['x'];
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

function circular(): object {
  const value: Record<string, unknown> = { a: 'x' };
  value['self'] = value;
  return value;
}

function sparse(length: number, items: Record<number, unknown> = {}): unknown[] {
  const array: unknown[] = new Array(length);
  for (const [index, item] of Object.entries(items)) array[Number(index)] = item;
  return array;
}

/** Objects that try to reach a prototype through their keys. */
function pollutingObjects(): object[] {
  return [
    JSON.parse('{"__proto__":{"polluted":true},"a":"1"}') as object,
    JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as object,
    { constructor: { prototype: { polluted: true } } },
    Object.assign(Object.create(null) as object, { a: '1', toString: 'x' }),
    { hasOwnProperty: 'x', valueOf: 'y', toJSON: 'z' },
    JSON.parse('{"records":[{"__proto__":{"table":"cards"}}]}') as object,
  ];
}

/** Values that throw when read, converted or awaited. */
const TRAPS: Array<() => unknown> = [
  () => throwingProxy({}),
  () => throwingProxy([]),
  () => throwingProxy(() => 'x'),
  revokedProxy,
  () => throwingGetter('records'),
  () => throwingGetter('table'),
  unconvertible,
  // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the input under test.
  () => ({ then: trap }),
];

const HUGE = 'x'.repeat(2 ** 20);

/** Values no public method should take: every kind, built once per draw. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ withSparseArray: true, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withTypedArray: true }) },
  // wrong types and edge numbers
  fc.constantFrom<unknown>(undefined, null, true, false, 0, -0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 10n, -(2n ** 70n), '', ' ', '\u0000', '0', 'true', 'null', 'undefined', '[object Object]', 'https://', 'https://127.0.0.1:0', 'not a url', 'SELECT 1', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
  // huge strings
  fc.constantFrom<unknown>(HUGE, 'é😀'.repeat(100_000), '\uD800'.repeat(10_000), '%'.repeat(50_000), '{'.repeat(50_000)),
  // deep and circular structures
  fc.constantFrom(10, 1_000, 20_000).map((depth) => deepObject(depth)),
  fc.constantFrom(10, 1_000, 20_000).map((depth) => deepArray(depth)),
  fc.constant(null).map(() => circular()),
  // sparse arrays
  fc.constantFrom(0, 1, 3, 2 ** 20).map((length) => sparse(length)),
  fc.sparseArray(fc.oneof(fc.string(), fc.object()), { maxLength: 5 }),
  fc.constant(null).map(() => sparse(3, { 1: { table: 'cards', fields: { cvv: '1' } } })),
  // prototype keys
  fc.constant(null).chain(() => fc.constantFrom(...pollutingObjects())),
  // symbols, functions, odd built-ins
  fc.constantFrom<unknown>(Symbol('s'), Symbol.iterator, Symbol.for('skyflow'), () => 'x', async () => 'x', function* generator() {}, class Anything {}, Math.max, new Date(Number.NaN), /re/g, new Error('e'), new TypeError('t'), new ArrayBuffer(8), new WeakMap(), new WeakSet()),
  // throwing getters and proxies, unconvertible objects: made inside map, since
  // fast-check looks into a constant (its clone method) and would trip on them
  fc.constantFrom(...TRAPS.map((_, index) => index)).map((index) => TRAPS[index]!()),
  // frozen and sealed objects
  fc.constant(null).chain(() => fc.constantFrom<unknown>(Object.freeze({}), Object.freeze([]), Object.freeze({ a: Object.freeze(['x']) }), Object.seal({ a: 1 }), Object.preventExtensions([1]))),
);

/** How a planted value spoils an argument at a path. */
export type Spoiler =
  | { kind: 'value'; value: unknown }
  | { kind: 'getter' }
  | { kind: 'proxy' }
  | { kind: 'delete' }
  | { kind: 'freeze' };

export const spoiler: fc.Arbitrary<Spoiler> = fc.oneof(
  { weight: 5, arbitrary: hostileValue.map((value): Spoiler => ({ kind: 'value', value })) },
  fc.constant<Spoiler>({ kind: 'getter' }),
  fc.constant<Spoiler>({ kind: 'proxy' }),
  fc.constant<Spoiler>({ kind: 'delete' }),
  fc.constant<Spoiler>({ kind: 'freeze' }),
);

function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key], seen);
  return Object.freeze(value);
}

/**
 * `root` with the spoiler planted at `path` (keys and indexes, dotted; `''`
 * is the root itself). A path whose parent `root` lacks leaves it as it is.
 */
export function spoil(root: unknown, path: string, how: Spoiler): unknown {
  if (how.kind === 'freeze') return deepFreeze(root);
  if (path === '') {
    if (how.kind === 'value') return how.value;
    if (how.kind === 'delete') return undefined;
    // A getter needs a parent: a proxy stands in for it at the root.
    return typeof root === 'object' && root !== null ? throwingProxy(root) : throwingProxy({});
  }
  const keys = path.split('.');
  let parent: unknown = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) return root;
    parent = (parent as Record<string, unknown>)[key];
  }
  if (typeof parent !== 'object' || parent === null) return root;
  const target = parent as Record<string, unknown>;
  const key = keys[keys.length - 1]!;
  switch (how.kind) {
    case 'value':
      Object.defineProperty(target, key, { value: how.value, enumerable: true, writable: true, configurable: true });
      break;
    case 'delete':
      delete target[key];
      break;
    case 'getter':
      Object.defineProperty(target, key, { get: trap, enumerable: true, configurable: true });
      break;
    case 'proxy': {
      const current = target[key];
      const wrapped = typeof current === 'object' && current !== null ? current : {};
      Object.defineProperty(target, key, { value: throwingProxy(wrapped), enumerable: true, writable: true, configurable: true });
      break;
    }
  }
  return root;
}

/** A short description of a spoiler, for failure messages. */
export function describeSpoiler(path: string, how: Spoiler): string {
  const what = how.kind === 'value' ? `value ${preview(how.value)}` : how.kind;
  return `${what} at ${path === '' ? '(argument)' : path}`;
}

function preview(value: unknown): string {
  try {
    if (typeof value === 'string') return value.length > 40 ? `string(${value.length})` : JSON.stringify(value);
    if (typeof value === 'bigint') return `${value}n`;
    if (typeof value === 'symbol' || typeof value === 'function') return String(value).slice(0, 40);
    if (Array.isArray(value)) return `array(${value.length})`;
    if (typeof value === 'object' && value !== null) return `object{${Object.keys(value).slice(0, 5).join(',')}}`;
    return String(value);
  } catch {
    return 'unreadable';
  }
}

// ---------------------------------------------------------------------------

/** How a call ended. */
export type Settled =
  | { kind: 'returned'; value: unknown }
  | { kind: 'threw'; error: unknown }
  | { kind: 'resolved'; value: unknown }
  | { kind: 'rejected'; error: unknown };

/**
 * Runs `call` and, when it returns a promise, waits for it — at most
 * `limitMs`: a call that takes longer hangs, and `settle` rejects.
 */
export async function settle(call: () => unknown, limitMs: number): Promise<Settled> {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    return { kind: 'threw', error };
  }
  if (!(result instanceof Promise)) return { kind: 'returned', value: result };
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms: the call hangs`)), limitMs);
  });
  try {
    return await Promise.race([
      result.then(
        (value): Settled => ({ kind: 'resolved', value }),
        (error: unknown): Settled => ({ kind: 'rejected', error }),
      ),
      hang,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A readable name of a thrown value, for failure messages. */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.constructor.name}(${error.name}): ${error.message.slice(0, 200)}`;
    return `${typeof error}: ${JSON.stringify(error)?.slice(0, 200)}`;
  } catch {
    return String(typeof error);
  }
}
