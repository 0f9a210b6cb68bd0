import type { z } from 'zod';
import { buildNetwork } from '../domain/rule-set/network.js';
import { createRuleSet, type RuleSet } from '../domain/rule-set/rule-set.js';
import type { Amendment, RailwayVersion } from '../domain/rule-set/tariff.js';
import type { WagonTariff } from '../domain/rule-set/tariff-guide/wagon-tariff.js';
import { checkAmendments, checkRailwayVersions } from './check-tariffs.js';
import { compileAlternatives } from './compile-alternatives.js';
import { compileCapacity } from './compile-capacity.js';
import { compileCorridors } from './compile-corridor.js';
import { compileCargo, compileFx, compileNetwork, type Parsed } from './compile-reference-data.js';
import { compileAmendment, compileRailwayVersion } from './compile-tariff.js';
import { compileTariffGuide, type GuideFiles } from './compile-tariff-guide.js';
import { compileTr4 } from './compile-tr4.js';
import { deepFreeze } from './deep-freeze.js';
import { type RuleFileText, readRuleFiles, sha256 } from './read-rule-files.js';
import { type RuleIssue, RuleSetError } from './rule-issue.js';
import { AlternativesFileSchema } from './schema/alternatives.js';
import { CapacityFileSchema } from './schema/capacity.js';
import { CargoFileSchema } from './schema/cargo.js';
import { CorridorSchema } from './schema/corridor.js';
import { FxFileSchema } from './schema/fx.js';
import { NetworkFileSchema } from './schema/network.js';
import { AmendmentSchema, RailwayVersionSchema } from './schema/railway.js';
import {
  GuideAmendmentFileSchema,
  RateTableFileSchema,
  TARIFF_GUIDE_FILES,
  tariffGuidePartOf,
} from './schema/tariff-guide.js';
import { Tr4ManifestSchema } from './schema/tr4.js';
import { cachedSourceFile, type SourceCache } from './source-file.js';
import { validateFile } from './validate-file.js';

export interface RuleSetReport {
  readonly ruleSet?: RuleSet;
  readonly issues: readonly RuleIssue[];
  readonly summary: RuleSetSummary;
}

export interface RuleSetSummary {
  readonly files: number;
  readonly railways: number;
  readonly versions: number;
  readonly amendments: number;
  readonly stations: number;
  readonly links: number;
  readonly crossings: number;
  readonly cargoCodes: number;
  readonly corridorAgreements: number;
}

/** Loads and validates a rules directory; throws RuleSetError listing every problem found. */
export async function loadRuleSet(dir: string): Promise<RuleSet> {
  const report = checkRuleFiles(await readRuleFiles(dir));
  if (!report.ruleSet) throw new RuleSetError(report.issues);
  return report.ruleSet;
}

export async function checkRuleSet(dir: string): Promise<RuleSetReport> {
  return checkRuleFiles(await readRuleFiles(dir));
}

