import type { IsoDate } from '../core/dates.js';
import type { Amount, Rounding } from '../core/money.js';
import type { Confidence, RuleRef, Sourced } from './rule-ref.js';
import type { WagonTariff } from './wagon-tariff.js';

export type { Confidence, RuleRef, Sourced };

/** The engine's view of a railway tariff version, compiled from a rule file (decimals parsed, paths resolved). */

export type UnitKind = 'container' | 'wagon';
export type ContainerSize = '20' | '30' | '40' | '45';
export type ContainerType = 'dry' | 'tank' | 'reefer';
export type Ownership = 'railway' | 'private';
export type ShipmentType = 'single-wagon' | 'group' | 'block-train' | 'container';
export type Direction = 'export' | 'import' | 'transit' | 'domestic';
export type ChargeBasis = 'unit' | 'tonne' | 'axle' | 'shipment';
export type ReductionCombine = 'largest' | 'multiply' | 'add' | 'add-capped';

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
