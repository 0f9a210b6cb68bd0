import { addDays, isValidIsoDate } from '../../domain/core/dates.js';
import type { RuleSet } from '../../domain/rule-set/rule-set.js';
import { checkRuleFiles } from '../../rules/load-rule-set.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { type RuleIssue, RuleSetError } from '../../rules/rule-issue.js';
import { isRecord } from '../../rules/rule-path.js';
import { cachedSourceFile, type SourceCache } from '../../rules/source-file.js';
import { type ChangeDescription, describeChange } from '../rule-diff/describe-change.js';
import { applyRuleChanges } from './apply-rule-changes.js';
import { changeKey, type RuleChange, type RuleFileData, ruleChanges } from './rule-changes.js';

/** The rules in force, checked once, with their parsed data and texts, ready to take drafts. */
export interface BaselineRules {
  readonly files: readonly RuleFileText[];
  readonly data: readonly RuleFileData[];
  readonly ruleSet: RuleSet;
  /** The baseline's files parsed once: a draft's rule sets parse only the files the draft changes. */
  readonly sources?: SourceCache;
}

/** A change of the draft, numbered in the order it is applied, told in tariff terms. */
export interface DraftChange extends ChangeDescription {
  /** 1-based position in the order of application. */
  readonly index: number;
  readonly file: string;
  readonly path: string;
  readonly scope: RuleChange['scope'];
  readonly kind: RuleChange['kind'];
}

/** The rules after applying the changes numbered `changes` (together, when one alone would not validate). */
export interface DraftStep {
  readonly changes: readonly number[];
  readonly ruleSet: RuleSet;
}

export interface Draft {
  readonly baseline: RuleSet;
  readonly ruleSet: RuleSet;
  /** The whole rule-file set of the draft (the baseline with the draft laid over it). */
  readonly files: readonly RuleFileText[];
  /** Paths the draft adds or replaces. */
  readonly overlay: readonly string[];
  readonly changes: readonly DraftChange[];
  /** Applied one after another from the baseline; the last one's rule set is the draft's. */
  readonly steps: readonly DraftStep[];
  /** Every date named in the baseline or the draft files, and each one's next day: prices change only there. */
  readonly boundaries: readonly string[];
  /** How the changes were applied and credited (ORDER_OF_CHANGES, and whether they were grouped). */
  readonly order: string;
}

export const ORDER_OF_CHANGES =
  'changes are applied one at a time, sorted by rule file path, then by YAML path inside the file; ' +
  "each step's effect on a shipment's price is credited to its change (changes that do not validate on their own " +
  'are applied together with the next one and credited jointly), so the contributions add up to the difference';

/**
 * The rule sets built to credit differences to changes, at most: each is a whole rule set checked and compiled, so a
 * draft of more changes has them applied in as many groups (by rule file first), and each group credited jointly.
 * This keeps the cost of a draft close to linear in its size.
 */
export const MAX_ATTRIBUTION_STEPS = 40;

export function prepareBaseline(files: readonly RuleFileText[]): BaselineRules {
  const sources: SourceCache = new Map();
  const report = checkRuleFiles(files, sources);
  if (!report.ruleSet) throw new RuleSetError(report.issues);
  return { files, data: files.map((f) => toData(f, sources)), ruleSet: report.ruleSet, sources };
}

/** Lays files over others by path: a file of `overlay` replaces the one at the same path or is added. */
export function layOver(base: readonly RuleFileText[], overlay: readonly RuleFileText[]): RuleFileText[] {
  const paths = new Set(overlay.map((f) => f.path));
  return [...base.filter((f) => !paths.has(f.path)), ...overlay];
}

/**
 * Checks a draft laid over the baseline like any rule set (every issue with file, line and path) and, when it is
 * valid, splits it into changes and builds the rule set after each step. Without `attribution` there is one step.
 */
