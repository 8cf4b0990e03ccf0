import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // DYNAMO_ENGINE=endpoint checks the engine at DYNAMO_TEST_ENDPOINT once for the run (nothing for dynalite, the default).
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', LOG_LEVEL: 'SILENT' },
    hookTimeout: 60_000,
    // Two cores: keep files in separate forks but not too many at once.
    pool: 'forks',
    maxWorkers: 2,
  },
});
