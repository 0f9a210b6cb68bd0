import { DomainError } from '../../core/domain-error.js';
import { memoCache, memoised } from '../../core/memo.js';
import type {
  InnovativeRule,
  VatDirection,
  WagonOwnership,
  WagonTariff,
} from '../../rule-set/tariff-guide/wagon-tariff.js';
import type { Factor } from './chain-recorder.js';

/** Selecting ТР-1 coefficients: Table 2 (class), Table 4 (cargo, and by wagon kind), point 18.1.1, Tables 6–7 (models). */

/** Does a cargo's position (its first three digits) fall in a list like ["231-236", "241"]? */
export function inPositions(etsng: string, positions: readonly string[] | undefined): boolean {
  if (!positions) return false;
  const p = Number(etsng.slice(0, 3));
  return positions.some((item) => {
    const [from, to] = item.split('-');
    return to === undefined ? Number(from) === p : p >= Number(from) && p <= Number(to);
  });
}

const memo = {
  classK1: memoCache<WagonTariff, Factor>(),
  cargoK3: memoCache<WagonTariff, Factor | undefined>(),
  extras: memoCache<WagonTariff, Factor[]>(),
};

/** Table 2 (memoised per guide: the guide never changes once loaded). */
export function classK1(tariff: WagonTariff, tariffClass: number, etsng: string, km: number): Factor {
  return memoised(memo.classK1, tariff, [tariffClass, etsng.slice(0, 3), km], () =>
    findClassK1(tariff, tariffClass, etsng, km),
  );
}

function findClassK1(tariff: WagonTariff, tariffClass: number, etsng: string, km: number): Factor {
  const cls = tariff.classK1.find((c) => c.tariffClass === tariffClass);
  if (!cls) throw new DomainError('UNIT_NOT_CARRIED', `ТР-1 Table 2 has no class ${tariffClass}`);
  if (cls.bands) {
    const i = cls.bands.findIndex((b) => km >= b.fromKm && (b.toKm === null || km <= b.toKm));
    const band = cls.bands[i];
    if (!band)
      throw new DomainError('UNIT_NOT_CARRIED', `ТР-1 Table 2 class ${tariffClass}: no band for ${km} km`);
    const span = `${band.fromKm}–${band.toKm ?? '…'} km`;
    return {
      factor: band.factor,
      label: `class ${tariffClass} coefficient (Table 2, ${span})`,
      source: {
        reference: `${cls.reference}, ${span}`,
        confidence: band.confidence,
        rule: { ...cls.rule, path: `${cls.rule.path}.bands[${i}]` },
      },
    };
  }
  const rows = cls.byEtsngPositions ?? [];
  let i = rows.findIndex((r) => r.positions !== 'other' && inPositions(etsng, r.positions));
  if (i < 0) i = rows.findIndex((r) => r.positions === 'other');
  const hit = rows[i];
  if (!hit)
    throw new DomainError('UNIT_NOT_CARRIED', `ТР-1 Table 2 class ${tariffClass}: no row for ${etsng}`);
  const which = hit.positions === 'other' ? 'other positions' : `position ${etsng.slice(0, 3)} listed`;
  return {
    factor: hit.factor,
    label: `class ${tariffClass} coefficient (Table 2, ${which})`,
    source: {
      reference: `${cls.reference}, ${which}`,
      confidence: hit.confidence,
      rule: { ...cls.rule, path: `${cls.rule.path}.byEtsngPositions[${i}]` },
    },
  };
}

/** Table 4 cargo row: a row naming the exact code wins over a position row (memoised per guide). */
export function cargoK3(tariff: WagonTariff, etsng: string, direction: string): Factor | undefined {
  return memoised(memo.cargoK3, tariff, [etsng, direction], () => findCargoK3(tariff, etsng, direction));
}

function findCargoK3(tariff: WagonTariff, etsng: string, direction: string): Factor | undefined {
  const rows = tariff.cargoK3.filter(
    (r) =>
      !(r.except ?? []).includes(etsng) &&
      (!r.directions || r.directions.includes(direction as VatDirection)) &&
      ((r.codes ?? []).includes(etsng) || inPositions(etsng, r.positions)),
  );
  const row = rows.find((r) => (r.codes ?? []).includes(etsng)) ?? rows[0];
  if (!row) return undefined;
  return {
    factor: row.factor,
    label: `cargo coefficient (Table 4: ${row.name})`,
    source: {
      reference: `${tariff.cargoK3Reference}: ${row.name}`,
      confidence: row.confidence,
      rule: row.rule,
    },
  };
}

export function wagonExtras(tariff: WagonTariff, etsng: string, tariffClass: number, kind: string): Factor[] {
  return memoised(memo.extras, tariff, [etsng, tariffClass, kind], () => [
    ...findWagonExtras(tariff, etsng, tariffClass, kind),
  ]);
}

function findWagonExtras(tariff: WagonTariff, etsng: string, tariffClass: number, kind: string): Factor[] {
  return tariff.wagonExtras
    .filter((x) => x.wagonKinds.includes(kind))
    .filter((x) => inPositions(etsng, x.positions) || (x.tariffClasses ?? []).includes(tariffClass))
    .map((x) => ({ factor: x.factor, label: `cargo-by-wagon coefficient (Table 4, ${x.id})`, source: x }));
}

export function ownGondolaClass(
  tariff: WagonTariff,
  kind: string,
  ownership: WagonOwnership,
  scheme: string,
  tariffClass: number,
): Factor | undefined {
  const g = tariff.ownGondola;
  if (g.ownership !== ownership || !g.wagonKinds.includes(kind) || !g.schemes.includes(scheme))
    return undefined;
  const row = g.byClass.find((c) => c.tariffClass === tariffClass);
  if (!row) return undefined;
  return {
    factor: row.factor,
    label: `own gondola, class ${tariffClass} (point 18.1.1)`,
    source: { reference: g.reference, confidence: row.confidence, rule: g.rule },
  };
}

/** The model named, or any listed model when the request says only `innovative: true`. */
export function innovative(
  tariff: WagonTariff,
  kind: string,
  scheme: string,
  model: string | boolean | undefined,
  axles: number,
): Factor[] {
  return tariff.innovative
    .filter((r: InnovativeRule) => r.wagonKinds.includes(kind) && r.schemes.includes(scheme))
    .filter((r) =>
      r.models
        ? model === true || (typeof model === 'string' && r.models.includes(model))
        : r.axles === axles,
    )
    .map((r) => ({
      factor: r.factor,
      label: r.models
        ? `innovative wagon${typeof model === 'string' ? ` model ${model}` : ` (a model of the list: ${r.models.join(', ')})`}`
        : `${axles}-axle articulated wagon`,
      source: r,
    }));
}

/** The innovative models a wagon kind may name (for the request's check). */
export function innovativeModels(tariff: WagonTariff, kind: string): readonly string[] {
  return tariff.innovative.filter((r) => r.wagonKinds.includes(kind)).flatMap((r) => r.models ?? []);
}
