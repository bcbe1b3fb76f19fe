// Real-browser suite: Chromium and Firefox with the built extension (tests/e2e), one file at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
    // Two browsers at once on a 2-core CI machine make timings flaky; files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
