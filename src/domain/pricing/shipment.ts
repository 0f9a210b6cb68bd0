import type { IsoDate } from '../core/dates.js';
import type { CargoRequest, ResolvedCargo } from '../rule-set/cargo.js';
import type {
  ContainerSize,
  ContainerType,
  Direction,
  Ownership,
  ShipmentType,
  UnitKind,
} from '../rule-set/tariff.js';

/** What a shipper asks for: one kind of unit, `count` of them, from A to B, accepted on a date. */
export interface UnitsRequest {
  readonly kind: UnitKind;
  readonly size?: ContainerSize | undefined;
  readonly containerType?: ContainerType | undefined;
  readonly wagonType?: string | undefined;
  readonly axles?: number | undefined;
  readonly loaded: boolean;
  /** Private when not given (listed in the assumptions). */
  readonly ownership?: Ownership | undefined;
  readonly count: number;
  /** Per unit: the gross mass of a box, or the cargo mass loaded in a wagon. */
  readonly grossMassTonnes?: number | undefined;
  readonly shipmentType?: ShipmentType | undefined;
  /** Wagons: the load capacity of each wagon, tonnes (a default is assumed and listed when absent). */
  readonly loadCapacityTonnes?: number | undefined;
  /** Wagons: an innovative model of the tariff guide's list, or true for "a model of the list". */
  readonly innovative?: boolean | string | undefined;
  /** Wagons of a mixed group: each entry its count, capacity, cargo mass and model; they add up to `count`. */
  readonly wagons?: readonly WagonEntry[] | undefined;
  /** Private wagons: price the empty return with the loaded run. */
  readonly emptyReturn?: boolean | undefined;
}

/** Wagons of one capacity, mass and model within a shipment (a mixed group has several lots). */
export interface WagonLot {
  readonly count: number;
  readonly loadCapacityTonnes: number;
  /** Cargo mass per wagon, tonnes. */
  readonly grossMassTonnes: number;
  /** A model of the tariff guide's list of innovative wagons, or true for "a model of the list". */
  readonly innovative?: string | boolean | undefined;
}

export interface WagonEntry {
  readonly count?: number | undefined;
  readonly loadCapacityTonnes: number;
  readonly grossMassTonnes: number;
  readonly innovative?: boolean | string | undefined;
}

/** A railway's tariff distance stated by the shipper: the quote uses it for that railway's leg, labelled so. */
export interface DeclaredDistance {
  readonly railway: string;
  readonly distanceKm: number;
}

export interface RateRequest {
  readonly origin: string;
  readonly destination: string;
  readonly acceptanceDate: IsoDate;
  readonly cargo: CargoRequest;
  readonly units: UnitsRequest;
  readonly currency: string;
  readonly via?: readonly string[] | undefined;
  readonly maxOptions?: number | undefined;
  readonly declaredDistances?: readonly DeclaredDistance[] | undefined;
}

/** The shipment after defaults are filled in; every default is listed in `assumptions`. */
export interface Shipment {
  readonly cargo: ResolvedCargo;
  readonly unit: Required<Pick<UnitsRequest, 'kind' | 'loaded' | 'count' | 'axles'>> &
    Pick<UnitsRequest, 'size' | 'containerType' | 'wagonType'> & {
      readonly grossMassTonnes: number;
      readonly chargedMassTonnes: number;
      readonly shipmentType: ShipmentType;
      readonly ownership: Ownership;
      readonly loadCapacityTonnes: number;
      readonly innovative?: boolean | string | undefined;
      /** Wagons by capacity, mass and model (one lot unless a mixed group was asked for). */
      readonly lots: readonly WagonLot[];
      readonly emptyReturn: boolean;
    };
  readonly date: IsoDate;
  readonly assumptions: readonly string[];
}

/** What a condition is tested against for one railway's leg. */
export interface LegContext {
  readonly shipment: Shipment;
  readonly direction: Direction;
  readonly entersAt: string;
  readonly leavesAt: string;
  readonly km: number;
  /** Every border station on the whole route, both sides. */
  readonly routeStations: ReadonlySet<string>;
}

