// What each public entry point costs to ship: its built code (dependencies
// excluded) minified and gzipped, and which parts of src/ it carries — e.g.
// that skyflow-bridge/v2 holds no legacy code.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { build } from 'esbuild';

/** The public entry points, as dist/<entry>.js. */
export const ENTRIES = ['index', 'v2', 'v1', 'migrate', 'local-vault'];

// Areas are listed in this order; anything else after them, by name.
const AREA_ORDER = ['root', 'v2', 'wire', 'v1', 'adapter', 'migrate', 'local-vault', 'cli'];

const gzipAsync = promisify(gzip);

/**
 * @typedef {object} PackageSizeEntry
 * @property {string} entry e.g. `v2` for dist/v2.js.
 * @property {number} minBytes The entry and the dist files it imports, bundled and minified.
 * @property {number} gzipBytes The same, gzipped at level 9.
 * @property {number} files How many dist files that is (the entry and its chunks).
 * @property {string[]} areas The src/ folders its code comes from (`v2`, `wire`, …; `root` for src/index.ts).
 */

/**
 * Measures the size of each public entry point of dist/ and the source areas it contains.
 *
 * @param {{ root: string }} options `root`: the repository root (absolute).
 * @returns {Promise<{ entries: PackageSizeEntry[] }>}
 */
export async function measurePackageSize({ root }) {
  assertBuilt(root);
  const entries = [];
  for (const entry of ENTRIES) {
    const result = await build({
      entryPoints: [join(root, 'dist', `${entry}.js`)],
      absWorkingDir: root,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'node',
      // Dependencies are the user's to install: only this package's code counts.
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].contents;
    const files = Object.keys(result.metafile.inputs).map((input) => resolve(root, input));
    const { areas } = await sourceAreas(root, files);
    entries.push({
      entry,
      minBytes: code.byteLength,
      gzipBytes: (await gzipAsync(code, { level: 9 })).byteLength,
      files: files.length,
      areas,
    });
  }
  return { entries };
}

/**
 * Where loaded or bundled files come from: for files of dist/, the src/ areas
 * named by their source maps; for files under node_modules, the package names.
 *
 * @param {string} root The repository root (absolute).
 * @param {Iterable<string>} files Absolute paths.
 * @returns {Promise<{ areas: string[], packages: string[] }>}
 */
export async function sourceAreas(root, files) {
  const src = join(root, 'src') + sep;
  const dist = join(root, 'dist') + sep;
  const areas = new Set();
  const packages = new Set();
  for (const file of files) {
    const pkg = packageOf(file);
    if (pkg) {
      packages.add(pkg);
      continue;
    }
    if (!file.startsWith(dist)) continue;
    const map = JSON.parse(await readFile(`${file}.map`, 'utf8'));
    for (const source of map.sources) {
      const path = resolve(dirname(file), map.sourceRoot ?? '', source);
      // A source outside src/ would be a bundled dependency; say so rather than hide it.
      if (!path.startsWith(src)) {
        areas.add(packageOf(path) ?? relative(root, path));
        continue;
      }
      const parts = path.slice(src.length).split(sep);
      areas.add(parts.length === 1 ? 'root' : parts[0]);
    }
  }
  return { areas: [...areas].sort(byAreaOrder), packages: [...packages].sort() };
}

/** Throws the message to act on when dist/ has not been built. */
export function assertBuilt(root) {
  const missing = ENTRIES.map((entry) => join(root, 'dist', `${entry}.js`)).filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`dist is missing or incomplete (no ${missing.map((file) => relative(root, file)).join(', ')}): run npm run build first.`);
  }
}

// The package a file under node_modules belongs to (`axios`, `@openfeature/server-sdk`).
function packageOf(file) {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const [first, second] = file.slice(at + marker.length).split(sep);
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

function byAreaOrder(a, b) {
  const rank = (area) => (AREA_ORDER.includes(area) ? AREA_ORDER.indexOf(area) : AREA_ORDER.length);
  return rank(a) - rank(b) || a.localeCompare(b);
}
