// Reads the README's fenced code blocks. Each block is announced by an HTML
// comment on the line before it, `<!-- snippet: name -->` (invisible once
// rendered), so a test can say how that block is checked and a block without a
// check is noticed.

/** One fenced block of the README. */
export interface Snippet {
  readonly name: string;
  /** The fence's info string: `js`, `ts`, `sh`, `json`, `diff` or empty. */
  readonly lang: string;
  /** The block's text, without the indentation of a list item. */
  readonly code: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
}

const FENCE = /^( *)```(\S*)\s*$/;
const NAME = /^ *<!-- snippet: ([a-z0-9-]+) -->\s*$/;

/** The README's blocks in order; throws on a block without a name, an unclosed block or a repeated name. */
export function readmeSnippets(markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    const name = NAME.exec(lines[i - 1] ?? '')?.[1];
    if (name === undefined) throw new Error(`README.md:${i + 1}: a code block without a "<!-- snippet: name -->" line before it`);
    const close = lines.findIndex((text, j) => j > i && text === `${indent}\`\`\``);
    if (close < 0) throw new Error(`README.md:${i + 1}: the block "${name}" is never closed`);
    if (snippets.some((snippet) => snippet.name === name)) throw new Error(`README.md:${i + 1}: a second block named "${name}"`);
    const code = lines
      .slice(i + 1, close)
      .map((text) => (text.startsWith(indent) ? text.slice(indent.length) : text.trimStart()))
      .join('\n');
    snippets.push({ name, lang: open[2]!, code: `${code}\n`, line: i + 1 });
    i = close;
  }
  return snippets;
}

/** Lines of a shell block that are commands (comments and blank lines dropped, `# …` tails cut). */
export function shellCommands(code: string): string[] {
  return code
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Whitespace folded and the parts that differ between runs replaced by placeholders. */
export function normalised(text: string, replacements: ReadonlyArray<readonly [RegExp, string]>): string {
  let result = text.replace(/\s+/g, ' ').trim();
  for (const [pattern, placeholder] of replacements) result = result.replace(pattern, placeholder);
  return result;
}
