// Copies of records, key by key. Two reasons not to write `{ ...record }`:
// in V8, adding keys to or freezing an object made by a spread costs about
// 1–2 µs per object (measured; these run for every record of every call), and
// a key named `__proto__` (JSON.parse makes one an own key) must stay a key,
// never become the copy's prototype.

/** Sets `key` as an own, enumerable key of `target`, `__proto__` included. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The own enumerable string keys of `source`, in a new plain object. */
export function plainCopy(source: object): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(source)) setOwn(copy, key, (source as Record<string, unknown>)[key]);
  return copy;
}
