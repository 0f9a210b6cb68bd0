import { amount } from '../domain/core/money.js';
import type {
  AlternativeItem,
  AlternativeLeg,
  AlternativeRoute,
  Alternatives,
  AlternativesVersion,
  Estimate,
  LegStage,
} from '../domain/rule-set/alternative-cards.js';
import { RAIL_EMISSION_FACTOR } from '../domain/rule-set/alternative-cards.js';
import type { RuleRef } from '../domain/rule-set/tariff.js';
import type { Parsed } from './compile-reference-data.js';
import type { RuleIssue } from './rule-issue.js';
import type { AlternativesFile } from './schema/alternatives.js';

type FileRoute = NonNullable<AlternativesFile['routes']>[number];
type FileLeg = FileRoute['legs'][number];
type FileItem = NonNullable<Extract<FileLeg, { kind: 'port' }>['charges']>[number];
type FileEstimate = FileItem['amount'];
type FileDays = Extract<FileLeg, { kind: 'port' }>['days'];

interface Known {
  readonly stations: ReadonlySet<string>;
}

/**
 * Alternatives files → dated versions per series, with every station, emission factor and version window checked.
 * Files live at alternatives/<series>/<effective-date>.yaml.
 */
export function compileAlternatives(
  files: readonly Parsed<AlternativesFile>[],
  known: Known,
  hashOf: ReadonlyMap<string, string>,
  issues: RuleIssue[],
): Alternatives {
  const factorIds = new Set(files.flatMap((p) => (p.data.emissionFactors ?? []).map((f) => f.id)));
  const routeSeries = new Map<string, string>();
  let valueOfTimeSeries: string | undefined;
  const bySeries = new Map<string, AlternativesVersion[]>();

  for (const p of files) {
    const [, series, name, ...rest] = p.source.file.split('/');
    if (!series || !name || rest.length > 0) {
      issues.push(
        p.source.issueAt([], 'an alternatives file lives at alternatives/<series>/<effective-date>.yaml'),
      );
      continue;
    }
    if (name !== `${p.data.effectiveFrom}.yaml`) {
      issues.push(
        p.source.issueAt(
          ['effectiveFrom'],
          `a version file is named after its effectiveFrom: ${p.data.effectiveFrom}.yaml`,
        ),
      );
    }
    const ref = (path: string): RuleRef => ({ file: p.source.file, version: p.data.effectiveFrom, path });
    p.data.routes?.forEach((route, r) => {
      const owner = routeSeries.get(route.id);
      if (owner !== undefined && owner !== series) {
        issues.push(
          p.source.issueAt(['routes', r, 'id'], `route ${route.id} is already defined in series ${owner}`),
        );
      }
      routeSeries.set(route.id, series);
      checkRouteReferences(p, r, route, known, factorIds, issues);
    });
    if (p.data.valueOfTime) {
      if (valueOfTimeSeries !== undefined && valueOfTimeSeries !== series) {
        issues.push(
          p.source.issueAt(
            ['valueOfTime'],
            `the value of time is already declared in series ${valueOfTimeSeries}`,
          ),
        );
      }
      valueOfTimeSeries = series;
    }
    const hash = hashOf.get(p.source.file) ?? '';
    const version: AlternativesVersion = {
      series,
      file: p.source.file,
      hash,
      title: p.data.title,
      effectiveFrom: p.data.effectiveFrom,
      effectiveTo: p.data.effectiveTo,
      currency: p.data.currency,
      reference: p.data.reference,
      confidence: p.data.confidence,
      routes: (p.data.routes ?? []).map((route, r) =>
        compileRoute(route, `routes[${r}]`, p.data.currency, ref, hash),
      ),
      emissionFactors: (p.data.emissionFactors ?? []).map((f, i) => ({
        ...f,
        gramsPerTonneKm: amount(f.gramsPerTonneKm),
        rule: ref(`emissionFactors[${i}]`),
      })),
      valueOfTime: p.data.valueOfTime && {
        ...p.data.valueOfTime,
        perTonneDay: amount(p.data.valueOfTime.perTonneDay),
        currency: p.data.currency,
        rule: ref('valueOfTime'),
      },
    };
    bySeries.set(series, [...(bySeries.get(series) ?? []), version]);
  }

  for (const [series, versions] of bySeries) {
    versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    versions.forEach((v, i) => {
      const previous = versions[i - 1];
      const source = files.find((p) => p.source.file === v.file)?.source;
      if (!previous || !source) return;
      if (previous.effectiveFrom === v.effectiveFrom) {
        issues.push(
          source.issueAt(['effectiveFrom'], `two versions of ${series} take effect on ${v.effectiveFrom}`),
        );
      } else if (previous.effectiveTo !== undefined && previous.effectiveTo >= v.effectiveFrom) {
        issues.push(
          source.issueAt(
            ['effectiveFrom'],
            `versions overlap: ${previous.file} runs to ${previous.effectiveTo}, but this version takes effect on ${v.effectiveFrom}`,
          ),
        );
      }
    });
  }
  return { series: bySeries };
}

