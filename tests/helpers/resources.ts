// Open handles of this test process (sockets, timers, child processes, …), by
// kind, so a suite can prove it leaves nothing behind: take a baseline before
// it starts, and after it has closed its clients and vaults, the same kinds
// and counts must be all that is left.
import { expect } from 'vitest';

export type Resources = Record<string, number>;

/** Counts of the active resources by kind (TCPSocketWrap, Timeout, ProcessWrap, …). */
export function openResources(): Resources {
  const counts: Resources = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}

/** What `now` has beyond `baseline`, kind by kind. */
export function extraResources(baseline: Resources, now: Resources = openResources()): Resources {
  const extra: Resources = {};
  for (const [kind, count] of Object.entries(now)) {
    const more = count - (baseline[kind] ?? 0);
    if (more > 0) extra[kind] = more;
  }
  return extra;
}

/**
 * Asserts that nothing beyond the baseline stays open. Sockets take a few
 * ticks to close after `destroy()`, so this waits up to `withinMs` for the
 * counts to come down before it fails.
 */
export async function expectNothingLeftOpen(baseline: Resources, withinMs = 3_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  let extra = extraResources(baseline);
  while (Object.keys(extra).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    extra = extraResources(baseline);
  }
  expect(extra).toEqual({});
}
