/**
 * `npm run bench [-- suite ...]`: runs the benchmark suites in one process, one after another. Each suite measures
 * its subject and a baseline in the same run and prints the ratio, since the machines are shared and noisy.
 */
import { overrides } from './overrides.js';
import { quotes } from './quotes.js';
import { rates } from './rates.js';
import { stations } from './stations.js';
import type { Suite } from './suite.js';
import { whatif } from './whatif.js';

const SUITES: Record<string, Suite> = { rates, quotes, whatif, overrides, stations };

const wanted = process.argv.slice(2);
for (const [name, suite] of Object.entries(SUITES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  process.stdout.write(`\n== ${name} ==\n`);
  await suite();
}
