import { DomainError } from '../../core/domain-error.js';
import { type Amount, amount, formatFigure, roundAmount, toDecimalString } from '../../core/money.js';
import type { WagonKind, WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';
import { weakestConfidence } from '../caveats/option-confidence.js';
import { ChainRecorder, type ChainStep, type Factor } from './chain-recorder.js';
import { cargoK3, classK1, innovative, ownGondolaClass, wagonExtras } from './coefficients.js';
import { indexationsInForce, levelsAfter } from './guide-in-force.js';
import { baseRate, tableForScheme } from './rate-lookup.js';
import { applyShipmentCorrection } from './shipment-correction.js';
import type { WagonLot, WagonOrder } from './wagon-order.js';

export interface PricedPart {
  readonly part: string;
  readonly scheme: string;
  readonly steps: readonly ChainStep[];
  /** Per wagon, whole kopecks. */
  readonly amount: Amount;
  readonly chargedMassTonnes?: number | undefined;
}

/** Point 18.2: charged mass = max(actual, the classifier's norm for the wagon kind), in whole tonnes. */
function chargedMass(
  tariff: WagonTariff,
  kind: WagonKind,
  order: WagonOrder,
  lot: WagonLot,
  useNorm: boolean,
) {
  const c = order.cargo;
  const norm =
    !useNorm || !kind.tableOneKind
      ? undefined
      : kind.tableOneKind === 'flat'
        ? (c.minMassFlat ?? c.minMass)
        : c.minMass;
  const normTonnes = norm === undefined ? undefined : norm === 'capacity' ? lot.loadCapacityTonnes : norm;
  const actual = amount(lot.grossMassTonnes);
  const larger = normTonnes !== undefined && amount(normTonnes).gt(actual) ? amount(normTonnes) : actual;
  const mass = roundAmount(larger, tariff.edition.rounding.mass).toNumber();
  const normText =
    norm === undefined
      ? 'none'
      : norm === 'capacity'
        ? `the load capacity, ${lot.loadCapacityTonnes} t`
        : `${norm} t`;
  return {
    mass,
    text: `charged mass max(${lot.grossMassTonnes} t actual, norm ${normText}) → ${mass} t (point 18.2, whole tonnes)`,
  };
}

/** The loaded run's infrastructure and locomotive part (or an own wagon's whole loaded run), per wagon of a lot. */
export function loadedRun(
  tariff: WagonTariff,
  order: WagonOrder,
  lot: WagonLot,
  kind: WagonKind,
  scheme: string,
): PricedPart {
  const rec = new ChainRecorder(tariff);
  const tariffClass = order.cargo.tariffClass;
  const table = tableForScheme(tariff, scheme);
  const byMass = table.layout === 'by-mass';
  let massT: number | undefined;
  let massText = '';
  if (byMass || table.unit === 'per-tonne') {
    const m = chargedMass(tariff, kind, order, lot, byMass);
    massT = m.mass;
    massText = `${m.text}; `;
  }
  const base = baseRate(tariff, scheme, order.km, massT);
  const column = byMass
    ? `, ${base.column} t column${base.perTonneOfLast ? ` ÷ ${base.perTonneOfLast.maxMass} × ${massT} t (point 18.2)` : ''}`
    : '';
  let v = rec.amount(
    'rate',
    `ТР-1 scheme ${scheme} base rate ${table.unit}, ${base.belt.fromKm}–${base.belt.toKm} km${column}${massT === undefined ? '' : `, charged mass ${massT} t`}`,
    base.rate,
    `${massText}${order.km} km in belt ${base.belt.fromKm}–${base.belt.toKm} km: ${formatFigure(toDecimalString(roundAmount(base.rate, rec.step), 2))} RUB`,
    base.source,
    {
      distanceKm: order.km,
      belt: `${base.belt.fromKm}–${base.belt.toKm} km`,
      ...(massT === undefined ? {} : { chargedMassTonnes: massT }),
    },
  );
  // point 16.6: Table 4 rows introduced from a distance — none in the data
  if (tariff.shipmentK4.appliesToSchemes.includes(scheme)) {
    v = applyShipmentCorrection(tariff, rec, {
      km: order.km,
      base: v,
      shipment: order.shipment,
      wagons: order.wagons,
      baseAt: (atKm) => roundAmount(baseRate(tariff, scheme, atKm, massT).rate, rec.step),
    });
  }
  const groups: Record<string, () => Factor[]> = {
    'innovative-wagon': () => innovative(tariff, kind.id, scheme, lot.innovative, order.axles),
    'own-gondola-class': () => opt(ownGondolaClass(tariff, kind.id, order.ownership, scheme, tariffClass)),
    'class-k1': () => [classK1(tariff, tariffClass, order.cargo.etsng, order.km)],
    'cargo-k3': () => opt(cargoK3(tariff, order.cargo.etsng, order.direction)),
    'cargo-k3-wagon': () => wagonExtras(tariff, order.cargo.etsng, tariffClass, kind.id),
    'empty-run': () => [],
    indexation: () => indexationFactors(tariff, order, 'loaded-run'),
  };
  for (const id of tariff.edition.multiplyOrder.order) {
    const pick = groups[id];
    if (!pick)
      throw new DomainError('INVALID_RULES', `${tariff.id} edition multiplyOrder: unknown step ${id}`);
    for (const f of pick()) v = rec.multiply(v, f);
  }
  for (const f of order.railwayFactors) v = rec.multiply(v, f);
  if (table.unit === 'per-tonne' && massT !== undefined) {
    v = rec.multiply(v, {
      factor: String(massT),
      label: `× ${massT} t charged mass`,
      source: { ...base.source, reference: `${table.reference}; points 15.4, 21 (per-tonne tank schemes)` },
    });
  }
  // point 16.10: reductions (Tables 12, 13, point 28.2) concern containers and piggyback — none for wagons
  const settled = rec.settle(v, `scheme ${scheme}`);
  return { part: 'loaded run', scheme, steps: rec.steps, amount: settled, chargedMassTonnes: massT };
}

/** Group В: the use of a general-fleet wagon, per wagon whatever the class and mass (points 12, 18.3). */
export function wagonComponent(tariff: WagonTariff, order: WagonOrder, scheme: string): PricedPart {
  const rec = new ChainRecorder(tariff);
  const base = baseRate(tariff, scheme, order.km);
  let v = rec.amount(
    'charge',
    `ТР-1 scheme ${scheme}: use of a general-fleet wagon, ${base.belt.fromKm}–${base.belt.toKm} km (no class coefficient, point 12)`,
    base.rate,
    `${order.km} km in belt ${base.belt.fromKm}–${base.belt.toKm} km: ${formatFigure(toDecimalString(base.rate, 2))} RUB`,
    base.source,
    { distanceKm: order.km },
  );
  for (const f of indexationFactors(tariff, order, 'wagon-component')) v = rec.multiply(v, f);
  const settled = rec.settle(v, `scheme ${scheme}`);
  return { part: 'wagon component', scheme, steps: rec.steps, amount: settled };
}

export function indexationFactors(
  tariff: WagonTariff,
  order: Pick<WagonOrder, 'date'>,
  part: 'loaded-run' | 'empty-run' | 'wagon-component',
): Factor[] {
  const back = tariff.edition.carriedBack;
  const levels: Factor[] = levelsAfter(tariff, order.date).map((a) => ({
    factor: a.factor,
    divide: true,
    label: `level of ${order.date}, before ${a.title.replace(/^Indexation of/, 'the indexation of')}: ÷ ${a.factor} (Price List 10-01 priced by the ТР-1 chain, carried back)`,
    source: {
      reference: `${a.reference}; carried back: ${back?.reference ?? tariff.edition.reference}`,
      confidence: weakestConfidence([a.confidence, back?.confidence ?? a.confidence]),
      rule: a.rule,
    },
  }));
  return [
    ...levels,
    ...indexationsInForce(tariff, order.date, part).map((a) => ({
      factor: a.factor,
      label: a.title,
      source: a,
    })),
  ];
}

function opt(f: Factor | undefined): Factor[] {
  return f ? [f] : [];
}
