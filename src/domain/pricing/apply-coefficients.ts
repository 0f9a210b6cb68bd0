import { type Amount, ONE, roundAmount, ZERO } from '../core/money.js';
import type { Charge, Coefficient, ReductionPolicy } from '../rule-set/tariff.js';
import type { LegTerms } from './corridor/corridor-terms.js';
import { addLine, figure, type LineContext } from './quote-lines.js';

/** One priced part of a leg (the base rate or a charge) while coefficients act on it. */
export interface Component {
  readonly charge: Charge;
  readonly isBase: boolean;
  value: Amount;
}

/**
 * Increasing coefficients multiply in file order. Reductions combine as the regime says (ТР-1: one after another;
 * CIS: only the largest) — unless corridor terms reduce the rate too: then the railway's own reductions and the
 * corridor's compete under the agreement's policy, and terms stated to multiply are applied after.
 */
export function applyCoefficients(
  component: Component,
  own: readonly Coefficient[],
  terms: LegTerms | undefined,
  regimePolicy: ReductionPolicy,
  out: LineContext,
) {
  const competingTerms = terms?.competing ?? [];
  const policy = competingTerms.length > 0 ? (terms?.policy ?? regimePolicy) : regimePolicy;
  const sequential =
    policy.combine === 'multiply' ? [...own, ...competingTerms] : own.filter((c) => c.factor.gt(1));
  for (const coefficient of sequential)
    multiplyBy(component, coefficient, coefficient.factor, coefficient.description, out);
  if (policy.combine !== 'multiply') {
    const reductions = [...own.filter((c) => c.factor.lt(1)), ...competingTerms];
    if (reductions.length > 0) {
      const { factor, chosen, explanation } = combineReductions(reductions, policy);
      multiplyBy(component, chosen, factor, explanation, out, {
        combine: policy.combine,
        competing: reductions.map((r) => `${r.id} ×${r.factorText}`).join(', '),
      });
    }
  }
  for (const coefficient of terms?.stacked ?? []) {
    multiplyBy(component, coefficient, coefficient.factor, coefficient.description, out);
  }
}

function multiplyBy(
  component: Component,
  source: Coefficient,
  factor: Amount,
  description: string,
  out: LineContext,
  extra: Record<string, string> = {},
) {
  const before = component.value;
  component.value = roundAmount(before.times(factor), out.step);
  if (!out.withLines) return; // figures only: no line, so no text to build
  addLine(
    out,
    factor.lt(1) ? 'reduction' : 'coefficient',
    `${description} (on ${component.charge.id})`,
    `${figure(before, out)} × ${factor.toFixed()} = ${figure(component.value, out)}`,
    component.value.minus(before),
    out.count,
    { factor: factor.toFixed(), appliedTo: component.charge.id, ...extra },
    source,
  );
}

/**
 * Several reductions on one rate combine as the policy says: the largest alone (CIS), or added, perhaps capped.
 * (Under `multiply` they never meet here: each is applied in turn.)
 */
function combineReductions(reductions: readonly Coefficient[], policy: ReductionPolicy) {
  const describe = (c: Coefficient) => `×${c.factorText} ${c.description}`;
  const [first] = reductions;
  if (!first) throw new Error('combineReductions needs at least one reduction');
  if (reductions.length === 1) return { factor: first.factor, chosen: first, explanation: first.description };
  if (policy.combine === 'largest') {
    const chosen = reductions.reduce((best, c) => (c.factor.lt(best.factor) ? c : best));
    const others = reductions.filter((c) => c !== chosen).map(describe);
    return {
      factor: chosen.factor,
      chosen,
      explanation: `largest reduction applied: ${describe(chosen)}; not combined with ${others.join(', ')}`,
    };
  }
  const totalCut = reductions.reduce((acc, c) => acc.plus(ONE.minus(c.factor)), ZERO);
  const capped = policy.combine === 'add-capped' && policy.cap !== undefined && totalCut.gt(policy.cap);
  const cut = capped && policy.cap ? policy.cap : totalCut;
  const factor = ONE.minus(cut);
  const capText = capped ? ` (capped at ${policy.cap?.times(100).toFixed()} %)` : '';
  return {
    factor: factor.isNegative() ? ZERO : factor,
    chosen: first,
    explanation: `reductions added${capText}: ${reductions.map(describe).join(' + ')}`,
  };
}
