import { amount } from '../domain/core/money.js';
import type { Apportionment, CorridorAgreement, RouteStep } from '../domain/rule-set/corridor-agreement.js';
import type { ReductionPolicy, RuleRef } from '../domain/rule-set/tariff.js';
import type { Parsed } from './compile-reference-data.js';
import { compileWhen } from './compile-tariff.js';
import type { RuleIssue } from './rule-issue.js';
import type { CorridorFile } from './schema/corridor.js';

interface Known {
  readonly crossings: ReadonlySet<string>;
  readonly stations: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly railways: ReadonlySet<string>;
}

const ONE = amount(1);

export function compileCorridors(
  files: readonly Parsed<CorridorFile>[],
  known: Known,
  issues: RuleIssue[],
): CorridorAgreement[] {
  checkOverlaps(files, issues);
  return files.map((p) => {
    checkReferences(p, known, issues);
    const d = p.data;
    const ref = (path: string): RuleRef => ({ file: p.source.file, version: p.version, path });
    const policy = (combine: ReductionPolicy['combine'], cap?: string): ReductionPolicy => ({
      combine,
      cap: cap === undefined ? undefined : amount(cap),
    });
    return {
      corridor: d.corridor,
      name: d.name,
      effectiveFrom: d.effectiveFrom,
      effectiveTo: d.effectiveTo,
      participants: d.participants,
      reference: d.reference,
      confidence: d.confidence,
      combine: policy(d.combine, d.cap),
      routes: d.routes.map((r) => ({ id: r.id, description: r.description, steps: r.crossings.map(step) })),
      throughRates: (d.throughRates ?? []).map((t, i) => ({
        ...t,
        when: compileWhen(t.when),
        amounts: t.amounts.map((a, j) => ({
          when: compileWhen(a.when),
          perUnit: a.perUnit === undefined ? undefined : amount(a.perUnit),
          perUnitKm: a.perUnitKm === undefined ? undefined : amount(a.perUnitKm),
          reference: a.reference,
          confidence: a.confidence,
          rule: ref(`throughRates[${i}].amounts[${j}]`),
        })),
        apportionment: apportionment(t.apportionment),
        gaugeChange: t.gaugeChange && { ...t.gaugeChange, rule: ref(`throughRates[${i}].gaugeChange`) },
        rule: ref(`throughRates[${i}]`),
      })),
      discounts: (d.discounts ?? []).map((x, i) => {
        const factor = x.factor !== undefined ? amount(x.factor) : ONE.minus(amount(x.reduction ?? '0'));
        return {
          id: x.id,
          description: x.description,
          railway: x.railway,
          routes: x.routes,
          when: compileWhen(x.when),
          factor,
          factorText: factor.toFixed(),
          combine: x.combine === undefined ? undefined : policy(x.combine, x.cap),
          reference: x.reference,
          confidence: x.confidence,
          rule: ref(`discounts[${i}]`),
        };
      }),
      priority: (d.priority ?? []).map((x, i) => ({
        id: x.id,
        name: x.name,
        cargo: x.cargo,
        railways: x.railways,
        routes: x.routes,
        when: compileWhen(x.when),
        rate: x.rate === undefined ? undefined : priorityRate(x.rate),
        service: x.service,
        reference: x.reference,
        confidence: x.confidence,
        rule: ref(`priority[${i}]`),
      })),
      file: p.source.file,
      hash: p.hash,
      version: p.version,
    };
  });
}

function step(s: CorridorFile['routes'][number]['crossings'][number]): RouteStep {
  if (typeof s === 'string') return { kind: 'crossings', ids: [s] };
  if ('anyOf' in s) return { kind: 'crossings', ids: s.anyOf };
  return { kind: 'between', countries: s.between };
}

type ApportionmentFile = NonNullable<CorridorFile['throughRates']>[number]['apportionment'];

