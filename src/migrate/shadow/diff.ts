// Field-by-field comparison: the JSON pointers (RFC 6901) where two values differ.

/** A difference: where, and the two values there (undefined when a side has nothing). */
export interface RawDifference {
  path: string;
  control: unknown;
  candidate: unknown;
}

/** At most `limit` differences, depth first, keys in a stable order. */
export function diff(control: unknown, candidate: unknown, limit = 20): RawDifference[] {
  const found: RawDifference[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (found.length >= limit) return;
    if (Object.is(a, b)) return;
    const bothArrays = Array.isArray(a) && Array.isArray(b);
    const bothObjects = isObject(a) && isObject(b) && !Array.isArray(a) && !Array.isArray(b);
    if (bothArrays) {
      const length = Math.max(a.length, b.length);
      for (let i = 0; i < length; i++) walk(a[i], b[i], `${path}/${i}`);
      return;
    }
    if (bothObjects) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const key of keys) walk(a[key], b[key], `${path}/${escapePointerToken(key)}`);
      return;
    }
    found.push({ path, control: a, candidate: b });
  };
  walk(control, candidate, '');
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function escapePointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
