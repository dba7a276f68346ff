// One run's results as markdown: the header names the machine, then the
// targets, the workload tables (ratios against the legacy SDK and raw HTTP),
// the offline measurements, and the notes kept by hand in bench/NOTES.md.
import { CLIENTS } from './clients.mjs';
import { memoryGrowth } from './targets.mjs';

/** @param {any} results what bench/run.mjs collected; @param {string} notes markdown appended as is */
export function renderReport(results, notes) {
  const { machine, mode, durationSeconds, targets } = results;
  const lines = [
    '# Benchmarks',
    '',
    `${mode === 'quick' ? 'A **quick** run (few rounds: the numbers are rough).' : 'A full run.'} ` +
      `Node ${machine.node} on ${machine.os}, ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB; ` +
      `${machine.date}; ${durationSeconds.toFixed(0)} s. Reproduce with \`npm run bench\` (\`-- --quick\` for a short run).`,
    '',
    'Absolute numbers depend on the machine; the ratios are the result. The vault runs in a process of its own ' +
      '(HTTPS, SQLite on disk), each client in another; every workload runs in rounds, and each round runs every ' +
      'client in turn (the first client rotates), so that drift of the machine hits all clients alike.',
    '',
    '## Targets',
    '',
    table(
      ['Target', 'Measured', 'Result'],
      targets.map(({ target, measured, met }) => [target, measured, met ? 'met' : '**missed**']),
    ),
    '',
    '## Workloads',
    '',
    'Clients: (a) the legacy SDK; (b) skyflow-bridge/v1 as a drop-in, with its default deprecation warnings (one ' +
      "per legacy call, printed to stderr) and with `deprecationWarnings: 'silent'`; (c) skyflow-bridge/v2; (d) the " +
      'same requests on a keep-alive `node:https` agent with no SDK. Both v1 clients run the same application code, ' +
      'with the token provider from the legacy README (keep the token, fetch a new one when `isExpired`).',
    '',
    'Columns: operations per second (the median round) and the ratio to (a) and to (d); latency percentiles; client CPU time per ' +
      'operation; HTTP requests to the vault per operation (token requests apart); token requests in the measured ' +
      'rounds; calls of the token provider per operation (v1 API only); stderr lines per operation; peak RSS of the ' +
      'client process; failed operations.',
    '',
  ];
  for (const workload of results.workloads) lines.push(...workloadSection(workload), '');
  if (results.adapterCost) lines.push(...adapterSection(results.adapterCost), '');
  if (results.packageSize || results.coldImports) lines.push(...packageSection(results.packageSize, results.coldImports), '');
  if (results.memory) lines.push(...memorySection(results.memory), '');
  if (notes.trim().length > 0) lines.push(notes.trim(), '');
  return lines.join('\n');
}

/** The targets and the workload tables: what the terminal shows at the end of a run. */
export function renderSummary(results) {
  const lines = [table(['Target', 'Measured', 'Result'], results.targets.map((t) => [t.target, t.measured, t.met ? 'met' : 'MISSED'])), ''];
  for (const workload of results.workloads) lines.push(...workloadSection(workload), '');
  return lines.join('\n');
}

function workloadSection(workload) {
  const byClient = Object.fromEntries(workload.clients.map((entry) => [entry.client, entry]));
  const legacy = byClient.legacy.opsPerSecond;
  const raw = byClient.raw.opsPerSecond;
  const rows = CLIENTS.map(({ id, label }) => {
    const entry = byClient[id];
    return [
      label,
      number(entry.opsPerSecond, 1),
      `${(entry.opsPerSecond / legacy).toFixed(2)} ×`,
      `${(entry.opsPerSecond / raw).toFixed(2)} ×`,
      number(entry.p50Ms, 2),
      number(entry.p99Ms, 2),
      number(entry.cpuUsPerOp, 0),
      number(entry.httpRequestsPerOp, 2),
      String(entry.tokenExchanges),
      entry.providerCallsPerOp === null ? '—' : number(entry.providerCallsPerOp, 2),
      number(entry.warningLinesPerOp, 2),
      number(entry.peakRssBytes / 2 ** 20, 0),
      entry.errors === 0 ? '0' : `${entry.errors}: ${entry.firstError}`,
    ];
  });
  return [
    `### ${workload.title}`,
    '',
    `\`${workload.workload}\`: ${workload.rounds} rounds × ${workload.opsPerRound} operations per client, ${workload.concurrency} in flight.`,
    '',
    table(
      ['Client', 'ops/s', '× (a)', '× (d)', 'p50 ms', 'p99 ms', 'CPU µs/op', 'HTTP/op', 'token req.', 'provider/op', 'stderr/op', 'RSS MB', 'errors'],
      rows,
    ),
  ];
}

