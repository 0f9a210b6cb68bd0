import type { IsoDate } from '../core/dates.js';
import { memoCache, memoised } from '../core/memo.js';
import { type CapacityRules, type CapacitySection, figureOn, tonnesPerYear } from '../rule-set/capacity.js';
import type { Confidence } from '../rule-set/tariff.js';

/** How loaded a section is on a date, from its capacity and traffic in force then. */
export interface SectionLoad {
  readonly section: string;
  readonly name: string;
  readonly capacityTonnesPerYear: number;
  readonly trafficTonnesPerYear: number;
  /** Traffic ÷ capacity, unbounded (above 1 the section is over capacity). */
  readonly utilisation: number;
  readonly overCapacity: boolean;
}

/** A crossing's dwell: the fixed processing time plus the queue's wait at the section's utilisation. */
export interface CrossingDwell {
  readonly processingHours: number;
  /** Mean wait in the queue. */
  readonly waitHours: number;
  /** processing + mean wait: the expected dwell. */
  readonly dwellHours: number;
  /** processing alone: no queue. */
  readonly lowHours: number;
  /** processing + highWaitFactor × the mean wait. */
  readonly highHours: number;
  readonly load?: SectionLoad | undefined;
  readonly confidence: Confidence;
  readonly formula: string;
}

/**
 * Mean wait of a single-server queue by Kingman's approximation, Wq = v × ρ / (1 − ρ) × service time, where v is
 * the variability factor (1 for random arrivals and service: the M/M/1 queue). The wait grows without bound as ρ
 * nears 1, so ρ is taken at most at `maxUtilisation`: a section loaded beyond it is flagged over capacity and its
 * trains wait as long as they would at that bound.
 */
export function queueWaitHours(
  utilisation: number,
  serviceHours: number,
  variability: number,
  maxUtilisation: number,
): number {
  const rho = Math.min(Math.max(utilisation, 0), maxUtilisation);
  return (variability * rho * serviceHours) / (1 - rho);
}

/** The section's load on a date; `extraTonnesPerYear` is traffic added on top (a what-if's shifted tonnage). */
export function sectionLoad(
  section: CapacitySection,
  date: IsoDate,
  extraTonnesPerYear = 0,
): SectionLoad | undefined {
  const capacity = figureOn(section.capacity, date);
  const traffic = figureOn(section.traffic, date);
  if (!capacity || !traffic) return undefined;
  const capacityTonnes = tonnesPerYear(capacity, section);
  const trafficTonnes = tonnesPerYear(traffic, section) + extraTonnesPerYear;
  const utilisation = trafficTonnes / capacityTonnes;
  return {
    section: section.id,
    name: section.name,
    capacityTonnesPerYear: capacityTonnes,
    trafficTonnesPerYear: trafficTonnes,
    utilisation,
    overCapacity: utilisation > 1,
  };
}

/** The dwell at a crossing on a date: its processing hours, plus the wait its section's utilisation causes. */
export function crossingDwell(
  rules: CapacityRules,
  crossing: { readonly id: string; readonly dwellHours: number; readonly confidence: Confidence },
  date: IsoDate,
  extraTonnesPerYear = 0,
): CrossingDwell {
  // The dwell depends on the rules, the crossing and the date alone (memoised per capacity rules, which never change
  // once loaded); a what-if's extra tonnage is computed afresh.
  if (extraTonnesPerYear !== 0) return dwellOf(rules, crossing, date, extraTonnesPerYear);
  return memoised(dwells, rules, [crossing.id, crossing.dwellHours, crossing.confidence, date], () =>
    dwellOf(rules, crossing, date, 0),
  );
}

const dwells = memoCache<CapacityRules, CrossingDwell>();

function dwellOf(
  rules: CapacityRules,
  crossing: { readonly id: string; readonly dwellHours: number; readonly confidence: Confidence },
  date: IsoDate,
  extraTonnesPerYear: number,
): CrossingDwell {
  const section = rules.sectionOf.get(crossing.id);
  const load = section ? sectionLoad(section, date, extraTonnesPerYear) : undefined;
  const processing = crossing.dwellHours;
  if (!section || !load) {
    return {
      processingHours: processing,
      waitHours: 0,
      dwellHours: processing,
      lowHours: processing,
      highHours: processing,
      confidence: crossing.confidence,
      formula: `${processing} h processing (no capacity figures in force for this crossing)`,
    };
  }
  const wait = round1(
    queueWaitHours(
      load.utilisation,
      section.serviceHours.value,
      section.variability.value,
      rules.maxUtilisation.value,
    ),
  );
  const rho = Math.min(load.utilisation, rules.maxUtilisation.value);
  return {
    processingHours: processing,
    waitHours: wait,
    dwellHours: round1(processing + wait),
    lowHours: processing,
    highHours: round1(processing + rules.highWaitFactor.value * wait),
    load,
    confidence: 'illustrative',
    formula:
      `${processing} h processing + wait ${section.variability.value} × ${rho.toFixed(3)} ÷ (1 − ${rho.toFixed(3)}) × ` +
      `${section.serviceHours.value} h = ${wait} h (${section.name}: utilisation ${load.utilisation.toFixed(3)}` +
      `${load.overCapacity ? ', over capacity' : ''})`,
  };
}

function round1(hours: number): number {
  return Math.round(hours * 10) / 10;
}
