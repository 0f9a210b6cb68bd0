import type { Contribution, ImpactStatus, ShipmentImpact } from './assess-impact.js';
import type { CapacityImpact } from './capacity-impact.js';
import type { ModeChoice } from './cheapest-mode.js';
import type { GoalSeekPoint } from './goal-seek.js';
import type { PortfolioShipment } from './portfolio.js';
import type { Outcome } from './price-outcome.js';
import { lineOf, type ShipmentLine, type WhatIfSummary } from './whatif-summary.js';

/** A draft change as the report lists it, in the order of application. */
export interface ReportedChange {
  readonly index: number;
  readonly file: string;
  readonly path: string;
  readonly kind: string;
  readonly railway?: string | undefined;
  readonly text: string;
}

/** One shipment of the portfolio, baseline against draft, with the changes that made the difference. */
export interface ShipmentResult extends ShipmentLine {
  readonly status: ImpactStatus;
  readonly routeChanged: boolean;
  readonly baselineOutcome: Outcome;
  readonly draftOutcome: Outcome;
  readonly contributions: Contribution[];
  /** The cheapest mode under each rule set, when assessed. */
  readonly cheapestMode?:
    | { readonly baseline?: ModeChoice | undefined; readonly draft?: ModeChoice | undefined }
    | undefined;
}

interface GoalSeekCommon {
  /** "<rule file>#<YAML path>". */
  readonly parameter: string;
  readonly currency: string;
  readonly draftValue: string;
  readonly value: string;
  readonly found: boolean;
  readonly explanation: string;
  readonly evaluations: number;
  readonly bracket?: [GoalSeekPoint, GoalSeekPoint] | undefined;
  /** What the value is off the target by: revenue at the value − revenue under the rules in force, or share − target. */
  readonly residual?: string | undefined;
}

/** Keeping a railway's weighted revenue on the portfolio (in `currency`) as under the rules in force. */
export interface RevenueGoalSeek extends GoalSeekCommon {
  readonly objective: 'keep-revenue';
  readonly railway: string;
  readonly baselineRevenue: string;
  readonly draftRevenue: string;
  readonly revenueAtValue?: string | undefined;
}

/** Rail the cheapest mode for at least a share of the portfolio's weight (of the shipments that can be compared). */
export interface ShareGoalSeek extends GoalSeekCommon {
  readonly objective: 'rail-share';
  readonly targetShare: string;
  /** The weight of the shipments compared: those with rail or an alternative under the rules in force. */
  readonly comparableWeight: string;
  readonly baselineShare: string;
  readonly draftShare: string;
  readonly shareAtValue?: string | undefined;
}

export type GoalSeekReport = RevenueGoalSeek | ShareGoalSeek;

export interface WhatIfReport {
  readonly currency: string;
  readonly baselineRuleSetHash: string;
  readonly draftRuleSetHash: string;
  readonly draft: {
    readonly files: string[];
    readonly notes: string[];
    readonly order: string;
    readonly changes: ReportedChange[];
  };
  readonly summary: WhatIfSummary;
  /** Per capacity section: traffic, utilisation and over-capacity flags under each rule set. */
  readonly capacity?: CapacityImpact | undefined;
  /** Whether the cheapest mode was assessed, how, and (in summary.modeShift) what changed. */
  readonly modeShift: { readonly available: boolean; readonly note: string };
  readonly goalSeek?: GoalSeekReport | undefined;
  readonly shipments?: ShipmentResult[] | undefined;
}

export const MODE_SHIFT_OFF = 'the cheapest mode against sea and road was not assessed (asked not to)';

export function shipmentResult(shipment: PortfolioShipment, impact: ShipmentImpact): ShipmentResult {
  return {
    ...lineOf(shipment, impact),
    status: impact.status,
    routeChanged: impact.routeChanged,
    baselineOutcome: impact.baseline,
    draftOutcome: impact.draft,
    contributions: impact.contributions,
    cheapestMode: impact.modes,
  };
}
