import { type Amount, amount, ZERO } from '../core/money.js';
import type { ShipmentImpact } from './assess-impact.js';
import type { PortfolioShipment } from './portfolio.js';
import {
  type GroupRevenue,
  lineOf,
  type RevenueFigures,
  type ShipmentLine,
  type WhatIfSummary,
} from './whatif-summary.js';

const BINS = [
  '≤ −20 %',
  '−20 to −10 %',
  '−10 to −5 %',
  '−5 to −1 %',
  '−1 to 0 %',
  'no change',
  '0 to 1 %',
  '1 to 5 %',
  '5 to 10 %',
  '10 to 20 %',
  '≥ 20 %',
] as const;
const NEGATIVE_EDGES = [-20, -10, -5, -1];
const POSITIVE_EDGES = [1, 5, 10, 20];

class Pair {
  baseline = ZERO;
  draft = ZERO;
  count = 0;
  figures(): RevenueFigures {
    const change = this.draft.minus(this.baseline);
    return {
      baseline: this.baseline.toFixed(2),
      draft: this.draft.toFixed(2),
      change: change.toFixed(2),
      percent: this.baseline.isZero() ? undefined : change.dividedBy(this.baseline).times(100).toFixed(2),
    };
  }
}

/** Adds up shipment impacts, weighted, into a what-if summary; holds no per-shipment data beyond a few lists. */
export class ImpactTotals {
  private rows = 0;
  private weight = ZERO;
  private readonly counts = {
    changed: 0,
    unchanged: 0,
    becameUnpriceable: 0,
    becamePriceable: 0,
    unpriceable: 0,
  };
  private routeChanged = 0;
  private readonly revenue = new Pair();
  private pricedBoth = ZERO;
  private lost = ZERO;
  private gained = ZERO;
  private readonly railways = new Map<string, { local: Pair; converted: Pair }>();
  private readonly corridors = new Map<string, Pair>();
  private readonly cargoGroups = new Map<string, Pair>();
  private readonly changes = new Map<string, { changes: number[]; amount: Amount; shipments: number }>();
  private readonly bins = BINS.map(() => ZERO);
  private largest: { size: Amount; line: ShipmentLine }[] = [];
  private unpriceableTotal = 0;
  private readonly unpriceable: ShipmentLine[] = [];
  private modes?: {
    assessed: number;
    railBaseline: Amount;
    railDraft: Amount;
    shifts: Map<string, { from: string; to: string; shipments: number; weight: Amount }>;
    listed: (ShipmentLine & { from: string; to: string })[];
  };

  constructor(
    private readonly currency: string,
    private readonly keep = { largest: 20, unpriceable: 200 },
  ) {}

  /** `rows` > 1 adds several identical rows at once (their weights summed in `weight`). */
  add(
    shipment: PortfolioShipment,
    impact: ShipmentImpact,
    cargoGroup: string,
    weight?: Amount,
    rows = 1,
  ): void {
    const w = weight ?? amount(shipment.weight);
    this.rows += rows;
    this.weight = this.weight.plus(w);
    const key = (
      {
        changed: 'changed',
        unchanged: 'unchanged',
        'became-unpriceable': 'becameUnpriceable',
        'became-priceable': 'becamePriceable',
        unpriceable: 'unpriceable',
      } as const
    )[impact.status];
    this.counts[key] += rows;
    if (impact.routeChanged) this.routeChanged += rows;

    const { baseline, draft } = impact;
    const corridor = this.pair(
      this.corridors,
      baseline.priced ? baseline.corridor : draft.priced ? draft.corridor : 'unpriced',
    );
    const group = this.pair(this.cargoGroups, cargoGroup);
    corridor.count += rows;
    group.count += rows;
    if (baseline.priced) {
      const total = amount(baseline.total).times(w);
      for (const pair of [this.revenue, corridor, group]) pair.baseline = pair.baseline.plus(total);
      for (const share of baseline.railways) {
        const r = this.railway(share.railway, share.currency);
        r.local.baseline = r.local.baseline.plus(amount(share.local).times(w));
        r.converted.baseline = r.converted.baseline.plus(amount(share.converted).times(w));
      }
    }
    if (draft.priced) {
      const total = amount(draft.total).times(w);
      for (const pair of [this.revenue, corridor, group]) pair.draft = pair.draft.plus(total);
      for (const share of draft.railways) {
        const r = this.railway(share.railway, share.currency);
        r.local.draft = r.local.draft.plus(amount(share.local).times(w));
        r.converted.draft = r.converted.draft.plus(amount(share.converted).times(w));
      }
    }
    if (impact.status === 'became-unpriceable' && baseline.priced)
      this.lost = this.lost.plus(amount(baseline.total).times(w));
    if (impact.status === 'became-priceable' && draft.priced)
      this.gained = this.gained.plus(amount(draft.total).times(w));

    if (impact.difference !== undefined && baseline.priced && draft.priced) {
      const difference = amount(impact.difference);
      this.pricedBoth = this.pricedBoth.plus(difference.times(w));
      for (const c of impact.contributions) {
        const id = c.changes.join('+');
        const entry = this.changes.get(id) ?? { changes: c.changes, amount: ZERO, shipments: 0 };
        entry.amount = entry.amount.plus(amount(c.amount).times(w));
        entry.shipments += rows;
        this.changes.set(id, entry);
      }
      const base = amount(baseline.total);
      const percent = base.isZero() ? undefined : difference.dividedBy(base).times(100);
      const bin = binOf(difference, percent);
      this.bins[bin] = (this.bins[bin] ?? ZERO).plus(w);
      if (!difference.isZero())
        this.keepLargest(difference.times(w).abs(), lineOf(shipment, impact, percent));
    }
    if (impact.modes) this.addModes(shipment, impact, w, rows);
    if (impact.status === 'became-unpriceable') {
      this.unpriceableTotal += rows;
      if (this.unpriceable.length < this.keep.unpriceable) this.unpriceable.push(lineOf(shipment, impact));
    }
  }

