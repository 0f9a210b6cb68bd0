import { amount } from '../domain/core/money.js';
import type {
  CargoCatalogue,
  CargoGroup,
  ContainerLimit,
  EtsngCode,
  GngCode,
} from '../domain/rule-set/cargo.js';
import type { CoefficientTable, FxRate, FxRules } from '../domain/rule-set/fx.js';
import type { Border, Crossing, Link, Station } from '../domain/rule-set/network.js';
import type { RuleRef } from '../domain/rule-set/tariff.js';
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
  issues: RuleIssue[],
) {
  const stations = new Map<string, Station>();
  for (const p of files) {
    p.data.stations?.forEach((s, i) => {
      if (stations.has(s.code))
        issues.push(p.source.issueAt(['stations', i, 'code'], `station ${s.code} is defined twice`));
      else if (!railways.has(s.railway))
        issues.push(p.source.issueAt(['stations', i, 'railway'], `railway ${s.railway} has no tariff files`));
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
  return { stations, links, crossings, borders };
}

export function compileCargo(files: readonly Parsed<CargoFile>[], issues: RuleIssue[]): CargoCatalogue {
  const etsng = new Map<string, EtsngCode>();
  const gng = new Map<string, GngCode>();
  const groups = new Map<string, CargoGroup>();
  const containers = new Map<string, ContainerLimit>();
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
      if (etsng.has(c.code))
        issues.push(p.source.issueAt(['etsng', i, 'code'], `ETSNG ${c.code} is listed twice`));
      etsng.set(c.code, { ...c, groups: c.groups ?? [] });
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
