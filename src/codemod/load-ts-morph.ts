// ts-morph is an optional peer dependency: only the codemod needs it, and it
// weighs tens of megabytes (it bundles the TypeScript compiler). It is loaded
// on first use, so the rest of the CLI and the library never load it.

export type TsMorph = typeof import('ts-morph');

/** The error when ts-morph is not installed: says which package and how to get it. */
export class MissingTsMorphError extends Error {
  override readonly name = 'MissingTsMorphError';

  constructor(cause: unknown) {
    super('The codemod needs the package "ts-morph", an optional peer dependency of skyflow-bridge: npm install --save-dev ts-morph', {
      cause,
    });
  }
}

/** ts-morph from `importer`; a module that cannot be found becomes a MissingTsMorphError. */
export async function importTsMorph(importer: () => Promise<unknown> = () => import('ts-morph')): Promise<TsMorph> {
  let module: unknown;
  try {
    module = await importer();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') throw new MissingTsMorphError(error);
    throw error;
  }
  // A CommonJS package: Node names its exports when it can read them, else only `default` holds them.
  const named = module as Partial<TsMorph> & { default?: TsMorph };
  return (typeof named.Project === 'function' ? named : named.default) as TsMorph;
}

let loaded: Promise<TsMorph> | undefined;

/** ts-morph, imported once per process. */
export function loadTsMorph(): Promise<TsMorph> {
  loaded ??= importTsMorph().catch((error: unknown) => {
    loaded = undefined;
    throw error;
  });
  return loaded;
}
