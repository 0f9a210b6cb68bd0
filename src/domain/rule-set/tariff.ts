import type { IsoDate } from '../core/dates.js';
import type { Amount, Rounding } from '../core/money.js';
import { CONFIDENCES, type Confidence, type RuleRef, type Sourced } from './rule-ref.js';
import type { WagonTariff } from './tariff-guide/wagon-tariff.js';

export type { Confidence, RuleRef, Sourced };
export { CONFIDENCES };

/** The engine's view of a railway tariff version, compiled from a rule file (decimals parsed, paths resolved). */

// Each closed set is written once, here; the zod schemas of the rule files and of the API take their enums from it.
export const UNIT_KINDS = ['container', 'wagon'] as const;
export const CONTAINER_SIZES = ['20', '30', '40', '45'] as const;
export const CONTAINER_TYPES = ['dry', 'tank', 'reefer'] as const;
export const OWNERSHIPS = ['railway', 'private'] as const;
export const SHIPMENT_TYPES = ['single-wagon', 'group', 'block-train', 'container'] as const;
export const DIRECTIONS = ['export', 'import', 'transit', 'domestic'] as const;
export const CHARGE_BASES = ['unit', 'tonne', 'axle', 'shipment'] as const;
export const REDUCTION_COMBINES = ['largest', 'multiply', 'add', 'add-capped'] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];
export type ContainerSize = (typeof CONTAINER_SIZES)[number];
export type ContainerType = (typeof CONTAINER_TYPES)[number];
export type Ownership = (typeof OWNERSHIPS)[number];
export type ShipmentType = (typeof SHIPMENT_TYPES)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type ChargeBasis = (typeof CHARGE_BASES)[number];
export type ReductionCombine = (typeof REDUCTION_COMBINES)[number];

export interface Range {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

export interface CargoMatch {
  readonly etsng?: readonly string[] | undefined;
  readonly gng?: readonly string[] | undefined;
  readonly groups?: readonly string[] | undefined;
}

/** Conditions of a rate, charge or coefficient; every condition given must hold. */
export interface When {
  readonly unitKind?: UnitKind | undefined;
  readonly sizes?: readonly ContainerSize[] | undefined;
  readonly containerTypes?: readonly ContainerType[] | undefined;
  readonly wagonTypes?: readonly string[] | undefined;
  readonly loaded?: boolean | undefined;
  readonly ownership?: Ownership | undefined;
  readonly shipmentTypes?: readonly ShipmentType[] | undefined;
  readonly tariffClasses?: readonly number[] | undefined;
  readonly axles?: Range | undefined;
  readonly grossMassTonnes?: Range | undefined;
  readonly cargo?: CargoMatch | undefined;
  readonly cargoExcept?: CargoMatch | undefined;
  readonly entersAt?: readonly string[] | undefined;
  readonly leavesAt?: readonly string[] | undefined;
  readonly routeCrosses?: readonly string[] | undefined;
  readonly directions?: readonly Direction[] | undefined;
  readonly distanceKm?: Range | undefined;
  readonly dates?: { readonly from?: IsoDate | undefined; readonly to?: IsoDate | undefined } | undefined;
}

export interface Band {
  readonly fromKm: number;
  /** Inclusive; undefined on an open-ended last band. */
  readonly toKm?: number | undefined;
  readonly fixed: Amount;
  readonly perKm: Amount;
  /** The same figures as shown in formulas ("23 360", "54.3658"), formatted once when the rules load. */
  readonly fixedFigure: string;
  readonly perKmFigure: string;
}

/** A rate or an additional charge: amount per basis unit = fixed + perKm × km, from a formula or a band. */
export interface Charge extends Sourced {
  readonly id: string;
  readonly description: string;
  readonly basis: ChargeBasis;
  readonly when: When;
  readonly bands: readonly Band[];
  /** True when the file gave a single formula rather than a table of bands. */
  readonly isFormula: boolean;
  readonly distanceStepKm?: number | undefined;
  readonly rule: RuleRef;
}

export interface Coefficient extends Sourced {
  readonly id: string;
  readonly description: string;
  readonly when: When;
  readonly factor: Amount;
  /** The factor as written in the rule file ("0.93"). */
  readonly factorText: string;
  /** Ids of the rates/charges it multiplies; empty means the base rate. */
  readonly appliesTo: readonly string[];
  readonly rule: RuleRef;
}

export type RoundingByUnit = { readonly container: Rounding; readonly wagon: Rounding };

export interface ReductionPolicy {
  readonly combine: ReductionCombine;
  /** For add-capped: the largest total reduction, as a fraction (0.5 = 50 %). */
  readonly cap?: Amount | undefined;
}

export interface CoefficientConversion {
  readonly table: string;
  readonly rounding: RoundingByUnit;
}

/** One pricing regime of a railway (e.g. national tariff in RUB, CIS transit tariff in CHF). */
export interface Regime {
  readonly id: string;
  readonly name: string;
  readonly directions: readonly Direction[];
  readonly currency: string;
  readonly stepRounding: Rounding;
  readonly totalRounding: RoundingByUnit;
  readonly reductions: ReductionPolicy;
  readonly conversion?: CoefficientConversion | undefined;
  /**
   * The tariff guide the regime prices wagons by (ТР-1) and whose VAT rates it adds; wagons fall back to the
   * regime's own rates on dates before the guide's edition takes effect.
   */
  readonly tariffGuide?: WagonTariff | undefined;
  readonly rates: readonly Charge[];
  readonly charges: readonly Charge[];
  readonly coefficients: readonly Coefficient[];
  readonly rule: RuleRef;
}

export interface RailwayVersion extends Sourced {
  readonly railway: string;
  readonly name: string;
  readonly country: string;
  readonly gauge: number;
  readonly title: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate | undefined;
  readonly supersedes?: IsoDate | undefined;
  readonly speedKmPerDay: { readonly container: number; readonly wagon: number } & Sourced;
  readonly quoteValidityDays: number;
  /** The fewest wagons carried as a block (route) train, where the rules set one. */
  readonly blockTrain?: (Sourced & { readonly minWagons: number }) | undefined;
  readonly regimes: readonly Regime[];
  readonly file: string;
  readonly hash: string;
}

/** A dated overlay on a railway's tariff (a telegram): items added, replaced or removed by id. */
export interface AmendmentChange {
  readonly regime: string;
  readonly addRates: readonly Charge[];
  readonly addCharges: readonly Charge[];
  readonly addCoefficients: readonly Coefficient[];
  readonly remove: readonly string[];
}

export interface Amendment extends Sourced {
  readonly railway: string;
  readonly id: string;
  readonly title: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate;
  readonly changes: readonly AmendmentChange[];
  readonly file: string;
  readonly hash: string;
}

/** A railway's tariff as in force on one date: its version with the amendments of that date applied. */
export interface TariffInForce {
  readonly version: RailwayVersion;
  readonly amendments: readonly Amendment[];
  readonly regimes: readonly Regime[];
}
