import { epochOf } from '../core/date-epochs.js';
import type { IsoDate } from '../core/dates.js';
import { isDomainError } from '../core/domain-error.js';
import type { RateRequest } from '../pricing/shipment.js';
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

export function shipmentKey(request: RateRequest, epoch: number): string {
  const u = request.units;
  const cargo = 'etsng' in request.cargo ? `e${request.cargo.etsng}` : `g${request.cargo.gng}`;
  return [
    request.origin,
    request.destination,
    cargo,
    u.kind,
    u.size ?? '',
    u.containerType ?? '',
    u.wagonType ?? '',
    u.axles ?? '',
    u.loaded ? 'L' : 'E',
    u.ownership ?? '',
    u.count,
    u.grossMassTonnes ?? '',
    u.shipmentType ?? '',
    u.loadCapacityTonnes ?? '',
    u.innovative ?? '',
    u.wagons ? JSON.stringify(u.wagons) : '',
    u.emptyReturn ? 'R' : '',
    request.currency,
    (request.via ?? []).join(','),
    (request.declaredDistances ?? []).map((d) => `${d.railway}=${d.distanceKm}`).join(','),
    epoch,
  ].join('|');
}
