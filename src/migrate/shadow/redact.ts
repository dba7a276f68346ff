// Values in a mismatch are published as their type and a salted hash: enough
// to see that two differ and to group equal ones, never the value itself —
// unless the path is allow-listed.
import { createHash } from 'node:crypto';

/**
 * A value as a mismatch event shows it: its type and a salted hash (equal
 * values of one client hash alike), `absent` when that side has nothing there,
 * or the value itself when its path is in `shadow.revealPaths`.
 */
export type PublishedValue =
  | {
      /** The value's JSON type: `string`, `number`, `boolean`, `object`, `array` or `null`. */
      type: string;
      /** The first 16 hex digits of the SHA-256 of the salt and the value. */
      hash: string;
    }
  | {
      /** The value is missing on this side. */
      type: 'absent';
    }
  | {
      /** The value's JSON type. */
      type: string;
      /** The value itself (its path is allow-listed by `shadow.revealPaths`). */
      value: unknown;
    };

/** `/records/*\/table`-style patterns: `*` matches one path segment. */
export function pathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const regexes = patterns.map(
    (pattern) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`),
  );
  return (path) => regexes.some((regex) => regex.test(path));
}

/** The value as a mismatch event may show it: revealed when allowed, otherwise typed and hashed. */
export function publish(value: unknown, reveal: boolean, salt: string): PublishedValue {
  if (value === undefined) return { type: 'absent' };
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (reveal) return { type, value };
  const hash = createHash('sha256').update(salt).update('\u0000').update(JSON.stringify(value) ?? String(value)).digest('hex');
  return { type, hash: hash.slice(0, 16) };
}
