import type { Match } from './match-stations.js';
import type { IndexedStation } from './station-index.js';

/**
 * The order of search results, each rule breaking the ties of the one before:
 *  1. how the query matched: an exact code (ours, the ESR code, or its 5 digits before the check digit); an exact
 *     name, Russian or Latin, in any common transliteration ("Tyoplaya Gora"), also without a bracketed remark
 *     ("Пермь II" for "Пермь II (перев.)"); an exact alias of one of our stations; the start of a name or code;
 *     a part of a name; a misspelling;
 *  2. for misspellings, fewer letters changed first;
 *  3. stations open to freight (ours, or an operation code with a digit) before passenger-only stops;
 *  4. our corridor stations and ТР-4 transit points before other stations;
 *  5. the shorter name ("Пермь I" before "Пермь-Сортировочная");
 *  6. the code, for a stable order.
 */
export function compareMatches(
  a: { readonly match: Match; readonly indexed: IndexedStation },
  b: { readonly match: Match; readonly indexed: IndexedStation },
): number {
  return (
    a.match.tier - b.match.tier ||
    a.match.distance - b.match.distance ||
    Number(b.indexed.freight) - Number(a.indexed.freight) ||
    Number(b.indexed.hub) - Number(a.indexed.hub) ||
    a.indexed.nameLength - b.indexed.nameLength ||
    byCode(a.indexed.station.code, b.indexed.station.code)
  );
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