/** A wagon's load capacity when the request gives none: 69 t per four axles (a 4-axle universal wagon). */
const DEFAULT_CAPACITY_PER_AXLE = 17.25;

export const DEFAULT_CONTAINER_MASS: Record<ContainerSize, number> = {
  '20': 20,
  '30': 24,
  '40': 24,
  '45': 26,
};
export const DEFAULT_WAGON_MASS = 60;
const DEFAULT_AXLES = 4;

export function buildShipment(request: RateRequest, cargo: ResolvedCargo): Shipment {
  const u = request.units;
  const assumptions: string[] = [];
  let mass = u.grossMassTonnes;
  if (mass === undefined) {
    mass =
      u.kind === 'container'
        ? u.loaded
          ? DEFAULT_CONTAINER_MASS[u.size ?? '40']
          : 0
        : u.loaded
          ? DEFAULT_WAGON_MASS
          : 0;
    if (u.loaded)
      assumptions.push(
        `mass not given: ${mass} t per ${u.kind === 'container' ? 'box (gross)' : 'wagon (cargo)'} assumed`,
      );
  }
  const axles = u.axles ?? DEFAULT_AXLES;
  let capacity = u.loadCapacityTonnes;
  if (u.kind === 'wagon' && capacity === undefined && u.wagons === undefined) {
    capacity = Math.max(DEFAULT_CAPACITY_PER_AXLE * axles, u.loaded ? mass : 0);
    assumptions.push(`load capacity not given: ${capacity} t per wagon assumed`);
  }
  let charged = mass;
  if (u.kind === 'wagon' && u.loaded && cargo.minMassTonnes !== undefined && mass < cargo.minMassTonnes) {
    charged = cargo.minMassTonnes;
    assumptions.push(
      `charged mass ${charged} t: the minimum chargeable mass for ETSNG ${cargo.etsng}, above the ${mass} t loaded`,
    );
  }
  const ownership = u.ownership ?? 'private';
  if (u.ownership === undefined) assumptions.push(`ownership not given: ${ownership} ${u.kind}s assumed`);
  if (u.kind === 'wagon' && u.axles === undefined)
    assumptions.push(`axles not given: ${DEFAULT_AXLES}-axle wagon assumed`);
  const lots: WagonLot[] = u.wagons?.map((w) => ({
    count: w.count ?? 1,
    loadCapacityTonnes: w.loadCapacityTonnes,
    grossMassTonnes: w.grossMassTonnes,
    innovative: w.innovative ?? u.innovative,
  })) ?? [
    { count: u.count, loadCapacityTonnes: capacity ?? 0, grossMassTonnes: mass, innovative: u.innovative },
  ];
  const count = u.wagons ? lots.reduce((n, l) => n + l.count, 0) : u.count;
  if (u.kind === 'wagon' && u.wagonType === undefined)
    assumptions.push('wagon type not given: gondola assumed');
  let shipmentType = u.shipmentType;
  if (shipmentType === undefined) {
    shipmentType = u.kind === 'container' ? 'container' : count === 1 ? 'single-wagon' : 'group';
    if (u.kind === 'wagon')
      assumptions.push(`shipment type not given: ${shipmentType} assumed from ${count} wagon(s)`);
  }
  return {
    cargo,
    unit: {
      kind: u.kind,
      size: u.size,
      containerType: u.kind === 'container' ? (u.containerType ?? 'dry') : undefined,
      wagonType: u.wagonType,
      loaded: u.loaded,
      ownership,
      count,
      axles,
      grossMassTonnes: mass,
      chargedMassTonnes: charged,
      shipmentType,
      loadCapacityTonnes: capacity ?? 0,
      innovative: u.innovative,
      lots,
      emptyReturn: u.emptyReturn ?? false,
    },
    date: request.acceptanceDate,
    assumptions,
  };
}
