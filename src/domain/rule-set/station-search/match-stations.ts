import { boundedEditDistance } from './bounded-edit-distance.js';
import { keysSharingPairs } from './name-bigrams.js';
import { normaliseName } from './normalise-name.js';
import { queryKeys } from './search-key.js';
import type { KeyKind, StationIndex } from './station-index.js';

/** How well a station matches a query, best first (see rank-matches.ts for the whole order). */
export const Tier = { code: 0, name: 1, alias: 2, prefix: 3, substring: 4, misspelt: 5 } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

export interface Match {
  readonly tier: Tier;
  /** Letters changed, for a misspelling; 0 otherwise. */
  readonly distance: number;
}

const EXACT_TIER: Record<KeyKind, Tier> = { code: Tier.code, name: Tier.name, alias: Tier.alias };

/**
 * Misspellings allowed, on the search key: none below 4 letters, one up to 5, two from 6. A misspelt start of a
 * longer name ("Cheliabinks" for Челябинск-Главный) counts from 5 letters, with one change up to 7 and two from 8.
 */
const wholeEdits = (length: number) => (length < 4 ? 0 : length < 6 ? 1 : 2);
const prefixEdits = (length: number) => (length < 5 ? 0 : length < 8 ? 1 : 2);

/** The first position in sorted `keys` not before `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((keys[mid] as string) < key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Every station the query names, each with its best match; the stations are positions in `index.stations`. */
export function matchStations(index: StationIndex, query: string): Map<number, Match> {
  const found = new Map<number, Match>();
  const offer = (station: number, tier: Tier, distance = 0) => {
    const known = found.get(station);
    if (!known || tier < known.tier || (tier === known.tier && distance < known.distance))
      found.set(station, { tier, distance });
  };
  const typed = query.trim();
  for (const code of [typed.toLowerCase(), normaliseName(typed)]) {
    const station = index.codes.get(code);
    if (station !== undefined) offer(station, Tier.code);
  }
  const rows = new Int32Array(2 * (index.longestKey + 1));
  for (const key of queryKeys(typed)) {
    for (const posting of index.postings.get(key) ?? []) offer(posting.station, EXACT_TIER[posting.kind]);
    for (let at = lowerBound(index.sortedKeys, key); at < index.sortedKeys.length; at++) {
      const longer = index.sortedKeys[at] as string;
      if (!longer.startsWith(key)) break;
      if (longer === key) continue;
      for (const posting of index.postings.get(longer) ?? []) offer(posting.station, Tier.prefix);
    }
    const whole = wholeEdits(key.length);
    const prefix = prefixEdits(key.length);
    const edits = Math.max(whole, prefix);
    if (key.length < 3) continue;
    // Candidates by shared letter pairs (name-bigrams.ts): all pairs but the first for a part of a name, all but two
    // per edit for a misspelling.
    const minShared = Math.max(1, Math.min(key.length - 1, key.length - 2 * edits));
    for (const id of keysSharingPairs(index.nameBigrams, key, minShared)) {
      const name = index.nameKeys[id] as string;
      let tier: Tier | undefined;
      let distance = 0;
      if (name.includes(key)) {
        if (!name.startsWith(key)) tier = Tier.substring;
      } else if (edits > 0) {
        const d = boundedEditDistance(key, name, edits, rows);
        distance = Math.min(d.whole <= whole ? d.whole : Infinity, d.prefix <= prefix ? d.prefix : Infinity);
        if (distance !== Infinity) tier = Tier.misspelt;
      }
      if (tier === undefined) continue;
      for (const posting of index.postings.get(name) ?? []) offer(posting.station, tier, distance);
    }
  }
  return found;
}
