// The card-scale measurement (bench/card/card-scale.measure.ts): not a unit test (it times, and takes minutes), so
// it runs only when asked: `npx vitest run --config bench/card/vitest.config.ts`.
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['bench/card/**/*.measure.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    testTimeout: 3_600_000,
    hookTimeout: 3_600_000,
  },
});
