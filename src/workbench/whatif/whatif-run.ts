import { type Amount, amount } from '../../domain/core/money.js';
import type { RateRequest } from '../../domain/pricing/shipment.js';
import { RailLoad } from '../../domain/whatif/capacity-impact.js';
import { MODE_SHIFT_RULE } from '../../domain/whatif/cheapest-mode.js';
import { ImpactCache } from '../../domain/whatif/impact-cache.js';
import { ImpactTotals } from '../../domain/whatif/impact-totals.js';
import type { PortfolioShipment } from '../../domain/whatif/portfolio.js';
import {
  type GoalSeekReport,
  MODE_SHIFT_OFF,
  type ShipmentResult,
  shipmentResult,
  type WhatIfReport,
} from '../../domain/whatif/whatif-report.js';
import type { Draft } from '../drafts/build-draft.js';

/**
 * A what-if in progress: shipments go in one at a time (each assessed once per distinct shipment and epoch, see
 * ImpactCache) and are added up as they come, so a portfolio of any length runs in bounded memory.
 */
export class WhatIfRun {
  readonly cache: ImpactCache;
  private readonly totals: ImpactTotals;
  private readonly railLoad: RailLoad;

  constructor(
    readonly draft: Draft,
    readonly currency: string,
    private readonly notes: readonly string[] = [],
    private readonly modeShift = true,
  ) {
    this.cache = new ImpactCache(draft.baseline, draft.steps, draft.boundaries, { modeShift });
    this.totals = new ImpactTotals(currency);
    this.railLoad = new RailLoad(draft.baseline, draft.ruleSet);
  }

  add(shipment: PortfolioShipment): ShipmentResult {
    const impact = this.cache.impactOf(shipment.request);
    this.totals.add(shipment, impact, this.cache.cargoGroupOf(shipment.request));
    const modes = impact.modes;
    this.railLoad.add(shipment.request, Number(shipment.weight), impact, {
      baseline: modes ? modes.baseline?.mode === 'rail' : true,
      draft: modes ? modes.draft?.mode === 'rail' : true,
    });
    return shipmentResult(shipment, impact);
  }

  report(
    extra: { shipments?: ShipmentResult[] | undefined; goalSeek?: GoalSeekReport | undefined } = {},
  ): WhatIfReport {
    return {
      currency: this.currency,
      baselineRuleSetHash: this.draft.baseline.hash,
      draftRuleSetHash: this.draft.ruleSet.hash,
      draft: {
        files: [...this.draft.overlay],
        notes: [...this.notes],
        order: this.draft.order,
        changes: this.draft.changes.map((c) => ({
          index: c.index,
          file: c.file,
          path: c.path,
          kind: c.kind,
          railway: c.railway,
          text: c.text,
        })),
      },
      summary: this.totals.summary(),
      capacity: this.railLoad.report(),
      modeShift: this.modeShift
        ? { available: true, note: MODE_SHIFT_RULE }
        : { available: false, note: MODE_SHIFT_OFF },
      ...extra,
    };
  }
}

/** Distinct shipments with their summed weights: what a goal seek re-prices at every trial value. */
export class ShipmentGroups {
  private readonly groups = new Map<string, { request: RateRequest; weight: Amount }>();

  constructor(private readonly keyOf: (request: RateRequest) => string) {}

  add(request: RateRequest, weight: string): void {
    const key = this.keyOf(request);
    const group = this.groups.get(key);
    if (group) group.weight = group.weight.plus(amount(weight));
    else this.groups.set(key, { request, weight: amount(weight) });
  }

  get size(): number {
    return this.groups.size;
  }

  values(): Iterable<{ readonly request: RateRequest; readonly weight: Amount }> {
    return this.groups.values();
  }
}
