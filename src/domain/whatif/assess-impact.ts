import { type Amount, amount } from '../core/money.js';
import type { RateRequest } from '../pricing/shipment.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { cheapestMode, type ModeChoice } from './cheapest-mode.js';
import { type Outcome, priceOutcome } from './price-outcome.js';

/** The rules after applying the draft changes numbered `changes`, on top of the previous step. */
export interface WhatIfStep {
  readonly changes: readonly number[];
  readonly ruleSet: RuleSet;
}

/** Part of a shipment's price difference credited to one change (or to several applied together). */
export interface Contribution {
  readonly changes: number[];
  /** In the requested currency; never zero. */
  readonly amount: string;
}

export const IMPACT_STATUSES = [
  'unchanged',
  'changed',
  'became-unpriceable',
  'became-priceable',
  'unpriceable',
] as const;
export type ImpactStatus = (typeof IMPACT_STATUSES)[number];

export interface ShipmentImpact {
  readonly status: ImpactStatus;
  readonly baseline: Outcome;
  readonly draft: Outcome;
  /** Draft total − baseline total, when both are priced. */
  readonly difference?: string | undefined;
  /** Sum exactly to `difference`: each step's effect, credited to the changes of that step. */
  readonly contributions: Contribution[];
  /** For a shipment that became unpriceable: the changes of the step after which it could no longer be priced. */
  readonly cause?: number[] | undefined;
  /** The cheapest route differs between baseline and draft. */
  readonly routeChanged: boolean;
  /** The cheapest mode (rail or an alternative) under each, when asked for and comparable. */
  readonly modes?:
    | { readonly baseline?: ModeChoice | undefined; readonly draft?: ModeChoice | undefined }
    | undefined;
}

/**
 * Prices a shipment under the baseline and after each step of the draft. Telescoping makes the contributions add
 * up exactly: step k is credited with price(after k) − price(after k−1). A step after which the shipment cannot be
 * priced is credited jointly with the next step that prices it again.
 */
export function assessImpact(
  baseline: RuleSet,
  steps: readonly WhatIfStep[],
  request: RateRequest,
  options: { readonly modeShift?: boolean } = {},
): ShipmentImpact {
  const first = priceOutcome(baseline, request);
  const outcomes = steps.map((step) => priceOutcome(step.ruleSet, request));
  const last = outcomes.at(-1) ?? first;

  const contributions: Contribution[] = [];
  let previous = first.priced ? first : undefined;
  let pending: number[] = [];
  let cause: number[] | undefined;
  outcomes.forEach((outcome, k) => {
    const changes = steps[k]?.changes ?? [];
    pending.push(...changes);
    if (!outcome.priced) {
      if (outcomes[k - 1]?.priced ?? first.priced) cause = [...changes];
      return;
    }
    if (previous) {
      const delta = amount(outcome.total).minus(previous.total);
      if (!delta.isZero()) contributions.push({ changes: pending, amount: figure(delta) });
    }
    previous = outcome;
    pending = [];
  });

  const routeChanged = first.priced && last.priced && first.route !== last.route;
  const modes = options.modeShift
    ? {
        baseline: cheapestMode(baseline, request),
        draft: cheapestMode(steps.at(-1)?.ruleSet ?? baseline, request),
      }
    : undefined;
  if (first.priced && last.priced) {
    const difference = amount(last.total).minus(first.total);
    return {
      status: difference.isZero() ? 'unchanged' : 'changed',
      baseline: first,
      draft: last,
      difference: figure(difference),
      contributions,
      routeChanged,
      modes,
    };
  }
  const status = first.priced ? 'became-unpriceable' : last.priced ? 'became-priceable' : 'unpriceable';
  return {
    status,
    baseline: first,
    draft: last,
    contributions: [],
    cause: status === 'became-unpriceable' ? cause : undefined,
    routeChanged: false,
    modes,
  };
}

/** At least two decimals, more where a rule's rounding kept more. */
function figure(value: Amount): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}
