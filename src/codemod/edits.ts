// Text edits on one version of a file, applied all at once. The rewrite is
// planned on the original syntax tree and written as edits: the tree never
// changes under the analysis, and an edit that contains others (a legacy call
// inside another's arguments) takes their result through `textOf`.

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export class TextEdits {
  readonly #original: string;
  #edits: Edit[] = [];

  constructor(original: string) {
    this.#original = original;
  }

  get size(): number {
    return this.#edits.length;
  }

  /** Replaces [start, end) with `text`; edits inside that range are taken in by it (their text should be in `text`). */
  replace(start: number, end: number, text: string): void {
    const overlapping = this.#edits.filter((edit) => edit.start < end && edit.end > start && !within(edit, start, end));
    if (overlapping.length > 0) throw new Error(`codemod: overlapping edits at ${start}-${end}`);
    this.#edits = this.#edits.filter((edit) => !within(edit, start, end));
    this.#edits.push({ start, end, text });
  }

  /** Inserts `text` at `position`, after any text inserted there before. */
  insert(position: number, text: string): void {
    this.#edits.push({ start: position, end: position, text });
  }

  /** The text of [start, end) with the edits inside it applied. */
  textOf(start: number, end: number): string {
    const inside = this.#sorted().filter((edit) => within(edit, start, end));
    return apply(this.#original.slice(start, end), inside, start);
  }

  /** The whole text with every edit applied. */
  apply(): string {
    return apply(this.#original, this.#sorted(), 0);
  }

  // Stable by start: inserts at one position keep their order.
  #sorted(): Edit[] {
    return this.#edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.index - b.index).map(({ edit }) => edit);
  }
}

// An insert at either end of a range belongs outside it: a comment put before
// a statement stays when a call starting that statement is replaced.
function within(edit: Edit, start: number, end: number): boolean {
  if (edit.start === edit.end) return edit.start > start && edit.start < end;
  return edit.start >= start && edit.end <= end;
}

function apply(text: string, edits: readonly Edit[], offset: number): string {
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += text.slice(at, edit.start - offset) + edit.text;
    at = edit.end - offset;
  }
  return result + text.slice(at);
}
