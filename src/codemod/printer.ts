// A small layout printer for the code the codemod writes: a call, object or
// array stays on one line when it fits, otherwise it breaks one item per line
// with a trailing comma, the way Prettier lays out such code. Only generated
// code goes through it; the application's own code around a rewritten call is
// left exactly as it was, and its expressions inside the call are kept as
// written (re-indented when they span lines).

/** A piece of generated code. */
export type Doc = string | Leaf | Group | Concat | Chain;

/** Source text taken from the file, with the indentation of the line it started on. */
interface Leaf {
  readonly kind: 'leaf';
  readonly text: string;
  readonly indent: string;
}

/** `open item, item close`, or broken one item per line. */
interface Group {
  readonly kind: 'group';
  readonly open: string;
  readonly close: string;
  readonly items: readonly Doc[];
  /** Spaces inside the brackets when flat (`{ a }` but `[a]`, `(a)`). */
  readonly pad: boolean;
}

interface Concat {
  readonly kind: 'concat';
  readonly parts: readonly Doc[];
}

/** `head.a().b()`, or broken with each link on its own line. */
interface Chain {
  readonly kind: 'chain';
  readonly head: Doc;
  readonly links: readonly Doc[];
}

export const leaf = (text: string, indent: string): Doc => (text.includes('\n') ? { kind: 'leaf', text, indent } : text);
export const concat = (...parts: Doc[]): Doc => ({ kind: 'concat', parts });
export const object = (items: readonly Doc[]): Doc => ({ kind: 'group', open: '{', close: '}', items, pad: true });
export const array = (items: readonly Doc[]): Doc => ({ kind: 'group', open: '[', close: ']', items, pad: false });
export const args = (items: readonly Doc[]): Doc => ({ kind: 'group', open: '(', close: ')', items, pad: false });
export const call = (callee: Doc, items: readonly Doc[]): Doc => concat(callee, args(items));
export const property = (name: string, value: Doc): Doc => concat(`${name}: `, value);
/** `name: value`, or the shorthand `name` when the value is that name. */
export const prop = (name: string, value: Doc): Doc => (flatText(value) === name ? name : property(name, value));
export const chain = (head: Doc, links: readonly Doc[]): Doc => ({ kind: 'chain', head, links });

export interface Layout {
  /** Longest line wanted. */
  readonly width: number;
  /** One level of indentation (spaces or a tab). */
  readonly step: string;
  /** The printed width of a text (names that are placeholders for shorter ones count as those). @default its length */
  readonly measure?: (text: string) => number;
}

/**
 * `doc` as text, starting at `column` on a line indented by `indent`, with
 * `trailing` characters of the line still to come after it.
 */
export function print(doc: Doc, indent: string, column: number, layout: Layout, trailing = 0): string {
  return new Printer(layout).print(doc, indent, column, trailing);
}

class Printer {
  readonly #layout: Layout;

  constructor(layout: Layout) {
    this.#layout = layout;
  }

  print(doc: Doc, indent: string, column: number, trailing = 0): string {
    if (typeof doc === 'string') return doc;
    switch (doc.kind) {
      case 'leaf':
        return reindent(doc.text, doc.indent, indent);
      case 'concat': {
        let text = '';
        doc.parts.forEach((part, index) => {
          // What follows this part on its line counts against its width.
          const after = flatText(concat(...doc.parts.slice(index + 1)));
          const follows = after.includes('\n') ? this.#measure(after.slice(0, after.indexOf('\n'))) : this.#measure(after) + trailing;
          text += this.print(part, indent, this.#columnAfter(text, column), follows);
        });
        return text;
      }
      case 'group': {
        const flat = flatText(doc);
        return this.#fits(flat, column + trailing) ? flat : this.#broken(doc, indent, column);
      }
      case 'chain': {
        const flat = flatText(doc);
        if (this.#fits(flat, column + trailing)) return flat;
        const head = this.print(doc.head, indent, column);
        // One link after the head stays on its line (`x.vault()`); longer chains break before each link.
        if (doc.links.length <= 1) return head + doc.links.map((link) => this.print(link, indent, this.#columnAfter(head, column), trailing)).join('');
        const inner = indent + this.#layout.step;
        return head + doc.links.map((link, index) => `\n${inner}${this.print(link, inner, inner.length, index === doc.links.length - 1 ? trailing : 0)}`).join('');
      }
    }
  }

  #fits(text: string, column: number): boolean {
    return !text.includes('\n') && column + this.#measure(text) <= this.#layout.width;
  }

  #measure(text: string): number {
    return this.#layout.measure?.(text) ?? text.length;
  }

  #columnAfter(text: string, column: number): number {
    const newline = text.lastIndexOf('\n');
    return newline === -1 ? column + this.#measure(text) : this.#measure(text.slice(newline + 1));
  }

  #broken(group: Group, indent: string, column: number): string {
    if (group.items.length === 0) return group.open + group.close;
    const only = group.items[0];
    // A lone argument ending in an object or array hugs the parentheses:
    // `f(new X({` … `}))` rather than a line of its own for `new X({…})`.
    if (group.open === '(' && group.items.length === 1 && only !== undefined && huggable(only)) {
      return group.open + this.#hugged(only, indent, column + group.open.length) + group.close;
    }
    const inner = indent + this.#layout.step;
    const lines = group.items.map((item) => `\n${inner}${this.print(item, inner, inner.length, 1)},`);
    return `${group.open}${lines.join('')}\n${indent}${group.close}`;
  }

  // Prints `doc` with its last group broken (its items one level deeper than `indent`).
  #hugged(doc: Doc, indent: string, column: number): string {
    if (typeof doc !== 'string' && doc.kind === 'group') return this.#broken(doc, indent, column);
    if (typeof doc === 'string' || doc.kind !== 'concat') return this.print(doc, indent, column);
    let text = '';
    doc.parts.forEach((part, index) => {
      const at = this.#columnAfter(text, column);
      text += index === doc.parts.length - 1 ? this.#hugged(part, indent, at) : this.print(part, indent, at);
    });
    return text;
  }
}

/** Whether a doc ends in an object or array group (or a call of one), with nothing that breaks before it. */
function huggable(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (doc.kind === 'group') return doc.open === '(' ? doc.items.length === 1 && huggable(doc.items[0]!) : doc.items.length > 0;
  if (doc.kind !== 'concat') return false;
  const last = doc.parts[doc.parts.length - 1];
  return last !== undefined && doc.parts.slice(0, -1).every((part) => !flatText(part).includes('\n')) && huggable(last);
}

/** The doc on one line (leaves keep their own line breaks). */
export function flatText(doc: Doc): string {
  if (typeof doc === 'string') return doc;
  switch (doc.kind) {
    case 'leaf':
      return doc.text;
    case 'concat':
      return doc.parts.map(flatText).join('');
    case 'group': {
      const items = doc.items.map(flatText).join(', ');
      return doc.pad && items !== '' ? `${doc.open} ${items} ${doc.close}` : `${doc.open}${items}${doc.close}`;
    }
    case 'chain':
      return flatText(doc.head) + doc.links.map(flatText).join('');
  }
}

/** Moves the second and later lines of `text` from indentation `from` to `to`. */
export function reindent(text: string, from: string, to: string): string {
  if (from === to) return text;
  return text
    .split('\n')
    .map((line, index) => (index > 0 && line.startsWith(from) ? to + line.slice(from.length) : line))
    .join('\n');
}
