import { type Amount, amount, roundAmount } from '../core/money.js';

export interface GoalSeekPoint {
  readonly value: string;
  /** What is off the target at this value (e.g. draft revenue − baseline revenue); absent if it cannot be priced. */
  readonly residual?: string | undefined;
}

export interface GoalSeekResult {
  readonly found: boolean;
  /** The value, to `scale` decimals, whose residual is the smallest found. */
  readonly value: string;
  readonly residual?: string | undefined;
  /** The two neighbouring values, one unit of `scale` apart, whose residuals have opposite signs. */
  readonly bracket?: [GoalSeekPoint, GoalSeekPoint] | undefined;
  readonly evaluations: number;
  readonly explanation: string;
}

export interface GoalSeekOptions {
  /** Decimals of the answer: bisection stops when the bracket is one unit of this scale wide. */
  readonly scale: number;
  /** The smallest value allowed (default 0: rates and factors are not negative). */
  readonly min?: Amount | undefined;
  readonly maxEvaluations?: number | undefined;
  /**
   * Which end of the final bracket is the answer: the one whose residual is nearer zero (default), or the one whose
   * residual is zero or more — for a target that must be met, not merely approached (a share of the portfolio).
   */
  readonly keep?: 'nearest' | 'at-least' | undefined;
}

/**
 * Finds the value at which `residual` changes sign (or is zero), starting from `start`: first a bracket, by secant
 * steps in the direction that brings the residual closer to zero, then false position (Illinois) mixed with
 * bisection, on decimals of `scale`, until the bracket is one unit of that scale wide.
 * Prices are rounded, so the residual moves in steps: the answer is the value whose residual is nearest zero.
 */