function apportionment(a: ApportionmentFile): Apportionment {
  if (a.method === 'distance') return a;
  if (a.method === 'shares') {
    return {
      method: 'shares',
      remainderTo: a.remainderTo,
      shares: new Map(Object.entries(a.shares).map(([k, v]) => [k, amount(v)])),
    };
  }
  return {
    method: 'own-rate',
    perUnitKm: new Map(Object.entries(a.perUnitKm).map(([k, v]) => [k, amount(v)])),
  };
}

function priorityRate(rate: { reduction: string } | { factor: string } | { fixedPerUnit: string }) {
  if ('fixedPerUnit' in rate) return { kind: 'fixed' as const, perUnit: amount(rate.fixedPerUnit) };
  const factor = 'factor' in rate ? amount(rate.factor) : ONE.minus(amount(rate.reduction));
  return { kind: 'factor' as const, factor, factorText: factor.toFixed() };
}

function checkReferences(p: Parsed<CorridorFile>, known: Known, issues: RuleIssue[]) {
  const d = p.data;
  d.participants.forEach((r, i) => {
    if (!known.railways.has(r))
      issues.push(p.source.issueAt(['participants', i], `railway ${r} has no tariff files`));
  });
  d.routes.forEach((route, i) => {
    route.crossings.forEach((s, j) => {
      const ids = typeof s === 'string' ? [s] : 'anyOf' in s ? s.anyOf : [];
      for (const id of ids) {
        if (!known.crossings.has(id)) {
          issues.push(
            p.source.issueAt(
              ['routes', i, 'crossings', j],
              `unknown crossing ${id} (see rules/network/crossings.yaml)`,
            ),
          );
        }
      }
    });
  });
  const whens = [
    ...(d.throughRates ?? []).map((t, i) => ({ when: t.when, path: ['throughRates', i, 'when'] })),
    ...(d.discounts ?? []).map((t, i) => ({ when: t.when, path: ['discounts', i, 'when'] })),
    ...(d.priority ?? []).map((t, i) => ({ when: t.when, path: ['priority', i, 'when'] })),
  ];
  for (const { when, path } of whens) {
    for (const key of ['entersAt', 'leavesAt', 'routeCrosses'] as const) {
      when?.[key]?.forEach((code, j) => {
        if (!known.stations.has(code))
          issues.push(p.source.issueAt([...path, key, j], `unknown station ${code}`));
      });
    }
    for (const key of ['cargo', 'cargoExcept'] as const) {
      when?.[key]?.groups?.forEach((g, j) => {
        if (!known.groups.has(g))
          issues.push(p.source.issueAt([...path, key, 'groups', j], `unknown cargo group ${g}`));
      });
    }
  }
  for (const [i, x] of (d.priority ?? []).entries()) {
    for (const [j, g] of (x.cargo.groups ?? []).entries()) {
      if (!known.groups.has(g))
        issues.push(p.source.issueAt(['priority', i, 'cargo', 'groups', j], `unknown cargo group ${g}`));
    }
  }
}

/** Versions of one corridor (one folder) must not overlap; different corridors may. */
function checkOverlaps(files: readonly Parsed<CorridorFile>[], issues: RuleIssue[]) {
  const byFolder = new Map<string, Parsed<CorridorFile>[]>();
  for (const p of files) {
    const folder = p.source.file.split('/')[1] ?? '';
    if (folder !== p.data.corridor) {
      issues.push(
        p.source.issueAt(
          ['corridor'],
          `file is under corridors/${folder}/ but says corridor ${p.data.corridor}`,
        ),
      );
    }
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), p]);
  }
  for (const versions of byFolder.values()) {
    versions.sort((a, b) => a.data.effectiveFrom.localeCompare(b.data.effectiveFrom));
    versions.forEach((p, i) => {
      const next = versions[i + 1];
      if (next && (p.data.effectiveTo === undefined || p.data.effectiveTo >= next.data.effectiveFrom)) {
        issues.push(
          p.source.issueAt(
            [p.data.effectiveTo === undefined ? 'effectiveFrom' : 'effectiveTo'],
            `overlaps ${next.source.file}, which takes effect on ${next.data.effectiveFrom}: end this version the day before`,
          ),
        );
      }
    });
  }
}
