// The usage report: the legacy calls the v1 facade counted, per call site, as
// a JSON file per process; `skyflow-bridge report` merges many of them.
import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { legacyUsage, type LegacyUsage } from '../v1/index.js';

/** The `format` marker of a usage report file, checked by `asUsageReport` and `skyflow-bridge report`. */
export const REPORT_FORMAT = 'skyflow-bridge-usage';

/** One process's legacy calls through skyflow-bridge/v1, as a usage report file holds them (JSON). */
export interface UsageReport {
  /** Always `'skyflow-bridge-usage'`: marks the file as a usage report. */
  format: typeof REPORT_FORMAT;
  /** Version of the file layout. */
  version: 1;
  /** When the report was made, as an ISO 8601 time. */
  generatedAt: string;
  /** The id of the process whose calls it counts. */
  pid: number;
  /** One entry per legacy method and call site, with its count. */
  entries: LegacyUsage[];
}

/** The legacy calls counted so far in this process (calls made through skyflow-bridge/v1 clients and helpers). */
export function usageReport(): UsageReport {
  return { format: REPORT_FORMAT, version: 1, generatedAt: new Date().toISOString(), pid: process.pid, entries: legacyUsage() };
}

/** Writes the usage report to `path` now, as JSON; resolves with the report written. */
export async function writeUsageReport(path: string): Promise<UsageReport> {
  const report = usageReport();
  await writeFile(path, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

/**
 * Writes the usage report to `path` when the process exits; returns the
 * function that cancels it. The write is synchronous, on the `exit` event, so
 * a process killed by a signal it does not handle writes nothing. A failed
 * write is ignored.
 *
 * @example
 * ```ts
 * import { writeUsageReportAtExit } from 'skyflow-bridge/migrate';
 *
 * // One file per process; `npx skyflow-bridge report usage-*.json` merges them later.
 * writeUsageReportAtExit(`usage-${process.pid}.json`);
 * ```
 */
export function writeUsageReportAtExit(path: string): () => void {
  const write = () => {
    try {
      writeFileSync(path, `${JSON.stringify(usageReport(), null, 2)}\n`);
    } catch {
      // The process is ending: nowhere left to report to.
    }
  };
  process.once('exit', write);
  return () => process.off('exit', write);
}

/**
 * The entries of many reports, one per code and call site with their counts
 * added up, most-used first.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { asUsageReport, formatUsage, mergeUsageReports } from 'skyflow-bridge/migrate';
 *
 * const files = ['usage-101.json', 'usage-102.json'];
 * const reports = await Promise.all(files.map(async (file) => asUsageReport(JSON.parse(await readFile(file, 'utf8')), file)));
 * process.stdout.write(formatUsage(mergeUsageReports(reports), 'markdown'));
 * ```
 */
export function mergeUsageReports(reports: readonly UsageReport[]): LegacyUsage[] {
  const merged = new Map<string, LegacyUsage>();
  for (const report of reports) {
    for (const entry of report.entries) {
      const key = `${entry.code}\u0000${entry.callSite}`;
      const known = merged.get(key);
      if (!known) {
        merged.set(key, { ...entry });
        continue;
      }
      known.count += entry.count;
      if (entry.firstSeen < known.firstSeen) known.firstSeen = entry.firstSeen;
      if (entry.lastSeen > known.lastSeen) {
        known.lastSeen = entry.lastSeen;
        known.replacement = entry.replacement;
      }
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.callSite.localeCompare(b.callSite));
}

/** Checks that a parsed JSON value is a usage report and returns it; otherwise throws an Error naming `source` and what is wrong. */
export function asUsageReport(value: unknown, source: string): UsageReport {
  const report = value as Partial<UsageReport> | null;
  if (typeof report !== 'object' || report === null || report.format !== REPORT_FORMAT || !Array.isArray(report.entries)) {
    throw new Error(`${source} is not a skyflow-bridge usage report (expected "format": "${REPORT_FORMAT}").`);
  }
  const valid = report.entries.every(
    (entry) => typeof entry?.code === 'string' && typeof entry.callSite === 'string' && Number.isInteger(entry.count),
  );
  if (!valid) throw new Error(`${source} has entries without code, callSite and count.`);
  return report as UsageReport;
}

/** The merged entries as a text table (with a total line), a Markdown table or JSON, each with the v2 call that replaces it. */
export function formatUsage(entries: readonly LegacyUsage[], format: 'table' | 'markdown' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(entries, null, 2)}\n`;
  const rows = entries.map((entry) => [String(entry.count), `${entry.method}()`, entry.callSite, entry.replacement ?? '']);
  const header = ['Calls', 'Legacy method', 'Call site', 'Replace with (skyflow-bridge/v2)'];
  if (format === 'markdown') {
    const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
    return `${[header, header.map(() => '---'), ...rows].map((row) => `| ${row.map(escapeCell).join(' | ')} |`).join('\n')}\n`;
  }
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => Math.min(row[i]!.length, i === 3 ? 110 : 60))));
  const line = (row: string[]) =>
    row.map((cell, i) => (cell.length > widths[i]! ? `${cell.slice(0, widths[i]! - 1)}…` : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const total = entries.reduce((sum, entry) => sum + entry.count, 0);
  return `${[line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n\n${total} legacy calls from ${entries.length} call sites.\n`;
}
