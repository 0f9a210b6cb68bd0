import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:fast`: the unit, property, golden and CLI tests that need no server, no database and no what-if of
 * the sample portfolio. `npm test` runs these and the rest.
 */
export const SLOW_TESTS = [
  'test/http/**', // real listening servers
  'test/browser/**', // Chromium against a listening server
  'test/store/**', // PGlite and PostgreSQL
  'test/cli/quotes.test.ts', // PGlite
  'test/cli/keys.test.ts', // PGlite
  'test/cli/whatif.test.ts', // what-ifs through the CLI beside a server
  'test/domain/whatif.test.ts', // what-ifs over the sample portfolio
];

export default mergeConfig(
  base,
  // Files share their workers' modules (no test mocks or changes process state): the bundled rules load once per
  // worker, not once per file.
  defineConfig({ test: { exclude: [...configDefaults.exclude, ...SLOW_TESTS], isolate: false } }),
);
