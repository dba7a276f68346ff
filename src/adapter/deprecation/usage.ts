// Every legacy call, counted per call site, whatever the warning policy; and
// the listeners the migration tools subscribe with. Kept on globalThis so that
// the ESM and CommonJS copies of the package share one registry.

/** The legacy calls made from one call site. */
export interface LegacyUsage {
  /** The method's stable DeprecationWarning code, e.g. `SKYFLOW_BRIDGE_V1_INSERT`. */
  code: string;
  /** The legacy method's name, e.g. `insert`. */
  method: string;
  /** Where the calls were made: `file:line:column` of the caller's frame. */
  callSite: string;
  /** How many calls were made from this site. */
  count: number;
  /** The v2 call that replaces the latest call from this site. */
  replacement: string;
  /** Time of the first call, in ISO 8601. */
  firstSeen: string;
  /** Time of the latest call, in ISO 8601. */
  lastSeen: string;
}

/** One legacy call, as listeners receive it. */
export interface LegacyCallEvent {
  /** The method's stable DeprecationWarning code, e.g. `SKYFLOW_BRIDGE_V1_INSERT`. */
  code: string;
  /** The legacy method's name, e.g. `insert`. */
  method: string;
  /** Where the call was made: `file:line:column` of the caller's frame. */
  callSite: string;
  /** The v2 call that replaces this one, built from its arguments (shapes and counts, never values). */
  replacement: string;
  /** When the call was made, in ISO 8601. */
  time: string;
}

/** A function given to `onLegacyCall`; what it throws is ignored. */
export type LegacyCallListener = (event: LegacyCallEvent) => void;

// Times are kept as epoch milliseconds and written as ISO strings only when
// read: formatting a date on every legacy call costs more than counting it.
interface UsageEntry extends Omit<LegacyUsage, 'firstSeen' | 'lastSeen'> {
  firstSeen: number;
  lastSeen: number;
}

interface Registry {
  usage: Map<string, UsageEntry>;
  listeners: Set<LegacyCallListener>;
}

const KEY = Symbol.for('skyflow-bridge.legacyUsage.v2');
const registry: Registry = ((globalThis as Record<symbol, unknown>)[KEY] ??= {
  usage: new Map(),
  listeners: new Set(),
}) as Registry;

/** Counts one legacy call made at `time` (epoch ms) and tells the listeners. */
export function recordLegacyCall(call: Omit<LegacyCallEvent, 'time'>, time: number = Date.now()): void {
  const key = `${call.code}\u0000${call.callSite}`;
  const entry = registry.usage.get(key);
  if (entry) {
    entry.count++;
    entry.lastSeen = time;
    entry.replacement = call.replacement;
  } else {
    const { code, method, callSite, replacement } = call;
    registry.usage.set(key, { code, method, callSite, count: 1, replacement, firstSeen: time, lastSeen: time });
  }
  if (registry.listeners.size === 0) return;
  const event: LegacyCallEvent = { ...call, time: new Date(time).toISOString() };
  for (const listener of registry.listeners) {
    try {
      listener(event);
    } catch {
      // A listener's failure must not fail the legacy call.
    }
  }
}

/**
 * The legacy calls counted so far, one entry per code and call site, whatever
 * the warning policy.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { legacyUsage } from 'skyflow-bridge/v1';
 *
 * process.on('exit', () => writeFileSync('legacy-usage.json', JSON.stringify(legacyUsage(), null, 2)));
 * ```
 */
export function legacyUsage(): LegacyUsage[] {
  return [...registry.usage.values()].map((entry) => ({
    ...entry,
    firstSeen: new Date(entry.firstSeen).toISOString(),
    lastSeen: new Date(entry.lastSeen).toISOString(),
  }));
}

/** Calls `listener` for every legacy call; returns the function that unsubscribes it. */
export function onLegacyCall(listener: LegacyCallListener): () => void {
  registry.listeners.add(listener);
  return () => registry.listeners.delete(listener);
}

/** Forgets the counts (listeners stay). */
export function resetLegacyUsage(): void {
  registry.usage.clear();
}
