import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/helpers/check-contracts.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
