/**
 * Tariff distances as Tariff Guide No. 4 (ТР-4) computes them: a station's distances to the transit points of its
 * section (Book 1), and the published distances between transit points (Book 3).
 */

/** One Book 1 row: a station's distance to one transit point of its section. */
export interface TransitPointDistance {
  readonly transitPoint: string;
  readonly km: number;
}

/** How the part between the two transit points was found. */
export type BetweenTransitPoints =
  /** the same transit point, or both stations on one section: no Book 3 distance is needed */
  | 'none'
  /** one published Book 3 distance */
  | 'book3'
  /** the pair is not published: the shortest sum of published Book 3 distances through other transit points */
  | 'book3-summed';

export interface TariffDistance {
  readonly km: number;
  /** ESR codes of the two stations. */
  readonly from: string;
  readonly to: string;
  /** The stations' own transit points used, and their Book 1 distances (0 when the station is the transit point). */
  readonly fromTransitPoint: string;
  readonly fromKm: number;
  readonly toTransitPoint: string;
  readonly toKm: number;
  readonly betweenKm: number;
  readonly between: BetweenTransitPoints;
  /** Every transit point in order, from the origin's to the destination's (intermediate ones when summed). */
  readonly via: readonly string[];
  /** True when both stations lie on one section and the distance is the difference of their Book 1 distances. */
  readonly sameSection: boolean;
}

export interface TariffDistances {
  readonly transitPoints: ReadonlySet<string>;
  /** Book 1 rows of a station (a transit point is at 0 km from itself). */
  transitPointsOf(esr: string): readonly TransitPointDistance[];
  /** The tariff distance between two stations, or undefined when either has no transit point or none connect. */
  distance(from: string, to: string): TariffDistance | undefined;
}

const NONE = -1;

/**
 * Builds the distance function over Book 1 rows and Book 3 pairs. Book 3 pairs are used as published; a pair Book 3
 * does not publish is summed over published pairs (Dijkstra over the transit points, computed once per origin
 * transit point and kept), never through a border point (the distances Book 3 gives between border points are
 * transit distances across Russia, not a way inside it).
 */
