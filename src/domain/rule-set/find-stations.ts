import type { Network, Station } from './network.js';
import { type Match, matchStations } from './station-search/match-stations.js';
import { compareMatches } from './station-search/rank-matches.js';
import { type IndexedStation, stationIndex } from './station-search/station-index.js';

export { normaliseName } from './station-search/normalise-name.js';

export interface StationQuery {
  /** Code or name in any script; empty lists every station. */
  readonly q?: string | undefined;
  /** Only this railway's stations. */
  readonly railway?: string | undefined;
  readonly offset?: number | undefined;
  readonly limit?: number | undefined;
}

export interface StationPage {
  /** The page asked for, best match first (the order is documented in station-search/rank-matches.ts). */
  readonly stations: readonly Station[];
  /** Every station that matched, across all pages. */
  readonly total: number;
}

/**
 * Stations by code (ours, ESR), name (Russian, Latin in any common transliteration, Kazakh, Persian), the start or
 * part of a name, or a close misspelling, best first, a page at a time. Without a query: every station in the
 * network's order (our corridor stations, then the catalogue by ESR code).
 */
export function findStations(network: Network, query: StationQuery): StationPage {
  const index = stationIndex(network);
  const offset = query.offset ?? 0;
  const limit = query.limit ?? Number.MAX_SAFE_INTEGER;
  const wanted = (s: IndexedStation) => query.railway === undefined || s.station.railway === query.railway;
  if (!query.q?.trim()) {
    const all = index.stations.filter(wanted);
    return { stations: all.slice(offset, offset + limit).map((s) => s.station), total: all.length };
  }
  const ranked: { match: Match; indexed: IndexedStation }[] = [];
  for (const [at, match] of matchStations(index, query.q)) {
    const indexed = index.stations[at];
    if (indexed && wanted(indexed)) ranked.push({ match, indexed });
  }
  ranked.sort(compareMatches);
  return {
    stations: ranked.slice(offset, offset + limit).map((r) => r.indexed.station),
    total: ranked.length,
  };
}

/** Stations whose code, name or alias matches the query, best first; close misspellings count. */
export function searchStations(network: Network, query: string, limit = 20): Station[] {
  return [...findStations(network, { q: query, limit }).stations];
}
