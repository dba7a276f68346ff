// The caller of a legacy method: the first stack frame outside this package.
import { basename, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's own code is under src/ (tests, development) or dist/ (installed).
const LIBRARY_ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!['src', 'dist'].includes(basename(dir)) && dirname(dir) !== dir) dir = dirname(dir);
  return dir + sep;
})();

const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;
const DEPTH = 50;

/** `file:line:column` of the code that called into the package, relative to the working directory when inside it. */
export function callSite(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = DEPTH;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (file.startsWith('node:') || file.startsWith(LIBRARY_ROOT) || file.includes(`${sep}node_modules${sep}skyflow-bridge${sep}`)) continue;
    const shown = file.startsWith(process.cwd() + sep) ? relative(process.cwd(), file) : file;
    return `${shown}:${match[2]}:${match[3]}`;
  }
  return 'unknown';
}
