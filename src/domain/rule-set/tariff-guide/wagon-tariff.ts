import type { IsoDate } from '../../core/dates.js';
import type { Rounding } from '../../core/money.js';
import type { Confidence, RuleRef, Sourced } from '../rule-ref.js';

/**
 * The engine's view of a tariff guide for wagon shipments (ТР-1, Tariff Guide No. 1 of RZD), compiled from
 * rules/tariff-guides/TR-1/: which scheme prices a wagon, the base-rate tables, the coefficients, the dated
 * indexations and VAT. Every item keeps the rule file and YAML path (or CSV line) it came from.
 */

export type WagonOwnership = 'own' | 'general';
export type GuideShipment = 'single' | 'group' | 'route-direct' | 'route-split';
export type VatDirection = 'domestic' | 'export' | 'import';

export interface Traced extends Sourced {
  readonly rule: RuleRef;
}

export interface Belt {
  readonly fromKm: number;
  readonly toKm: number;
  /** The CSV line of the belt (1 = the header). */
  readonly line: number;
}

export interface RateTable extends Traced {
  readonly id: string;
  readonly layout: 'by-mass' | 'by-distance';
  readonly unit: 'per-wagon' | 'per-tonne' | 'per-axle';
  readonly schemes: readonly string[];
  readonly belts: readonly Belt[];
  /** column (scheme or tonnes) -> one rate per belt, as written (a decimal string) */
  readonly columns: ReadonlyMap<string, readonly string[]>;
  readonly mass?: { readonly min: number; readonly max: number } | undefined;
  /** The CSV file holding the rates. */
  readonly csv: string;
}

export interface LegSchemes {
  readonly loaded: string;
  readonly wagonComponent?: string | undefined;
  readonly emptyRun?:
    | {
        readonly scheme: string;
        readonly distanceShare: string;
        readonly cargo?: { readonly etsngPositions: readonly string[] } | undefined;
      }
    | undefined;
}

export interface WagonKind extends Traced {
  readonly id: string;
  readonly name: string;
  readonly family: 'universal' | 'specialised' | 'tank';
  readonly tableOneKind?: 'covered' | 'gondola' | 'flat' | undefined;
  readonly general: LegSchemes | null;
  readonly own: LegSchemes | null;
}

export interface TankRow extends Traced {
  readonly row: string;
  readonly name: string;
  readonly etsngPositions?: readonly string[] | undefined;
  readonly etsngCodes?: readonly string[] | undefined;
  readonly except?: readonly string[] | undefined;
  readonly catchAll?: boolean | undefined;
  readonly afterSpraying?: boolean | undefined;
  readonly general: LegSchemes | null;
  readonly own: LegSchemes | null;
}

export interface InnovativeRule extends Traced {
  readonly id: string;
  readonly wagonKinds: readonly string[];
  readonly schemes: readonly string[];
  readonly models?: readonly string[] | undefined;
  readonly axles?: number | undefined;
  readonly factor: string;
}

export interface K1Band {
  readonly fromKm: number;
  readonly toKm: number | null;
  readonly factor: string;
  readonly confidence: Confidence;
}

export interface ClassK1 {
  readonly tariffClass: number;
  readonly bands?: readonly K1Band[] | undefined;
  readonly byEtsngPositions?:
    | readonly {
        readonly positions: readonly string[] | 'other';
        readonly factor: string;
        readonly confidence: Confidence;
      }[]
    | undefined;
  readonly reference: string;
  readonly rule: RuleRef;
}

export interface CargoK3Row {
  readonly id: string;
  readonly name: string;
  readonly positions?: readonly string[] | undefined;
  readonly codes?: readonly string[] | undefined;
  readonly except?: readonly string[] | undefined;
  readonly directions?: readonly VatDirection[] | undefined;
  readonly factor: string;
  readonly confidence: Confidence;
  readonly rule: RuleRef;
}

export interface WagonExtra extends Traced {
  readonly id: string;
  readonly positions?: readonly string[] | undefined;
  readonly tariffClasses?: readonly number[] | undefined;
  readonly wagonKinds: readonly string[];
  readonly factor: string;
}

export interface K4Row {
  readonly id: string;
  readonly shipment: GuideShipment;
  readonly wagons?: { readonly min: number; readonly max: number | null } | undefined;
  readonly factors: readonly string[];
  readonly confidence: Confidence;
  readonly rule: RuleRef;
}

