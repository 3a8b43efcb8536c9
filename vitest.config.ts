// Unit tests: plain Node (no DOM shim). One worker while developing (the cores are shared with
// builds and training); two in CI, where nothing else runs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: process.env.CI ? 2 : 1,
    testTimeout: 30_000,
  },
});
