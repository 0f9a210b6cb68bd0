import type { IsoDate } from '../core/dates.js';
import {
  type CapacityRules,
  type CapacitySection,
  type DatedFigure,
  figureOn,
  tonnesPerYear,
} from '../rule-set/capacity.js';
import type { Network } from '../rule-set/network.js';
import type { Confidence, RuleRef } from '../rule-set/tariff.js';
import { crossingDwell, type SectionLoad } from './border-dwell.js';

export interface FigureShown {
  readonly from: IsoDate;
  readonly trainPairsPerDay: number;
  readonly tonnesPerYear: number;
  readonly reference: string;
  readonly confidence: Confidence;
}

export interface SectionReport extends SectionLoad {
  readonly capacity: FigureShown;
  readonly traffic: FigureShown;
  /** Capacity steps planned after the date, not yet in force. */
  readonly planned: FigureShown[];
  readonly crossings: {
    readonly crossing: string;
    readonly name: string;
    readonly processingHours: number;
    readonly waitHours: number;
    readonly dwellHours: number;
    readonly formula: string;
  }[];
  readonly rule: RuleRef;
}

/**
 * Every capacity section on a date: its capacity and traffic in force, utilisation, the dwell that follows at each
 * of its crossings, and the planned steps still ahead. `extraTonnesPerYear` adds traffic per section (a what-if's
 * shifted tonnage). Sections with no figure in force on the date are left out.
 */
export function capacityReport(
  rules: CapacityRules,
  network: Network,
  date: IsoDate,
  extraTonnesPerYear: ReadonlyMap<string, number> = new Map(),
): SectionReport[] {
  const reports: SectionReport[] = [];
  for (const section of rules.sections) {
    const capacity = figureOn(section.capacity, date);
    const traffic = figureOn(section.traffic, date);
    if (!capacity || !traffic) continue;
    const extra = extraTonnesPerYear.get(section.id) ?? 0;
    const crossings = network.crossings.filter((c) => section.crossings.includes(c.id));
    const dwells = crossings.map((c) => ({ crossing: c, dwell: crossingDwell(rules, c, date, extra) }));
    const load = dwells[0]?.dwell.load;
    if (!load) continue;
    reports.push({
      ...load,
      capacity: shown(capacity, section),
      traffic: shown(traffic, section),
      planned: section.planned.filter((p) => p.from > date).map((p) => shown(p, section)),
      crossings: dwells.map(({ crossing, dwell }) => ({
        crossing: crossing.id,
        name: crossing.name,
        processingHours: dwell.processingHours,
        waitHours: dwell.waitHours,
        dwellHours: dwell.dwellHours,
        formula: dwell.formula,
      })),
      rule: section.rule,
    });
  }
  return reports;
}

function shown(figure: DatedFigure, section: CapacitySection): FigureShown {
  const tonnes = tonnesPerYear(figure, section);
  return {
    from: figure.from,
    trainPairsPerDay:
      figure.trainPairsPerDay ?? Math.round((tonnes / 365 / section.tonnesPerTrainPair.value) * 10) / 10,
    tonnesPerYear: tonnes,
    reference: figure.reference,
    confidence: figure.confidence,
  };
}
