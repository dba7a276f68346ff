/** Quotes an SQL identifier. Only names from the resolved schema reach SQL this way. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `?, ?, ?` for n parameters. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/**
 * The bare words of an SQL text, outside string literals, quoted identifiers
 * and comments, upper-cased. Enough to spot keywords a statement must not use.
 */
export function keywords(sql: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < sql.length) {
    const char = sql[i]!;
    const next = sql[i + 1];
    if (char === "'" || char === '"' || char === '`') {
      i = skipQuoted(sql, i, char);
    } else if (char === '[') {
      const end = sql.indexOf(']', i + 1);
      i = end === -1 ? sql.length : end + 1;
    } else if (char === '-' && next === '-') {
      const end = sql.indexOf('\n', i + 2);
      i = end === -1 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (/[A-Za-z_]/.test(char)) {
      let end = i + 1;
      while (end < sql.length && /[A-Za-z0-9_$]/.test(sql[end]!)) end++;
      words.push(sql.slice(i, end).toUpperCase());
      i = end;
    } else {
      i++;
    }
  }
  return words;
}

// A quote inside a quoted run is written twice ('it''s').
function skipQuoted(sql: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return sql.length;
}