/** The pure part: rule file texts in (any order), a validated frozen rule set or all of its issues out. */
export function checkRuleFiles(input: readonly RuleFileText[], sources?: SourceCache): RuleSetReport {
  const files = [...input].sort((a, b) => a.path.localeCompare(b.path));
  const issues: RuleIssue[] = [];
  const hashes = files.map((f) => ({ file: f.path, hash: sha256(f.text) }));
  const hashOf = new Map(hashes.map((h) => [h.file, h.hash]));
  const buckets = {
    railways: [],
    amendments: [],
    network: [],
    tr4: [],
    cargo: [],
    fx: [],
    corridors: [],
    alternatives: [],
    capacity: [],
  } as {
    railways: Parsed<z.output<typeof RailwayVersionSchema>>[];
    amendments: Parsed<z.output<typeof AmendmentSchema>>[];
    network: Parsed<z.output<typeof NetworkFileSchema>>[];
    tr4: Parsed<z.output<typeof Tr4ManifestSchema>>[];
    cargo: Parsed<z.output<typeof CargoFileSchema>>[];
    fx: Parsed<z.output<typeof FxFileSchema>>[];
    corridors: Parsed<z.output<typeof CorridorSchema>>[];
    alternatives: Parsed<z.output<typeof AlternativesFileSchema>>[];
    capacity: Parsed<z.output<typeof CapacityFileSchema>>[];
  };

  const csv = new Map(files.filter((f) => f.path.endsWith('.csv')).map((f) => [f.path, f.text]));
  const guides = new Map<string, GuideFiles>();
  for (const file of files) {
    if (file.path.endsWith('.csv')) continue;
    const source = cachedSourceFile(sources, file.path, file.text);
    issues.push(...source.issues);
    if (source.issues.length > 0) continue;
    const folder = file.path.split('/')[0];
    const shortHash = (hashOf.get(file.path) ?? '').slice(0, 12);
    const add = <S extends z.ZodType>(
      schema: S,
      into: Parsed<z.output<S>>[],
      version: (v: z.output<S>) => string,
    ) => {
      const { value, issues: found } = validateFile(source, schema);
      issues.push(...found);
      if (value !== undefined)
        into.push({ source, data: value, version: version(value), hash: hashOf.get(file.path) ?? '' });
    };
    switch (folder) {
      case 'railways':
        add(RailwayVersionSchema, buckets.railways, (v) => v.effectiveFrom);
        break;
      case 'amendments':
        add(AmendmentSchema, buckets.amendments, (v) => `${v.effectiveFrom}/${v.id}`);
        break;
      case 'network':
        if (file.path.startsWith('network/tr4/')) add(Tr4ManifestSchema, buckets.tr4, () => shortHash);
        else add(NetworkFileSchema, buckets.network, () => shortHash);
        break;
      case 'cargo':
        add(CargoFileSchema, buckets.cargo, () => shortHash);
        break;
      case 'fx':
        add(FxFileSchema, buckets.fx, () => shortHash);
        break;
      case 'corridors':
        add(CorridorSchema, buckets.corridors, (v) => v.effectiveFrom);
        break;
      case 'alternatives':
        add(AlternativesFileSchema, buckets.alternatives, (v) => v.effectiveFrom);
        break;
      case 'capacity':
        add(CapacityFileSchema, buckets.capacity, () => shortHash);
        break;
      case 'tariff-guides': {
        const [, guide = '', ...rest] = file.path.split('/');
        const part = tariffGuidePartOf(rest.join('/'));
        const into = guides.get(guide) ?? { amendments: [], rateTables: [] };
        guides.set(guide, into);
        if (part === undefined) {
          issues.push(
            source.issueAt(
              [],
              `not a file of a tariff guide folder (see rules/README.md): ${rest.join('/')}`,
            ),
          );
        } else if (part === 'amendments') {
          add(GuideAmendmentFileSchema, into.amendments, (v) => `${v.effectiveFrom}/${v.id}`);
        } else if (part === 'base-rates') {
          add(RateTableFileSchema, into.rateTables, () => shortHash);
        } else {
          const slot = GUIDE_SLOTS[part];
          const parsed: Parsed<unknown>[] = [];
          add(TARIFF_GUIDE_FILES[part] as z.ZodType, parsed, () => shortHash);
          if (parsed[0]) (into as unknown as Record<string, Parsed<unknown>>)[slot] = parsed[0];
        }
        break;
      }
      default:
        issues.push(
          source.issueAt(
            [],
            `not a rule-file folder: ${folder} (expected railways, amendments, network, cargo, fx, corridors, alternatives, capacity or tariff-guides)`,
          ),
        );
    }
  }

  const railwayCodes = new Set(buckets.railways.map((p) => p.data.railway));
  // The large tables (the ТР-4 books, the ETSNG classifier, the ТР-1 base rates) are compiled once per content: a
  // what-if or a goal seek rebuilds the rule set many times with only a railway file changed.
  const contentKey = (prefix: string) =>
    files
      .filter((f) => f.path.startsWith(prefix))
      .map((f) => `${f.path}:${hashOf.get(f.path)}`)
      .join('|');
  const [tr4Manifest, another] = buckets.tr4;
  if (another) issues.push(another.source.issueAt([], 'one ТР-4 manifest only: rules/network/tr4/tr4.yaml'));
  const tr4 = tr4Manifest
    ? compiledOnce(`tr4|${contentKey('network/tr4/')}`, issues, (found) =>
        compileTr4(tr4Manifest, csv, found),
      )
    : undefined;
  const network = compileNetwork(buckets.network, railwayCodes, tr4, issues);
  const cargo = compiledOnce(`cargo|${contentKey('cargo/')}`, issues, (found) =>
    compileCargo(buckets.cargo, csv, found),
  );
  const tariffGuides = new Map<string, WagonTariff>();
  for (const [id, parts] of guides) {
    const guide = compiledOnce(`guide|${contentKey(`tariff-guides/${id}/`)}`, issues, (found) =>
      compileTariffGuide(id, parts, csv, found),
    );
    if (guide) tariffGuides.set(id, guide);
  }
  for (const p of buckets.railways) {
    p.data.regimes.forEach((regime, r) => {
      if (regime.tariffGuide !== undefined && !guides.has(regime.tariffGuide))
        issues.push(
          p.source.issueAt(
            ['regimes', r, 'tariffGuide'],
            `no tariff guide ${regime.tariffGuide} in rules/tariff-guides`,
          ),
        );
    });
  }
  const fx = compileFx(buckets.fx, issues);
  const known = { stations: new Set(network.stations.keys()), groups: new Set(cargo.groups.keys()), fx };
  const brokenFolders = new Set(issues.map((i) => i.file.split('/').slice(0, 2).join('/')));
  const versionsByRailway = checkRailwayVersions(buckets.railways, known, issues, brokenFolders);
  checkAmendments(buckets.amendments, versionsByRailway, known, issues);
  const corridors = compileCorridors(
    buckets.corridors,
    { ...known, railways: railwayCodes, crossings: new Set(network.crossings.map((c) => c.id)) },
    issues,
  );
  const alternatives = compileAlternatives(buckets.alternatives, known, hashOf, issues);
  const capacity = compileCapacity(buckets.capacity, new Set(network.crossings.map((c) => c.id)), issues);

  const railways = new Map<string, RailwayVersion[]>();
  for (const [code, parsed] of versionsByRailway) {
    railways.set(
      code,
      parsed.map((p) => compileRailwayVersion(p.data, origin(p, hashOf), tariffGuides)),
    );
  }
  const amendments = new Map<string, Amendment[]>();
  for (const p of buckets.amendments) {
    const list = amendments.get(p.data.railway) ?? [];
    list.push(compileAmendment(p.data, origin(p, hashOf)));
    amendments.set(
      p.data.railway,
      list.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)),
    );
  }

  const summary: RuleSetSummary = {
    files: files.length,
    railways: railways.size,
    versions: buckets.railways.length,
    amendments: buckets.amendments.length,
    stations: network.stationCount,
    links: network.links.length,
    crossings: network.crossings.length,
    cargoCodes: cargo.etsng.size + cargo.gng.size,
    corridorAgreements: buckets.corridors.length,
  };
  if (issues.length > 0) return { issues: sortIssues(issues), summary };

  const ruleSet = createRuleSet(
    deepFreeze({
      files: hashes,
      hash: sha256(hashes.map((h) => `${h.file}:${h.hash}\n`).join('')),
      railways,
      amendments,
      network: buildNetwork(network.stations, network.links, network.crossings, network.borders, tr4),
      cargo,
      tariffGuides,
      fx,
      corridors,
      alternatives,
      capacity,
    }),
  );
  return { ruleSet, issues: [], summary };
}

