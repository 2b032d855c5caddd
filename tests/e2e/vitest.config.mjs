// @ts-check
// The e2e suite: one real app at a time, so files and tests run one after another.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: import.meta.dirname,
  test: {
    environment: 'node',
    include: ['**/*.e2e.test.mjs'],
    exclude: ['**/node_modules/**'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    // A flaky e2e test is a bug to fix, not to retry.
    retry: 0,
  },
});
