// The codemod's fixture pairs: tests/codemod/fixtures/<case>/input.<ext> and
// output.<ext> (the rewrite expected), with an optional options.json
// ({ "methods": [...] }, as --only gives).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

export interface FixtureCase {
  readonly name: string;
  readonly inputPath: string;
  readonly outputPath: string;
  readonly input: string;
  /** undefined until written (UPDATE_FIXTURES=1). */
  readonly output: string | undefined;
  readonly methods: ReadonlySet<string> | undefined;
  readonly extension: string;
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const folder = join(FIXTURES, entry.name);
      const inputName = readdirSync(folder).find((file) => file.startsWith('input.'));
      if (inputName === undefined) throw new Error(`fixture ${entry.name} has no input file`);
      const extension = inputName.slice('input.'.length);
      const outputPath = join(folder, `output.${extension}`);
      const optionsPath = join(folder, 'options.json');
      const methods = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as { methods?: string[] }).methods : undefined;
      return {
        name: entry.name,
        inputPath: join(folder, inputName),
        outputPath,
        input: readFileSync(join(folder, inputName), 'utf8'),
        output: existsSync(outputPath) ? readFileSync(outputPath, 'utf8') : undefined,
        methods: methods === undefined ? undefined : new Set(methods),
        extension,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
