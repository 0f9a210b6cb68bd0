import { amount } from '../domain/core/money.js';
import type {
  CargoCatalogue,
  CargoGroup,
  ContainerLimit,
  EtsngCode,
  GngCode,
  MassNorm,
} from '../domain/rule-set/cargo.js';
import type { CoefficientTable, FxRate, FxRules } from '../domain/rule-set/fx.js';
import type { Border, Crossing, Link, Station, Tr4Network } from '../domain/rule-set/network.js';
import type { RuleRef } from '../domain/rule-set/tariff.js';
import { cellIssue, parseCsvTable } from './csv-table.js';
import type { RuleIssue } from './rule-issue.js';
import type { CargoFile } from './schema/cargo.js';
import type { FxFile } from './schema/fx.js';
import type { NetworkFile } from './schema/network.js';
import type { SourceFile } from './source-file.js';

export interface Parsed<T> {
  readonly source: SourceFile;
  readonly data: T;
  readonly version: string;
  /** SHA-256 of the file's text. */
  readonly hash: string;
}

const refOf = (p: Parsed<unknown>, path: string): RuleRef => ({
  file: p.source.file,
  version: p.version,
  path,
});

/** Network files → stations, links and crossings, with every reference to a station checked. */
export function compileNetwork(
  files: readonly Parsed<NetworkFile>[],
  railways: ReadonlySet<string>,
  tr4: Tr4Network | undefined,
  issues: RuleIssue[],
) {
  const stations = new Map<string, Station>();
  const esrs = new Map<string, string>();
  for (const p of files) {
    p.data.stations?.forEach((s, i) => {
      if (stations.has(s.code))
        issues.push(p.source.issueAt(['stations', i, 'code'], `station ${s.code} is defined twice`));
      else if (!railways.has(s.railway))
        issues.push(p.source.issueAt(['stations', i, 'railway'], `railway ${s.railway} has no tariff files`));
      if (s.esr !== undefined) {
        const twice = esrs.get(s.esr);
        if (twice) issues.push(p.source.issueAt(['stations', i, 'esr'], `ESR ${s.esr} is ${twice}'s too`));
        else if (tr4 && !tr4.stations.has(s.esr) && !tr4.distances.transitPoints.has(s.esr))
          issues.push(
            p.source.issueAt(['stations', i, 'esr'], `ESR ${s.esr} is not in the ТР-4 station list`),
          );
        esrs.set(s.esr, s.code);
      }
      stations.set(s.code, { ...s, aliases: s.aliases ?? [], kinds: s.kinds ?? [] });
    });
  }
  const links: Link[] = [];
  const crossings: Crossing[] = [];
  const borders: Border[] = [];
  for (const p of files) {
    p.data.links?.forEach((l, i) => {
      const from = stations.get(l.from);
      const to = stations.get(l.to);
      if (!from) issues.push(p.source.issueAt(['links', i, 'from'], `unknown station ${l.from}`));
      if (!to) issues.push(p.source.issueAt(['links', i, 'to'], `unknown station ${l.to}`));
      if (from && to && from.railway !== to.railway) {
        issues.push(
          p.source.issueAt(
            ['links', i],
            `link ${l.from}–${l.to} joins stations of ${from.railway} and ${to.railway}: railways meet only at a border crossing (network crossings)`,
          ),
        );
      } else if (from && to) {
        links.push({ ...l, railway: from.railway, rule: refOf(p, `links[${i}]`) });
      }
    });
    p.data.crossings?.forEach((c, i) => {
      const [a, b] = c.stations.map((code) => stations.get(code));
      c.stations.forEach((code, j) => {
        if (!stations.has(code))
          issues.push(p.source.issueAt(['crossings', i, 'stations', j], `unknown station ${code}`));
      });
      if (a && b && a.railway === b.railway) {
        issues.push(
          p.source.issueAt(
            ['crossings', i, 'stations'],
            `a border crossing joins two railways; both stations are ${a.railway}`,
          ),
        );
      }
      if (c.id !== `${c.stations[0]}--${c.stations[1]}`) {
        issues.push(
          p.source.issueAt(['crossings', i, 'id'], `crossing id must be ${c.stations[0]}--${c.stations[1]}`),
        );
      }
      if (a && b) crossings.push({ ...c, rule: refOf(p, `crossings[${i}]`) });
    });
    for (const b of p.data.borders ?? []) borders.push(b);
  }
  /** Every station a request can name: ours, and the catalogue's that none of ours stands for. */
  const catalogued = [...(tr4?.stations.keys() ?? [])].filter((esr) => !esrs.has(esr)).length;
  return { stations, links, crossings, borders, stationCount: stations.size + catalogued };
}