export function buildDraft(
  baseline: BaselineRules,
  overlay: readonly RuleFileText[],
  options: { attribution?: boolean } = {},
): { draft: Draft; issues?: undefined } | { draft?: undefined; issues: readonly RuleIssue[] } {
  const files = layOver(baseline.files, overlay);
  // A copy: the draft's own texts are parsed for this draft only and not kept with the baseline.
  const sources: SourceCache = new Map(baseline.sources);
  const report = checkRuleFiles(files, sources);
  if (!report.ruleSet) return { issues: report.issues };
  const draftData = files.map((f) => toData(f, sources));
  const raw = ruleChanges(baseline.data, draftData);
  const dataOf = new Map([...baseline.data, ...draftData].map((f) => [f.path, f.data]));
  const draftPaths = new Map(draftData.map((f) => [f.path, f.data]));
  const changes = raw.map((change, i): DraftChange => {
    const fileData = draftPaths.get(change.file) ?? dataOf.get(change.file);
    return {
      index: i + 1,
      file: change.file,
      path: change.path,
      scope: change.scope,
      kind: change.kind,
      ...describeChange(change, fileData),
    };
  });
  const groups = options.attribution === true ? attributionGroups(raw) : [];
  const steps =
    options.attribution === true
      ? stepsOf(baseline, draftData, raw, groups, report.ruleSet, sources)
      : raw.length > 0
        ? [{ changes: changes.map((c) => c.index), ruleSet: report.ruleSet }]
        : [];
  const grouped = groups.length < raw.length;
  return {
    draft: {
      baseline: baseline.ruleSet,
      ruleSet: raw.length > 0 ? report.ruleSet : baseline.ruleSet,
      files,
      overlay: overlay.map((f) => f.path),
      changes,
      steps,
      boundaries: boundariesOf([...baseline.data, ...draftData]),
      order: grouped
        ? `${ORDER_OF_CHANGES}; the draft has ${raw.length} changes, more than ${MAX_ATTRIBUTION_STEPS}, so they were applied in ${groups.length} groups of consecutive changes (by rule file where possible) and each group is credited jointly`
        : ORDER_OF_CHANGES,
    },
  };
}

/**
 * The changes (0-based, in order) applied together at each step: one per step up to MAX_ATTRIBUTION_STEPS, else the
 * changes of a rule file together, and consecutive files merged until there are at most MAX_ATTRIBUTION_STEPS.
 */
function attributionGroups(changes: readonly RuleChange[]): number[][] {
  if (changes.length <= MAX_ATTRIBUTION_STEPS) return changes.map((_, i) => [i]);
  const byFile: number[][] = [];
  changes.forEach((change, i) => {
    const last = byFile.at(-1);
    if (last !== undefined && changes[last[0] ?? 0]?.file === change.file) last.push(i);
    else byFile.push([i]);
  });
  if (byFile.length <= MAX_ATTRIBUTION_STEPS) return byFile;
  const perGroup = Math.ceil(changes.length / MAX_ATTRIBUTION_STEPS);
  const groups: number[][] = [];
  for (let i = 0; i < changes.length; i += perGroup) {
    groups.push(changes.slice(i, i + perGroup).map((_, k) => i + k));
  }
  return groups;
}

function stepsOf(
  baseline: BaselineRules,
  draftData: readonly RuleFileData[],
  changes: readonly RuleChange[],
  groups: readonly (readonly number[])[],
  draftRuleSet: RuleSet,
  sources: SourceCache,
): DraftStep[] {
  const textOf = new Map(baseline.files.map((f) => [f.path, f.text]));
  const dataOf = new Map(baseline.data.map((f) => [f.path, f.data]));
  const steps: DraftStep[] = [];
  const applied = new Set<string>();
  let pending: number[] = [];
  groups.forEach((group, g) => {
    for (const i of group) {
      const change = changes[i];
      if (change) applied.add(changeKey(change));
      pending.push(i + 1);
    }
    if (g === groups.length - 1) {
      steps.push({ changes: pending, ruleSet: draftRuleSet });
      return;
    }
    const files = applyRuleChanges(baseline.data, draftData, changes, applied).map((f) => ({
      path: f.path,
      text: f.data === dataOf.get(f.path) ? (textOf.get(f.path) ?? '') : JSON.stringify(f.data),
    }));
    const report = checkRuleFiles(files, sources);
    if (!report.ruleSet) return;
    steps.push({ changes: pending, ruleSet: report.ruleSet });
    pending = [];
  });
  return steps;
}

function toData(file: RuleFileText, sources: SourceCache): RuleFileData {
  return { path: file.path, data: cachedSourceFile(sources, file.path, file.text).data };
}

function boundariesOf(files: readonly RuleFileData[]): string[] {
  const dates = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') {
      if (isValidIsoDate(value)) {
        dates.add(value);
        dates.add(addDays(value, 1));
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (isRecord(value)) Object.values(value).forEach(walk);
  };
  for (const file of files) walk(file.data);
  return [...dates].sort();
}
