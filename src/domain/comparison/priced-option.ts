import { type Amount, amount, formatFigure, roundAmount, sum } from '../core/money.js';
import type { EmissionFactor, Estimate } from '../rule-set/alternative-cards.js';
import type { Confidence } from '../rule-set/tariff.js';
import { addEstimates, weakest } from './compare-figures.js';
import type { ComparedLeg, ComparedOption, LegEmissions } from './compare-result.js';

/** A leg of a compared option with its figures still as decimals, so that options can add them up exactly. */
export interface PricedLeg {
  readonly leg: ComparedLeg;
  readonly cost: Estimate;
  readonly days: Estimate;
  /** Rounded to 0.1 kg; undefined when the leg moves the cargo but no emission factor is in force. */
  readonly co2Kg?: Amount | undefined;
  /** Undefined on legs that move nothing (port handling). */
  readonly tonneKm?: Amount | undefined;
  readonly confidence: Confidence;
}

/** A rail or alternative option before the value of time is applied. */
export interface PricedOption {
  readonly id: string;
  readonly mode: ComparedOption['mode'];
  readonly name: string;
  readonly route: readonly string[];
  readonly legs: readonly PricedLeg[];
  readonly notes: readonly string[];
  /** Rail options: the rail engine's own warnings (by line); alternatives' are worked out from their items. */
  readonly warnings?: readonly string[] | undefined;
  readonly ruleVersions?: ComparedOption['ruleVersions'];
}

export interface OptionTotals {
  readonly cost: Estimate;
  readonly days: Estimate;
  readonly co2?: { readonly kg: Amount; readonly tonneKm: Amount } | undefined;
  readonly confidence: Confidence;
}

export function totalsOf(option: PricedOption): OptionTotals {
  const moving = option.legs.filter((l) => l.tonneKm !== undefined);
  const co2Known = moving.every((l) => l.co2Kg !== undefined);
  return {
    cost: addEstimates(option.legs.map((l) => l.cost)),
    days: addEstimates(option.legs.map((l) => l.days)),
    co2: co2Known
      ? {
          kg: sum(moving.map((l) => l.co2Kg ?? amount(0))),
          tonneKm: sum(moving.map((l) => l.tonneKm ?? amount(0))),
        }
      : undefined,
    confidence: weakest(option.legs.map((l) => l.confidence)),
  };
}

/** Mass × km × intensity, in kg CO2e rounded to 0.1 kg, with the formula's inputs. */
export function emissionsOf(
  massTonnes: Amount,
  km: number,
  factor: EmissionFactor | undefined,
): { emissions?: LegEmissions; co2Kg?: Amount; tonneKm: Amount } {
  const tonneKm = massTonnes.times(km);
  if (!factor) return { tonneKm };
  const kg = roundAmount(tonneKm.times(factor.gramsPerTonneKm).dividedBy(1000), {
    scale: 1,
    mode: 'half-up',
  });
  return {
    tonneKm,
    co2Kg: kg,
    emissions: {
      kg: kg.toFixed(1),
      tonneKm: tonneKm.toFixed(),
      formula: `${formatFigure(massTonnes)} t × ${formatFigure(km)} km × ${factor.gramsPerTonneKm.toFixed()} g/t-km ÷ 1000 = ${formatFigure(kg.toFixed(1))} kg`,
      factor: {
        id: factor.id,
        gramsPerTonneKm: factor.gramsPerTonneKm.toFixed(),
        description: factor.description,
        rule: factor.rule,
        reference: factor.reference,
        confidence: factor.confidence,
      },
    },
  };
}
