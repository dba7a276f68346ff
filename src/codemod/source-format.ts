// The habits of the file being rewritten — quotes, semicolons, indentation —
// so that the code the codemod adds reads as if the file's author wrote it.
import { printedWidth } from './placeholders.js';
import type { Layout } from './printer.js';

export interface SourceFormat extends Layout {
  readonly quote: "'" | '"';
  /** `;` or '' after a statement. */
  readonly semicolon: string;
  readonly newline: '\n' | '\r\n';
}

/** The widest line the codemod writes (Prettier's default is 80; vault calls are long). */
const WIDTH = 100;

/** The habits of `text`; `importText` is the legacy import or require, whose quotes and semicolon are copied. */
export function sourceFormat(text: string, importText: string | undefined): SourceFormat {
  const quote = importText?.includes('"') && !importText.includes("'") ? '"' : "'";
  const semicolon = importText === undefined || importText.trimEnd().endsWith(';') ? ';' : '';
  const indented = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  const step = indented.startsWith('\t') ? '\t' : indented.length % 4 === 0 && !/^ {2}\S/m.test(text) ? '    ' : '  ';
  return { quote, semicolon, newline: text.includes('\r\n') ? '\r\n' : '\n', width: WIDTH, step, measure: printedWidth };
}

/** The leading whitespace of the line `position` is on. */
export function lineIndent(text: string, position: number): string {
  const start = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The column of `position` on its line. */
export function columnOf(text: string, position: number): number {
  return position - (text.lastIndexOf('\n', position - 1) + 1);
}

/** How many characters follow `position` on its line. */
export function restOfLine(text: string, position: number): number {
  const end = text.indexOf('\n', position);
  return (end === -1 ? text.length : end) - position;
}

/** The 1-based line of `position`. */
export function lineOf(text: string, position: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < position; index = text.indexOf('\n', index + 1)) line++;
  return line;
}
