import { calculateRates } from '../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../src/domain/pricing/shipment.js';
import type { RuleSet } from '../src/domain/rule-set/rule-set.js';
import { ResponseCache } from '../src/http/response-cache.js';

/**
 * Request streams for the HTTP benchmark, made of the stations, cargo codes and dates the served rules know (the
 * network may grow: nothing here names a lane). Deterministic: a seeded generator, so runs compare.
 */

/** Mulberry32: a small seeded generator, enough to draw benchmark shipments reproducibly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws ranks 0..n-1 with P(rank k) ∝ 1 / (k + 1)^s: the first few are asked for most. */
export function zipf(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += 1 / (k + 1) ** s;
    cumulative[k] = sum;
  }
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const shuffle = <T>(items: T[], random: () => number): T[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
};

const UNITS: RateRequest['units'][] = [
  { kind: 'container', size: '40', loaded: true, ownership: 'private', count: 1 },
  { kind: 'container', size: '20', loaded: true, ownership: 'private', count: 1 },
  { kind: 'container', size: '40', loaded: true, ownership: 'railway', count: 1 },
  { kind: 'container', size: '40', loaded: true, ownership: 'private', count: 2 },
  { kind: 'container', size: '20', loaded: true, ownership: 'railway', count: 2 },
  { kind: 'container', size: '40', loaded: false, ownership: 'private', count: 1 },
  { kind: 'wagon', loaded: true, ownership: 'private', count: 1 },
  { kind: 'container', size: '45', loaded: true, ownership: 'private', count: 1 },
];

function isoDay(start: string, offset: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** The size of the serialised quote of a shipment, or 0 when it cannot be priced. */
const quoteBytes = (ruleSet: RuleSet, request: RateRequest): number => {
  try {
    return JSON.stringify(calculateRates(ruleSet, request)).length;
  } catch {
    return 0;
  }
};
const prices = (ruleSet: RuleSet, request: RateRequest): boolean => quoteBytes(ruleSet, request) > 0;

/** The dimensions shipments are drawn from, each in a seeded order of popularity. */
export interface Dimensions {
  readonly lanes: readonly (readonly [string, string])[];
  readonly cargo: readonly string[];
  readonly units: readonly RateRequest['units'][];
  readonly dates: readonly string[];
}

/** Lanes between stations of the rule set's network that a 40 ft box of the first cargo code can be priced on. */
export function dimensions(ruleSet: RuleSet, random: () => number, laneCount = 60): Dimensions {
  const stations = [...ruleSet.network.stations.keys()];
  const cargo = shuffle([...ruleSet.cargo.etsng.keys()], random);
  const dates = shuffle(
    Array.from({ length: 365 }, (_, i) => isoDay('2025-07-01', i)),
    random,
  );
  // Lanes drawn at random between the corridor's stations (those with a readable code), kept if they price: the
  // network also holds some 14 000 catalogue stations, whose every pair would not fit in memory.
  const corridor = stations.filter((code) => !/^\d{6}$/.test(code));
  const lanes: (readonly [string, string])[] = [];
  const seen = new Set<string>();
  for (let attempt = 0; lanes.length < laneCount && attempt < 50 * laneCount; attempt++) {
    const origin = corridor[Math.floor(random() * corridor.length)] as string;
    const destination = corridor[Math.floor(random() * corridor.length)] as string;
    if (origin === destination || seen.has(`${origin}>${destination}`)) continue;
    seen.add(`${origin}>${destination}`);
    const probe: RateRequest = {
      origin,
      destination,
      acceptanceDate: '2026-03-01',
      cargo: { etsng: '693000' },
      units: UNITS[0] as RateRequest['units'],
      currency: 'USD',
    };
    if (prices(ruleSet, probe)) lanes.push([origin, destination]);
  }
  return { lanes, cargo, units: UNITS, dates };
}

function shipment(d: Dimensions, lane: number, cargo: number, unit: number, date: number): RateRequest {
  const [origin, destination] = d.lanes[lane] as readonly [string, string];
  return {
    origin,
    destination,
    acceptanceDate: d.dates[date] as string,
    cargo: { etsng: d.cargo[cargo] as string },
    units: d.units[unit] as RateRequest['units'],
    currency: 'USD',
  };
}

/**
 * The share of hits the response cache would have, bounded at `maxBytes`, once warm: the stream of ranks is played
 * through the same LRU, each entry sized as the cache sizes a plain body, and hits counted over its second half.
 */
export function steadyHitRate(
  ranks: readonly number[],
  responseBytes: readonly number[],
  maxBytes: number,
): number {
  const cache = new ResponseCache(maxBytes);
  const body = (rank: number) => ({
    digest: '',
    variants: { identity: Buffer.alloc(responseBytes[rank] as number) },
  });
  let hits = 0;
  const half = Math.floor(ranks.length / 2);
  ranks.forEach((rank, i) => {
    const key = String(rank).padStart(300, ' ');
    if (cache.get('rules', key)) {
      if (i >= half) hits++;
    } else cache.set('rules', key, body(rank));
  });
  return hits / (ranks.length - half);
}

/**
 * `count` distinct shipments that price, each dimension drawn from a Zipf (s = 1) over its values, in the order drawn:
 * the first is the most popular once requests are drawn from them by a Zipf on their rank too.
 */
export function skewedCatalogue(
  ruleSet: RuleSet,
  d: Dimensions,
  count: number,
  random: () => number,
): { shipments: RateRequest[]; responseBytes: number[] } {
  const lane = zipf(d.lanes.length, 1, random);
  const cargo = zipf(d.cargo.length, 1, random);
  const unit = zipf(d.units.length, 1, random);
  const date = zipf(d.dates.length, 1, random);
  const seen = new Set<string>();
  const shipments: RateRequest[] = [];
  const responseBytes: number[] = [];
  for (let tries = 0; shipments.length < count && tries < count * 50; tries++) {
    const s = shipment(d, lane(), cargo(), unit(), date());
    const key = JSON.stringify(s);
    if (seen.has(key)) continue;
    seen.add(key);
    const bytes = quoteBytes(ruleSet, s);
    if (bytes === 0) continue;
    shipments.push(s);
    responseBytes.push(bytes);
  }
  return { shipments, responseBytes };
}

/**
 * `count` shipments no two alike: shipments that price, drawn uniformly, each asked for with a count of boxes or
 * wagons of its own (1 to 1 000), so that every request misses any cache.
 */
export function distinctShipments(
  ruleSet: RuleSet,
  d: Dimensions,
  count: number,
  random: () => number,
): RateRequest[] {
  const bases: RateRequest[] = [];
  const pick = (n: number) => Math.floor(random() * n);
  while (bases.length < 1000) {
    const s = shipment(
      d,
      pick(d.lanes.length),
      pick(d.cargo.length),
      pick(d.units.length),
      pick(d.dates.length),
    );
    if (prices(ruleSet, s)) bases.push(s);
  }
  const out: RateRequest[] = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length] as RateRequest;
    out.push({ ...base, units: { ...base.units, count: 1 + Math.floor(i / bases.length) } });
  }
  return shuffle(out, random);
}
