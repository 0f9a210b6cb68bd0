import { DomainError } from '../../core/domain-error.js';
import type {
  LegSchemes,
  Traced,
  WagonKind,
  WagonOwnership,
  WagonTariff,
} from '../../rule-set/tariff-guide/wagon-tariff.js';
import { inPositions } from './coefficients.js';

export interface ResolvedSchemes {
  readonly kind: WagonKind;
  readonly schemes: LegSchemes;
  readonly source: Traced;
}

export function findWagonKind(tariff: WagonTariff, id: string): WagonKind {
  const kind = tariff.wagonKinds.find((k) => k.id === id);
  if (!kind) {
    throw new DomainError('UNKNOWN_WAGON_KIND', `${tariff.id} has no wagon kind '${id}'`, {
      pointer: '/units/wagonType',
      suggestions: tariff.wagonKinds.map((k) => k.id),
    });
  }
  return kind;
}

/** ТР-1 Tables 6, 7 and 8: the wagon kind and ownership (tanks: the cargo) give the schemes of each part. */
export function resolveSchemes(
  tariff: WagonTariff,
  kindId: string,
  ownership: WagonOwnership,
  etsng: string,
  axles: number,
): ResolvedSchemes {
  const kind = findWagonKind(tariff, kindId);
  let schemes: LegSchemes | null;
  let source: Traced = kind;
  if (kind.family === 'tank') {
    const rows = tariff.tankRows.filter((r) => !r.afterSpraying);
    const row =
      rows.find((r) => (r.etsngCodes ?? []).includes(etsng)) ??
      rows.find((r) => inPositions(etsng, r.etsngPositions) && !(r.except ?? []).includes(etsng)) ??
      rows.find((r) => r.catchAll);
    if (!row) throw new DomainError('UNIT_NOT_CARRIED', `ТР-1 Table 8 has no row for ETSNG ${etsng}`);
    schemes = ownership === 'own' ? row.own : row.general;
    source = row;
  } else {
    schemes = ownership === 'own' ? kind.own : kind.general;
  }
  if (!schemes) {
    throw new DomainError(
      'UNIT_NOT_CARRIED',
      `${source.reference}: no ${ownership === 'own' ? 'own-wagon' : 'general-fleet'} scheme for a ${kindId} wagon`,
      { pointer: '/units/ownership' },
    );
  }
  // В7 and В15 have a 4-axle and an 8-axle column
  const wc = schemes.wagonComponent;
  if (wc === 'V7' || wc === 'V15') schemes = { ...schemes, wagonComponent: `${wc}-${axles >= 8 ? 8 : 4}` };
  return { kind, schemes, source };
}
