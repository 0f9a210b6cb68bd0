import { type Amount, amount } from '../core/money.js';
import type { ShipmentImpact } from './assess-impact.js';
import type { PortfolioShipment } from './portfolio.js';

/** What a what-if adds up to: revenue before and after, by railway, corridor, cargo group and change. */

/** Revenue before and after, in one currency. */
export interface RevenueFigures {
  readonly baseline: string;
  readonly draft: string;
  readonly change: string;
  /** Change as a percentage of the baseline, 2 decimals; absent when the baseline is zero. */
  readonly percent?: string | undefined;
}

export interface RailwayRevenue extends RevenueFigures {
  readonly railway: string;
  /** The railway's tariff currency, in which the three figures above are. */
  readonly currency: string;
  /** The same in the portfolio's currency, converted at the declared rates. */
  readonly converted: RevenueFigures;
}

export interface GroupRevenue extends RevenueFigures {
  readonly group: string;
  readonly shipments: number;
}

export interface ChangeContribution {
  /** Change numbers (several when applied together). */
  readonly changes: number[];
  /** Weighted sum of the contributions, in the portfolio's currency. */
  readonly amount: string;
  readonly shipments: number;
}

export interface ShipmentLine {
  readonly line: number;
  readonly id: string;
  readonly origin: string;
  readonly destination: string;
  readonly cargo: string;
  readonly units: string;
  readonly count: number;
  readonly date: string;
  readonly weight: string;
  readonly baseline?: string | undefined;
  readonly draft?: string | undefined;
  readonly difference?: string | undefined;
  readonly percent?: string | undefined;
  readonly reason?: string | undefined;
  readonly cause?: number[] | undefined;
}

/** Where the cheapest mode (rail or an alternative) is not the same under the draft as under the rules in force. */
export interface ModeShiftSummary {
  /** Shipments whose cheapest mode could be found under both. */
  readonly assessed: number;
  /** Weighted shipments for which rail is the cheapest mode. */
  readonly railCheapest: { readonly baseline: string; readonly draft: string };
  /** One entry per change of mode, e.g. rail → caspian-sea, with the shipments concerned. */
  readonly shifts: {
    readonly from: string;
    readonly to: string;
    readonly shipments: number;
    readonly weight: string;
  }[];
  readonly listed: (ShipmentLine & { readonly from: string; readonly to: string })[];
}

export interface WhatIfSummary {
  readonly currency: string;
  readonly shipments: {
    readonly rows: number;
    readonly weight: string;
    readonly changed: number;
    readonly unchanged: number;
    readonly becameUnpriceable: number;
    readonly becamePriceable: number;
    readonly unpriceable: number;
    readonly routeChanged: number;
  };
  /** Weighted revenue over every shipment each side can price. */
  readonly revenue: RevenueFigures & {
    /** Of the change: shipments priced on both sides (= the sum of byChange), lost, and gained. */
    readonly pricedBoth: string;
    readonly lost: string;
    readonly gained: string;
  };
  readonly byRailway: RailwayRevenue[];
  readonly byCorridor: GroupRevenue[];
  readonly byCargoGroup: GroupRevenue[];
  readonly byChange: ChangeContribution[];
  /** Weighted number of shipments by percentage change of their price (shipments priced on both sides). */
  readonly distribution: { readonly label: string; readonly weight: string }[];
  readonly largest: ShipmentLine[];
  readonly unpriceable: { readonly total: number; readonly listed: ShipmentLine[] };
  /** Present when the cheapest mode was assessed. */
  readonly modeShift?: ModeShiftSummary | undefined;
}

/** One shipment as listed in a report. */
export function lineOf(shipment: PortfolioShipment, impact: ShipmentImpact, percent?: Amount): ShipmentLine {
  const r = shipment.request;
  const baseline = impact.baseline.priced ? impact.baseline.total : undefined;
  const draft = impact.draft.priced ? impact.draft.total : undefined;
  const unpriced = !impact.draft.priced
    ? impact.draft
    : !impact.baseline.priced
      ? impact.baseline
      : undefined;
  const pct =
    percent ??
    (impact.difference !== undefined && baseline !== undefined && !amount(baseline).isZero()
      ? amount(impact.difference).dividedBy(baseline).times(100)
      : undefined);
  return {
    line: shipment.line,
    id: shipment.id,
    origin: r.origin,
    destination: r.destination,
    cargo: shipment.cargo,
    units: shipment.units,
    count: r.units.count,
    date: r.acceptanceDate,
    weight: shipment.weight,
    baseline,
    draft,
    difference: impact.difference,
    percent: pct?.toFixed(2),
    reason: unpriced && !unpriced.priced ? `${unpriced.code}: ${unpriced.reason}` : undefined,
    cause: impact.cause,
  };
}
