import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    projects: [
      {
        // Logic: adapters on saved real pages, identity, database operations, components.
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/setup-unit.ts'],
        },
      },
      ...(process.env.SHELFMARK_BENCH
        ? [
            {
              // npm run bench: figures for speed and memory, printed, never asserted.
              plugins: [WxtVitest()],
              test: {
                name: 'bench',
                include: ['bench/**/*.bench.ts'],
                environment: 'jsdom',
                setupFiles: ['test/setup-unit.ts'],
                testTimeout: 600_000,
                hookTimeout: 120_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
      {
        // The built extension in a real Chromium (run `npm run build` first; `npm test` does).
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
