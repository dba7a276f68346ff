// How a call ended, in a form two paths can be compared in: a resolved value,
// or a rejection described by its name, message and enumerable fields.

export type CallOutcome = { status: 'resolved'; value: unknown } | { status: 'rejected'; error: unknown };

/** A comparable, JSON-like description of an outcome. */
export function describeOutcome(outcome: CallOutcome): unknown {
  return outcome.status === 'resolved'
    ? { resolved: plain(outcome.value) }
    : { rejected: plain(outcome.error) };
}

// Errors become `{ name, message, ...own enumerable fields }`, recursively.
function plain(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => plain(item, seen));
  const result: Record<string, unknown> = {};
  if (value instanceof Error) {
    result['name'] = value.name;
    result['message'] = value.message;
  }
  for (const [key, inner] of Object.entries(value)) result[key] = plain(inner, seen);
  return result;
}
