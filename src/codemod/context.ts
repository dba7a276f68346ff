// What every step of one file's rewrite shares: the tree, the edits, the
// file's habits, the legacy names and the report. Generated code names v2 and
// migrate exports by placeholders (placeholders.ts); once the file's imports
// are settled (imports.ts), each becomes the local name chosen for it.
import type { Identifier, Node, SourceFile, Symbol as TsSymbol } from 'ts-morph';
import type { TextEdits } from './edits.js';
import type { LegacyBindings } from './legacy-bindings.js';
import type { TsMorph } from './load-ts-morph.js';
import { leaf, type Doc } from './printer.js';
import { lineIndent, lineOf, type SourceFormat } from './source-format.js';
import { V2_MODULE, placeholder, type ImportModule } from './placeholders.js';

/** A legacy call the codemod rewrote. */
export interface Rewritten {
  readonly line: number;
  readonly method: string;
}

/** A legacy call (or client) left as it was, and why. */
export interface Left {
  readonly line: number;
  readonly method: string;
  readonly reason: string;
}

/** What happened in one file. */
export interface FileReport {
  readonly rewritten: Rewritten[];
  readonly left: Left[];
  /** Other things the person finishing the migration should know (v1 options dropped, a v2 client added next to a v1 one). */
  readonly notes: Array<{ readonly line: number; readonly text: string }>;
}

export class FileContext {
  readonly tsm: TsMorph;
  readonly file: SourceFile;
  readonly text: string;
  readonly edits: TextEdits;
  readonly format: SourceFormat;
  readonly legacy: LegacyBindings;
  readonly report: FileReport = { rewritten: [], left: [], notes: [] };
  readonly #comments = new Map<Node, string[]>();
  #identifiers: Identifier[] | undefined;

  constructor(init: { tsm: TsMorph; file: SourceFile; text: string; edits: TextEdits; format: SourceFormat; legacy: LegacyBindings }) {
    this.tsm = init.tsm;
    this.file = init.file;
    this.text = init.text;
    this.edits = init.edits;
    this.format = init.format;
    this.legacy = init.legacy;
  }

  /** The placeholder for `name` imported from `module` (imports.ts imports what the placeholders name). */
  use(module: ImportModule, name: string): string {
    return placeholder(module, name);
  }

  v2(name: string): string {
    return this.use(V2_MODULE, name);
  }

  /** A v2 expression from the mapping table (`RedactionType.PLAIN_TEXT`): a leading export name becomes its placeholder. */
  v2Expression(text: string): string {
    return text.replace(/^([A-Z][A-Za-z]*)\./, (_all, name: string) => `${this.v2(name)}.`);
  }

  /** `node`'s text as a doc, with any edits inside it applied. */
  leafOf(node: Node): Doc {
    return leaf(this.edits.textOf(node.getStart(), node.getEnd()), lineIndent(this.text, node.getStart()));
  }

  lineOf(node: Node): number {
    return lineOf(this.text, node.getStart());
  }

  /** Adds a `// line` comment above the statement that holds `node` (once, and not if the file already has it there). */
  comment(node: Node, line: string): void {
    const statement = statementOf(this.tsm, node);
    const existing = statement.getLeadingCommentRanges().map((range) => range.getText());
    if (existing.some((text) => text.includes(line))) return;
    const lines = this.#comments.get(statement) ?? [];
    if (!lines.includes(line)) lines.push(line);
    this.#comments.set(statement, lines);
  }

  /** Writes the comments as edits; before any replacement, so that a replaced range around them keeps them. */
  flushComments(): void {
    for (const [statement, lines] of this.#comments) {
      const start = statement.getStart();
      const indent = lineIndent(this.text, start);
      this.edits.insert(start, lines.map((line) => `// ${line}${this.format.newline}${indent}`).join(''));
    }
    this.#comments.clear();
  }

  /** Records a call (or, for `init`, a client or a use of it) left as it was, with a TODO comment above it. */
  left(node: Node, method: string, reason: string): void {
    this.report.left.push({ line: this.lineOf(node), method, reason });
    this.comment(node, `TODO(skyflow-bridge): ${method === 'init' ? reason : `${method}() left as is: ${reason}`}`);
  }

  note(node: Node, text: string): void {
    this.report.notes.push({ line: this.lineOf(node), text });
  }

  /** Every identifier of the file (for references and free names). */
  identifiers(): Identifier[] {
    this.#identifiers ??= this.file.getDescendantsOfKind(this.tsm.SyntaxKind.Identifier);
    return this.#identifiers;
  }

  /** The identifiers that refer to `symbol`, other than `except` (its declaration). */
  referencesOf(symbol: TsSymbol, name: string, except?: Node): Identifier[] {
    return this.identifiers().filter((identifier) => identifier !== except && identifier.getText() === name && identifier.getSymbol() === symbol);
  }

  /** `base`, or `base` with a suffix, that no name of the file uses yet. */
  freeName(base: string, taken: ReadonlySet<string> = new Set()): string {
    const used = new Set(this.identifiers().filter((identifier) => isName(this.tsm, identifier)).map((identifier) => identifier.getText()));
    let name = base;
    for (let index = 2; used.has(name) || taken.has(name); index++) name = `${base}${index}`;
    return name;
  }
}

/** The statement (in a statement list) that holds `node`. */
export function statementOf(tsm: TsMorph, node: Node): Node {
  const { Node } = tsm;
  let current: Node = node;
  for (let parent = current.getParent(); parent !== undefined; parent = current.getParent()) {
    if (Node.isSourceFile(parent) || Node.isBlock(parent) || Node.isModuleBlock(parent) || Node.isCaseClause(parent) || Node.isDefaultClause(parent)) {
      return current;
    }
    current = parent;
  }
  return current;
}

/**
 * Whether an identifier names a binding or refers to one — not a property
 * name (`a.RedactionType`, `{ Skyflow: x }`, `import { Skyflow as S }`),
 * which another binding of that name would not clash with.
 */
export function isName(tsm: TsMorph, identifier: Identifier): boolean {
  const { Node } = tsm;
  const parent = identifier.getParent();
  if (Node.isPropertyAccessExpression(parent)) return parent.getNameNode() !== identifier;
  if (Node.isPropertyAssignment(parent) || Node.isPropertySignature(parent) || Node.isPropertyDeclaration(parent) || Node.isMethodDeclaration(parent)) {
    return parent.getNameNode() !== identifier;
  }
  if (Node.isImportSpecifier(parent) || Node.isExportSpecifier(parent)) return parent.getAliasNode() === undefined || parent.getAliasNode() === identifier;
  if (Node.isBindingElement(parent)) return parent.getPropertyNameNode() !== identifier;
  return true;
}
