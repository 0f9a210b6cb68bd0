import { DomainError } from '../core/domain-error.js';
import { memoCache, memoised } from '../core/memo.js';
import type { CargoMatch, RuleRef, Sourced } from './tariff.js';

/** A minimum mass norm (ТР-1 point 18.2): tonnes, or the wagon's load capacity. */
export type MassNorm = number | 'capacity';

export interface EtsngCode extends Sourced {
  readonly code: string;
  /** English where the cargo list gives one, else the classifier's Russian name. */
  readonly name: string;
  /** The ETSNG classifier's (Russian) name, where the code is in the classifier. */
  readonly nameRu?: string | undefined;
  readonly tariffClass: number;
  /** A minimum chargeable mass in tonnes (a norm of "the load capacity" is in `minMass`). */
  readonly minMassTonnes?: number | undefined;
  /** The classifier's norm for universal wagons, and for universal flats where it differs. */
  readonly minMass?: MassNorm | undefined;
  readonly minMassFlat?: MassNorm | undefined;
  readonly groups: readonly string[];
}

export interface GngCode extends Sourced {
  readonly code: string;
  readonly name: string;
  readonly ettClass: number;
  readonly etsng: string;
  readonly groups: readonly string[];
}

export interface CargoGroup extends Sourced {
  readonly id: string;
  readonly name: string;
  readonly etsngPrefixes: readonly string[];
  readonly gngPrefixes: readonly string[];
}

export interface CargoCatalogue {
  readonly etsng: ReadonlyMap<string, EtsngCode>;
  readonly gng: ReadonlyMap<string, GngCode>;
  readonly groups: ReadonlyMap<string, CargoGroup>;
  /** The rated (maximum) gross mass of a box, by size. */
  readonly containers: ReadonlyMap<string, ContainerLimit>;
}

export interface ContainerLimit extends Sourced {
  readonly size: string;
  readonly maxGrossKg: number;
  readonly rule: RuleRef;
}

/** The cargo of a shipment once its code is looked up: both nomenclatures, class, minimum mass, groups. */
export interface ResolvedCargo {
  readonly etsng: string;
  readonly gng?: string | undefined;
  readonly name: string;
  readonly tariffClass: number;
  readonly minMassTonnes?: number | undefined;
  readonly minMass?: MassNorm | undefined;
  readonly minMassFlat?: MassNorm | undefined;
  readonly groups: readonly string[];
}

export type CargoRequest = { readonly etsng: string } | { readonly gng: string };

function lookUp(catalogue: CargoCatalogue, request: CargoRequest): ResolvedCargo {
  if ('gng' in request) {
    const gng = catalogue.gng.get(request.gng);
    if (!gng) throw unknownCargo('gng', request.gng, [...catalogue.gng.keys()]);
    const etsng = catalogue.etsng.get(gng.etsng);
    return {
      etsng: gng.etsng,
      gng: gng.code,
      name: gng.name,
      tariffClass: etsng?.tariffClass ?? gng.ettClass,
      minMassTonnes: etsng?.minMassTonnes,
      minMass: etsng?.minMass,
      minMassFlat: etsng?.minMassFlat,
      groups: groupsOf(catalogue, gng.etsng, gng.code, [...gng.groups, ...(etsng?.groups ?? [])]),
    };
  }
  const etsng = catalogue.etsng.get(request.etsng);
  if (!etsng) throw unknownCargo('etsng', request.etsng, [...catalogue.etsng.keys()]);
  return {
    etsng: etsng.code,
    name: etsng.name,
    tariffClass: etsng.tariffClass,
    minMassTonnes: etsng.minMassTonnes,
    minMass: etsng.minMass,
    minMassFlat: etsng.minMassFlat,
    groups: groupsOf(catalogue, etsng.code, undefined, etsng.groups),
  };
}

function groupsOf(
  catalogue: CargoCatalogue,
  etsng: string,
  gng: string | undefined,
  listed: readonly string[],
) {
  const groups = new Set(listed);
  for (const group of catalogue.groups.values()) {
    if (group.etsngPrefixes.some((p) => etsng.startsWith(p))) groups.add(group.id);
    if (gng !== undefined && group.gngPrefixes.some((p) => gng.startsWith(p))) groups.add(group.id);
  }
  return [...groups].sort();
}

export function cargoMatches(cargo: ResolvedCargo, match: CargoMatch): boolean {
  if (match.etsng?.some((prefix) => cargo.etsng.startsWith(prefix))) return true;
  if (cargo.gng !== undefined && match.gng?.some((prefix) => cargo.gng?.startsWith(prefix))) return true;
  return match.groups?.some((group) => cargo.groups.includes(group)) ?? false;
}

function unknownCargo(nomenclature: 'etsng' | 'gng', code: string, known: readonly string[]): DomainError {
  const suggestions = known.filter((k) => sharedPrefix(k, code) >= 3).slice(0, 5);
  return new DomainError(
    'UNKNOWN_CARGO',
    `${nomenclature.toUpperCase()} code ${code} is not in the cargo list`,
    {
      pointer: `/cargo/${nomenclature}`,
      suggestions,
    },
  );
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

const resolved = memoCache<CargoCatalogue, ResolvedCargo>();

/** Looks a cargo code up (memoised per catalogue: the catalogue never changes once loaded). */
export function resolveCargo(catalogue: CargoCatalogue, request: CargoRequest): ResolvedCargo {
  const key = 'gng' in request ? ['gng', request.gng] : ['etsng', request.etsng];
  return memoised(resolved, catalogue, key, () => lookUp(catalogue, request));
}
