import { type Amount, formatFigure, moneyOf, type Rounding, toDecimalString } from '../core/money.js';
import type { Leg } from '../rule-set/find-routes.js';
import type { RuleRef, Sourced } from '../rule-set/tariff.js';
import type { Conversion } from './convert.js';
import type { QuoteLine } from './rate-option.js';

/** Everything a line of one railway's leg needs besides its figures; lines are collected in `lines`. */
export interface LineContext {
  readonly leg: Leg;
  readonly count: number;
  readonly currency: string;
  readonly step: Rounding;
  readonly lines: QuoteLine[];
  /** False when only the figures are wanted (a leg an agreed through rate replaces): no line is written. */
  readonly withLines: boolean;
}

export function figure(value: Amount, out: LineContext): string {
  return `${formatFigure(toDecimalString(value, out.step.scale))} ${out.currency}`;
}

export function addLine(
  out: LineContext,
  kind: QuoteLine['kind'],
  description: string,
  formula: string,
  perUnit: Amount,
  count: number,
  inputs: Readonly<Record<string, string | number>>,
  source: Sourced & { readonly rule: RuleRef },
) {
  if (!out.withLines) return;
  const unit = moneyOf(perUnit, out.currency);
  const total = count === 1 ? unit : moneyOf(perUnit.times(count), out.currency);
  out.lines.push({
    railway: out.leg.railway,
    kind,
    description,
    formula:
      count === 1 ? formula : `${formula}; × ${count} units = ${formatFigure(total.amount)} ${out.currency}`,
    amount: total,
    perUnit: unit,
    inputs,
    rule: source.rule,
    reference: source.reference,
    confidence: source.confidence,
  });
}

/** The line that converts a share into the requested currency, with the rate, its date and its source. */
export function conversionLine(
  railway: string,
  conversion: Conversion,
  value: Amount,
  unit: Amount,
  count: number,
  total: Amount,
  currency: string,
  what: string,
): QuoteLine {
  return {
    railway,
    kind: 'conversion',
    description: `${what} converted ${conversion.info.from} → ${currency}`,
    formula:
      conversion.formula(value, unit) +
      (count > 1 ? `; × ${count} units = ${formatFigure(unit.times(count))} ${currency}` : ''),
    amount: moneyOf(total, currency),
    perUnit: moneyOf(unit, currency),
    inputs: { rate: conversion.info.rate, method: conversion.info.method, source: conversion.info.source },
    rule: conversion.rule ?? { file: 'fx', version: '', path: '' },
    reference: conversion.reference,
    confidence: conversion.confidence,
  };
}
