import type { CargoCatalogue, MassNorm } from './cargo.js';
import type { Confidence } from './tariff.js';

/** One cargo code found by a search: its nomenclature, names, class and norms. */
export interface CargoHit {
  readonly nomenclature: 'etsng' | 'gng';
  readonly code: string;
  /** English where the cargo list gives one, else the ETSNG classifier's Russian name. */
  readonly name: string;
  readonly nameRu?: string | undefined;
  readonly tariffClass: number;
  readonly minMass?: MassNorm | undefined;
  readonly minMassFlat?: MassNorm | undefined;
  /** For a GNG code: the ETSNG code it is carried under. */
  readonly etsng?: string | undefined;
  readonly groups: readonly string[];
  readonly reference: string;
  readonly confidence: Confidence;
}

const fold = (text: string) => text.toLowerCase().replaceAll('ё', 'е').trim();

/**
 * Cargo codes by code (a prefix of digits: "2324", "10019190") or by a word of the name in Russian or English
 * ("щебень", "wheat"): exact codes first, then code prefixes, then names that start with the words, then names
 * holding them.
 */
export function searchCargo(catalogue: CargoCatalogue, query: string, limit: number): CargoHit[] {
  const q = fold(query);
  if (q === '') return [];
  const ranked: { hit: CargoHit; rank: number }[] = [];
  const rankOf = (code: string, names: readonly (string | undefined)[]): number | undefined => {
    if (/^\d+$/.test(q)) return code === q ? 0 : code.startsWith(q) ? 1 : undefined;
    const folded = names.filter((n): n is string => n !== undefined).map(fold);
    if (folded.some((n) => n.startsWith(q))) return 2;
    const words = q.split(/\s+/);
    return folded.some((n) => words.every((w) => n.includes(w))) ? 3 : undefined;
  };
  for (const c of catalogue.etsng.values()) {
    const rank = rankOf(c.code, [c.name, c.nameRu]);
    if (rank === undefined) continue;
    ranked.push({
      rank,
      hit: {
        nomenclature: 'etsng',
        code: c.code,
        name: c.name,
        nameRu: c.nameRu,
        tariffClass: c.tariffClass,
        minMass: c.minMass,
        minMassFlat: c.minMassFlat,
        groups: c.groups,
        reference: c.reference,
        confidence: c.confidence,
      },
    });
  }
  for (const g of catalogue.gng.values()) {
    const rank = rankOf(g.code, [g.name]);
    if (rank === undefined) continue;
    const etsng = catalogue.etsng.get(g.etsng);
    ranked.push({
      rank,
      hit: {
        nomenclature: 'gng',
        code: g.code,
        name: g.name,
        tariffClass: etsng?.tariffClass ?? g.ettClass,
        etsng: g.etsng,
        groups: g.groups,
        reference: g.reference,
        confidence: g.confidence,
      },
    });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.hit.code.localeCompare(b.hit.code))
    .slice(0, limit)
    .map((r) => r.hit);
}