export function compileCargo(
  files: readonly Parsed<CargoFile>[],
  csv: ReadonlyMap<string, string>,
  issues: RuleIssue[],
): CargoCatalogue {
  const etsng = new Map<string, EtsngCode>();
  const gng = new Map<string, GngCode>();
  const groups = new Map<string, CargoGroup>();
  const containers = new Map<string, ContainerLimit>();
  const classified = new Map<string, EtsngCode>();
  for (const p of files) if (p.data.classifier) readClassifier(p, csv, classified, issues);
  for (const [code, entry] of classified) etsng.set(code, entry);
  const listed = new Set<string>();
  for (const p of files) {
    p.data.containers?.forEach((c, i) => {
      if (containers.has(c.size))
        issues.push(p.source.issueAt(['containers', i, 'size'], `${c.size} ft boxes are limited twice`));
      containers.set(c.size, { ...c, rule: refOf(p, `containers[${i}]`) });
    });
    p.data.groups?.forEach((g, i) => {
      if (groups.has(g.id))
        issues.push(p.source.issueAt(['groups', i, 'id'], `group ${g.id} is defined twice`));
      groups.set(g.id, { ...g, etsngPrefixes: g.etsngPrefixes ?? [], gngPrefixes: g.gngPrefixes ?? [] });
    });
    p.data.etsng?.forEach((c, i) => {
      if (listed.has(c.code))
        issues.push(p.source.issueAt(['etsng', i, 'code'], `ETSNG ${c.code} is listed twice`));
      listed.add(c.code);
      const official = classified.get(c.code);
      if (official && official.tariffClass !== c.tariffClass) {
        issues.push(
          p.source.issueAt(
            ['etsng', i, 'tariffClass'],
            `the ETSNG classifier gives ${c.code} class ${official.tariffClass}: the classifier wins, correct the class and say so in the reference`,
          ),
        );
      }
      if (
        official?.minMassTonnes !== undefined &&
        c.minMassTonnes !== undefined &&
        official.minMassTonnes !== c.minMassTonnes
      ) {
        issues.push(
          p.source.issueAt(
            ['etsng', i, 'minMassTonnes'],
            `the ETSNG classifier gives ${c.code} a norm of ${official.minMassTonnes} t`,
          ),
        );
      }
      etsng.set(c.code, {
        ...c,
        nameRu: official?.nameRu,
        minMassTonnes: official ? official.minMassTonnes : c.minMassTonnes,
        minMass: official ? official.minMass : c.minMassTonnes,
        minMassFlat: official?.minMassFlat,
        reference: official ? `${c.reference}; class and norm: ${official.reference}` : c.reference,
        groups: c.groups ?? [],
      });
    });
    p.data.gng?.forEach((c, i) => {
      if (gng.has(c.code)) issues.push(p.source.issueAt(['gng', i, 'code'], `GNG ${c.code} is listed twice`));
      gng.set(c.code, { ...c, groups: c.groups ?? [] });
    });
  }
  for (const p of files) {
    p.data.gng?.forEach((c, i) => {
      if (!etsng.has(c.etsng))
        issues.push(p.source.issueAt(['gng', i, 'etsng'], `ETSNG ${c.etsng} is not in the ETSNG list`));
    });
    for (const list of ['etsng', 'gng'] as const) {
      p.data[list]?.forEach((c, i) => {
        c.groups?.forEach((g, j) => {
          if (!groups.has(g))
            issues.push(p.source.issueAt([list, i, 'groups', j], `unknown cargo group ${g}`));
        });
      });
    }
  }
  return { etsng, gng, groups, containers };
}

const NO_GROUPS: readonly string[] = Object.freeze([]);

