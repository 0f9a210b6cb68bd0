import type { IsoDate } from '../../core/dates.js';
import type { ResolvedCargo } from '../../rule-set/cargo.js';
import type { GuideShipment, WagonOwnership } from '../../rule-set/tariff-guide/wagon-tariff.js';
import type { WagonLot } from '../shipment.js';
import type { Factor } from './chain-recorder.js';

export type { WagonLot };

/** One RZD wagon shipment as the ТР-1 chain reads it. */
export interface WagonOrder {
  readonly kind: string;
  readonly ownership: WagonOwnership;
  readonly axles: number;
  readonly shipment: GuideShipment;
  /** Every wagon on the waybill: selects the Table 5 row. */
  readonly wagons: number;
  readonly lots: readonly WagonLot[];
  readonly cargo: ResolvedCargo;
  readonly km: number;
  readonly kmDeclared: boolean;
  readonly date: IsoDate;
  readonly direction: string;
  readonly loaded: boolean;
  /** Own wagons: price the empty return with the loaded run (a waybill of its own per wagon). */
  readonly emptyReturn: boolean;
  /**
   * The railway version's own coefficients that match the shipment (a dated reduction such as ×0.93 on ferrous
   * metals): multiplied on the loaded run after the guide's, as point 16.9 multiplies state-regulation coefficients.
   */
  readonly railwayFactors: readonly Factor[];
}