  summary(): WhatIfSummary {
    const revenue = this.revenue.figures();
    return {
      currency: this.currency,
      shipments: {
        rows: this.rows,
        weight: this.weight.toFixed(),
        ...this.counts,
        routeChanged: this.routeChanged,
      },
      revenue: {
        ...revenue,
        pricedBoth: this.pricedBoth.toFixed(2),
        lost: this.lost.toFixed(2),
        gained: this.gained.toFixed(2),
      },
      byRailway: [...this.railways]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, r]) => {
          const [railway = '', currency = ''] = key.split('|');
          return { railway, currency, ...r.local.figures(), converted: r.converted.figures() };
        }),
      byCorridor: groups(this.corridors),
      byCargoGroup: groups(this.cargoGroups),
      byChange: [...this.changes.values()]
        .sort((a, b) => (a.changes[0] ?? 0) - (b.changes[0] ?? 0) || a.changes.length - b.changes.length)
        .map((c) => ({ changes: c.changes, amount: c.amount.toFixed(2), shipments: c.shipments })),
      distribution: BINS.map((label, i) => ({ label, weight: (this.bins[i] ?? ZERO).toFixed() })),
      largest: this.largest.map((l) => l.line),
      unpriceable: { total: this.unpriceableTotal, listed: [...this.unpriceable] },
      modeShift: this.modes && {
        assessed: this.modes.assessed,
        railCheapest: { baseline: this.modes.railBaseline.toFixed(), draft: this.modes.railDraft.toFixed() },
        shifts: [...this.modes.shifts.values()]
          .sort((a, b) => b.weight.comparedTo(a.weight) || (a.from + a.to < b.from + b.to ? -1 : 1))
          .map((x) => ({ from: x.from, to: x.to, shipments: x.shipments, weight: x.weight.toFixed() })),
        listed: [...this.modes.listed],
      },
    };
  }

  private addModes(shipment: PortfolioShipment, impact: ShipmentImpact, w: Amount, rows: number): void {
    this.modes ??= { assessed: 0, railBaseline: ZERO, railDraft: ZERO, shifts: new Map(), listed: [] };
    const from = impact.modes?.baseline;
    const to = impact.modes?.draft;
    if (!from || !to) return;
    const m = this.modes;
    m.assessed += rows;
    if (from.mode === 'rail') m.railBaseline = m.railBaseline.plus(w);
    if (to.mode === 'rail') m.railDraft = m.railDraft.plus(w);
    if (from.mode === to.mode) return;
    const key = `${from.mode}>${to.mode}`;
    const entry = m.shifts.get(key) ?? { from: from.mode, to: to.mode, shipments: 0, weight: ZERO };
    entry.shipments += rows;
    entry.weight = entry.weight.plus(w);
    m.shifts.set(key, entry);
    if (m.listed.length < this.keep.unpriceable)
      m.listed.push({
        ...lineOf(shipment, impact),
        from: `${from.option} (${from.cost})`,
        to: `${to.option} (${to.cost})`,
      });
  }

  private pair(map: Map<string, Pair>, key: string): Pair {
    let pair = map.get(key);
    if (!pair) {
      pair = new Pair();
      map.set(key, pair);
    }
    return pair;
  }

  private railway(railway: string, currency: string) {
    const key = `${railway}|${currency}`;
    let entry = this.railways.get(key);
    if (!entry) {
      entry = { local: new Pair(), converted: new Pair() };
      this.railways.set(key, entry);
    }
    return entry;
  }

  private keepLargest(size: Amount, line: ShipmentLine): void {
    const full = this.largest.length >= this.keep.largest;
    const smallest = this.largest.at(-1);
    if (full && smallest && size.lte(smallest.size)) return;
    this.largest.push({ size, line });
    this.largest.sort((a, b) => b.size.comparedTo(a.size) || a.line.line - b.line.line);
    if (this.largest.length > this.keep.largest) this.largest.pop();
  }
}

function groups(map: ReadonlyMap<string, Pair>): GroupRevenue[] {
  return [...map]
    .map(([group, pair]) => ({ group, shipments: pair.count, ...pair.figures() }))
    .sort(
      (a, b) => amount(b.change).abs().comparedTo(amount(a.change).abs()) || (a.group < b.group ? -1 : 1),
    );
}

/** Bins: ≤ −20, (−20, −10], (−10, −5], (−5, −1], (−1, 0), 0, (0, 1), [1, 5), [5, 10), [10, 20), ≥ 20 (%). */
function binOf(difference: Amount, percent: Amount | undefined): number {
  if (difference.isZero()) return 5;
  const p = percent ?? amount(difference.isNegative() ? -100 : 100);
  if (p.isNegative()) {
    const i = NEGATIVE_EDGES.findIndex((edge) => p.lte(edge));
    return i === -1 ? 4 : i;
  }
  const i = POSITIVE_EDGES.findIndex((edge) => p.lt(edge));
  return i === -1 ? 10 : 6 + i;
}
