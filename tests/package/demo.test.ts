// `npm run demo`, the project's main job, runs to the end against a local
// vault and prints what it promises. (npm test builds dist/ first.)
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

it('runs the legacy app three ways, shows the A/B summary, the ramp, both shapes and the usage report', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['examples/demo/run.mjs'], { cwd: root, timeout: 60_000 });
  expect(stdout).toContain('== 1. The legacy app on skyflow-node@1.14.3');
  expect(stdout).toContain('== 2. The same app on skyflow-bridge/v1: one import changed');
  expect(stdout).toMatch(/Same results as on skyflow-node: yes\. \d+ deprecation warnings/);
  expect(stdout).toContain('== 3. A migration client: shadow mode, then a ramp to v2');
  expect(stdout).toMatch(/get +calls +30 +matches +\d+ +mismatches 0/);
  expect(stdout).toMatch(/detokenize +calls +30 +matches +\d+ +mismatches 0/);
  expect(stdout).toMatch(/update +calls +1 .*skipped: 1 writes/);
  expect(stdout).toContain('mismatched paths: none');
  expect(stdout).toMatch(/ {2}0 %: +0 of 30 tenants on v2/);
  expect(stdout).toMatch(/100 %: 30 of 30 tenants on v2, 0 on legacy; moved back: 0/);
  for (const line of stdout.split('\n').filter((l) => l.includes('moved back:'))) expect(line).toMatch(/moved back: 0$/);
  expect(stdout).toMatch(/v2 request: +\{"tokens":\[\{"token":"[0-9a-f-]{36}","redactionType":"MASKED"\}\],"continueOnError":true\}/);
  expect(stdout).toMatch(/v1 result: +\{"records":\[\{"token":"[0-9a-f-]{36}","value":"XXX"\}\]\}/);
  expect(stdout).toMatch(/\d+ +get\(\) +examples\/demo\/migrate\.mjs:\d+:\d+ +skyflow\.vault\('/);
  expect(stdout).toMatch(/Demo finished in \d+\.\d s\./);
});
