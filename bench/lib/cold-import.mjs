// What importing each public entry point costs a fresh process, and what it
// loads: the time of `await import(...)` alone (not Node's own start-up), and
// the src/ areas and packages the import pulls in.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENTRIES, assertBuilt, sourceAreas } from './package-size.mjs';

const CHILD_TIMEOUT_MS = 20_000;
const LOG_VARIABLE = 'SKYFLOW_BRIDGE_BENCH_LOADED';

// Module hooks (run on Node's hooks thread): note every file the import loads.
// A file named by an environment variable, because the hooks thread shares no
// memory with the main one and the file is complete as soon as the import resolves.
const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(process.env.${LOG_VARIABLE}, url + '\\n');
  return nextLoad(url, context);
}`;

/**
 * @typedef {object} ColdImportEntry
 * @property {string} entry e.g. `v2` for dist/v2.js.
 * @property {number} runs Fresh processes timed.
 * @property {number[]} timesMs The time of the import in each, in run order.
 * @property {number} medianMs
 * @property {number} maxMs
 * @property {string[]} loadedAreas The src/ areas of the dist files the import loaded.
 * @property {string[]} loadedPackages The packages it loaded from node_modules, nested ones included.
 */

/**
 * Times `await import()` of each public entry point of dist/ in fresh Node
 * processes, and lists what each import loads.
 *
 * @param {{ root: string, quick?: boolean }} options `root`: the repository root (absolute); `quick`: 3 runs per entry instead of 10.
 * @returns {Promise<{ entries: ColdImportEntry[] }>}
 */
export async function measureColdImports({ root, quick = false }) {
  assertBuilt(root);
  const runs = quick ? 3 : 10;
  const urls = Object.fromEntries(ENTRIES.map((entry) => [entry, pathToFileURL(join(root, 'dist', `${entry}.js`)).href]));
  const times = Object.fromEntries(ENTRIES.map((entry) => [entry, []]));
  // Run 1 of every entry, then run 2, …: a slow moment of the machine spreads over all entries.
  // One process at a time, so that they do not compete for the CPU.
  for (let run = 0; run < runs; run++) {
    for (const entry of ENTRIES) times[entry].push(await timeImport(root, urls[entry]));
  }
  // Not timed, so these may run side by side.
  const loaded = await Promise.all(ENTRIES.map(async (entry) => sourceAreas(root, await loadedFiles(root, urls[entry]))));
  return {
    entries: ENTRIES.map((entry, index) => ({
      entry,
      runs,
      timesMs: times[entry],
      medianMs: round3(median(times[entry])),
      maxMs: round3(Math.max(...times[entry])),
      loadedAreas: loaded[index].areas,
      loadedPackages: loaded[index].packages,
    })),
  };
}

async function timeImport(root, url) {
  const script = `
    const start = performance.now();
    await import(${JSON.stringify(url)});
    process.stdout.write(JSON.stringify({ ms: performance.now() - start }));`;
  const { ms } = JSON.parse(await runNode(root, script, {}));
  return round3(ms);
}

// Imports the entry with the hooks registered, then adds the CommonJS modules
// the import required: the hooks see what the ESM loader loads, but not the
// nested require() calls inside a CommonJS package.
async function loadedFiles(root, url) {
  const dir = await mkdtemp(join(tmpdir(), 'skyflow-bridge-imports-'));
  const log = join(dir, 'loaded.txt');
  try {
    const script = `
      import module from 'node:module';
      module.register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});
      await import(${JSON.stringify(url)});
      process.stdout.write(JSON.stringify(Object.keys(module._cache)));`;
    const required = JSON.parse(await runNode(root, script, { [LOG_VARIABLE]: log }));
    const loaded = (await readFile(log, 'utf8')).split('\n').filter(Boolean).map((line) => fileURLToPath(line));
    return new Set([...loaded, ...required]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Runs an ES module script in a fresh Node and resolves with its stdout.
function runNode(root, script, extraEnv) {
  // Without the parent's NODE_OPTIONS (preloaded modules, source maps) and
  // compile cache, which would change what a plain import costs.
  const { NODE_OPTIONS: _options, NODE_COMPILE_CACHE: _cache, ...env } = process.env;
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', script],
      { cwd: root, env: { ...env, ...extraEnv }, timeout: CHILD_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise(stdout);
        const why = error.killed
          ? `did not finish within ${CHILD_TIMEOUT_MS / 1000} s and was killed`
          : `failed (${typeof error.code === 'number' ? `exit code ${error.code}` : (error.signal ?? error.code)})`;
        reject(new Error(`cold-import: a node process importing from dist ${why}.\n${stderr.trim()}`.trim(), { cause: error }));
      },
    );
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round3(value) {
  return Math.round(value * 1000) / 1000;
}
