import { BUNDLED_RULES_DIR } from '../src/config.js';
import { findStations, normaliseName } from '../src/domain/rule-set/find-stations.js';
import type { Network, Station } from '../src/domain/rule-set/network.js';
import { stationIndex } from '../src/domain/rule-set/station-search/station-index.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';
import { medianOpsPerSecond, printRow } from './suite.js';

/** Codes, Russian and Latin names, transliterations, misspellings and starts of names, as people type them. */
const QUERIES = [
  '766502',
  '76650',
  'kigash',
  'Тёплая Гора',
  'Tyoplaya Gora',
  'Tjoplaja Gora',
  'Шимордан',
  'Balasheyka',
  'Novaia Chara',
  'Chelyabinks',
  'Ekaterenburg',
  'Perm 1',
  'Пермь',
  'Усть-Камен',
  'Kyzylorda',
  'Ақтөбе',
  'Пе',
  'a',
];

/**
 * `npm run bench -- stations`: GET /v1/stations's search over the whole ТР-4 catalogue (≈14 000 stations), a page of
 * 20, for a mix of real queries, against the search it replaced (every station's names normalised and compared on
 * each query, misspellings by an edit distance on each name's start) in the same run.
 */
export async function stations(): Promise<void> {
  const { network } = await loadRuleSet(BUNDLED_RULES_DIR);
  let started = performance.now();
  stationIndex(network);
  printRow(`build the search index of ${network.stations.size} stations (once per rule set)`, ms(started));

  let next = 0;
  const query = () => QUERIES[next++ % QUERIES.length] as string;
  const rates = medianOpsPerSecond(
    {
      indexed: () => findStations(network, { q: query(), limit: 20 }),
      scan: () => scanStations(network, query(), 20),
    },
    3,
    1500,
  );
  printRow(`indexed search, ${QUERIES.length} queries in turn (queries/s)`, rates.indexed.toFixed(0));
  printRow('  mean time per query', `${(1000 / rates.indexed).toFixed(3)} ms`);
  printRow('baseline: the scan it replaced (queries/s)', rates.scan.toFixed(0));
  printRow('indexed ÷ scan', `${(rates.indexed / rates.scan).toFixed(1)}×`);
  started = performance.now();
  for (const q of QUERIES) findStations(network, { q, limit: 20 });
  printRow('every query once more, one after another', ms(started));
}

const ms = (since: number) => `${(performance.now() - since).toFixed(1)} ms`;

/** The search before the index: every name of every station normalised and compared, for each query. */
function scanStations(network: Network, query: string, limit: number): Station[] {
  const q = normaliseName(query);
  const scored: { station: Station; score: number }[] = [];
  for (const station of network.stations.values()) {
    let best = 0;
    for (const name of [station.code, station.name, station.nameLocal ?? '', ...station.aliases]
      .map(normaliseName)
      .filter(Boolean)) {
      if (name === q) best = Math.max(best, 100);
      else if (name.startsWith(q)) best = Math.max(best, 80);
      else if (name.includes(q)) best = Math.max(best, 60);
      else if (q.length >= 4 && editDistance(name.slice(0, q.length + 1), q) <= 2) best = Math.max(best, 40);
    }
    if (best > 0) scored.push({ station, score: best });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.station.code.localeCompare(b.station.code))
    .slice(0, limit)
    .map((s) => s.station);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}
