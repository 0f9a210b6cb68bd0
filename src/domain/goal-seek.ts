import { type Amount, amount, roundAmount } from './money.js';

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
}

/**
 * Finds the value at which `residual` changes sign (or is zero), starting from `start`: first a bracket, by steps
 * that double in the direction that brings the residual closer to zero, then bisection on decimals of `scale`.
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
  if (f0.isZero()) return result(v0, true, 'the draft value already meets the target');

  // Bracket: step away from v0 in the direction where |residual| falls, doubling the step.
  let step = round(v0.abs().times('0.05'));
  if (step.lt(unit)) step = unit;
  let direction: 1 | -1 | undefined;
  for (const d of [1, -1] as const) {
    const v = round(v0.plus(step.times(d)));
    if (v.lt(min)) continue;
    const fv = f(v);
    if (fv === undefined) continue;
    if (fv.isZero() || fv.isNegative() !== f0.isNegative()) return bisect(v0, v, d);
    if (fv.abs().lt(f0.abs()) && direction === undefined) direction = d;
  }
  if (direction === undefined)
    return result(
      v0,
      false,
      'the residual does not move towards the target in either direction from the draft value',
    );
  let last = v0;
  while (memo.size < maxEvaluations) {
    step = step.times(2);
    let v = round(v0.plus(step.times(direction)));
    if (v.lt(min)) v = min;
    const fv = f(v);
    if (fv === undefined) break;
    if (fv.isZero() || fv.isNegative() !== f0.isNegative()) return bisect(last, v, direction);
    if (v.eq(min)) break;
    last = v;
  }
  return result(last, false, 'no value within reach brings the residual to the target');

  function bisect(a: Amount, b: Amount, d: 1 | -1): GoalSeekResult {
    let lo = d === 1 ? a : b;
    let hi = d === 1 ? b : a;
    const fLo = () => f(lo) as Amount;
    while (hi.minus(lo).gt(unit) && memo.size < maxEvaluations) {
      let mid = round(lo.plus(hi).dividedBy(2));
      if (mid.lte(lo)) mid = lo.plus(unit);
      if (mid.gte(hi)) mid = hi.minus(unit);
      const fm = f(mid);
      if (fm === undefined) break;
      if (fm.isZero()) return result(mid, true, 'the residual is exactly zero at this value');
      if (fm.isNegative() === fLo().isNegative()) lo = mid;
      else hi = mid;
    }
    const best = (f(lo) as Amount).abs().lte((f(hi) as Amount).abs()) ? lo : hi;
    const converged = hi.minus(lo).lte(unit);
    return result(
      best,
      converged,
      converged
        ? `the residual changes sign between ${lo.toFixed(options.scale)} and ${hi.toFixed(options.scale)}; the nearer one is kept`
        : 'stopped after the most evaluations allowed',
      [lo, hi],
    );
  }
}

function tuple(a: GoalSeekPoint, b: GoalSeekPoint): [GoalSeekPoint, GoalSeekPoint] {
  return [a, b];
}
