import { weakestConfidence } from './rule-ref.js';
import type { Confidence, RuleRef, Sourced } from './tariff.js';
import type { TariffDistance, TariffDistances } from './tr4/tariff-distances.js';

export const GAUGE_CHANGES = ['none', 'container-transfer', 'wheelset-exchange'] as const;
export type GaugeChange = (typeof GAUGE_CHANGES)[number];

export interface Station extends Sourced {
  /** The code requests use: our readable code for the corridor's stations, the ESR code for the catalogue's. */
  readonly code: string;
  /** The railways' 6-digit station code (ЕСР), accepted wherever a station is. */
  readonly esr?: string | undefined;
  readonly name: string;
  readonly nameLocal?: string | undefined;
  readonly aliases: readonly string[];
  readonly railway: string;
  readonly country: string;
  /** The regional railway (дорога) of the ТР-4 list. */
  readonly road?: string | undefined;
  /** Commercial operation codes of the ТР-4 list (Book 2's legend), e.g. 3, 8Н. */
  readonly operations?: readonly string[] | undefined;
  readonly lat?: number | undefined;
  readonly lon?: number | undefined;
  readonly kinds: readonly string[];
}

export interface Link extends Sourced {
  readonly from: string;
  readonly to: string;
  readonly km: number;
  readonly railway: string;
  readonly rule: RuleRef;
}

export interface Crossing extends Sourced {
  readonly id: string;
  readonly name: string;
  readonly stations: readonly [string, string];
  readonly gaugeChange: GaugeChange;
  readonly dwellHours: number;
  readonly capacityTrainPairsPerDay?: number | undefined;
  readonly rule: RuleRef;
}

export interface Border extends Sourced {
  readonly countries: readonly [string, string];
  readonly trainPairsPerDay?: number | undefined;
  readonly plannedTrainPairsPerDay?: number | undefined;
}

/** The station catalogue and the ТР-4 distance function, compiled from rules/network/tr4/. */
export interface Tr4Network {
  /** Catalogue stations by ESR code (transit points that no station list names carry no railway and are left out). */
  readonly stations: ReadonlyMap<string, Station>;
  readonly distances: TariffDistances;
  /** Names of the transit points (including the tariff nodes that no station list names). */
  readonly transitPointNames: ReadonlyMap<string, string>;
  /** The manifest file, and what a quote's distance line cites. */
  readonly file: string;
  readonly book1Reference: string;
  readonly book3Reference: string;
  readonly confidence: Confidence;
  /** Operation codes (ТР-4 Book 2's legend) that open a station to wagon loads and to large containers. */
  readonly wagonOperations: ReadonlySet<string>;
  readonly containerOperations: ReadonlySet<string>;
}

/** A tariff distance inside one railway and how it was found. */
export type LegDistance =
  | { readonly km: number; readonly basis: 'tr4'; readonly tr4: TariffDistance }
  | { readonly km: number; readonly basis: 'links'; readonly links: readonly Link[] };

/** How a leg's tariff distance was found, as a quote shows it. */
export interface DistanceLine extends Sourced {
  readonly km: number;
  readonly basis: 'tr4' | 'links' | 'declared';
  /** e.g. "766502 Теплая Гора → 765901 Чусовская 114 km (Book 1) + … = 841 km" */
  readonly formula: string;
  /** ESR codes of the transit points the distance went through (ТР-4 only). */
  readonly via: string[];
}

export interface Network {
  /** The corridor's stations by our code, then the ТР-4 catalogue's by ESR code. */
  readonly stations: ReadonlyMap<string, Station>;
  readonly links: readonly Link[];
  readonly crossings: readonly Crossing[];
  readonly borders: readonly Border[];
  readonly tr4?: Tr4Network | undefined;
  /** The station a code names (our code, an ESR code, or the ESR code of one of our stations), or undefined. */
  resolve(code: string): Station | undefined;
  /**
   * Tariff distance between two stations of one railway: by ТР-4 where both have an ESR code ТР-4 can place, else
   * the shortest path over the railway's links; undefined when unconnected.
   */
  distance(from: string, to: string): LegDistance | undefined;
  distanceKm(from: string, to: string): number | undefined;
  /** The distance between two stations of one railway as a quote's distance line. */
  distanceLine(from: string, to: string): DistanceLine | undefined;
}

interface Adjacent {
  readonly to: string;
  readonly link: Link;
}

/**
 * Precomputes every railway's all-pairs tariff distances (Dijkstra from each station; the networks are small),
 * so route pricing never searches a graph.
 */