const compiled = new Map<string, unknown>();

/** A compilation of unchanged files is reused (it is frozen); one that found problems is never kept. */
function compiledOnce<T>(key: string, issues: RuleIssue[], compile: (found: RuleIssue[]) => T): T {
  if (compiled.has(key)) {
    const value = compiled.get(key) as T;
    compiled.delete(key);
    compiled.set(key, value);
    return value;
  }
  const found: RuleIssue[] = [];
  const value = deepFreeze(compile(found));
  issues.push(...found);
  if (found.length === 0) {
    // The least recently used gives way: the unchanged tables (ТР-4, the classifier) stay while drafts come and go.
    if (compiled.size >= 8) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, value);
  }
  return value;
}

/** Which field of GuideFiles each single-file part of a guide folder fills. */
const GUIDE_SLOTS: Record<keyof typeof TARIFF_GUIDE_FILES, keyof GuideFiles> = {
  'edition.yaml': 'edition',
  'vat.yaml': 'vat',
  'delivery-time.yaml': 'deliveryTime',
  'schemes/universal.yaml': 'universal',
  'schemes/specialised.yaml': 'specialised',
  'schemes/tank.yaml': 'tank',
  'schemes/empty-run.yaml': 'emptyRun',
  'coefficients/class-k1.yaml': 'classK1',
  'coefficients/cargo-k3.yaml': 'cargoK3',
  'coefficients/shipment-k4.yaml': 'shipmentK4',
  'coefficients/own-gondola.yaml': 'ownGondola',
};

function origin(p: Parsed<unknown>, hashOf: ReadonlyMap<string, string>) {
  return { file: p.source.file, version: p.version, hash: hashOf.get(p.source.file) ?? '' };
}

function sortIssues(issues: readonly RuleIssue[]): RuleIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
