import type { Crossing, DistanceLine, Network } from './network.js';
import type { Direction } from './tariff.js';

/** One railway's part of a route: the tariff distance between where the cargo enters and leaves it. */
export interface Leg {
  readonly railway: string;
  readonly from: string;
  readonly to: string;
  readonly km: number;
  /** How `km` was found: Tariff Guide No. 4, the network's links, or declared by the shipper. */
  readonly distance: DistanceLine;
  /** True when `km` is the distance the shipper declared for this railway, not the network's. */
  readonly declared?: boolean | undefined;
  readonly direction: Direction;
  readonly enteredBy?: Crossing | undefined;
  readonly leftBy?: Crossing | undefined;
}

export interface Route {
  /** The stations joined by '>': the route's name in an option and in keys. */
  readonly id: string;
  /** Origin, both stations of every crossing in order, destination. */
  readonly stations: readonly string[];
  readonly crossings: readonly Crossing[];
  readonly legs: readonly Leg[];
  /** Every border station on the route. */
  readonly borderStations: ReadonlySet<string>;
  /** The sum of the legs' tariff distances. */
  readonly distanceKm: number;
}

const MAX_ROUTES = 500;

/** Never reached: a route is built only where every leg's distance is known. */
const UNCONNECTED: DistanceLine = {
  km: 0,
  basis: 'links',
  formula: 'no distance',
  via: [],
  reference: 'none',
  confidence: 'illustrative',
};

/**
 * Every sequence of railways from origin to destination joined at border crossings, no railway entered twice,
 * each leg the shortest tariff distance inside its railway.
 */
export function findRoutes(network: Network, origin: string, destination: string): Route[] {
  const railwayOf = (code: string) => network.stations.get(code)?.railway;
  const target = railwayOf(destination);
  const routes: Route[] = [];

  function extend(at: string, railway: string, visited: ReadonlySet<string>, path: readonly Crossing[]) {
    if (routes.length >= MAX_ROUTES) return;
    if (railway === target) {
      if (network.distanceKm(at, destination) !== undefined)
        routes.push(buildRoute(network, origin, destination, path));
      return;
    }
    for (const crossing of network.crossings) {
      for (const [exit, entry] of [
        crossing.stations,
        [crossing.stations[1], crossing.stations[0]] as const,
      ]) {
        const next = railwayOf(entry);
        if (railwayOf(exit) !== railway || next === undefined || visited.has(next)) continue;
        if (network.distanceKm(at, exit) === undefined) continue;
        extend(entry, next, new Set([...visited, next]), [...path, orient(crossing, exit)]);
      }
    }
  }

  const start = railwayOf(origin);
  if (start !== undefined && target !== undefined) extend(origin, start, new Set([start]), []);
  return routes;
}

/** A crossing with its stations in the direction of travel. */
function orient(crossing: Crossing, exit: string): Crossing {
  return crossing.stations[0] === exit
    ? crossing
    : { ...crossing, stations: [crossing.stations[1], crossing.stations[0]] };
}

function buildRoute(
  network: Network,
  origin: string,
  destination: string,
  crossings: readonly Crossing[],
): Route {
  const legs: Leg[] = [];
  let from = origin;
  let enteredBy: Crossing | undefined;
  for (const crossing of [...crossings, undefined]) {
    const to = crossing ? crossing.stations[0] : destination;
    const railway = network.stations.get(from)?.railway ?? '';
    const distance = network.distanceLine(from, to) ?? UNCONNECTED;
    legs.push({
      railway,
      from,
      to,
      km: distance.km,
      distance,
      direction: directionOf(enteredBy !== undefined, crossing !== undefined),
      enteredBy,
      leftBy: crossing,
    });
    if (crossing) {
      from = crossing.stations[1];
      enteredBy = crossing;
    }
  }
  const stations = [origin, ...crossings.flatMap((c) => c.stations), destination];
  return {
    id: stations.join('>'),
    stations,
    crossings,
    legs,
    borderStations: new Set(crossings.flatMap((c) => c.stations)),
    distanceKm: legs.reduce((acc, l) => acc + l.km, 0),
  };
}

function directionOf(entered: boolean, leaves: boolean): Direction {
  if (entered && leaves) return 'transit';
  if (entered) return 'import';
  if (leaves) return 'export';
  return 'domestic';
}