export function goalSeek(
  residual: (value: Amount) => Amount | undefined,
  start: Amount,
  options: GoalSeekOptions,
): GoalSeekResult {
  const unit = amount(1).dividedBy(amount(10).pow(options.scale));
  const min = options.min ?? amount(0);
  const maxEvaluations = options.maxEvaluations ?? 80;
  const memo = new Map<string, Amount | undefined>();
  const f = (value: Amount) => {
    const key = value.toFixed(options.scale);
    if (!memo.has(key)) memo.set(key, residual(value));
    return memo.get(key);
  };
  const round = (value: Amount) => roundAmount(value, { scale: options.scale, mode: 'half-even' });
  const point = (value: Amount): GoalSeekPoint => ({
    value: value.toFixed(options.scale),
    residual: f(value)?.toFixed(),
  });
  const result = (value: Amount, found: boolean, explanation: string, bracket?: [Amount, Amount]) => ({
    found,
    value: value.toFixed(options.scale),
    residual: f(value)?.toFixed(),
    bracket: bracket ? tuple(point(bracket[0]), point(bracket[1])) : undefined,
    evaluations: memo.size,
    explanation,
  });

  const v0 = round(start);
  const f0 = f(v0);
  if (f0 === undefined) return result(v0, false, 'the draft cannot be priced at its own value');
  const atLeast = options.keep === 'at-least';
  if (atLeast ? !f0.isNegative() : f0.isZero())
    return result(v0, true, 'the draft value already meets the target');
  // Met exactly: where any value meeting the target will do. Where it must be met, the search goes on to the
  // boundary, a residual of zero counting as met.
  const exact = (r: Amount) => !atLeast && r.isZero();

  // Bracket: a first step each way, then secant steps (the residual is nearly linear in a rate or a factor),
  // doubling the step instead whenever the secant does not point further on. A residual that moves in steps (a share
  // of the portfolio) may not move at all within the first step: it then doubles each way, ten times at most (to
  // about fifty times the draft value), until the residual moves.
  let step = round(v0.abs().times('0.05'));
  if (step.lt(unit)) step = unit;
  let previous: { v: Amount; fv: Amount } | undefined;
  for (let i = 0, probe = step; i <= 10 && previous === undefined; i++, probe = probe.times(2)) {
    let moved = false;
    for (const d of [1, -1] as const) {
      const v = round(v0.plus(probe.times(d)));
      if (v.lt(min)) continue;
      const fv = f(v);
      if (fv === undefined || fv.eq(f0)) continue;
      moved = true;
      if (exact(fv)) return result(v, true, 'the residual is exactly zero at this value');
      if (fv.isNegative() !== f0.isNegative()) return refine(v0, f0, v, fv);
      if (fv.abs().lt(f0.abs()) && previous === undefined) previous = { v, fv };
    }
    if (moved) break;
  }
  if (previous === undefined)
    return result(
      v0,
      false,
      'the residual does not move towards the target in either direction from the draft value',
    );
  let a = { v: v0, fv: f0 };
  let b = previous;
  while (memo.size < maxEvaluations) {
    const direction = b.v.gt(a.v) ? 1 : -1;
    const span = b.v.minus(a.v).abs();
    const slope = b.fv.minus(a.fv);
    let next = slope.isZero()
      ? b.v.plus(span.times(2 * direction))
      : round(b.v.minus(b.fv.times(b.v.minus(a.v)).dividedBy(slope)));
    const furthest = b.v.plus(span.times(8 * direction));
    if (
      (direction === 1 && (next.lte(b.v) || next.gt(furthest))) ||
      (direction === -1 && (next.gte(b.v) || next.lt(furthest)))
    )
      next = round(b.v.plus(span.times(2 * direction)));
    if (next.lt(min)) next = min;
    if (next.eq(b.v)) break;
    const fn = f(next);
    if (fn === undefined) break;
    if (exact(fn)) return result(next, true, 'the residual is exactly zero at this value');
    if (fn.isNegative() !== b.fv.isNegative()) return refine(b.v, b.fv, next, fn);
    a = b;
    b = { v: next, fv: fn };
  }
  return result(b.v, false, 'no value within reach brings the residual to the target');

  /** False position with the Illinois correction, bisecting whenever it fails to halve the bracket. */
  function refine(x: Amount, fx: Amount, y: Amount, fy: Amount): GoalSeekResult {
    let lo = { v: x.lt(y) ? x : y, fv: x.lt(y) ? fx : fy, weight: amount(1) };
    let hi = { v: x.lt(y) ? y : x, fv: x.lt(y) ? fy : fx, weight: amount(1) };
    let bisectNext = false;
    while (hi.v.minus(lo.v).gt(unit) && memo.size < maxEvaluations) {
      const width = hi.v.minus(lo.v);
      const fLo = lo.fv.times(lo.weight);
      const fHi = hi.fv.times(hi.weight);
      let mid = bisectNext
        ? round(lo.v.plus(hi.v).dividedBy(2))
        : round(lo.v.minus(fLo.times(width).dividedBy(fHi.minus(fLo))));
      if (mid.lte(lo.v)) mid = lo.v.plus(unit);
      if (mid.gte(hi.v)) mid = hi.v.minus(unit);
      const fm = f(mid);
      if (fm === undefined) break;
      if (exact(fm)) return result(mid, true, 'the residual is exactly zero at this value');
      if (fm.isNegative() === lo.fv.isNegative()) {
        lo = { v: mid, fv: fm, weight: amount(1) };
        hi = { ...hi, weight: hi.weight.dividedBy(2) };
      } else {
        hi = { v: mid, fv: fm, weight: amount(1) };
        lo = { ...lo, weight: lo.weight.dividedBy(2) };
      }
      bisectNext = !bisectNext && hi.v.minus(lo.v).gt(width.dividedBy(2));
    }
    const best = atLeast ? (lo.fv.isNegative() ? hi.v : lo.v) : lo.fv.abs().lte(hi.fv.abs()) ? lo.v : hi.v;
    const converged = hi.v.minus(lo.v).lte(unit);
    return result(
      best,
      converged,
      converged
        ? `the residual changes sign between ${lo.v.toFixed(options.scale)} and ${hi.v.toFixed(options.scale)}; ${atLeast ? 'the one that meets the target is kept' : 'the one nearer the target is kept'}`
        : 'stopped after the most evaluations allowed',
      [lo.v, hi.v],
    );
  }
}

function tuple(a: GoalSeekPoint, b: GoalSeekPoint): [GoalSeekPoint, GoalSeekPoint] {
  return [a, b];
}
