// The rewritten TypeScript fixtures type-check, with the repository's own
// compiler options and its src types behind the skyflow-bridge subpaths, as
// their inputs do (the wrappers of skyflow-bridge/migrate and the
// bearerTokenSource credential of skyflow-bridge/v2 included).
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { fixtureCases } from './fixture-cases.js';

const root = resolve(import.meta.dirname, '../..');
const typescriptCases = fixtureCases().filter((fixture) => fixture.extension === 'ts');

/** The errors tsc reports for each file, with the repository's options and skyflow-bridge/* mapped to src. */
function typeErrors(files: readonly string[]): Map<string, string[]> {
  const configPath = resolve(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const program = ts.createProgram(files, {
    ...options,
    noEmit: true,
    baseUrl: root,
    paths: {
      'skyflow-bridge/v2': ['src/v2/index.ts'],
      'skyflow-bridge/v1': ['src/v1/index.ts'],
      'skyflow-bridge/migrate': ['src/migrate/index.ts'],
    },
  });
  const errors = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const where = file === undefined ? 'global' : `${relative(root, file)}${position ? `:${position.line + 1}` : ''}`;
    const list = file !== undefined && errors.has(resolve(file)) ? errors.get(resolve(file))! : [...(errors.get('global') ?? [])];
    list.push(`${where}: ${message}`);
    if (file === undefined || !errors.has(resolve(file))) errors.set('global', list);
  }
  return errors;
}

describe('rewritten TypeScript fixtures type-check', () => {
  it('type-checks every TypeScript input and its rewrite', { timeout: 120_000 }, () => {
    expect(typescriptCases.length).toBeGreaterThan(0);
    const files = typescriptCases.flatMap((fixture) => [fixture.inputPath, fixture.outputPath]);
    const errors = typeErrors(files);
    expect(errors.get('global') ?? []).toEqual([]);
    for (const fixture of typescriptCases) {
      // Every input type-checks, so each output must as well.
      expect({ file: fixture.name, errors: errors.get(fixture.inputPath) }).toEqual({ file: fixture.name, errors: [] });
      expect({ file: fixture.name, errors: errors.get(fixture.outputPath) }).toEqual({ file: fixture.name, errors: [] });
    }
  });
});