export function buildTariffDistances(
  transitPoints: readonly string[],
  book1: ReadonlyMap<string, readonly TransitPointDistance[]>,
  book3: readonly (readonly [string, string, number])[],
  /** Border (export) points: a route may end at one, never pass through one. */
  borderPoints: ReadonlySet<string> = new Set(),
): TariffDistances {
  const index = new Map(transitPoints.map((tp, i) => [tp, i]));
  const n = transitPoints.length;
  const published = new Int32Array(n * n).fill(NONE);
  for (const [a, b, km] of book3) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    published[i * n + j] = km;
    published[j * n + i] = km;
  }
  const summed = new Map<number, { dist: Int32Array; prev: Int32Array }>();
  const border = new Uint8Array(n);
  for (const tp of borderPoints) {
    const i = index.get(tp);
    if (i !== undefined) border[i] = 1;
  }

  function fromSource(source: number) {
    let found = summed.get(source);
    if (found) return found;
    const dist = new Int32Array(n).fill(NONE);
    const prev = new Int32Array(n).fill(NONE);
    const done = new Uint8Array(n);
    dist[source] = 0;
    for (;;) {
      let at = NONE;
      for (let i = 0; i < n; i++) {
        const d = dist[i] as number;
        if (done[i] === 0 && d !== NONE && (at === NONE || d < (dist[at] as number))) at = i;
      }
      if (at === NONE) break;
      done[at] = 1;
      if (at !== source && border[at] === 1) continue;
      const base = dist[at] as number;
      for (let j = 0, row = at * n; j < n; j++) {
        const km = published[row + j] as number;
        if (km === NONE || done[j] === 1) continue;
        const candidate = base + km;
        const current = dist[j] as number;
        if (current === NONE || candidate < current) {
          dist[j] = candidate;
          prev[j] = at;
        }
      }
    }
    found = { dist, prev };
    summed.set(source, found);
    return found;
  }

  /** Distance between two transit points: published, or summed over published pairs. */
  function between(
    a: number,
    b: number,
  ): { km: number; how: BetweenTransitPoints; via: number[] } | undefined {
    if (a === b) return { km: 0, how: 'none', via: [a] };
    const direct = published[a * n + b] as number;
    if (direct !== NONE) return { km: direct, how: 'book3', via: [a, b] };
    const { dist, prev } = fromSource(a);
    const km = dist[b] as number;
    if (km === NONE) return undefined;
    const via = [b];
    for (let at = b; at !== a; ) {
      at = prev[at] as number;
      via.unshift(at);
    }
    return { km, how: 'book3-summed', via };
  }

  const ownRows = (esr: string): readonly TransitPointDistance[] =>
    index.has(esr) ? [{ transitPoint: esr, km: 0 }] : (book1.get(esr) ?? []);

  const memo = new Map<string, TariffDistance | undefined>();

  function compute(from: string, to: string): TariffDistance | undefined {
    const a = ownRows(from);
    const b = ownRows(to);
    if (a.length === 0 || b.length === 0) return undefined;
    const first = a[0] as TransitPointDistance;
    if (from === to) return same(from, to, first.transitPoint, first.km, first.km);
    const section = sameSection(a, b);
    if (section) return same(from, to, section.transitPoint, section.fromKm, section.toKm);
    let best: TariffDistance | undefined;
    for (const x of a) {
      for (const y of b) {
        const path = between(index.get(x.transitPoint) as number, index.get(y.transitPoint) as number);
        if (!path) continue;
        const km = x.km + path.km + y.km;
        if (best !== undefined && km >= best.km) continue;
        best = {
          km,
          from,
          to,
          fromTransitPoint: x.transitPoint,
          fromKm: x.km,
          toTransitPoint: y.transitPoint,
          toKm: y.km,
          betweenKm: path.km,
          between: path.how,
          via: path.via.map((i) => transitPoints[i] as string),
          sameSection: false,
        };
      }
    }
    return best;
  }

  function same(
    from: string,
    to: string,
    transitPoint: string,
    fromKm: number,
    toKm: number,
  ): TariffDistance {
    return {
      km: Math.abs(fromKm - toKm),
      from,
      to,
      fromTransitPoint: transitPoint,
      fromKm,
      toTransitPoint: transitPoint,
      toKm,
      betweenKm: 0,
      between: 'none',
      via: [transitPoint],
      sameSection: from !== to,
    };
  }

  return {
    transitPoints: new Set(transitPoints),
    transitPointsOf: ownRows,
    distance(from, to) {
      const [low, high] = from < to ? [from, to] : [to, from];
      const key = `${low}|${high}`;
      if (!memo.has(key)) {
        if (memo.size > 50_000) memo.clear();
        memo.set(key, compute(low, high));
      }
      const found = memo.get(key);
      return found && found.from !== from ? reverse(found) : found;
    },
  };
}

/**
 * Two stations on one section between the same two transit points (each listed with both, at distances that add
 * up to the same section length): the distance is the difference of their distances to either transit point.
 */
function sameSection(
  a: readonly TransitPointDistance[],
  b: readonly TransitPointDistance[],
): { transitPoint: string; fromKm: number; toKm: number } | undefined {
  if (a.length !== 2 || b.length !== 2) return undefined;
  const [a1, a2] = a as [TransitPointDistance, TransitPointDistance];
  const b1 = b.find((r) => r.transitPoint === a1.transitPoint);
  const b2 = b.find((r) => r.transitPoint === a2.transitPoint);
  if (!b1 || !b2 || a1.km + a2.km !== b1.km + b2.km) return undefined;
  return { transitPoint: a1.transitPoint, fromKm: a1.km, toKm: b1.km };
}

function reverse(d: TariffDistance): TariffDistance {
  return {
    ...d,
    from: d.to,
    to: d.from,
    fromTransitPoint: d.toTransitPoint,
    fromKm: d.toKm,
    toTransitPoint: d.fromTransitPoint,
    toKm: d.fromKm,
    via: [...d.via].reverse(),
  };
}