function checkRouteReferences(
  p: Parsed<AlternativesFile>,
  r: number,
  route: FileRoute,
  known: Known,
  factorIds: ReadonlySet<string>,
  issues: RuleIssue[],
) {
  const station = (code: string, path: (string | number)[]) => {
    if (code === 'origin' || code === 'destination') return;
    if (!known.stations.has(code)) {
      issues.push(
        p.source.issueAt(['routes', r, ...path], `unknown station ${code} (see rules/network/stations.yaml)`),
      );
    }
  };
  route.legs.forEach((leg, l) => {
    if (leg.kind === 'port') station(leg.at, ['legs', l, 'at']);
    else {
      station(leg.from, ['legs', l, 'from']);
      station(leg.to, ['legs', l, 'to']);
    }
    const factor = leg.kind === 'port' ? undefined : (leg.emissionFactor ?? RAIL_EMISSION_FACTOR);
    if (factor !== undefined && !factorIds.has(factor)) {
      issues.push(
        p.source.issueAt(
          ['routes', r, 'legs', l, 'emissionFactor'],
          `no emission factor ${factor} in rules/alternatives (emissionFactors)`,
        ),
      );
    }
  });
}

function compileRoute(
  route: FileRoute,
  path: string,
  currency: string,
  ref: (path: string) => RuleRef,
  hash: string,
): AlternativeRoute {
  const last = route.legs.length - 1;
  return {
    id: route.id,
    name: route.name,
    mode: route.mode,
    description: route.description,
    currency,
    notes: route.notes ?? [],
    rule: ref(path),
    hash,
    legs: route.legs.map((leg, l) => compileLeg(leg, `${path}.legs[${l}]`, l === 0, l === last, ref)),
  };
}

function compileLeg(
  leg: FileLeg,
  path: string,
  first: boolean,
  last: boolean,
  ref: (path: string) => RuleRef,
): AlternativeLeg {
  const items = (list: readonly FileItem[] | undefined, at: string) =>
    (list ?? []).map((item, i) => compileItem(item, `${path}.${at}[${i}]`, ref));
  switch (leg.kind) {
    case 'rail': {
      const stage: LegStage =
        leg.stage ??
        (first && leg.from === 'origin'
          ? 'pre-carriage'
          : last && leg.to === 'destination'
            ? 'on-carriage'
            : 'main');
      return {
        ...leg,
        stage,
        emissionFactor: leg.emissionFactor ?? RAIL_EMISSION_FACTOR,
        rule: ref(path),
      };
    }
    case 'sea':
      return {
        ...leg,
        stage: leg.stage ?? 'main',
        days: days(leg.days),
        sailings: leg.sailings && { ...leg.sailings, rule: ref(`${path}.sailings`) },
        rates: items(leg.rates, 'rates'),
        charges: items(leg.charges, 'charges'),
        rule: ref(path),
      };
    case 'port':
      return {
        ...leg,
        stage: leg.stage ?? 'port',
        days: days(leg.days),
        charges: items(leg.charges, 'charges'),
        rule: ref(path),
      };
    case 'road':
      return {
        ...leg,
        stage: leg.stage ?? 'main',
        truck: { ...leg.truck, rule: ref(`${path}.truck`) },
        segments: leg.segments.map((s, i) => ({
          ...s,
          perTruckKm: estimate(s.perTruckKm),
          rule: ref(`${path}.segments[${i}]`),
        })),
        stops: (leg.stops ?? []).map((s, i) => ({
          ...s,
          days: days(s.days),
          charges: items(s.charges, `stops[${i}].charges`),
          rule: ref(`${path}.stops[${i}]`),
        })),
        rule: ref(path),
      };
  }
}

function compileItem(item: FileItem, path: string, ref: (path: string) => RuleRef): AlternativeItem {
  return { ...item, when: item.when ?? {}, amount: estimate(item.amount), rule: ref(path) };
}

function estimate(value: FileEstimate): Estimate {
  return typeof value === 'string'
    ? { low: amount(value), high: amount(value) }
    : { low: amount(value.low), high: amount(value.high) };
}

function days(value: FileDays): Estimate {
  return typeof value === 'number'
    ? { low: amount(value), high: amount(value) }
    : { low: amount(value.low), high: amount(value.high) };
}
