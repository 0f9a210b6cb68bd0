import { epochOf } from '../core/date-epochs.js';
import type { IsoDate } from '../core/dates.js';
import { isDomainError } from '../core/domain-error.js';
import type { RateRequest, UnitsRequest } from '../pricing/shipment.js';
import { resolveCargo } from '../rule-set/cargo.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { assessImpact, type ShipmentImpact, type WhatIfStep } from './assess-impact.js';

/**
 * Assesses each distinct shipment once. Two portfolio rows share a result when they ask for the same thing (route
 * ends, via, cargo, units, count, mass, currency) on dates of the same epoch, i.e. dates between which no rule file,
 * baseline or draft, names a date (see epochOf). Nothing else is cached; the cache is emptied when it holds
 * `limit` entries (default 100 000), so memory stays bounded whatever the portfolio's size.
 */
export class ImpactCache {
  private readonly entries = new Map<string, ShipmentImpact>();
  private readonly groups = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly baseline: RuleSet,
    private readonly steps: readonly WhatIfStep[],
    private readonly boundaries: readonly IsoDate[],
    private readonly options: { readonly modeShift?: boolean; readonly limit?: number } = {},
  ) {}

  impactOf(request: RateRequest): ShipmentImpact {
    const key = shipmentKey(request, epochOf(this.boundaries, request.acceptanceDate));
    const known = this.entries.get(key);
    if (known) {
      this.hits++;
      return known;
    }
    this.misses++;
    const impact = assessImpact(this.baseline, this.steps, request, { modeShift: this.options.modeShift });
    if (this.entries.size >= (this.options.limit ?? 100_000)) this.entries.clear();
    this.entries.set(key, impact);
    return impact;
  }

  /** The cargo groups of a cargo code, joined with '+' ("grain", "ferrous-metals"), or "unknown cargo". */
  cargoGroupOf(request: RateRequest): string {
    const code = 'etsng' in request.cargo ? request.cargo.etsng : request.cargo.gng;
    let group = this.groups.get(code);
    if (group === undefined) {
      try {
        const groups = resolveCargo(this.baseline.cargo, request.cargo).groups;
        group = groups.length > 0 ? groups.join('+') : 'no group';
      } catch (error) {
        if (!isDomainError(error)) throw error;
        group = 'unknown cargo';
      }
      this.groups.set(code, group);
    }
    return group;
  }
}

type KeyParts<T> = { readonly [K in keyof T]-?: (value: T[K]) => string | number };

const UNIT_PARTS: KeyParts<UnitsRequest> = {
  kind: (kind) => kind,
  size: (size) => size ?? '',
  containerType: (type) => type ?? '',
  wagonType: (type) => type ?? '',
  axles: (axles) => axles ?? '',
  loaded: (loaded) => (loaded ? 'L' : 'E'),
  ownership: (ownership) => ownership ?? '',
  count: (count) => count,
  grossMassTonnes: (mass) => mass ?? '',
  shipmentType: (type) => type ?? '',
  loadCapacityTonnes: (capacity) => capacity ?? '',
  innovative: (innovative) => (innovative === undefined ? '' : String(innovative)),
  wagons: (wagons) => (wagons ? JSON.stringify(wagons) : ''),
  emptyReturn: (emptyReturn) => (emptyReturn ? 'R' : ''),
};

/** The request's fields the key leaves out: the date counts by its epoch; a what-if uses the cheapest option. */
export const NOT_IN_SHIPMENT_KEY = ['acceptanceDate', 'maxOptions'] as const;

const unitParts = Object.entries(UNIT_PARTS) as [keyof UnitsRequest, (value: unknown) => string | number][];

const REQUEST_PARTS: KeyParts<Omit<RateRequest, (typeof NOT_IN_SHIPMENT_KEY)[number]>> = {
  origin: (origin) => origin,
  destination: (destination) => destination,
  cargo: (cargo) => ('etsng' in cargo ? `e${cargo.etsng}` : `g${cargo.gng}`),
  units: (units) => unitParts.map(([field, part]) => part(units[field])).join('|'),
  currency: (currency) => currency,
  via: (via) => (via ?? []).join(','),
  declaredDistances: (declared) => (declared ?? []).map((d) => `${d.railway}=${d.distanceKm}`).join(','),
};

const requestParts = Object.entries(REQUEST_PARTS) as [
  keyof RateRequest,
  (value: unknown) => string | number,
][];

/**
 * The fields of a request and of its units that make up the key: one entry per field of the domain types, so the
 * compiler refuses a new field without its part (and test/architecture/exhaustive.test.ts a new field of the API's
 * request schema).
 */
export const SHIPMENT_KEY_FIELDS = {
  request: Object.keys(REQUEST_PARTS),
  units: Object.keys(UNIT_PARTS),
} as const;

/** What makes two portfolio rows one shipment for the cache: every field of the request, the date by its epoch. */
export function shipmentKey(request: RateRequest, epoch: number): string {
  let key = '';
  for (const [field, part] of requestParts) key += `${part(request[field])}|`;
  return key + epoch;
}
