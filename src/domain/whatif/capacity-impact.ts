import { queueWaitHours, sectionLoad } from '../capacity/border-dwell.js';
import type { IsoDate } from '../core/dates.js';
import { DEFAULT_CONTAINER_MASS, DEFAULT_WAGON_MASS, type RateRequest } from '../pricing/shipment.js';
import type { CapacityRules, CapacitySection } from '../rule-set/capacity.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import type { Outcome } from './price-outcome.js';

export const CAPACITY_APPROXIMATION =
  "dwell and transit times are computed from each rule set's own capacity and background traffic; the tonnage " +
  'the draft shifts between modes is added to the traffic shown here but not fed back into the dwell of the ' +
  'comparison (one pass, no iteration to a stable assignment)';

export interface SectionImpact {
  readonly section: string;
  readonly name: string;
  /** Tonnes a year the portfolio sends by rail across the section, under each rule set. */
  readonly portfolioRailTonnesPerYear: { readonly baseline: number; readonly draft: number };
  readonly capacityTonnesPerYear: { readonly baseline: number; readonly draft: number };
  /** Background traffic of the rules, plus under the draft what the portfolio shifts to or from rail. */
  readonly trafficTonnesPerYear: { readonly baseline: number; readonly draft: number };
  readonly utilisation: { readonly baseline: number; readonly draft: number };
  readonly overCapacity: { readonly baseline: boolean; readonly draft: boolean };
  /** Mean wait at each of the section's crossings, from the utilisation above. */
  readonly waitHours: { readonly baseline: number; readonly draft: number };
}

export interface CapacityImpact {
  /** The date capacity and traffic are taken on: the portfolio's latest acceptance date. */
  readonly date: IsoDate;
  readonly sections: SectionImpact[];
  /** Plain-language flags: sections over capacity under the draft. */
  readonly flags: string[];
  /** What changes for rail's time, and what that does to the mode shift, in words. */
  readonly notes: string[];
  readonly approximation: string;
}

/** Tonnes of one shipment row a year: units × mass per unit (the request's, or the default it is priced with) × weight. */
export function shipmentTonnes(request: RateRequest, weight: number): number {
  const u = request.units;
  const perUnit =
    u.grossMassTonnes ??
    (!u.loaded ? 0 : u.kind === 'container' ? DEFAULT_CONTAINER_MASS[u.size ?? '40'] : DEFAULT_WAGON_MASS);
  return perUnit * u.count * weight;
}

/**
 * The portfolio's rail tonnage across each capacity section under the rules in force and under the draft, added up
 * shipment by shipment, then set against each section's capacity and background traffic.
 */
export class RailLoad {
  private readonly tonnes = { baseline: new Map<string, number>(), draft: new Map<string, number>() };
  private latest: IsoDate | undefined;

  constructor(
    private readonly baseline: RuleSet,
    private readonly draft: RuleSet,
  ) {}

  add(
    request: RateRequest,
    weight: number,
    outcomes: { readonly baseline: Outcome; readonly draft: Outcome },
    onRail: { readonly baseline: boolean; readonly draft: boolean },
  ): void {
    if (this.latest === undefined || request.acceptanceDate > this.latest)
      this.latest = request.acceptanceDate;
    const tonnes = shipmentTonnes(request, weight);
    if (tonnes === 0) return;
    for (const side of ['baseline', 'draft'] as const) {
      const outcome = outcomes[side];
      if (!outcome.priced || !onRail[side]) continue;
      const ruleSet = this[side];
      const totals = this.tonnes[side];
      for (const section of sectionsCrossed(ruleSet, outcome.route))
        totals.set(section, (totals.get(section) ?? 0) + tonnes);
    }
  }

  report(): CapacityImpact | undefined {
    const date = this.latest;
    if (date === undefined) return undefined;
    const sections: SectionImpact[] = [];
    for (const section of this.draft.capacity.sections) {
      const before = this.baseline.capacity.sections.find((s) => s.id === section.id);
      const railBefore = this.tonnes.baseline.get(section.id) ?? 0;
      const railAfter = this.tonnes.draft.get(section.id) ?? 0;
      const baseLoad = before && sectionLoad(before, date);
      const draftLoad = sectionLoad(section, date, railAfter - railBefore);
      if (!baseLoad || !draftLoad) continue;
      sections.push({
        section: section.id,
        name: section.name,
        portfolioRailTonnesPerYear: { baseline: railBefore, draft: railAfter },
        capacityTonnesPerYear: {
          baseline: baseLoad.capacityTonnesPerYear,
          draft: draftLoad.capacityTonnesPerYear,
        },
        trafficTonnesPerYear: {
          baseline: baseLoad.trafficTonnesPerYear,
          draft: draftLoad.trafficTonnesPerYear,
        },
        utilisation: { baseline: round3(baseLoad.utilisation), draft: round3(draftLoad.utilisation) },
        overCapacity: { baseline: baseLoad.overCapacity, draft: draftLoad.overCapacity },
        waitHours: {
          baseline: waitOf(this.baseline.capacity, before ?? section, baseLoad.utilisation),
          draft: waitOf(this.draft.capacity, section, draftLoad.utilisation),
        },
      });
    }
    const flags = sections
      .filter((s) => s.overCapacity.draft)
      .map(
        (s) =>
          `${s.name} over capacity under the draft: ${mt(s.trafficTonnesPerYear.draft)} Mt a year against ` +
          `${mt(s.capacityTonnesPerYear.draft)} Mt (utilisation ${(s.utilisation.draft * 100).toFixed(1)} %)`,
      );
    const notes = sections
      .filter((s) => s.waitHours.baseline !== s.waitHours.draft)
      .map(
        (s) =>
          `${s.name}: the expected wait at each of its crossings goes from ${s.waitHours.baseline} h to ` +
          `${s.waitHours.draft} h; rail's transit time in the comparison changes with it, its price does not, so ` +
          `the mode shift (ranked by cost) moves only where the draft also changes a price`,
      );
    return { date, sections, flags, notes, approximation: CAPACITY_APPROXIMATION };
  }
}

/** The capacity sections a route crosses: each pair of neighbouring stations that is a crossing, in either order. */
function sectionsCrossed(ruleSet: RuleSet, route: string): Set<string> {
  const stations = route.split('>');
  const found = new Set<string>();
  for (let i = 1; i < stations.length; i++) {
    const a = stations[i - 1];
    const b = stations[i];
    const section =
      ruleSet.capacity.sectionOf.get(`${a}--${b}`) ?? ruleSet.capacity.sectionOf.get(`${b}--${a}`);
    if (section) found.add(section.id);
  }
  return found;
}

function waitOf(rules: CapacityRules, section: CapacitySection, utilisation: number): number {
  const hours = queueWaitHours(
    utilisation,
    section.serviceHours.value,
    section.variability.value,
    rules.maxUtilisation.value,
  );
  return Math.round(hours * 10) / 10;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function mt(tonnes: number): string {
  return (tonnes / 1e6).toFixed(2);
}
