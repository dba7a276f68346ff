// Rounds → one line of the report per workload and client.

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted, fraction) {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Requests per endpoint between two snapshots of a vault's statistics. */
export function requestDelta(before, after) {
  const delta = {};
  for (const [operation, count] of Object.entries(after.requests)) delta[operation] = count - (before.requests[operation] ?? 0);
  return delta;
}

/**
 * @param {Array<{ ops: number, wallMs: number, cpuUs: number, latencies: Float64Array, errors: number,
 *   firstError?: string, providerCalls: number | null, requests: Record<string, number> }>} rounds
 * @param {{ maxRssBytes: number, warningLines: number }} process
 */
export function summarize(rounds, process) {
  const ops = sum(rounds, (round) => round.ops);
  const roundRates = rounds.map((round) => round.ops / (round.wallMs / 1000));
  const latencies = Float64Array.from(rounds.flatMap((round) => [...round.latencies])).sort();
  const tokenExchanges = sum(rounds, (round) => round.requests.token ?? 0);
  const dataRequests = sum(rounds, (round) => sum(Object.entries(round.requests), ([name, count]) => (name === 'token' ? 0 : count)));
  const providerCalls = rounds.some((round) => round.providerCalls === null) ? null : sum(rounds, (round) => round.providerCalls);
  return {
    ops,
    // The median round: a round slowed by something outside the client (a GC
    // of the vault, another process) moves it less than it moves the mean.
    opsPerSecond: median(roundRates),
    meanOpsPerSecond: ops / (sum(rounds, (round) => round.wallMs) / 1000),
    roundOpsPerSecond: roundRates,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    cpuUsPerOp: sum(rounds, (round) => round.cpuUs) / ops,
    httpRequestsPerOp: dataRequests / ops,
    tokenExchanges,
    providerCallsPerOp: providerCalls === null ? null : providerCalls / ops,
    warningLinesPerOp: process.warningLines / ops,
    peakRssBytes: process.maxRssBytes,
    errors: sum(rounds, (round) => round.errors),
    firstError: rounds.find((round) => round.firstError !== undefined)?.firstError,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function sum(list, of) {
  let total = 0;
  for (const item of list) total += of(item);
  return total;
}
