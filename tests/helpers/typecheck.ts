// Type-checks files the way a consumer's compiler would see them: the
// repository's compiler options, and the package's subpaths mapped to src (the
// packaging test covers the built declarations). Used for the codemod's
// rewritten fixtures, the README's snippets and the API reference's examples.
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');

const SUBPATHS: Record<string, string[]> = {
  'skyflow-bridge': ['src/index.ts'],
  'skyflow-bridge/v2': ['src/v2/index.ts'],
  'skyflow-bridge/v1': ['src/v1/index.ts'],
  'skyflow-bridge/migrate': ['src/migrate/index.ts'],
  'skyflow-bridge/local-vault': ['src/local-vault/index.ts'],
};

/** The errors tsc reports, per file (`global` for errors outside the files). */
export function typeErrors(files: readonly string[]): Map<string, string[]> {
  const configPath = resolve(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(configPath));
  const program = ts.createProgram(files, { ...options, noEmit: true, baseUrl: root, paths: SUBPATHS });
  const errors = new Map<string, string[]>(files.map((file) => [resolve(file), []]));
  const global: string[] = [];
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const position = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const where = file === undefined ? 'global' : `${relative(root, file)}${position ? `:${position.line + 1}` : ''}`;
    const list = file === undefined ? undefined : errors.get(resolve(file));
    (list ?? global).push(`${where}: ${message}`);
  }
  if (global.length > 0) errors.set('global', global);
  return errors;
}
