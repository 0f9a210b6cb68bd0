import {
  type CapacityRules,
  type CapacitySection,
  type DatedFigure,
  NO_CAPACITY_RULES,
} from '../domain/rule-set/capacity.js';
import type { Parsed } from './compile-reference-data.js';
import type { RuleIssue } from './rule-issue.js';
import type { CapacityFile } from './schema/capacity.js';

/**
 * Capacity files → the sections of the corridor with their dated capacity and traffic. Every crossing named must
 * exist and belong to one section only; the dated figures of a list must be in date order, one per date.
 */
export function compileCapacity(
  files: readonly Parsed<CapacityFile>[],
  crossings: ReadonlySet<string>,
  issues: RuleIssue[],
): CapacityRules {
  if (files.length === 0) return NO_CAPACITY_RULES;
  if (files.length > 1) {
    for (const p of files.slice(1))
      issues.push(
        p.source.issueAt([], 'the capacity rules are one file: move these sections into the first'),
      );
  }
  const [p] = files as [Parsed<CapacityFile>];
  const sections: CapacitySection[] = [];
  const sectionOf = new Map<string, CapacitySection>();
  p.data.sections.forEach((s, i) => {
    for (const key of ['capacity', 'planned', 'traffic'] as const) {
      const list = s[key] ?? [];
      list.forEach((figure, j) => {
        const before = list[j - 1];
        if (before && before.from >= figure.from)
          issues.push(
            p.source.issueAt(
              ['sections', i, key, j, 'from'],
              `dates must rise: ${figure.from} after ${before.from}`,
            ),
          );
      });
    }
    const section: CapacitySection = {
      ...s,
      capacity: s.capacity as DatedFigure[],
      planned: (s.planned ?? []) as DatedFigure[],
      traffic: s.traffic as DatedFigure[],
      rule: { file: p.source.file, version: p.version, path: `sections[${i}]` },
    };
    s.crossings.forEach((id, j) => {
      if (!crossings.has(id))
        issues.push(p.source.issueAt(['sections', i, 'crossings', j], `unknown crossing ${id}`));
      else if (sectionOf.has(id))
        issues.push(
          p.source.issueAt(
            ['sections', i, 'crossings', j],
            `crossing ${id} is already in section ${sectionOf.get(id)?.id}`,
          ),
        );
      else sectionOf.set(id, section);
    });
    sections.push(section);
  });
  return {
    maxUtilisation: p.data.model.maxUtilisation,
    highWaitFactor: p.data.model.highWaitFactor,
    sections,
    sectionOf,
  };
}