export interface ShipmentK4 extends Traced {
  readonly belts: readonly { readonly id: string; readonly fromKm: number; readonly toKm: number | null }[];
  readonly rows: readonly K4Row[];
  readonly appliesToSchemes: readonly string[];
}

export interface OwnGondola {
  readonly wagonKinds: readonly string[];
  readonly ownership: WagonOwnership;
  readonly schemes: readonly string[];
  readonly byClass: readonly {
    readonly tariffClass: number;
    readonly factor: string;
    readonly confidence: Confidence;
  }[];
  readonly reference: string;
  readonly rule: RuleRef;
}

export interface EmptyRunRules {
  readonly schemeByWagonKind: readonly ({
    readonly scheme: string;
    readonly wagonKinds: readonly string[];
  } & Traced)[];
  readonly coefficients: readonly ({
    readonly id: string;
    readonly schemes: readonly string[];
    readonly factor: string;
  } & Traced)[];
  readonly shipmentCoefficient: { readonly applies: boolean } & Traced;
}

export interface GuideAmendment extends Traced {
  readonly id: string;
  readonly title: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate | null;
  readonly embeddedInBaseRates: boolean;
  readonly factor: string;
  readonly appliesTo: readonly ('loaded-run' | 'empty-run' | 'wagon-component')[];
}

export interface VatRate extends Traced {
  readonly id: string;
  readonly directions: readonly VatDirection[];
  readonly rate: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate | null;
}

export type GuideRounding = Rounding & Traced;

export interface Edition extends Traced {
  readonly tariff: string;
  readonly title: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo: IsoDate | null;
  /**
   * Before effectiveFrom, wagons accepted from `from` are priced by this chain at the level of their date: divided
   * by the history indexations (embeddedInBaseRates) that took effect after it.
   */
  readonly carriedBack?: ({ readonly from: IsoDate } & Traced) | undefined;
  readonly rounding: {
    readonly mass: GuideRounding;
    readonly step: GuideRounding;
    readonly total: GuideRounding;
    readonly totalSmall: GuideRounding;
    readonly vat: GuideRounding;
    readonly chain: { readonly policy: 'after-sequence' | 'after-each' } & Traced;
  };
  readonly multiplyOrder: { readonly order: readonly string[] } & Traced;
  /** Limits beyond which a wagon's figures are refused as an input error. */
  readonly plausibility: { readonly overloadTonnes: number; readonly maxTonnesPerAxle: number } & Traced;
}

/** Normative delivery time (Mintrans order No. 245): daily run norms by distance and kind of shipment. */
export interface DeliveryTimeRules extends Traced {
  readonly title: string;
  readonly norms: Traced & {
    readonly bands: readonly {
      readonly fromKm: number;
      readonly toKm: number | null;
      readonly wagon: number;
      readonly container: number;
      readonly reeferContainer: number;
      /** The YAML path of the band. */
      readonly path: string;
    }[];
  };
  readonly blockTrain: Traced & { readonly uses: 'wagon' | 'container' };
  readonly initialFinalDays: Traced & { readonly days: number };
}

/** A whole tariff guide, as the engine reads it. */
export interface WagonTariff {
  readonly id: string;
  readonly edition: Edition;
  readonly rateTables: readonly RateTable[];
  /** The normative delivery time of the carriage the guide prices, when its folder has delivery-time.yaml. */
  readonly deliveryTime?: DeliveryTimeRules | undefined;
  readonly wagonKinds: readonly WagonKind[];
  readonly tankRows: readonly TankRow[];
  readonly innovative: readonly InnovativeRule[];
  readonly emptyLegDistance: GuideRounding;
  readonly classK1: readonly ClassK1[];
  readonly cargoK3: readonly CargoK3Row[];
  readonly cargoK3Reference: string;
  readonly wagonExtras: readonly WagonExtra[];
  readonly shipmentK4: ShipmentK4;
  readonly ownGondola: OwnGondola;
  readonly emptyRun: EmptyRunRules;
  readonly amendments: readonly GuideAmendment[];
  readonly vat: readonly VatRate[];
}

/** The wagon kinds a request may name, closed: the universal, specialised and tank kinds of the guide. */
export function wagonKindIds(tariff: WagonTariff): readonly string[] {
  return tariff.wagonKinds.map((k) => k.id);
}
