// Values in a mismatch are published as their type and a salted hash: enough
// to see that two differ and to group equal ones, never the value itself —
// unless the path is allow-listed.
import { createHash } from 'node:crypto';

/** A value as a mismatch event shows it. */
export type PublishedValue =
  | { type: string; hash: string }
  | { type: 'absent' }
  | { type: string; value: unknown };

/** `/records/*\/table`-style patterns: `*` matches one path segment. */
export function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const regexes = patterns.map(
    (pattern) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`),
  );
  return (path) => regexes.some((regex) => regex.test(path));
}

export function publish(value: unknown, reveal: boolean, salt: string): PublishedValue {
  if (value === undefined) return { type: 'absent' };
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (reveal) return { type, value };
  const hash = createHash('sha256').update(salt).update('\u0000').update(JSON.stringify(value) ?? String(value)).digest('hex');
  return { type, hash: hash.slice(0, 16) };
}
