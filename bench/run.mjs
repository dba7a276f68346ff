// `npm run bench`: skyflow-bridge against skyflow-node@1, its own v2 core and
// raw HTTP, over HTTPS to a local vault; then the facade's own cost, the size
// and import time of each entry, and memory over many legacy calls.
// Writes BENCHMARKS.md and the raw JSON; prints the targets and the tables.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, arch, release, tmpdir, totalmem, type } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measureAdapterCost } from './lib/adapter-cost.mjs';
import { measureColdImports } from './lib/cold-import.mjs';
import { runMemory, runWorkloads, withVaults } from './lib/network-bench.mjs';
import { measurePackageSize } from './lib/package-size.mjs';
import { renderReport, renderSummary } from './lib/report.mjs';
import { checkTargets } from './lib/targets.mjs';

const HELP = `Usage: npm run bench [-- options]

  --quick        a short run (under a minute): few rounds, rough numbers
  --out <dir>    write BENCHMARKS.md and results.json there
                 (default: the repository root and bench/results.json; with --quick, bench/quick/)
  --render <results.json>
                 measure nothing: write BENCHMARKS.md again from earlier results
                 (after a change to bench/NOTES.md or to the report's layout)
  -h, --help     this text`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string' },
    render: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(HELP);
  process.exit(0);
}
const quick = options.quick;
const log = (line) => console.log(line);
const results = options.render === undefined ? await measure() : await earlierResults(resolve(options.render));

const outDir = options.out === undefined ? undefined : resolve(options.out);
const quickRun = results.mode === 'quick';
const reportPath = outDir ? join(outDir, 'BENCHMARKS.md') : quickRun ? join(root, 'bench/quick/BENCHMARKS.md') : join(root, 'BENCHMARKS.md');
const jsonPath = outDir ? join(outDir, 'results.json') : quickRun ? join(root, 'bench/quick/results.json') : join(root, 'bench/results.json');
const notes = await readFile(join(root, 'bench/NOTES.md'), 'utf8').catch(() => '');
await mkdir(dirname(reportPath), { recursive: true });
await mkdir(dirname(jsonPath), { recursive: true });
await writeFile(reportPath, renderReport(results, notes));
await writeFile(jsonPath, `${JSON.stringify(results, null, 2)}\n`);

log(`\n${renderSummary(results)}`);
log(`Report: ${reportPath}\nRaw results: ${jsonPath}\nDone in ${results.durationSeconds.toFixed(0)} s.`);

async function measure() {
  for (const entry of ['v1', 'v2', 'local-vault']) {
    if (!existsSync(join(root, 'dist', `${entry}.js`))) {
      console.error(`dist/${entry}.js is missing: run \`npm run build\` first (\`npm run bench\` does).`);
      process.exit(1);
    }
  }
  const started = performance.now();
  const workDir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-bench-'));
  try {
    log(`skyflow-bridge benchmarks (${quick ? 'quick' : 'full'} run)\n`);
    log('Workloads over HTTPS (a vault process, a process per client):');
    const network = await withVaults(workDir, async (setting) => {
      const workloads = await runWorkloads(setting, { quick, log });
      log('Memory over many legacy calls …');
      const memory = await runMemory(setting, { quick });
      return { workloads, memory };
    });
    log("The facade's own cost, without network …");
    const adapterCost = await measureAdapterCost({ root, quick });
    log('Package size and import time …');
    const packageSize = await measurePackageSize({ root });
    const coldImports = await measureColdImports({ root, quick });
    const measured = { mode: quick ? 'quick' : 'full', machine: machine(), ...network, adapterCost, packageSize, coldImports };
    measured.durationSeconds = (performance.now() - started) / 1000;
    measured.targets = checkTargets(measured);
    return measured;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

// Targets are checked again: the checks may have changed since the run.
async function earlierResults(path) {
  const earlier = JSON.parse(await readFile(path, 'utf8'));
  earlier.targets = checkTargets(earlier);
  return earlier;
}

function machine() {
  const processors = cpus();
  return {
    node: process.version,
    os: `${type()} ${release()} ${arch()}`,
    cores: processors.length,
    cpu: processors[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    date: new Date().toISOString().slice(0, 10),
  };
}
