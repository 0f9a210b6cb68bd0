import type { IsoDate } from '../core/dates.js';
import { withinWindow } from '../core/dates.js';
import type { Amount } from '../core/money.js';
import type { ContainerSize, RuleRef, Sourced, UnitKind } from './tariff.js';

/** The engine's view of the alternative rate cards (rules/alternatives): sea and road routes, emission factors. */

/** A figure known as a point (low = high) or as an estimate between low and high. */
export interface Estimate {
  readonly low: Amount;
  readonly high: Amount;
}

export const ALTERNATIVE_MODES = ['caspian-sea', 'deep-sea', 'road'] as const;
export const LEG_STAGES = ['pre-carriage', 'main', 'port', 'on-carriage'] as const;
export const ITEM_BASES = ['box', 'teu', 'tonne', 'truck', 'shipment'] as const;
/** The mode of one leg of an alternative (rail legs to and from the port included). */
export const LEG_MODES = ['rail', 'sea', 'road', 'port'] as const;

export type AlternativeMode = (typeof ALTERNATIVE_MODES)[number];
export type LegStage = (typeof LEG_STAGES)[number];
export type ItemBasis = (typeof ITEM_BASES)[number];
export type LegMode = (typeof LEG_MODES)[number];

export interface ItemWhen {
  readonly unitKind?: UnitKind | undefined;
  readonly sizes?: readonly ContainerSize[] | undefined;
  readonly loaded?: boolean | undefined;
}

/** An amount per basis unit, in the currency of its file. */
export interface AlternativeItem extends Sourced {
  readonly id: string;
  readonly description: string;
  readonly basis: ItemBasis;
  readonly when: ItemWhen;
  readonly amount: Estimate;
  readonly rule: RuleRef;
}

interface LegBase extends Sourced {
  readonly stage: LegStage;
  readonly rule: RuleRef;
}

/** Carried by rail between two stations and priced by the rail engine; `origin`/`destination` stand for the shipment's. */
export interface RailLeg {
  readonly kind: 'rail';
  readonly stage: LegStage;
  readonly from: string;
  readonly to: string;
  readonly emissionFactor: string;
  readonly note?: string | undefined;
  readonly rule: RuleRef;
}

export interface SeaLeg extends LegBase {
  readonly kind: 'sea';
  readonly from: string;
  readonly to: string;
  readonly km: number;
  readonly days: Estimate;
  readonly sailings?: (Sourced & { readonly perMonth: number; readonly rule: RuleRef }) | undefined;
  readonly rates: readonly AlternativeItem[];
  readonly charges: readonly AlternativeItem[];
  readonly emissionFactor: string;
}

export interface PortLeg extends LegBase {
  readonly kind: 'port';
  readonly at: string;
  readonly days: Estimate;
  readonly charges: readonly AlternativeItem[];
}

export interface RoadSegment extends Sourced {
  readonly id: string;
  readonly description: string;
  readonly country: string;
  /** Country of the truck that runs this segment. */
  readonly carrier: string;
  readonly km: number;
  readonly perTruckKm: Estimate;
  readonly rule: RuleRef;
}

export interface RoadStop extends Sourced {
  readonly id: string;
  readonly kind: 'border' | 'transload';
  readonly after: string;
  readonly description: string;
  readonly days: Estimate;
  readonly charges: readonly AlternativeItem[];
  readonly rule: RuleRef;
}

export interface RoadLeg extends LegBase {
  readonly kind: 'road';
  readonly from: string;
  readonly to: string;
  readonly truck: Sourced & {
    readonly boxesPerTruck: number;
    readonly payloadTonnes: number;
    readonly rule: RuleRef;
  };
  readonly kmPerDay: { readonly low: number; readonly high: number };
  readonly segments: readonly RoadSegment[];
  readonly stops: readonly RoadStop[];
  readonly emissionFactor: string;
}

export type AlternativeLeg = RailLeg | SeaLeg | PortLeg | RoadLeg;

export interface AlternativeRoute {
  readonly id: string;
  readonly name: string;
  readonly mode: AlternativeMode;
  readonly description?: string | undefined;
  readonly currency: string;
  readonly legs: readonly AlternativeLeg[];
  readonly notes: readonly string[];
  readonly rule: RuleRef;
  readonly hash: string;
}

export interface EmissionFactor extends Sourced {
  readonly id: string;
  readonly mode: 'rail' | 'sea' | 'road';
  readonly description: string;
  readonly gramsPerTonneKm: Amount;
  readonly rule: RuleRef;
}

export interface ValueOfTime extends Sourced {
  readonly perTonneDay: Amount;
  readonly currency: string;
  readonly rule: RuleRef;
}

/** One dated file of a series (rules/alternatives/<series>/<effective-date>.yaml). */
export interface AlternativesVersion extends Sourced {
  readonly series: string;
  readonly file: string;
  readonly hash: string;
  readonly title: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate | undefined;
  readonly currency: string;
  readonly routes: readonly AlternativeRoute[];
  readonly emissionFactors: readonly EmissionFactor[];
  readonly valueOfTime?: ValueOfTime | undefined;
}

export interface Alternatives {
  /** Per series, versions sorted by effectiveFrom. */
  readonly series: ReadonlyMap<string, readonly AlternativesVersion[]>;
}

export interface AlternativesInForce {
  readonly versions: readonly AlternativesVersion[];
  readonly routes: readonly AlternativeRoute[];
  readonly factors: ReadonlyMap<string, EmissionFactor>;
  readonly valueOfTime?: ValueOfTime | undefined;
}

/** The emission factor the rail engine's own options are rated with. */
export const RAIL_EMISSION_FACTOR = 'rail';

/** Each series' version in force on a date (the latest that has taken effect, unless it has expired). */
export function alternativesInForce(alternatives: Alternatives, date: IsoDate): AlternativesInForce {
  const versions: AlternativesVersion[] = [];
  for (const list of alternatives.series.values()) {
    let found: AlternativesVersion | undefined;
    for (const version of list) {
      if (version.effectiveFrom > date) break;
      found = version;
    }
    if (found && withinWindow(date, found.effectiveFrom, found.effectiveTo)) versions.push(found);
  }
  const factors = new Map<string, EmissionFactor>();
  for (const v of versions) for (const f of v.emissionFactors) factors.set(f.id, f);
  return {
    versions,
    routes: versions.flatMap((v) => v.routes),
    factors,
    valueOfTime: versions.find((v) => v.valueOfTime)?.valueOfTime,
  };
}
