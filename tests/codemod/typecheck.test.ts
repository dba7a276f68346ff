// The rewritten TypeScript fixtures type-check, with the repository's own
// compiler options and its src types behind the skyflow-bridge subpaths, as
// their inputs do (the wrappers of skyflow-bridge/migrate and the
// bearerTokenSource credential of skyflow-bridge/v2 included).
import { describe, expect, it } from 'vitest';
import { typeErrors } from '../helpers/typecheck.js';
import { fixtureCases } from './fixture-cases.js';

const typescriptCases = fixtureCases().filter((fixture) => fixture.extension === 'ts');

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
