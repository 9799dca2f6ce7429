import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    // Integration tests (a dataset built, a CLI spawned) take 2-4 s alone on two cores and more
    // under load: vitest's default of 5 s failed them at random. Speed is measured by the
    // benchmarks (npm run bench), not by a test's time limit.
    testTimeout: 60_000,
  },
});
