// The codemod's pure parts: the unified diff, the layout printer, loading
// ts-morph, and that what it writes comes from the mapping table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { V1_TO_V2 } from '../../src/adapter/mapping/v1-to-v2.js';
import { createCodemod, importTsMorph, MissingTsMorphError } from '../../src/codemod/index.js';
import { unifiedDiff } from '../../src/codemod/diff.js';
import { args, call, concat, object, print, property } from '../../src/codemod/printer.js';

/** Applies a unified diff to `before`, as `patch` would, checking each hunk's context and counts. */
function applyDiff(before: string, diff: string): string {
  const lines = before.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const result: string[] = [];
  let at = 0;
  const body = diff.split('\n').slice(2);
  if (body[body.length - 1] === '') body.pop();
  for (let index = 0; index < body.length; ) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(body[index]!);
    if (!header) throw new Error(`not a hunk header: ${body[index]}`);
    const oldCount = header[2] === undefined ? 1 : Number(header[2]);
    const oldStart = oldCount === 0 ? Number(header[1]) : Number(header[1]) - 1;
    result.push(...lines.slice(at, oldStart));
    at = oldStart;
    let seenOld = 0;
    for (index++; index < body.length && !body[index]!.startsWith('@@'); index++) {
      const line = body[index]!;
      const text = line.slice(1);
      if (line[0] === ' ' || line[0] === '-') {
        expect(lines[at]).toBe(text);
        at++;
        seenOld++;
      }
      if (line[0] === ' ' || line[0] === '+') result.push(text);
    }
    expect(seenOld).toBe(oldCount);
  }
  result.push(...lines.slice(at));
  return result.length === 0 ? '' : `${result.join('\n')}\n`;
}

describe('unifiedDiff', () => {
  it('shows changed lines with three lines of context, as diff -u does', () => {
    const before = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n';
    const after = 'a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n';
    expect(unifiedDiff('x.js', before, after)).toBe(
      '--- a/x.js\n+++ b/x.js\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -8,3 +8,4 @@\n h\n i\n j\n+k\n',
    );
    expect(unifiedDiff('x.js', before, before)).toBe('');
  });

  it('turns any text into any other text', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }).map((lines) => (lines.length ? `${lines.join('\n')}\n` : ''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        if (before === after) return;
        expect(applyDiff(before, unifiedDiff('f', before, after))).toBe(after);
      }),
      { numRuns: 300 },
    );
  });
});

describe('printer', () => {
  const layout = { width: 40, step: '  ' };

  it('keeps a call on one line when it fits', () => {
    expect(print(call('f', ['a', object([property('b', '1')])]), '', 0, layout)).toBe('f(a, { b: 1 })');
  });

  it('breaks what does not fit, one item per line, and hugs a lone object argument', () => {
    const doc = call('wrap', [concat('makeSomething', args([object([property('first', "'one'"), property('second', "'two'")])])), 'x']);
    expect(print(doc, '', 0, layout)).toBe("wrap(\n  makeSomething({\n    first: 'one',\n    second: 'two',\n  }),\n  x,\n)");
  });

  it('counts the text after a doc on its line', () => {
    const doc = call('f', ['aaaaaaaaaa', 'bbbbbbbbbb']);
    expect(print(doc, '', 0, layout, 0)).toBe('f(aaaaaaaaaa, bbbbbbbbbb)');
    expect(print(doc, '', 0, layout, 20)).toBe('f(\n  aaaaaaaaaa,\n  bbbbbbbbbb,\n)');
  });
});

describe('loading ts-morph', () => {
  it('names the missing package and how to install it', async () => {
    const missing = Object.assign(new Error("Cannot find package 'ts-morph'"), { code: 'ERR_MODULE_NOT_FOUND' });
    const error = await importTsMorph(() => Promise.reject(missing)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MissingTsMorphError);
    expect((error as Error).message).toContain('"ts-morph"');
    expect((error as Error).message).toContain('npm install --save-dev ts-morph');
    expect((error as Error).cause).toBe(missing);
  });

  it('passes other failures through', async () => {
    const broken = new SyntaxError('bad');
    await expect(importTsMorph(() => Promise.reject(broken))).rejects.toBe(broken);
  });
});

describe('the mapping table drives the rewrite', () => {
  it('writes the wrapper, request class and v1 default the table names', async () => {
    const codemod = await createCodemod();
    const source = "import { Skyflow } from 'skyflow-node';\nconst c = Skyflow.init({ vaultID: 'v', vaultURL: 'https://v.example.com', getBearerToken: t });\nawait c.insert({ records: [{ table: 't', fields: f }] });\n";
    const table = V1_TO_V2.insert as unknown as { wrapper: string; requestClass: string; defaults: Array<{ option: string; keepV1: string }> };
    const saved = { wrapper: table.wrapper, requestClass: table.requestClass, defaults: table.defaults };
    try {
      table.wrapper = 'toV1InsertShape';
      table.requestClass = 'MultiInsertRequest';
      table.defaults = saved.defaults.map((change) => (change.option === 'tokens' ? { ...change, keepV1: 'returnTokens: false' } : change));
      const { text } = codemod.transform('app.mjs', source);
      expect(text).toContain("import { toV1InsertShape } from 'skyflow-bridge/migrate';");
      expect(text).toContain('toV1InsertShape(');
      expect(text).toContain('new MultiInsertRequest({');
      expect(text).toContain('returnTokens: false');
      expect(text).toContain('remove toV1InsertShape once');
    } finally {
      Object.assign(table, saved);
    }
    expect(codemod.transform('app.mjs', source).text).toContain('new BatchInsertRequest(');
  });

  it('keeps the line breaks of a file written with \\r\\n', async () => {
    const codemod = await createCodemod();
    const source = "import { Skyflow } from 'skyflow-node';\r\nconst c = Skyflow.init({ vaultID: 'v', vaultURL: 'https://v.example.com', getBearerToken: t });\r\nawait c.delete({ records: [{ id, table: 't' }] });\r\n";
    const { text } = codemod.transform('app.mjs', source);
    expect(text).toContain('toV1DeleteResult(');
    expect(text.split('\r\n').length).toBe(text.split('\n').length);
  });

  it("leaves invokeConnection with the table's reason", async () => {
    const codemod = await createCodemod();
    const source = "import { Skyflow } from 'skyflow-node';\nconst c = Skyflow.init({ vaultID: 'v', vaultURL: 'https://v.example.com', getBearerToken: t });\nawait c.invokeConnection({ connectionURL: 'https://x.example.com', methodName: 'POST' });\n";
    const { text, report } = codemod.transform('app.mjs', source);
    const { codemod: support } = V1_TO_V2.invokeConnection;
    const reason = support.rewrite ? '' : support.reason;
    expect(reason).not.toBe('');
    expect(report.left).toEqual([{ line: 3, method: 'invokeConnection', reason }]);
    expect(text).toContain(`// TODO(skyflow-bridge): invokeConnection() left as is: ${reason}`);
  });
});
