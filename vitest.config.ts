import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/helpers/check-contracts.setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
