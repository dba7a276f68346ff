// A unified diff of two texts, for `codemod --dry-run`: Myers' O(ND)
// shortest edit script over lines (D is small: a rewrite touches few lines),
// shown as hunks with three lines of context, like `diff -u`.

type Op = { readonly kind: ' ' | '-' | '+'; readonly line: string };

const CONTEXT = 3;

/** `diff -u` of `before` and `after`, with `path` in the headers; '' when they are equal. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = editScript(a, b);
  const hunks: string[] = [];
  let index = 0;
  while (index < ops.length) {
    // The next change, with context before it; extend while changes are close.
    while (index < ops.length && ops[index]!.kind === ' ') index++;
    if (index === ops.length) break;
    const start = Math.max(0, index - CONTEXT);
    let end = index;
    let quiet = 0;
    while (end < ops.length && quiet <= 2 * CONTEXT) {
      quiet = ops[end]!.kind === ' ' ? quiet + 1 : 0;
      end++;
    }
    end = Math.min(ops.length, end - Math.max(0, quiet - CONTEXT));
    hunks.push(hunk(ops, start, end));
    index = end;
  }
  return `--- a/${path}\n+++ b/${path}\n${hunks.join('')}`;
}

function hunk(ops: readonly Op[], start: number, end: number): string {
  let oldStart = 1;
  let newStart = 1;
  for (const op of ops.slice(0, start)) {
    if (op.kind !== '+') oldStart++;
    if (op.kind !== '-') newStart++;
  }
  const body = ops.slice(start, end);
  const oldCount = body.filter((op) => op.kind !== '+').length;
  const newCount = body.filter((op) => op.kind !== '-').length;
  // `diff -u` numbers an empty side by the line before it.
  const range = (first: number, count: number) => `${count === 0 ? first - 1 : first}${count === 1 ? '' : `,${count}`}`;
  const lines = body.map((op) => `${op.kind}${op.line}\n`).join('');
  return `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${lines}`;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The shortest sequence of kept, removed and added lines that turns `a` into `b` (Myers 1986). */
function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // trace[d]: the furthest x on each diagonal k before step d.
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= n + m && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && before[offset + k - 1]! < before[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : before[offset + previousK]!;
    const previousY = d === 0 ? 0 : previousX - previousK;
    while (x > previousX && y > previousY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x]! });
    }
    if (d > 0) {
      if (down) ops.push({ kind: '+', line: b[--y]! });
      else ops.push({ kind: '-', line: a[--x]! });
    }
  }
  return ops.reverse();
}
