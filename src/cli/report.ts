import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { asUsageReport, formatUsage, mergeUsageReports } from '../migrate/index.js';

const HELP = `Usage: skyflow-bridge report <usage.json>... [--format table|markdown|json]

Merges usage reports (written by writeUsageReport or writeUsageReportAtExit from
skyflow-bridge/migrate, one per process) and prints the legacy calls per call
site, most-used first, with the v2 call that replaces each.

Options:
  --format <f>   table (default), markdown or json
  -h, --help     Show this help`;

const FORMATS = ['table', 'markdown', 'json'] as const;

/** `skyflow-bridge report`: resolves to the exit code. */
export async function runReport(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'table' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 1;
  }
  if (parsed.values.help) {
    console.log(HELP);
    return 0;
  }
  const format = parsed.values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    console.error(`Unknown format "${format}": use table, markdown or json.`);
    return 1;
  }
  if (parsed.positionals.length === 0) {
    console.error(`Give at least one usage report.\n\n${HELP}`);
    return 1;
  }
  const reports = [];
  for (const file of parsed.positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      console.error(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}.`);
      return 1;
    }
    try {
      reports.push(asUsageReport(JSON.parse(text), file));
    } catch (error) {
      console.error(error instanceof SyntaxError ? `${file} is not JSON.` : (error as Error).message);
      return 1;
    }
  }
  process.stdout.write(formatUsage(mergeUsageReports(reports), format));
  return 0;
}