/** The classifier's CSV: one code a line, checked cell by cell with the file and line of any problem. */
function readClassifier(
  p: Parsed<CargoFile>,
  csv: ReadonlyMap<string, string>,
  into: Map<string, EtsngCode>,
  issues: RuleIssue[],
) {
  const header = p.data.classifier;
  if (!header) return;
  const dir = p.source.file.slice(0, p.source.file.lastIndexOf('/') + 1);
  const file = `${dir}${header.file}`;
  const text = csv.get(file);
  if (text === undefined) {
    issues.push(p.source.issueAt(['classifier', 'file'], `no file ${file} beside this header`));
    return;
  }
  const table = parseCsvTable(file, text, issues);
  if (!table) return;
  const want = ['code', 'tariffClass', 'minMass', 'minMassFlat', 'name'];
  if (want.some((c, i) => table.header[i] !== c)) {
    issues.push({ file, line: 1, column: 1, path: '', message: `the header must be ${want.join(',')}` });
    return;
  }
  const norm = (cell: string, line: number, column: string): MassNorm | undefined => {
    if (cell === '') return undefined;
    if (cell === 'capacity') return 'capacity';
    const tonnes = Number(cell);
    if (!/^\d+(\.\d+)?$/.test(cell) || tonnes <= 0) {
      issues.push(cellIssue(table, line, column, `'${cell}' is not a norm: tonnes, "capacity" or empty`));
      return undefined;
    }
    return tonnes;
  };
  for (const { line, cells } of table.rows) {
    const [code = '', cls = '', minMass = '', minMassFlat = '', name = ''] = cells;
    if (!/^\d{6}$/.test(code)) {
      issues.push(cellIssue(table, line, 'code', `'${code}' is not a 6-digit ETSNG code`));
      continue;
    }
    if (!/^[123]$/.test(cls)) {
      issues.push(cellIssue(table, line, 'tariffClass', `'${cls}' is not a tariff class (1, 2 or 3)`));
      continue;
    }
    if (into.has(code)) issues.push(cellIssue(table, line, 'code', `ETSNG ${code} is listed twice`));
    const base = norm(minMass, line, 'minMass');
    into.set(code, {
      code,
      name,
      nameRu: name,
      tariffClass: Number(cls),
      minMassTonnes: typeof base === 'number' ? base : undefined,
      minMass: base,
      minMassFlat: norm(minMassFlat, line, 'minMassFlat'),
      groups: NO_GROUPS,
      reference: header.reference,
      confidence: header.confidence,
    });
  }
}

export function compileFx(files: readonly Parsed<FxFile>[], issues: RuleIssue[]): FxRules {
  const rates = new Map<string, FxRate[]>();
  const tables = new Map<string, CoefficientTable>();
  for (const p of files) {
    p.data.rates?.forEach((r, i) => {
      const key = `${r.base}/${r.quote}`;
      const series = rates.get(key) ?? [];
      if (series.some((x) => x.date === r.date)) {
        issues.push(p.source.issueAt(['rates', i], `a ${key} rate for ${r.date} is already declared`));
      }
      series.push({ ...r, rate: amount(r.rate), rule: refOf(p, `rates[${i}]`) });
      rates.set(key, series);
    });
    p.data.tables?.forEach((t, i) => {
      if (tables.has(t.id))
        issues.push(p.source.issueAt(['tables', i, 'id'], `table ${t.id} is defined twice`));
      const periods = t.periods.map((period, j) => ({
        ...period,
        coefficients: new Map(Object.entries(period.coefficients).map(([c, v]) => [c, amount(v)])),
        rule: refOf(p, `tables[${i}].periods[${j}]`),
      }));
      const sorted = [...periods].sort((a, b) => a.from.localeCompare(b.from));
      sorted.forEach((period, j) => {
        const prev = sorted[j - 1];
        if (period.to < period.from)
          issues.push(p.source.issueAt(['tables', i, 'periods', j, 'to'], 'period ends before it starts'));
        if (prev && period.from <= prev.to) {
          issues.push(
            p.source.issueAt(
              ['tables', i, 'periods', j, 'from'],
              `period overlaps the one ending ${prev.to}`,
            ),
          );
        }
      });
      tables.set(t.id, { id: t.id, name: t.name, periods: sorted });
    });
  }
  for (const series of rates.values()) series.sort((a, b) => a.date.localeCompare(b.date));
  return { rates, tables };
}
