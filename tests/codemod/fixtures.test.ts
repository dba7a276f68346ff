// Each fixture's input, rewritten, is its output; the output rewritten again
// is unchanged (the codemod is idempotent). UPDATE_FIXTURES=1 writes the
// outputs instead — review every change before keeping it.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCodemod, type Codemod } from '../../src/codemod/index.js';
import { fixtureCases } from './fixture-cases.js';

const update = process.env['UPDATE_FIXTURES'] === '1';
const cases = fixtureCases();
let codemod: Codemod;

beforeAll(async () => {
  codemod = await createCodemod();
});

describe.each(cases)('fixture $name', (fixture) => {
  const options = fixture.methods === undefined ? {} : { methods: fixture.methods };

  it('rewrites the input into the output', () => {
    const { text, error } = codemod.transform(fixture.inputPath, fixture.input, options);
    expect(error).toBeUndefined();
    if (update) writeFileSync(fixture.outputPath, text);
    else expect(text).toBe(fixture.output);
  });

  it('changes nothing when run on its own output', () => {
    const output = fixture.output ?? codemod.transform(fixture.inputPath, fixture.input, options).text;
    const again = codemod.transform(fixture.outputPath, output, options);
    expect(again.text).toBe(output);
    expect(again.report.rewritten).toEqual([]);
  });
});

it('has a fixture for every rewritten method, ESM, CommonJS and TypeScript', () => {
  const outputs = cases.map((fixture) => fixture.output ?? '').join('\n');
  for (const wrapper of ['toV1InsertResult', 'toV1DetokenizeResult', 'toV1GetResult', 'toV1UpdateResult', 'toV1DeleteResult']) {
    expect(outputs).toContain(`${wrapper}(`);
  }
  expect(new Set(cases.map((fixture) => fixture.extension))).toEqual(new Set(['mjs', 'cjs', 'ts']));
});