function adapterSection(adapterCost) {
  return [
    '## The facade\'s own cost (no network)',
    '',
    'A v1 call against the equivalent v2 call, both through an in-process stand-in for the HTTP transport: what ' +
      'the facade adds (validation in the legacy order, translation, reshaping, the usage count, the warning).',
    '',
    table(
      ['Call', 'v2 µs', "v1 'silent' µs", 'v1 default µs', "overhead 'silent'", 'overhead default', "ratio 'silent'"],
      adapterCost.cases.map((entry) => [
        entry.name,
        number(entry.v2Us, 1),
        number(entry.v1SilentUs, 1),
        number(entry.v1DefaultUs, 1),
        `${number(entry.overheadSilentUs, 1)} µs`,
        `${number(entry.overheadDefaultUs, 1)} µs`,
        `${entry.ratioSilent.toFixed(2)} ×`,
      ]),
    ),
  ];
}

function packageSection(packageSize, coldImports) {
  const entries = (packageSize ?? coldImports).entries.map(({ entry }) => entry);
  const sizeOf = (entry) => packageSize?.entries.find((candidate) => candidate.entry === entry);
  const importOf = (entry) => coldImports?.entries.find((candidate) => candidate.entry === entry);
  return [
    '## Package size and import time',
    '',
    'Each entry bundled and minified with its dependencies left out, then gzipped; cold import time of the entry ' +
      'in a fresh Node process (median of the runs); and the source folders and packages an import loads.',
    '',
    table(
      ['Entry', 'min KB', 'min+gz KB', 'import ms (median)', 'loads src/', 'loads packages'],
      entries.map((entry) => {
        const size = sizeOf(entry);
        const cold = importOf(entry);
        return [
          entry === 'index' ? 'skyflow-bridge' : `skyflow-bridge/${entry}`,
          size ? number(size.minBytes / 1024, 1) : '—',
          size ? number(size.gzipBytes / 1024, 1) : '—',
          cold ? number(cold.medianMs, 1) : '—',
          cold ? cold.loadedAreas.join(', ') : '—',
          cold ? cold.loadedPackages.join(', ') || 'none' : '—',
        ];
      }),
    ),
  ];
}

function memorySection(memory) {
  const growth = memoryGrowth(memory);
  return [
    '## Memory',
    '',
    `${memory.calls.toLocaleString('en-US')} single-record inserts through skyflow-bridge/v1 with the default warnings, ` +
      `${memory.concurrency} in flight, in a process run with \`--expose-gc\`; a full GC before each sample. ` +
      `Usage entries at the end: ${memory.usageEntries} (one per legacy method and call site). ` +
      `Heap growth from call ${growth.from.toLocaleString('en-US')} on: ${number(growth.bytesPerCall, 2)} bytes per call.`,
    '',
    table(
      ['Calls', 'RSS MB', 'heap used MB'],
      memory.points.map((point) => [
        point.calls.toLocaleString('en-US'),
        number(point.rssBytes / 2 ** 20, 1),
        number(point.heapUsedBytes / 2 ** 20, 2),
      ]),
    ),
  ];
}

function table(header, rows) {
  const line = (cells) => `| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function number(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : '—';
}
