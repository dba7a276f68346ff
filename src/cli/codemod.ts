import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { reportedCalls, type ReportedCall } from '../codemod/files.js';
import { REWRITABLE } from '../codemod/mapping.js';
import { formatSummary, runCodemod } from '../codemod/run.js';

const HELP = `Usage: skyflow-bridge codemod <files or folders>... [options]

Rewrites skyflow-node@1 (and skyflow-bridge/v1) calls to skyflow-bridge/v2:
Skyflow.init becomes the v2 builder, and each insert, detokenize, get,
getById, update and delete call becomes its v2 call wrapped in the
skyflow-bridge/migrate function that keeps its v1 result shape, so the code
reading the result runs unchanged. Calls it cannot prove safe to rewrite are
left as they are, with a TODO(skyflow-bridge) comment saying why. Needs the
ts-morph package (npm install --save-dev ts-morph).

Options:
  --dry-run             Print a unified diff; change no file
  --print               Print the rewritten files
  --only <methods>      Rewrite only these methods (comma-separated: ${REWRITABLE.join(',')})
  --from-report <file>  Only the files and methods a usage report saw legacy calls from
                        (writeUsageReport's file, or skyflow-bridge report --format json;
                        call sites relative to the current folder). May be repeated.
  -h, --help            Show this help`;

/** Where the command writes: the process's streams, or a test's buffers. */
export interface CommandOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** `skyflow-bridge codemod`: resolves to the exit code. */
export async function runCodemodCommand(args: string[], io: CommandOutput = processOutput): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        print: { type: 'boolean', default: false },
        only: { type: 'string' },
        'from-report': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${HELP}\n`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`Give at least one file or folder.\n\n${HELP}\n`);
    return 1;
  }
  let only: Set<string> | undefined;
  if (values.only !== undefined) {
    only = new Set(values.only.split(',').map((method) => method.trim()).filter((method) => method !== ''));
    const unknown = [...only].filter((method) => !(REWRITABLE as readonly string[]).includes(method));
    if (unknown.length > 0 || only.size === 0) {
      io.err(`--only takes ${REWRITABLE.join(', ')}${unknown.length > 0 ? ` (not ${unknown.join(', ')})` : ''}.\n`);
      return 1;
    }
  }
  const cwd = process.cwd();
  let reported: ReportedCall[] | undefined;
  for (const file of values['from-report'] ?? []) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      io.err(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.\n`);
      return 1;
    }
    try {
      reported = [...(reported ?? []), ...reportedCalls(JSON.parse(text), file, cwd)];
    } catch (error) {
      io.err(`${error instanceof SyntaxError ? `${file} is not JSON.` : (error as Error).message}\n`);
      return 1;
    }
  }
  const dryRun = values['dry-run'];
  // The diff or the printed files go to stdout; the summary then goes to stderr, out of their way.
  const summaryTo = dryRun || values.print ? io.err : io.out;
  let outcomes;
  try {
    outcomes = await runCodemod({
      paths: positionals,
      cwd,
      dryRun,
      print: values.print,
      ...(only === undefined ? {} : { only }),
      ...(reported === undefined ? {} : { reported }),
      out: io.out,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n`);
    return 1;
  }
  summaryTo(formatSummary(outcomes, dryRun));
  return outcomes.some((outcome) => outcome.error !== undefined) ? 1 : 0;
}
