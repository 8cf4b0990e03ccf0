import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep files in separate forks but not too many at once.
    pool: 'forks',
    maxWorkers: 2,
  },
});
