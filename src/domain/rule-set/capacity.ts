import type { IsoDate } from '../core/dates.js';
import type { RuleRef, Sourced } from './tariff.js';

/** A capacity or traffic figure in force from a date on. Exactly one of the two quantities is given. */
export interface DatedFigure extends Sourced {
  readonly from: IsoDate;
  readonly trainPairsPerDay?: number | undefined;
  readonly tonnesPerYear?: number | undefined;
}

export interface Parameter extends Sourced {
  readonly value: number;
}

/** A stretch of the corridor whose crossings share one capacity: a border, or the Eastern route. */
export interface CapacitySection {
  readonly id: string;
  readonly name: string;
  readonly crossings: readonly string[];
  readonly tonnesPerTrainPair: Parameter;
  readonly serviceHours: Parameter;
  readonly variability: Parameter;
  /** Sorted by date. */
  readonly capacity: readonly DatedFigure[];
  readonly planned: readonly DatedFigure[];
  readonly traffic: readonly DatedFigure[];
  readonly rule: RuleRef;
}

export interface CapacityRules {
  readonly maxUtilisation: Parameter;
  readonly highWaitFactor: Parameter;
  readonly sections: readonly CapacitySection[];
  /** Crossing id → its section. */
  readonly sectionOf: ReadonlyMap<string, CapacitySection>;
}

export const NO_CAPACITY_RULES: CapacityRules = {
  maxUtilisation: { value: 0.95, reference: 'no capacity rules loaded', confidence: 'illustrative' },
  highWaitFactor: { value: 2, reference: 'no capacity rules loaded', confidence: 'illustrative' },
  sections: [],
  sectionOf: new Map(),
};

/** The figure in force on a date: the last one from that date or before. */
export function figureOn(figures: readonly DatedFigure[], date: IsoDate): DatedFigure | undefined {
  let found: DatedFigure | undefined;
  for (const figure of figures) {
    if (figure.from > date) break;
    found = figure;
  }
  return found;
}

/** A figure in tonnes a year, whichever unit it was given in. */
export function tonnesPerYear(figure: DatedFigure, section: CapacitySection): number {
  return figure.tonnesPerYear ?? (figure.trainPairsPerDay ?? 0) * 365 * section.tonnesPerTrainPair.value;
}
