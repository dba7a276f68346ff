// Builds every public entry point as ESM (.js) and CommonJS (.cjs) with bundled
// declarations (.d.ts / .d.cts), plus the CLI. Dependencies stay external: the
// package's users install them, and bundling them would duplicate classes.
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { dts } from 'rollup-plugin-dts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const entries = {
  index: 'src/index.ts',
  v2: 'src/v2/index.ts',
  v1: 'src/v1/index.ts',
  migrate: 'src/migrate/index.ts',
  'local-vault': 'src/local-vault/index.ts',
};

const dependencyNames = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
  ...Object.keys(pkg.optionalDependencies ?? {}),
];
const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
const external = (id) =>
  builtins.has(id) || dependencyNames.some((name) => id === name || id.startsWith(`${name}/`));

const target = 'node20';
// A dependency imported only for types or unused bindings must not stay as a
// bare `import 'pkg'`: loading skyflow-bridge/migrate would load it for nothing.
const treeshake = { moduleSideEffects: 'no-external' };

export default [
  {
    input: entries,
    external,
    treeshake,
    plugins: [esbuild({ target, tsconfig: 'tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', sourcemap: true, exports: 'named' },
    ],
  },
  {
    input: { cli: 'src/cli/index.ts' },
    external,
    treeshake,
    plugins: [esbuild({ target, tsconfig: 'tsconfig.json' })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/cli-[name]-[hash].js', banner: '#!/usr/bin/env node', sourcemap: true },
  },
  {
    input: entries,
    external,
    plugins: [dts({ tsconfig: 'tsconfig.json' })],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
      { dir: 'dist', format: 'es', entryFileNames: '[name].d.cts', chunkFileNames: 'chunks/[name]-[hash].d.cts' },
    ],
  },
];
