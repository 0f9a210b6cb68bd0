import { memoisedPerOwner } from '../../core/memo.js';
import type { Network, Station } from '../network.js';
import { buildNameBigrams, type NameBigrams } from './name-bigrams.js';
import { normaliseName } from './normalise-name.js';
import { searchKey } from './search-key.js';

/** What a key names of a station: its code, one of its names, or one of our aliases for it. */
export type KeyKind = 'code' | 'name' | 'alias';

export interface Posting {
  /** Position of the station in `StationIndex.stations`. */
  readonly station: number;
  readonly kind: KeyKind;
}

export interface IndexedStation {
  readonly station: Station;
  /** Open to freight: one of our corridor stations, or an operation code with a digit (a siding, containers). */
  readonly freight: boolean;
  /** One of our corridor stations or a ТР-4 transit point: where routes run through. */
  readonly hub: boolean;
  /** Length of the search key of its name, for "shorter name first". */
  readonly nameLength: number;
}

export interface StationIndex {
  readonly stations: readonly IndexedStation[];
  /** Codes as typed (lower-cased): our codes, ESR codes and the 5 digits of an ESR code before its check digit. */
  readonly codes: ReadonlyMap<string, number>;
  /** Every search key and the stations it names. */
  readonly postings: ReadonlyMap<string, readonly Posting[]>;
  /** The same keys, sorted, for prefix ranges by binary search. */
  readonly sortedKeys: readonly string[];
  /** The keys of names and aliases (not codes), for substring and misspelling matches. */
  readonly nameKeys: readonly string[];
  /** The letter pairs of `nameKeys`, to find the few worth comparing with a query. */
  readonly nameBigrams: NameBigrams;
  /** Length of the longest name key, for sizing edit-distance scratch rows. */
  readonly longestKey: number;
}

const built = new WeakMap<Network, StationIndex>();

/** The search index of a network's stations, built on first use and kept as long as the network is. */
export function stationIndex(network: Network): StationIndex {
  return memoisedPerOwner(built, network, () => buildStationIndex(network));
}

/** A name without a trailing remark in brackets: "Пермь II (перев.)" is also found as "Пермь II". */
const withoutRemark = (name: string) => name.replace(/\s*\([^()]*\)\s*$/, '');

function buildStationIndex(network: Network): StationIndex {
  const stations: IndexedStation[] = [];
  const codes = new Map<string, number>();
  const postings = new Map<string, Posting[]>();
  const nameKeys = new Set<string>();
  const transitPoints = network.tr4?.distances.transitPoints;
  const add = (key: string, posting: Posting) => {
    if (!key) return;
    const list = postings.get(key) ?? [];
    if (!list.some((p) => p.station === posting.station && p.kind === posting.kind)) list.push(posting);
    postings.set(key, list);
    if (posting.kind !== 'code') nameKeys.add(key);
  };
  for (const station of network.stations.values()) {
    const at = stations.length;
    const ours = station.code !== station.esr;
    // Our station standing for a catalogue point is also found by that point's official names.
    const catalogue = ours && station.esr ? network.tr4?.stations.get(station.esr) : undefined;
    const names = [station.name, station.nameLocal, catalogue?.name, catalogue?.nameLocal].filter(
      (name): name is string => name !== undefined && name !== '',
    );
    const nameKeys = names.map(searchKey);
    stations.push({
      station,
      freight: ours || (station.operations ?? []).some((op) => /\d/.test(op)),
      hub: ours || (station.esr !== undefined && transitPoints?.has(station.esr) === true),
      nameLength: (station.nameLocal !== undefined ? nameKeys[1] : nameKeys[0])?.length ?? 0,
    });
    for (const code of new Set([station.code, station.esr])) {
      if (code === undefined) continue;
      const digits = /^\d{6}$/.test(code);
      const normalised = digits ? code : normaliseName(code);
      codes.set(code.toLowerCase(), at);
      codes.set(normalised, at);
      if (digits) codes.set(code.slice(0, 5), at);
      add(digits ? code : searchKey(code), { station: at, kind: 'code' });
    }
    names.forEach((name, i) => {
      add(nameKeys[i] as string, { station: at, kind: 'name' });
      const base = withoutRemark(name);
      if (base !== name) add(searchKey(base), { station: at, kind: 'name' });
    });
    for (const alias of station.aliases) add(searchKey(alias), { station: at, kind: 'alias' });
  }
  const keys = [...nameKeys];
  return {
    stations,
    codes,
    postings,
    sortedKeys: [...postings.keys()].sort(),
    nameKeys: keys,
    nameBigrams: buildNameBigrams(keys),
    longestKey: keys.reduce((longest, key) => Math.max(longest, key.length), 0),
  };
}
