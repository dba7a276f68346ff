// examples/legacy-app: the same application, as written for skyflow-node@1
// and with its one import changed to skyflow-bridge/v1, gives the same results.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

it('runs unchanged on skyflow-bridge/v1 after one import changes, with a warning per legacy call', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['examples/legacy-app/run.mjs'], { cwd: root });
  const [, legacy = '', bridged = ''] = stdout.split(/^== .*$/m);
  const results = (section: string) =>
    section
      .split('\n')
      .filter((line) => /^[a-zA-Z ]+: /.test(line) && !line.startsWith('   stderr'))
      .map((line) => line.replace(/XXXX-XXXX-XXXX-\d{4}/, 'XXXX-XXXX-XXXX-<last4>'));
  expect(stdout).toMatch(/^== skyflow-node@1 \(exit 0\)$/m);
  expect(stdout).toMatch(/^== skyflow-bridge\/v1 \(exit 0\)$/m);
  expect(results(legacy)).toHaveLength(6);
  expect(results(bridged)).toEqual(results(legacy));
  for (const code of ['INIT', 'INSERT', 'GET', 'DETOKENIZE', 'UPDATE', 'DELETE', 'GET_BY_ID']) {
    expect(bridged).toContain(`[SKYFLOW_BRIDGE_V1_${code}] DeprecationWarning`);
  }
  expect(legacy).not.toContain('DeprecationWarning');
  expect(bridged).not.toContain('5479-4229-4622-1393');
  expect(bridged).not.toContain('4111-1111-1111-1111');
});
