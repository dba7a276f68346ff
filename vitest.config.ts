import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One local vault for the whole run; its CA reaches every test process
    // through NODE_EXTRA_CA_CERTS, so forked workers are required.
    globalSetup: ['tests/setup/global-vault.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
