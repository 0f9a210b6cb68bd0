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
  let charged = mass;
  if (u.kind === 'wagon' && u.loaded && cargo.minMassTonnes !== undefined && mass < cargo.minMassTonnes) {
    charged = cargo.minMassTonnes;
    assumptions.push(
      `charged mass ${charged} t: the minimum chargeable mass for ETSNG ${cargo.etsng}, above the ${mass} t loaded`,
    );
  }
  const ownership = u.ownership ?? 'private';
  if (u.ownership === undefined) assumptions.push(`ownership not given: ${ownership} ${u.kind}s assumed`);
  const axles = u.axles ?? DEFAULT_AXLES;
  if (u.kind === 'wagon' && u.axles === undefined)
    assumptions.push(`axles not given: ${DEFAULT_AXLES}-axle wagon assumed`);
  let shipmentType = u.shipmentType;
  if (shipmentType === undefined) {
    shipmentType = u.kind === 'container' ? 'container' : u.count === 1 ? 'single-wagon' : 'group';
    if (u.kind === 'wagon')
      assumptions.push(`shipment type not given: ${shipmentType} assumed from ${u.count} wagon(s)`);
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
      count: u.count,
      axles,
      grossMassTonnes: mass,
      chargedMassTonnes: charged,
      shipmentType,
    },
    date: request.acceptanceDate,
    assumptions,
  };
}
