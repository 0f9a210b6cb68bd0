import type { FxRules } from '../domain/rule-set/fx.js';
import type { Parsed } from './compile-reference-data.js';
import type { RuleIssue } from './rule-issue.js';
import type { AmendmentFile, RailwayVersionFile } from './schema/railway.js';
import type { SourceFile } from './source-file.js';

interface Known {
  readonly stations: ReadonlySet<string>;
  readonly groups: ReadonlySet<string>;
  readonly fx: FxRules;
}

/** Checks across railway version files: names, dates, overlaps, supersedes, and every name they refer to. */
export function checkRailwayVersions(
  files: readonly Parsed<RailwayVersionFile>[],
  known: Known,
  issues: RuleIssue[],
  /** Folders (railways/CODE) with a file already broken: their version chain is not checked, to spare echoes. */
  brokenFolders: ReadonlySet<string>,
) {
  const byRailway = new Map<string, Parsed<RailwayVersionFile>[]>();
  for (const p of files) {
    const [, folder, name] = p.source.file.split('/');
    if (folder !== p.data.railway) {
      issues.push(
        p.source.issueAt(['railway'], `file is under railways/${folder}/ but says railway ${p.data.railway}`),
      );
    }
    if (name !== `${p.data.effectiveFrom}.yaml`) {
      issues.push(
        p.source.issueAt(
          ['effectiveFrom'],
          `a version file is named after its effectiveFrom: ${p.data.effectiveFrom}.yaml`,
        ),
      );
    }
    byRailway.set(p.data.railway, [...(byRailway.get(p.data.railway) ?? []), p]);
    p.data.regimes.forEach((regime, r) => {
      if (regime.conversion && !known.fx.tables.has(regime.conversion.table)) {
        issues.push(
          p.source.issueAt(
            ['regimes', r, 'conversion', 'table'],
            `no coefficient table ${regime.conversion.table} in rules/fx`,
          ),
        );
      }
      checkWhenReferences(p.source, ['regimes', r], regime, known, issues);
    });
  }
  for (const [code, versions] of byRailway) {
    if (brokenFolders.has(`railways/${code}`)) continue;
    versions.sort((a, b) => a.data.effectiveFrom.localeCompare(b.data.effectiveFrom));
    versions.forEach((p, i) => {
      const previous = versions[i - 1];
      const expected = previous?.data.effectiveFrom ?? null;
      if (p.data.supersedes !== expected) {
        issues.push(
          p.source.issueAt(
            ['supersedes'],
            expected
              ? `supersedes must name the previous version, ${expected}`
              : 'the first version supersedes nothing: write supersedes: null',
          ),
        );
      }
      if (previous?.data.effectiveTo !== undefined && previous.data.effectiveTo >= p.data.effectiveFrom) {
        issues.push(
          previous.source.issueAt(
            ['effectiveTo'],
            `versions overlap: this one runs to ${previous.data.effectiveTo}, but version ${p.data.effectiveFrom} (${p.source.file}) takes effect on ${p.data.effectiveFrom}`,
          ),
        );
      }
      if (previous && previous.data.effectiveFrom === p.data.effectiveFrom) {
        issues.push(
          p.source.issueAt(['effectiveFrom'], `two versions take effect on ${p.data.effectiveFrom}`),
        );
      }
    });
  }
  return byRailway;
}

export function checkAmendments(
  files: readonly Parsed<AmendmentFile>[],
  versions: ReadonlyMap<string, readonly Parsed<RailwayVersionFile>[]>,
  known: Known,
  issues: RuleIssue[],
) {
  for (const p of files) {
    const own = versions.get(p.data.railway);
    if (p.source.file.split('/')[1] !== p.data.railway) {
      issues.push(
        p.source.issueAt(
          ['railway'],
          `file is under amendments/${p.source.file.split('/')[1]}/ but says railway ${p.data.railway}`,
        ),
      );
    }
    if (!own) {
      issues.push(p.source.issueAt(['railway'], `railway ${p.data.railway} has no tariff versions to amend`));
      continue;
    }
    const overlapped = own.filter(
      (v, i) =>
        v.data.effectiveFrom <= p.data.effectiveTo &&
        (own[i + 1]?.data.effectiveFrom ?? '9999-12-31') > p.data.effectiveFrom,
    );
    if (overlapped.length === 0) {
      issues.push(
        p.source.issueAt(
          ['effectiveFrom'],
          `no ${p.data.railway} version is in force during ${p.data.effectiveFrom}–${p.data.effectiveTo}`,
        ),
      );
    }
    p.data.changes.forEach((change, c) => {
      for (const version of overlapped) {
        const regime = version.data.regimes.find((r) => r.id === change.regime);
        if (!regime) {
          issues.push(
            p.source.issueAt(
              ['changes', c, 'regime'],
              `version ${version.data.effectiveFrom} has no regime ${change.regime}`,
            ),
          );
          continue;
        }
        const ids = new Set(
          [...regime.rates, ...(regime.charges ?? []), ...(regime.coefficients ?? [])].map((x) => x.id),
        );
        change.remove?.forEach((id, j) => {
          if (!ids.has(id))
            issues.push(
              p.source.issueAt(
                ['changes', c, 'remove', j],
                `version ${version.data.effectiveFrom} has no item ${id} to remove`,
              ),
            );
        });
      }
      checkWhenReferences(p.source, ['changes', c], change, known, issues);
    });
  }
}

interface WithItems {
  readonly rates?: readonly { when?: WhenRefs | undefined }[] | undefined;
  readonly charges?: readonly { when?: WhenRefs | undefined }[] | undefined;
  readonly coefficients?: readonly { when?: WhenRefs | undefined }[] | undefined;
}

interface WhenRefs {
  readonly entersAt?: readonly string[] | undefined;
  readonly leavesAt?: readonly string[] | undefined;
  readonly routeCrosses?: readonly string[] | undefined;
  readonly cargo?: { readonly groups?: readonly string[] | undefined } | undefined;
  readonly cargoExcept?: { readonly groups?: readonly string[] | undefined } | undefined;
}

/** Station codes and cargo groups named in conditions must exist. */
export function checkWhenReferences(
  source: SourceFile,
  at: readonly PropertyKey[],
  container: WithItems,
  known: Known,
  issues: RuleIssue[],
) {
  for (const section of ['rates', 'charges', 'coefficients'] as const) {
    container[section]?.forEach((item, i) => {
      const when = item.when;
      if (!when) return;
      const path = [...at, section, i, 'when'];
      for (const key of ['entersAt', 'leavesAt', 'routeCrosses'] as const) {
        when[key]?.forEach((code, j) => {
          if (!known.stations.has(code))
            issues.push(source.issueAt([...path, key, j], `unknown station ${code}`));
        });
      }
      for (const key of ['cargo', 'cargoExcept'] as const) {
        when[key]?.groups?.forEach((group, j) => {
          if (!known.groups.has(group))
            issues.push(source.issueAt([...path, key, 'groups', j], `unknown cargo group ${group}`));
        });
      }
    });
  }
}
