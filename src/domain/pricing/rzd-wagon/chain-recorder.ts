import {
  type Amount,
  amount,
  formatFigure,
  type Rounding,
  roundAmount,
  toDecimalString,
} from '../../core/money.js';
import type { RuleRef } from '../../rule-set/tariff.js';
import type { Traced, WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';

/** One step of the ТР-1 chain for one wagon: what it did, its ТР-1 reference, and the running amount after it. */
export interface ChainStep {
  readonly kind: 'rate' | 'charge' | 'coefficient' | 'rounding';
  readonly label: string;
  readonly formula: string;
  /** The running amount after the step, to kopecks (the exact product is in `carried`). */
  readonly shown: Amount;
  /** The change against the previous step, to kopecks: the steps of a leg add up to its amount. */
  readonly delta: Amount;
  readonly factor?: string | undefined;
  readonly inputs: Readonly<Record<string, string | number>>;
  readonly source: Traced;
}

/** A factor of point 16.9 with where it comes from. */
export interface Factor {
  readonly factor: string;
  readonly label: string;
  readonly source: Traced;
  /** Divide by the factor instead (a level before an indexation already inside the base rates). */
  readonly divide?: boolean | undefined;
}

export function traced(reference: string, confidence: Traced['confidence'], rule: RuleRef): Traced {
  return { reference, confidence, rule };
}

/**
 * Records the steps of one leg of one wagon. Corrections (points 16.6–16.8) are rounded to kopecks; the products of
 * point 16.9 are carried unrounded and rounded once (edition rounding.chain: after-sequence), or each rounded
 * (after-each), as the guide's edition says.
 */
export class ChainRecorder {
  readonly steps: ChainStep[] = [];
  private shownSoFar: Amount = amount(0);

  constructor(private readonly tariff: WagonTariff) {}

  get step(): Rounding {
    return this.tariff.edition.rounding.step;
  }

  private push(step: Omit<ChainStep, 'delta'>) {
    this.steps.push({ ...step, delta: step.shown.minus(this.shownSoFar) });
    this.shownSoFar = step.shown;
  }

  /** An amount rounded to kopecks (a base rate, a corrected rate). */
  amount(
    kind: ChainStep['kind'],
    label: string,
    value: Amount,
    formula: string,
    source: Traced,
    inputs: Readonly<Record<string, string | number>> = {},
  ): Amount {
    const rounded = roundAmount(value, this.step);
    this.push({ kind, label, formula, shown: rounded, inputs, source });
    return rounded;
  }

  multiply(current: Amount, f: Factor): Amount {
    const product = f.divide ? current.div(amount(f.factor)) : current.times(amount(f.factor));
    const eachStep = this.tariff.edition.rounding.chain.policy === 'after-each';
    const shown = roundAmount(product, this.step);
    const carried = eachStep ? shown : product;
    const exact = carried.eq(shown) ? '' : ` (carried unrounded: ${carried.toFixed()})`;
    this.push({
      kind: 'coefficient',
      label: f.label,
      formula: `${formatFigure(current.toFixed())} ${f.divide ? '÷' : '×'} ${f.factor} = ${formatFigure(toDecimalString(shown, this.step.scale))} RUB${exact}`,
      shown,
      factor: f.factor,
      inputs: f.divide ? { divisor: f.factor } : { factor: f.factor },
      source: f.source,
    });
    return carried;
  }

  /** ТР-1 point 15.4: the tariff after the multiplications, to whole kopecks. */
  settle(current: Amount, what: string): Amount {
    const c = this.tariff.edition.rounding.chain;
    const settled = roundAmount(current, this.step);
    this.push({
      kind: 'rounding',
      label: `${what}: tariff after the coefficients to whole kopecks (ТР-1 point 15.4)`,
      formula: `${current.toFixed()} → ${formatFigure(toDecimalString(settled, this.step.scale))} RUB`,
      shown: settled,
      inputs: { policy: c.policy, scale: this.step.scale, mode: this.step.mode },
      source: c,
    });
    return settled;
  }
}
