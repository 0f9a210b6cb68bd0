import type { NormativeDelivery } from '../capacity/normative-delivery.js';
import type { Money } from '../core/money.js';
import type { DistanceLine } from '../rule-set/network.js';
import type { Confidence, Direction, RuleRef } from '../rule-set/tariff.js';

export const LINE_KINDS = [
  'rate',
  'charge',
  'coefficient',
  'reduction',
  'rounding',
  'through-rate',
  'conversion',
  'vat',
] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const CONVERSION_METHODS = ['none', 'market', 'coefficient'] as const;

/** One line of an itemised quote: an amount, how it was computed, and the rule that produced it. */
export interface QuoteLine {
  readonly railway: string;
  readonly kind: LineKind;
  readonly description: string;
  readonly formula: string;
  /** For the whole shipment; conversion lines are in the requested currency, every other line in the railway's. */
  readonly amount: Money;
  readonly perUnit?: Money | undefined;
  readonly inputs: Readonly<Record<string, string | number>>;
  readonly rule: RuleRef;
  readonly reference: string;
  readonly confidence: Confidence;
}

export interface RailwayShare {
  readonly railway: string;
  readonly from: string;
  readonly to: string;
  readonly distanceKm: number;
  /** How the distance was found, traced to its source. */
  readonly distance: DistanceLine;
  readonly direction: Direction;
  readonly regime: string;
  /** In the requested currency. */
  readonly total: Money;
  /** In the railway's tariff currency, before VAT. */
  readonly local: Money;
  /** VAT on the local charge, where the railway's tariff states a rate (RZD: by date and direction). */
  readonly vat?: { readonly rate: string; readonly local: Money; readonly total: Money } | undefined;
  readonly conversion: ConversionInfo;
  readonly transitDays: number;
  /** The weakest label of any line of this railway's share. */
  readonly confidence: Confidence;
  /** Where an agreed through rate replaced the local tariff: the apportioned share in the through-rate currency. */
  readonly throughRate?:
    | { readonly share: Money; readonly basis: string; readonly localTariff: Money }
    | undefined;
}

/** The corridor terms applied to an option, and what the shipper saves against the sum of local tariffs. */
export interface CorridorSummary {
  readonly agreements: {
    readonly corridor: string;
    readonly name: string;
    readonly file: string;
    readonly hash: string;
  }[];
  readonly throughRate?:
    | { readonly id: string; readonly total: Money; readonly railways: string[] }
    | undefined;
  readonly priority: { readonly id: string; readonly name: string }[];
  readonly localTariffTotal: Money;
  readonly saving: Money;
}

export interface ConversionInfo {
  readonly method: (typeof CONVERSION_METHODS)[number];
  readonly from: string;
  readonly to: string;
  /** "1 from = rate to", as a decimal string. */
  readonly rate: string;
  readonly date?: string | undefined;
  readonly source: string;
}

export interface RuleVersionUsed {
  readonly railway: string;
  readonly version: string;
  readonly file: string;
  readonly hash: string;
  readonly amendments: { readonly id: string; readonly file: string; readonly hash: string }[];
}

export interface TransitLeg {
  readonly railway: string;
  readonly distanceKm: number;
  readonly speedKmPerDay: number;
  /** Expected running days: distance ÷ speed. */
  readonly days: number;
  /** The legal delivery time of the leg, where the railway's rules give one (RZD national carriage). */
  readonly normativeDelivery?: NormativeDelivery | undefined;
}

export interface TransitCrossing {
  readonly crossing: string;
  readonly name: string;
  readonly gaugeChange: string;
  /** Expected dwell: processing + the mean wait (or a priority commitment that holds). */
  readonly dwellHours: number;
  /** Processing alone, no queue. */
  readonly lowHours: number;
  /** Processing + a long wait (the rules' high-wait factor × the mean). */
  readonly highHours: number;
  readonly processingHours: number;
  readonly waitHours: number;
  /** The capacity section the crossing belongs to, and its utilisation on the acceptance date. */
  readonly section?:
    | {
        readonly id: string;
        readonly name: string;
        readonly utilisation: number;
        readonly overCapacity: boolean;
      }
    | undefined;
  readonly formula: string;
}

export interface RateOption {
  readonly id: string;
  readonly route: {
    readonly stations: string[];
    readonly crossings: string[];
    readonly railways: string[];
    readonly distanceKm: number;
  };
  /** Before VAT. */
  readonly total: Money;
  /** The total with the VAT of every railway that states one. */
  readonly totalWithVat: Money;
  readonly byRailway: RailwayShare[];
  readonly lines: QuoteLine[];
  readonly transitDays: number;
  /** Rail's transit time as a range: no queue at the borders, to long waits. */
  readonly transitDaysRange: { readonly low: number; readonly high: number };
  readonly transit: {
    readonly legs: TransitLeg[];
    readonly crossings: TransitCrossing[];
    /** A priority-cargo transit-time commitment, when one applies. */
    readonly commitmentDays?: number | undefined;
  };
  readonly corridor?: CorridorSummary | undefined;
  /** The weakest label of any figure behind the total: one illustrative line makes the option illustrative. */
  readonly confidence: Confidence;
  /** Plain words: the placeholder figures that carry most of the price, and figures carried past their dates. */
  readonly warnings: string[];
  readonly assumptions: string[];
  readonly notes: string[];
  readonly ruleVersions: RuleVersionUsed[];
}

export interface RatesResult {
  readonly acceptanceDate: string;
  readonly currency: string;
  readonly ruleSetHash: string;
  readonly cargo: {
    readonly etsng: string;
    readonly gng?: string | undefined;
    readonly name: string;
    readonly tariffClass: number;
  };
  readonly options: RateOption[];
  /** Routes considered but not priced, with why (a railway without a tariff, a unit not carried…). */
  readonly unpriced: { readonly route: string[]; readonly reason: string }[];
}
