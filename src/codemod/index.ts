// The codemod: rewrites skyflow-node@1 / skyflow-bridge/v1 call sites to
// skyflow-bridge/v2, each wrapped in the skyflow-bridge/migrate function that
// keeps its v1 result shape, so the code reading the result runs unchanged.
// Used by `skyflow-bridge codemod`; ts-morph is loaded on first use.
import { loadTsMorph, type TsMorph } from './load-ts-morph.js';
import { transformText, type TransformOptions, type TransformResult } from './transform.js';
import type { Project } from 'ts-morph';

export { MissingTsMorphError, importTsMorph } from './load-ts-morph.js';
export { unifiedDiff } from './diff.js';
export type { TransformOptions, TransformResult } from './transform.js';
export type { FileReport, Left, Rewritten } from './context.js';

/** A loaded codemod: rewrites file texts. */
export interface Codemod {
  /** The rewrite of `text`, the content of the file at `path` (its extension decides TypeScript or JavaScript). */
  transform(path: string, text: string, options?: TransformOptions): TransformResult;
}

/**
 * Loads ts-morph and returns the codemod.
 *
 * @example
 * const codemod = await createCodemod();
 * const { text, report } = codemod.transform('app.mjs', source);
 */
export async function createCodemod(tsm?: TsMorph): Promise<Codemod> {
  const morph = tsm ?? (await loadTsMorph());
  // Files are parsed one at a time, without type information: only names
  // within a file are resolved, which needs no lib files and no node_modules.
  const project: Project = new morph.Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, noLib: true, jsx: morph.ts.JsxEmit.Preserve },
  });
  return {
    transform: (path, text, options) => transformText(morph, project, inMemoryPath(path), text, options),
  };
}

// The in-memory file system wants absolute POSIX paths; only the extension matters.
function inMemoryPath(path: string): string {
  const posix = path.replaceAll('\\', '/');
  return posix.startsWith('/') ? posix : `/${posix.replace(/^[A-Za-z]:\//, '')}`;
}
