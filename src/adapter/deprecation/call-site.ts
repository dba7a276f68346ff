// The caller of a legacy method: the first stack frame outside this package.
// Frames are read from the formatted stack, so a source-map-aware
// Error.prepareStackTrace (Node's --enable-source-maps, test runners) gives
// the caller's own lines.
import { basename, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's own code is under src/ (tests, development) or dist/ (installed).
const LIBRARY_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!['src', 'dist'].includes(basename(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  return dir + sep;
})();

const DEPTH = 50;
// `at name (location)` — names have no spaces; locations may (paths do).
const NAMED = /^(?:async )?(?:new )?\S+ \((.*)\)$/;
const LOCATION = /^(.*):(\d+):(\d+)$/;

/** `file:line:column` of the code that called into the package, relative to the working directory when inside it. */
export function callSite(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = DEPTH;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    const frame = parseFrame(line);
    if (!frame) continue;
    const { file } = frame;
    if (file.startsWith('node:') || file.startsWith(LIBRARY_ROOT) || file.includes(`${sep}node_modules${sep}skyflow-bridge${sep}`)) continue;
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
