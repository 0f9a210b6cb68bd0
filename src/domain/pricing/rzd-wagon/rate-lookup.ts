import { DomainError } from '../../core/domain-error.js';
import { type Amount, amount } from '../../core/money.js';
import type { Belt, RateTable, Traced, WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';

/** A base rate read from an Annex 2 table: the belt holding the distance and, by mass, the charged-mass column. */
export interface BaseRate {
  readonly rate: Amount;
  readonly table: RateTable;
  readonly belt: Belt;
  readonly column: string;
  /** Point 18.2 beyond the last column: rate = last column ÷ max mass × mass (unrounded). */
  readonly perTonneOfLast?: { readonly lastColumnRate: string; readonly maxMass: number } | undefined;
  /** The table's reference, traced to the CSV line and column of the cell. */
  readonly source: Traced;
}

export function tableForScheme(tariff: WagonTariff, scheme: string): RateTable {
  const table = tariff.rateTables.find((t) => t.schemes.includes(scheme));
  if (!table)
    throw new DomainError('UNIT_NOT_CARRIED', `no ${tariff.id} base-rate table holds scheme ${scheme}`);
  return table;
}

export function baseRate(tariff: WagonTariff, scheme: string, km: number, massT?: number): BaseRate {
  const table = tableForScheme(tariff, scheme);
  const i = table.belts.findIndex((b) => km >= b.fromKm && km <= b.toKm);
  const belt = table.belts[i];
  if (!belt) {
    throw new DomainError('UNIT_NOT_CARRIED', `${km} km is beyond ${tariff.id} table ${table.id}`, {
      pointer: '/declaredDistances',
    });
  }
  const at = (column: string) => {
    const rate = table.columns.get(column)?.[i];
    if (rate === undefined)
      throw new DomainError('UNIT_NOT_CARRIED', `table ${table.id} has no column ${column}`);
    return amount(rate);
  };
  const source = (column: string): Traced => ({
    reference: table.reference,
    confidence: table.confidence,
    rule: { file: table.csv, version: table.rule.version, path: `line ${belt.line}, column ${column}` },
  });
  if (table.layout === 'by-distance')
    return { rate: at(scheme), table, belt, column: scheme, source: source(scheme) };
  const { min, max } = table.mass ?? { min: 0, max: 0 };
  if (massT === undefined) throw new DomainError('INVALID_REQUEST', `scheme ${scheme} needs a charged mass`);
  if (massT > max) {
    const last = at(String(max));
    return {
      rate: last.div(max).times(massT),
      table,
      belt,
      column: String(max),
      perTonneOfLast: { lastColumnRate: last.toFixed(), maxMass: max },
      source: source(String(max)),
    };
  }
  const column = String(Math.max(massT, min));
  return { rate: at(column), table, belt, column, source: source(column) };
}
