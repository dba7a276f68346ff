// A codemod run over files: read each, rewrite it, write it back (or show the
// diff, or print it), and summarise what was rewritten and what was left.
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { unifiedDiff } from './diff.js';
import type { FileReport } from './context.js';
import { sourceFiles, type ReportedCall } from './files.js';
import { createCodemod, type Codemod } from './index.js';

export interface RunOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  /** Show a unified diff; write nothing. */
  readonly dryRun?: boolean;
  /** Print each changed file's new text. */
  readonly print?: boolean;
  /** Only these legacy methods (`--only`). */
  readonly only?: ReadonlySet<string>;
  /** Only these files and methods (`--from-report`). */
  readonly reported?: readonly ReportedCall[];
  /** Where diffs and printed files go. */
  readonly out: (text: string) => void;
  readonly codemod?: Codemod;
}

export interface FileOutcome {
  readonly path: string;
  readonly changed: boolean;
  readonly report: FileReport;
  readonly error?: string;
}

/** Runs the codemod; resolves to the outcome per file read. */
export async function runCodemod(options: RunOptions): Promise<FileOutcome[]> {
  const { cwd, out } = options;
  let files = await sourceFiles(options.paths, cwd);
  // Per file, the methods to rewrite: all, --only's, and with a report the ones it saw there.
  const methodsOf = new Map<string, Set<string> | undefined>(files.map((file) => [file, options.only === undefined ? undefined : new Set(options.only)]));
  if (options.reported !== undefined) {
    const seen = new Map<string, Set<string>>();
    for (const call of options.reported) {
      if (options.only !== undefined && !options.only.has(call.method)) continue;
      seen.set(call.file, (seen.get(call.file) ?? new Set()).add(call.method));
    }
    files = files.filter((file) => seen.has(file));
    for (const file of files) methodsOf.set(file, seen.get(file));
  }
  const codemod = options.codemod ?? (await createCodemod());
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const shown = relative(cwd, file) || file;
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      outcomes.push({ path: shown, changed: false, report: emptyReport(), error: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    const methods = methodsOf.get(file);
    const result = codemod.transform(file, text, methods === undefined ? {} : { methods });
    const changed = result.error === undefined && result.text !== text;
    outcomes.push({ path: shown, changed, report: result.report, ...(result.error === undefined ? {} : { error: result.error }) });
    if (!changed) continue;
    if (options.dryRun && !options.print) out(unifiedDiff(shown.replaceAll('\\', '/'), text, result.text));
    if (options.print) out(files.length > 1 ? `==> ${shown} <==\n${result.text}` : result.text);
    if (!options.dryRun) await writeFile(file, result.text);
  }
  return outcomes;
}

function emptyReport(): FileReport {
  return { rewritten: [], left: [], notes: [] };
}

/** The summary of a run: per file, each call rewritten or left (and why), then the totals. */
export function formatSummary(outcomes: readonly FileOutcome[], dryRun: boolean): string {
  const lines: string[] = [];
  let rewritten = 0;
  let left = 0;
  for (const outcome of outcomes) {
    const { report } = outcome;
    const calls = report.rewritten.filter((call) => call.method !== 'init').length;
    rewritten += calls;
    left += report.left.filter((call) => call.method !== 'init').length;
    if (outcome.error !== undefined) {
      lines.push(`${outcome.path}: skipped, ${outcome.error}`);
      continue;
    }
    if (report.rewritten.length === 0 && report.left.length === 0 && report.notes.length === 0) continue;
    lines.push(`${outcome.path}${outcome.changed ? '' : ' (unchanged)'}`);
    const entries = [
      ...report.rewritten.map((call) => ({ line: call.line, text: call.method === 'init' ? 'client: made with the v2 builder' : `${call.method}(): rewritten` })),
      ...report.left.map((call) => ({ line: call.line, text: `${call.method === 'init' ? 'client' : `${call.method}()`}: left, ${call.reason}` })),
      ...report.notes.map((note) => ({ line: note.line, text: `note: ${note.text}` })),
    ].sort((a, b) => a.line - b.line);
    for (const entry of entries) lines.push(`  line ${String(entry.line).padEnd(5)} ${entry.text}`);
  }
  const changed = outcomes.filter((outcome) => outcome.changed).length;
  const verb = dryRun ? 'would change' : 'changed';
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  lines.push(
    `${lines.length > 0 ? '\n' : ''}${plural(outcomes.length, 'file')} read, ${changed} ${verb}; ${plural(rewritten, 'call')} rewritten, ${left} left.`,
  );
  return `${lines.join('\n')}\n`;
}
