// npm run docs:mapping — writes docs/v1-to-v2.md from the mapping table
// (src/adapter/mapping/v1-to-v2.ts). The table is TypeScript and Node 20 runs
// no TypeScript, so esbuild (already a dev dependency) bundles the generator
// in memory first; it imports no package, so the bundle runs as a data: URL.
// An argument writes the page elsewhere (the freshness test uses it).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const { outputFiles } = await build({
  entryPoints: [resolve(root, 'src/adapter/mapping/doc.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'error',
});
const generator = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
const target = resolve(root, process.argv[2] ?? generator.MAPPING_DOC_PATH);
writeFileSync(target, generator.renderMappingDoc());
console.log(`wrote ${target}`);
