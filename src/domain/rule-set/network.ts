import type { RuleRef, Sourced } from './tariff.js';

export const GAUGE_CHANGES = ['none', 'container-transfer', 'wheelset-exchange'] as const;
export type GaugeChange = (typeof GAUGE_CHANGES)[number];

export interface Station extends Sourced {
  readonly code: string;
  readonly name: string;
  readonly nameLocal?: string | undefined;
  readonly aliases: readonly string[];
  readonly railway: string;
  readonly country: string;
  readonly lat: number;
  readonly lon: number;
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

export interface Network {
  readonly stations: ReadonlyMap<string, Station>;
  readonly links: readonly Link[];
  readonly crossings: readonly Crossing[];
  readonly borders: readonly Border[];
  /** Tariff distance between two stations of one railway (shortest path), or undefined when unconnected. */
  distanceKm(from: string, to: string): number | undefined;
  /** The links of the shortest path between two stations of one railway, in order. */
  pathLinks(from: string, to: string): readonly Link[];
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
  stations: ReadonlyMap<string, Station>,
  links: readonly Link[],
  crossings: readonly Crossing[],
  borders: readonly Border[],
): Network {
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
  for (const code of stations.keys()) {
    const { dist, prev } = shortestPaths(code, adjacency);
    distances.set(code, dist);
    previous.set(code, prev);
  }
  return {
    stations,
    links,
    crossings,
    borders,
    distanceKm: (from, to) => distances.get(from)?.get(to),
    pathLinks(from, to) {
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
    },
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
