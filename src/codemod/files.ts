// Which files the codemod reads: the files given, and the JavaScript and
// TypeScript files under the folders given (not node_modules, not hidden
// folders, not declaration files); narrowed, with --from-report, to the files
// and methods a usage report saw legacy calls from.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isClientMethod } from './mapping.js';

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;

/** Whether the codemod reads a file of this name. */
export function isSourceFile(path: string): boolean {
  return SOURCE.test(path) && !DECLARATION.test(path);
}

/** The source files at `paths` (files as given, folders walked), absolute and sorted; throws for a path that does not exist. */
export async function sourceFiles(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const info = await stat(absolute).catch(() => undefined);
    if (info === undefined) throw new Error(`${path} does not exist.`);
    if (info.isDirectory()) await walk(absolute, found);
    else if (isSourceFile(absolute)) found.add(absolute);
    else throw new Error(`${path} is not a JavaScript or TypeScript file.`);
  }
  return [...found].sort();
}

async function walk(folder: string, found: Set<string>): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, found);
    else if (entry.isFile() && isSourceFile(entry.name)) found.add(path);
  }
}

/** One call site of a usage report: `file:line:column` and the legacy method called there. */
export interface ReportedCall {
  readonly file: string;
  readonly line: number;
  readonly method: string;
}

/**
 * The client calls in usage reports — a report file (`writeUsageReport`) or
 * the merged entries `skyflow-bridge report --format json` prints — with
 * their files resolved against `cwd` (the report's call sites are relative to
 * the working directory of the process that wrote it).
 */
export function reportedCalls(value: unknown, source: string, cwd: string): ReportedCall[] {
  const entries = Array.isArray(value) ? value : (value as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(entries)) {
    throw new Error(`${source} is neither a skyflow-bridge usage report nor the JSON of skyflow-bridge report --format json.`);
  }
  const calls: ReportedCall[] = [];
  for (const entry of entries as Array<{ method?: unknown; callSite?: unknown } | null>) {
    if (typeof entry?.method !== 'string' || typeof entry.callSite !== 'string') {
      throw new Error(`${source} has entries without method and callSite.`);
    }
    if (!isClientMethod(entry.method)) continue;
    const match = /^(.*):(\d+):(\d+)$/.exec(entry.callSite);
    if (!match) continue;
    let file = match[1]!;
    if (file.startsWith('file://')) file = fileURLToPath(file);
    calls.push({ file: isAbsolute(file) ? file : resolve(cwd, file), line: Number(match[2]), method: entry.method });
  }
  return calls;
}
