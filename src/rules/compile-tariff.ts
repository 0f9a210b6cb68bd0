import type { z } from 'zod';
import { amount, formatFigure } from '../domain/core/money.js';
import type {
  Amendment,
  Band,
  Charge,
  Coefficient,
  RailwayVersion,
  Regime,
  RoundingByUnit,
  RuleRef,
  When,
} from '../domain/rule-set/tariff.js';
import type { WagonTariff } from '../domain/rule-set/tariff-guide/wagon-tariff.js';
import { formatPath } from './rule-issue.js';
import type { RoundingByUnitSchema } from './schema/common.js';
import type { AmendmentFile, ChargeFile, CoefficientFile, RailwayVersionFile } from './schema/railway.js';

interface Origin {
  readonly file: string;
  readonly version: string;
  readonly hash: string;
}

const ref = (origin: Origin, path: readonly PropertyKey[]): RuleRef => ({
  file: origin.file,
  version: origin.version,
  path: formatPath(path),
});

export function compileRailwayVersion(
  data: RailwayVersionFile,
  origin: Origin,
  guides: ReadonlyMap<string, WagonTariff> = new Map(),
): RailwayVersion {
  return {
    railway: data.railway,
    name: data.name,
    country: data.country,
    gauge: data.gauge,
    title: data.title,
    effectiveFrom: data.effectiveFrom,
    effectiveTo: data.effectiveTo,
    supersedes: data.supersedes ?? undefined,
    reference: data.reference,
    confidence: data.confidence,
    speedKmPerDay: data.speedKmPerDay,
    quoteValidityDays: data.quoteValidityDays,
    blockTrain: data.blockTrain,
    file: origin.file,
    hash: origin.hash,
    regimes: data.regimes.map((regime, r): Regime => {
      const at = ['regimes', r];
      return {
        id: regime.id,
        name: regime.name,
        directions: regime.directions,
        currency: regime.currency,
        stepRounding: regime.rounding.step,
        totalRounding: byUnit(regime.rounding.total),
        reductions: {
          combine: regime.reductions.combine,
          cap: regime.reductions.cap === undefined ? undefined : amount(regime.reductions.cap),
        },
        conversion: regime.conversion && {
          table: regime.conversion.table,
          rounding: byUnit(regime.conversion.rounding),
        },
        tariffGuide: regime.tariffGuide === undefined ? undefined : guides.get(regime.tariffGuide),
        rates: regime.rates.map((c, i) => compileCharge(c, ref(origin, [...at, 'rates', i]))),
        charges: (regime.charges ?? []).map((c, i) => compileCharge(c, ref(origin, [...at, 'charges', i]))),
        coefficients: (regime.coefficients ?? []).map((c, i) =>
          compileCoefficient(c, ref(origin, [...at, 'coefficients', i])),
        ),
        rule: ref(origin, at),
      };
    }),
  };
}

export function compileAmendment(data: AmendmentFile, origin: Origin): Amendment {
  return {
    railway: data.railway,
    id: data.id,
    title: data.title,
    effectiveFrom: data.effectiveFrom,
    effectiveTo: data.effectiveTo,
    reference: data.reference,
    confidence: data.confidence,
    file: origin.file,
    hash: origin.hash,
    changes: data.changes.map((change, c) => {
      const at = ['changes', c];
      return {
        regime: change.regime,
        addRates: (change.rates ?? []).map((x, i) => compileCharge(x, ref(origin, [...at, 'rates', i]))),
        addCharges: (change.charges ?? []).map((x, i) =>
          compileCharge(x, ref(origin, [...at, 'charges', i])),
        ),
        addCoefficients: (change.coefficients ?? []).map((x, i) =>
          compileCoefficient(x, ref(origin, [...at, 'coefficients', i])),
        ),
        remove: change.remove ?? [],
      };
    }),
  };
}

export function compileCharge(data: ChargeFile, rule: RuleRef): Charge {
  const bands: Band[] = data.formula
    ? [band(0, undefined, data.formula.fixed, data.formula.perKm)]
    : (data.bands ?? []).map((b) => band(b.fromKm, b.toKm, b.rate ?? b.fixed, b.perKm));
  return {
    id: data.id,
    description: data.description,
    basis: data.basis,
    when: compileWhen(data.when),
    bands,
    isFormula: data.formula !== undefined,
    distanceStepKm: data.distanceStepKm,
    reference: data.reference,
    confidence: data.confidence,
    rule,
  };
}

export function compileCoefficient(data: CoefficientFile, rule: RuleRef): Coefficient {
  return {
    id: data.id,
    description: data.description,
    when: compileWhen(data.when),
    factor: amount(data.factor),
    factorText: amount(data.factor).toFixed(),
    appliesTo: data.appliesTo ?? [],
    reference: data.reference,
    confidence: data.confidence,
    rule,
  };
}

function band(fromKm: number, toKm: number | undefined, fixed = '0', perKm = '0'): Band {
  const f = amount(fixed);
  const p = amount(perKm);
  return { fromKm, toKm, fixed: f, perKm: p, fixedFigure: formatFigure(f), perKmFigure: formatFigure(p) };
}

export function compileWhen(when: When | undefined): When {
  return when ?? {};
}

function byUnit(rounding: z.infer<typeof RoundingByUnitSchema>): RoundingByUnit {
  return 'container' in rounding ? rounding : { container: rounding, wagon: rounding };
}
