// The caller of a legacy method: the first stack frame outside this package.
// The shown location is read from the formatted stack, so a source-map-aware
// Error.prepareStackTrace (Node's --enable-source-maps, test runners) gives
// the caller's own lines. Formatting a stack costs more than the rest of a
// legacy call, so it is done once per call site: each call only collects the
// raw frames (no formatting) to find which site it comes from.
import { basename, dirname, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The package's own code is under src/ (tests, development) or dist/ (installed).
const LIBRARY_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!['src', 'dist'].includes(basename(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  return dir + sep;
})();
const LIBRARY_ROOT_URL = pathToFileURL(LIBRARY_ROOT).href;
const INSTALLED = `${sep}node_modules${sep}skyflow-bridge${sep}`;

const DEPTH = 50;
// Frames kept above callSite() in the first look: notify, the legacy method's
// wrapper and the method leave room for the caller.
const SHALLOW = 5;
// `at name (location)` — names have no spaces; locations may (paths do).
const NAMED = /^(?:async )?(?:new )?\S+ \((.*)\)$/;
const LOCATION = /^(.*):(\d+):(\d+)$/;

// Raw caller position → shown call site. Bounded: code that calls from more
// places than this (generated code) is formatted every time past the bound.
const MAX_SITES = 10_000;
const sites = new Map<string, string>();

/** `file:line:column` of the code that called into the package, relative to the working directory when inside it. */
export function callSite(): string {
  const key = callerPosition();
  const known = key === undefined ? undefined : sites.get(key);
  if (known !== undefined) return known;
  const site = formattedCallSite();
  if (key !== undefined && sites.size < MAX_SITES) sites.set(key, site);
  return site;
}

// The generated position of the first frame outside the package, from V8's
// structured frames: no formatting, no source-map lookup.
function callerPosition(): string | undefined {
  // The caller is usually a few frames up: look there first, deeper only if not.
  return framePosition(SHALLOW) ?? framePosition(DEPTH);
}

function framePosition(depth: number): string | undefined {
  const prepare = Error.prepareStackTrace;
  const limit = Error.stackTraceLimit;
  const holder: { stack?: NodeJS.CallSite[] } = {};
  try {
    Error.prepareStackTrace = (_error, frames) => frames;
    Error.stackTraceLimit = depth;
    // Frames from callSite() inward are left out: they are always the package's.
    Error.captureStackTrace(holder, callSite);
    const frames = holder.stack;
    if (!Array.isArray(frames)) return undefined;
    for (const frame of frames) {
      const file = frame.getFileName();
      if (file === undefined || file === null || file.startsWith('node:') || isLibraryFile(file)) continue;
      return `${file}:${frame.getLineNumber()}:${frame.getColumnNumber()}`;
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    Error.prepareStackTrace = prepare;
    Error.stackTraceLimit = limit;
  }
}

function isLibraryFile(file: string): boolean {
  if (file.startsWith('file:')) return file.startsWith(LIBRARY_ROOT_URL) || file.includes('/node_modules/skyflow-bridge/');
  return file.startsWith(LIBRARY_ROOT) || file.includes(INSTALLED);
}

function formattedCallSite(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = DEPTH;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    const frame = parseFrame(line);
    if (!frame) continue;
    const { file } = frame;
    if (file.startsWith('node:') || isLibraryFile(file)) continue;
    const shown = file.startsWith(process.cwd() + sep) ? relative(process.cwd(), file) : file;
    return `${shown}:${frame.line}:${frame.column}`;
  }
  return 'unknown';
}

/** The location of one formatted stack frame (`    at fn (/path/file.js:1:2)`). */
export function parseFrame(text: string): { file: string; line: number; column: number } | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('at ')) return undefined;
  const rest = trimmed.slice(3);
  // `at async file:///app.mjs:3:1`: an anonymous async frame has no parentheses.
  const location = NAMED.exec(rest)?.[1] ?? rest.replace(/^async /, '');
  const match = LOCATION.exec(location);
  if (!match) return undefined;
  let file = match[1]!;
  if (file.startsWith('file://')) {
    try {
      file = fileURLToPath(file);
    } catch {
      return undefined;
    }
  }
  return { file, line: Number(match[2]), column: Number(match[3]) };
}
