import type { Money } from '../core/money.js';
import type { ConversionInfo, RuleVersionUsed } from '../pricing/rate-option.js';
import type { AlternativeMode, LegMode, LegStage } from '../rule-set/alternative-cards.js';
import type { Confidence, RuleRef, UnitKind } from '../rule-set/tariff.js';

/** What POST /v1/compare and `throughrate compare` return: rail and its alternatives side by side. */

export interface MoneyRange {
  readonly low: Money;
  readonly high: Money;
  /** (low + high) / 2 at the currency's scale: what ranges are ranked by. */
  readonly mid: Money;
}

export interface DayRange {
  readonly low: number;
  readonly high: number;
  readonly mid: number;
}

/** One priced figure of a leg, in the requested currency (and, where converted, in the rate card's). */
export interface ComparedItem {
  readonly description: string;
  readonly formula: string;
  readonly amount: { readonly low: Money; readonly high: Money };
  readonly local?: { readonly low: Money; readonly high: Money } | undefined;
  readonly rule: RuleRef;
  readonly reference: string;
  readonly confidence: Confidence;
}

export interface LegEmissions {
  readonly kg: string;
  readonly tonneKm: string;
  readonly formula: string;
  readonly factor: {
    readonly id: string;
    readonly gramsPerTonneKm: string;
    readonly description: string;
    readonly rule: RuleRef;
    readonly reference: string;
    readonly confidence: Confidence;
  };
}

export interface ComparedLeg {
  readonly stage: LegStage;
  readonly mode: LegMode;
  readonly from: string;
  readonly to: string;
  readonly description: string;
  readonly km?: number | undefined;
  readonly cost: { readonly low: Money; readonly high: Money };
  readonly days: { readonly low: number; readonly high: number };
  /** How the days were found (sailing frequency, truck speed, border waits). */
  readonly daysFormula: string;
  readonly emissions?: LegEmissions | undefined;
  readonly items: ComparedItem[];
  readonly rule: RuleRef;
}

export interface ComparedOption {
  readonly id: string;
  readonly mode: 'rail' | AlternativeMode;
  readonly name: string;
  /** Stations the option passes, in order. */
  readonly route: string[];
  readonly cost: MoneyRange;
  readonly transitDays: DayRange;
  /** Mass × km × intensity per leg; absent when a leg has no emission factor in force. */
  readonly co2e?: { readonly kg: string; readonly tonneKm: string } | undefined;
  readonly timeCost: MoneyRange;
  readonly generalisedCost: MoneyRange;
  readonly legs: ComparedLeg[];
  /** The weakest confidence of any figure behind the option. */
  readonly confidence: Confidence;
  /** Plain words: the illustrative placeholders that carry most of the cost, and figures carried past their dates. */
  readonly warnings: string[];
  readonly notes: string[];
  /** Rail options: the rule versions used (itemised lines are in POST /v1/rates). */
  readonly ruleVersions?: RuleVersionUsed[] | undefined;
}

export interface RankEntry {
  readonly rank: number;
  readonly id: string;
  /** The figure ranked: a midpoint for ranges, as shown on the option. */
  readonly value: string;
}

export const BREAK_EVEN_STATUSES = ['discount', 'already-cheaper', 'not-reachable'] as const;
export type BreakEvenStatus = (typeof BREAK_EVEN_STATUSES)[number];

export interface BreakEvenResult {
  readonly against: string;
  /** The alternative's figure (midpoint) rail must match. */
  readonly target: Money;
  /** Rail's own figure on the same measure, before any discount. */
  readonly rail: Money;
  readonly status: BreakEvenStatus;
  /** Percentage off the discountable legs, 10 decimal places, half-up (status discount only). */
  readonly discountPercent?: string | undefined;
  /** The discountable legs' combined price at break-even (the corridor's through rate for them). */
  readonly discountedLegs?: Money | undefined;
  /** Rail's whole price at break-even, and per unit. */
  readonly railCost?: Money | undefined;
  readonly railCostPerUnit?: Money | undefined;
  readonly explanation: string;
}

export interface BreakEven {
  readonly option: string;
  /** Railways whose legs the discount applies to, as found on this option. */
  readonly discountLegs: string[];
  readonly discountable: Money;
  readonly notDiscountable: Money;
  readonly onCost?: BreakEvenResult | undefined;
  readonly onGeneralisedCost?: BreakEvenResult | undefined;
}

export interface CompareResult {
  readonly acceptanceDate: string;
  readonly currency: string;
  readonly ruleSetHash: string;
  readonly cargo: { readonly etsng: string; readonly name: string; readonly tariffClass: number };
  readonly shipment: {
    readonly kind: UnitKind;
    readonly size?: string | undefined;
    readonly count: number;
    /** The mass behind CO2 and the value of time: gross box mass or cargo mass in wagons, × count. */
    readonly massTonnes: string;
    readonly massBasis: string;
  };
  readonly valueOfTime: {
    readonly perTonneDay: Money;
    readonly source: string;
    readonly rule?: RuleRef | undefined;
    readonly reference: string;
    readonly confidence: Confidence;
  };
  readonly rounding: { readonly scale: number; readonly mode: 'half-up'; readonly note: string };
  readonly rankingRule: string;
  readonly options: ComparedOption[];
  readonly rankings: {
    readonly cost: RankEntry[];
    readonly time: RankEntry[];
    readonly co2: RankEntry[];
    readonly generalisedCost: RankEntry[];
  };
  readonly breakEven: BreakEven[];
  readonly conversions: ConversionInfo[];
  readonly unavailable: { readonly id: string; readonly name: string; readonly reason: string }[];
  readonly assumptions: string[];
}
