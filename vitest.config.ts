// Unit tests: plain Node (no DOM shim), one worker at a time (the machine has two busy cores).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Override with `npx vitest run --maxWorkers=2` on a quiet machine.
    maxWorkers: 1,
    testTimeout: 30_000,
  },
});