export function buildNetwork(
  own: ReadonlyMap<string, Station>,
  links: readonly Link[],
  crossings: readonly Crossing[],
  borders: readonly Border[],
  tr4?: Tr4Network,
): Network {
  const byEsr = new Map<string, Station>();
  for (const station of own.values()) if (station.esr) byEsr.set(station.esr, station);
  const stations = new Map(own);
  for (const [esr, station] of tr4?.stations ?? []) if (!byEsr.has(esr)) stations.set(esr, station);
  const adjacency = new Map<string, Adjacent[]>();
  for (const link of links) {
    for (const [a, b] of [
      [link.from, link.to],
      [link.to, link.from],
    ] as const) {
      const list = adjacency.get(a) ?? [];
      list.push({ to: b, link });
      adjacency.set(a, list);
    }
  }
  const distances = new Map<string, Map<string, number>>();
  const previous = new Map<string, Map<string, Adjacent & { from: string }>>();
  for (const code of own.keys()) {
    const { dist, prev } = shortestPaths(code, adjacency);
    distances.set(code, dist);
    previous.set(code, prev);
  }
  function pathLinks(from: string, to: string): Link[] {
    const prev = previous.get(from);
    const path: Link[] = [];
    let at = to;
    while (at !== from) {
      const step = prev?.get(at);
      if (!step) return [];
      path.unshift(step.link);
      at = step.from;
    }
    return path;
  }

  function distance(from: string, to: string): LegDistance | undefined {
    const a = stations.get(from);
    const b = stations.get(to);
    if (!a || !b || a.railway !== b.railway) return undefined;
    // ТР-4's books are Russia's: other railways' distances are their links', whatever ESR codes they carry.
    if (tr4 && a.railway === 'RZD' && a.esr && b.esr) {
      const found = tr4.distances.distance(a.esr, b.esr);
      if (found) return { km: found.km, basis: 'tr4', tr4: found };
    }
    const km = distances.get(from)?.get(to);
    return km === undefined ? undefined : { km, basis: 'links', links: pathLinks(from, to) };
  }

  function distanceLine(from: string, to: string): DistanceLine | undefined {
    const found = distance(from, to);
    if (!found) return undefined;
    if (found.basis === 'links') {
      const parts = found.links.map((l) => `${l.from}–${l.to} ${l.km} km`);
      return {
        km: found.km,
        basis: 'links',
        formula: `${parts.join(' + ')}${parts.length > 1 ? ` = ${found.km} km` : ''} (network links)`,
        via: [],
        reference: [...new Set(found.links.map((l) => l.reference))].join('; '),
        confidence: weakestConfidence(found.links.map((l) => l.confidence)),
      };
    }
    const d = found.tr4;
    const name = (esr: string) =>
      `${esr} ${tr4?.transitPointNames.get(esr) ?? stations.get(esr)?.nameLocal ?? byEsr.get(esr)?.nameLocal ?? ''}`.trim();
    const parts: string[] = [];
    if (d.sameSection) {
      parts.push(
        `${name(d.from)} and ${name(d.to)} lie on one section: ${d.fromKm} − ${d.toKm} km to ${name(d.fromTransitPoint)} (Book 1)`,
      );
    } else {
      if (d.fromKm > 0) parts.push(`${name(d.from)} → ${name(d.fromTransitPoint)} ${d.fromKm} km (Book 1)`);
      if (d.betweenKm > 0)
        parts.push(
          `${d.via.map(name).join(' → ')} ${d.betweenKm} km (Book 3${d.between === 'book3-summed' ? ', the pair is not published: sum of published pairs' : ''})`,
        );
      if (d.toKm > 0) parts.push(`${name(d.toTransitPoint)} → ${name(d.to)} ${d.toKm} km (Book 1)`);
    }
    return {
      km: d.km,
      basis: 'tr4',
      formula: `${parts.join(' + ')} = ${d.km} km`,
      via: [...d.via],
      reference: `Tariff Guide No. 4 (ТР-4): ${tr4?.book1Reference}; ${tr4?.book3Reference} (${tr4?.file})`,
      confidence: tr4?.confidence ?? 'approximate',
    };
  }

  return {
    stations,
    links,
    crossings,
    borders,
    tr4,
    resolve: (code) => stations.get(code) ?? byEsr.get(code),
    distance,
    distanceKm: (from, to) => distance(from, to)?.km,
    distanceLine,
  };
}

function shortestPaths(source: string, adjacency: ReadonlyMap<string, readonly Adjacent[]>) {
  const dist = new Map<string, number>([[source, 0]]);
  const prev = new Map<string, Adjacent & { from: string }>();
  const done = new Set<string>();
  for (;;) {
    let current: string | undefined;
    let best = Number.POSITIVE_INFINITY;
    for (const [node, d] of dist) {
      if (!done.has(node) && d < best) {
        best = d;
        current = node;
      }
    }
    if (current === undefined) break;
    done.add(current);
    for (const edge of adjacency.get(current) ?? []) {
      const candidate = best + edge.link.km;
      if (candidate < (dist.get(edge.to) ?? Number.POSITIVE_INFINITY)) {
        dist.set(edge.to, candidate);
        prev.set(edge.to, { ...edge, from: current });
      }
    }
  }
  return { dist, prev };
}
