// The targets of the benchmark issue, checked against one run's results.
// Each check says what it compared, so a missed target is explained by its
// own numbers.

const PACKAGE_AREAS_V2_MAY_LOAD = new Set(['v2', 'wire']);
const V2_ENTRY_LIMIT_BYTES = 25 * 1024;
const ADAPTER_LIMIT_US = 20;
// Heap after a full GC may grow by this much over the measured calls and still count as flat.
const FLAT_HEAP_BYTES = 4 * 1024 * 1024;

/**
 * @param {{ workloads: any[], adapterCost?: any, packageSize?: any, coldImports?: any, memory?: any }} results
 * @returns {Array<{ target: string, measured: string, met: boolean }>}
 */
export function checkTargets({ workloads, adapterCost, packageSize, coldImports, memory }) {
  const checks = [
    throughputRatio(workloads, 'v1-silent', 'v2', 0.95, "bridge v1 ('silent') ≥ 0.95 × v2 core, every workload"),
    throughputRatio(workloads, 'v1', 'v2', 0.85, 'bridge v1 (default warnings) ≥ 0.85 × v2 core, every workload'),
    throughputRatio(workloads, 'v2', 'raw', 0.9, 'v2 core ≥ 0.9 × raw HTTP, every workload'),
    throughputRatio(workloads, 'v1', 'legacy', 1.0, 'bridge v1 (default warnings) ≥ 1.0 × skyflow-node@1, every workload'),
    throughputRatio(
      workloads.filter((workload) => workload.workload === 'detokenize-100'),
      'v1',
      'legacy',
      5,
      'bridge v1 ≥ 5 × skyflow-node@1 on detokenize of 100 tokens',
    ),
  ];
  if (adapterCost) {
    const insert = adapterCost.cases.find((entry) => entry.name.startsWith('insert'));
    checks.push({
      target: `adapter overhead ≤ ${ADAPTER_LIMIT_US} µs per call, 25-record insert`,
      measured: `${insert.overheadSilentUs.toFixed(1)} µs ('silent'); ${insert.overheadDefaultUs.toFixed(1)} µs with the default warnings`,
      met: insert.overheadSilentUs <= ADAPTER_LIMIT_US,
    });
  }
  if (packageSize) {
    const v2 = packageSize.entries.find((entry) => entry.entry === 'v2');
    checks.push({
      target: 'skyflow-bridge/v2 ≤ 25 KB min+gz without dependencies',
      measured: `${(v2.gzipBytes / 1024).toFixed(1)} KB`,
      met: v2.gzipBytes <= V2_ENTRY_LIMIT_BYTES,
    });
  }
  if (coldImports) {
    const v2 = coldImports.entries.find((entry) => entry.entry === 'v2');
    const foreign = v2.loadedAreas.filter((area) => !PACKAGE_AREAS_V2_MAY_LOAD.has(area));
    checks.push({
      target: 'importing skyflow-bridge/v2 loads no v1, adapter, migrate or local-vault code',
      measured: `loads src/{${v2.loadedAreas.join(', ')}}`,
      met: foreign.length === 0,
    });
  }
  if (memory) {
    const growth = memoryGrowth(memory);
    checks.push({
      target: `${memory.calls.toLocaleString('en-US')} inserts through bridge v1 (default warnings) leave client memory flat`,
      measured:
        `heap after GC ${signedMb(growth.heapBytes)} and RSS ${signedMb(growth.rssBytes)} from call ` +
        `${growth.from.toLocaleString('en-US')} to ${growth.to.toLocaleString('en-US')}; ${memory.usageEntries} usage entries`,
      met: growth.heapBytes <= FLAT_HEAP_BYTES && memory.errors === 0,
    });
  }
  return checks;
}

/** Growth between the first sample after warm-up (10 % of the calls) and the last. */
export function memoryGrowth(memory) {
  const points = memory.points;
  const first = points.find((point) => point.calls >= memory.calls / 10) ?? points[0];
  const last = points[points.length - 1];
  return {
    from: first.calls,
    to: last.calls,
    heapBytes: last.heapUsedBytes - first.heapUsedBytes,
    rssBytes: last.rssBytes - first.rssBytes,
    bytesPerCall: (last.heapUsedBytes - first.heapUsedBytes) / Math.max(1, last.calls - first.calls),
  };
}

function throughputRatio(workloads, client, baseline, minimum, target) {
  const ratios = workloads.map((workload) => ({
    workload: workload.workload,
    ratio: opsOf(workload, client) / opsOf(workload, baseline),
  }));
  const worst = ratios.reduce((low, entry) => (entry.ratio < low.ratio ? entry : low), ratios[0]);
  const others = ratios.filter((entry) => entry !== worst).map((entry) => entry.ratio);
  const errors = workloads.some((workload) => workload.clients.find((entry) => entry.client === client).errors > 0);
  const range = others.length === 0 ? '' : `; ${Math.min(...others).toFixed(2)}–${Math.max(...others).toFixed(2)} × on the others`;
  return {
    target,
    measured:
      ratios.length === 1
        ? `${worst.ratio.toFixed(2)} ×`
        : `lowest ${worst.ratio.toFixed(2)} × (${worst.workload})${range}${errors ? '; with errors, see the tables' : ''}`,
    met: worst.ratio >= minimum,
  };
}

function opsOf(workload, client) {
  return workload.clients.find((entry) => entry.client === client).opsPerSecond;
}

function signedMb(bytes) {
  return `${bytes >= 0 ? '+' : '−'}${(Math.abs(bytes) / 2 ** 20).toFixed(1)} MB`;
}
