import { fromMoney, type Money, toMoney } from '../core/money.js';
import type { QuoteLine, RateOption } from '../pricing/rate-option.js';
import type { RuleRef } from '../rule-set/tariff.js';

export const LINE_STATUSES = ['same', 'changed', 'added', 'removed'] as const;
export type LineStatus = (typeof LINE_STATUSES)[number];
export const LINE_CHANGES = ['amount', 'formula', 'rule'] as const;
export type LineChange = (typeof LINE_CHANGES)[number];

export interface LineSide {
  readonly amount: Money;
  readonly formula: string;
  readonly rule: RuleRef;
}

/** One line of a stored quote set beside the same line priced again. */
export interface LineDiff {
  readonly railway: string;
  readonly kind: QuoteLine['kind'];
  readonly description: string;
  readonly status: LineStatus;
  /** What differs on a changed line: its amount, its formula, the rule (file, version or path) behind it. */
  readonly changed: LineChange[];
  readonly stored?: LineSide | undefined;
  readonly replayed?: LineSide | undefined;
  /** replayed − stored, when both are in one currency (an added line counts from zero, a removed one to zero). */
  readonly difference?: Money | undefined;
}

/** A total (of the route or of one railway) as stored and as replayed; the difference only when both exist. */
export interface AmountDiff {
  readonly stored?: Money | undefined;
  readonly replayed?: Money | undefined;
  readonly difference?: Money | undefined;
}

export interface OptionDiff {
  readonly total: AmountDiff;
  readonly byRailway: ({ readonly railway: string } & AmountDiff)[];
  readonly lines: LineDiff[];
}

/**
 * Sets the lines of a replayed option beside those of the stored one. Lines pair up within a railway and a kind of
 * line: first on the same YAML path (the same rule item, even in another version's file), then in order; a line
 * left without a partner was added or removed. Lines come out railway by railway, stored order first.
 */
export function diffOptions(stored: RateOption, replayed: RateOption | undefined): OptionDiff {
  const replayedLines = replayed?.lines ?? [];
  const partner = pairLines(stored.lines, replayedLines);
  const taken = new Set(partner.values());
  const railways = [...new Set([...stored.lines, ...replayedLines].map((l) => l.railway))];
  const lines: LineDiff[] = [];
  for (const railway of railways) {
    stored.lines.forEach((line, i) => {
      if (line.railway !== railway) return;
      const j = partner.get(i);
      lines.push(lineDiff(line, j === undefined ? undefined : replayedLines[j]));
    });
    replayedLines.forEach((line, j) => {
      if (line.railway === railway && !taken.has(j)) lines.push(lineDiff(undefined, line));
    });
  }
  const shares = [...new Set([...stored.byRailway, ...(replayed?.byRailway ?? [])].map((s) => s.railway))];
  return {
    total: totalDiff(stored.total, replayed?.total),
    byRailway: shares.map((railway) => ({
      railway,
      ...totalDiff(
        stored.byRailway.find((s) => s.railway === railway)?.total,
        replayed?.byRailway.find((s) => s.railway === railway)?.total,
      ),
    })),
    lines,
  };
}

function pairLines(stored: readonly QuoteLine[], replayed: readonly QuoteLine[]): Map<number, number> {
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const group = (l: QuoteLine) => `${l.railway}|${l.kind}`;
  const pass = (same: (a: QuoteLine, b: QuoteLine) => boolean) => {
    stored.forEach((line, i) => {
      if (partner.has(i)) return;
      const j = replayed.findIndex((other, k) => !taken.has(k) && same(line, other));
      if (j === -1) return;
      partner.set(i, j);
      taken.add(j);
    });
  };
  pass((a, b) => group(a) === group(b) && a.rule.path === b.rule.path);
  pass((a, b) => group(a) === group(b));
  return partner;
}

function lineDiff(stored: QuoteLine | undefined, replayed: QuoteLine | undefined): LineDiff {
  const line = replayed ?? stored;
  if (!line) throw new Error('a line diff needs at least one side');
  const side = (l: QuoteLine): LineSide => ({ amount: l.amount, formula: l.formula, rule: l.rule });
  const changed: LineChange[] = [];
  if (stored && replayed) {
    if (!sameMoney(stored.amount, replayed.amount)) changed.push('amount');
    if (stored.formula !== replayed.formula) changed.push('formula');
    if (!sameRule(stored.rule, replayed.rule)) changed.push('rule');
  }
  return {
    railway: line.railway,
    kind: line.kind,
    description: line.description,
    status: !stored ? 'added' : !replayed ? 'removed' : changed.length > 0 ? 'changed' : 'same',
    changed,
    stored: stored && side(stored),
    replayed: replayed && side(replayed),
    difference: amountDiff(stored?.amount, replayed?.amount).difference,
  };
}

/** Totals compare only when both exist: a route or railway no longer priced did not become free. */
function totalDiff(stored: Money | undefined, replayed: Money | undefined): AmountDiff {
  return stored && replayed ? amountDiff(stored, replayed) : { stored, replayed };
}

function amountDiff(stored: Money | undefined, replayed: Money | undefined): AmountDiff {
  const currency = stored?.currency ?? replayed?.currency;
  if (!currency || (stored && replayed && stored.currency !== replayed.currency)) return { stored, replayed };
  const scale = Math.max(decimals(stored), decimals(replayed));
  const before = stored ? fromMoney(stored) : fromMoney({ amount: '0', currency });
  const after = replayed ? fromMoney(replayed) : fromMoney({ amount: '0', currency });
  return { stored, replayed, difference: toMoney(after.minus(before), currency, scale) };
}

function decimals(money: Money | undefined): number {
  const point = money?.amount.indexOf('.') ?? -1;
  return money && point >= 0 ? money.amount.length - point - 1 : 0;
}

function sameMoney(a: Money, b: Money): boolean {
  return a.currency === b.currency && fromMoney(a).equals(fromMoney(b));
}

function sameRule(a: RuleRef, b: RuleRef): boolean {
  return a.file === b.file && a.version === b.version && a.path === b.path;
}
