import { parseCsvTable } from '../../rules/csv-table.js';
import { checkRuleFiles } from '../../rules/load-rule-set.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import type { RuleIssue } from '../../rules/rule-issue.js';
import { parseSourceFile } from '../../rules/source-file.js';
import { type RuleChange, type RuleFileData, ruleChanges } from '../drafts/rule-changes.js';
import { describeChange } from './describe-change.js';

/** One change between two rule sets, in tariff terms. */
export interface RuleDiffEntry {
  readonly file: string;
  readonly path: string;
  readonly scope: RuleChange['scope'];
  readonly kind: RuleChange['kind'];
  readonly railway?: string | undefined;
  readonly subject: string;
  readonly details: readonly string[];
  readonly when: string;
  readonly text: string;
  readonly comparedWith?: string | undefined;
}

export type RuleDiff =
  | { readonly entries: readonly RuleDiffEntry[]; readonly issues?: undefined }
  | {
      readonly issues: { readonly old: readonly RuleIssue[]; readonly new: readonly RuleIssue[] };
      readonly entries?: undefined;
    };

/**
 * What changed from one rule set to another, told as a committee reads it ("KTZ cis-transit coefficient …: factor
 * 0.80 → 0.75 from 2026-04-01"), not as a text diff. Both sides are first checked like any rule set; a new railway
 * version is compared with the version it supersedes.
 */
export function diffRules(oldFiles: readonly RuleFileText[], newFiles: readonly RuleFileText[]): RuleDiff {
  const oldReport = checkRuleFiles(oldFiles);
  const newReport = checkRuleFiles(newFiles);
  if (!oldReport.ruleSet || !newReport.ruleSet)
    return { issues: { old: oldReport.issues, new: newReport.issues } };
  // A ТР-4 table the two sides share unchanged is compared as its text: its 93 670 rows need not be walked.
  const oldText = new Map(oldFiles.map((f) => [f.path, f.text]));
  const unchanged = new Set(newFiles.filter((f) => oldText.get(f.path) === f.text).map((f) => f.path));
  const toData = (file: RuleFileText) => fileData(file, unchanged.has(file.path));
  const before = oldFiles.map(toData);
  const after = newFiles.map(toData);
  const dataOf = new Map([...before, ...after].map((f) => [f.path, f.data]));
  const afterOf = new Map(after.map((f) => [f.path, f.data]));
  return {
    entries: ruleChanges(before, after).map((change) => {
      const description = describeChange(change, afterOf.get(change.file) ?? dataOf.get(change.file));
      return {
        file: change.file,
        path: change.path,
        scope: change.scope,
        kind: change.kind,
        comparedWith: change.copiedFrom,
        ...description,
      };
    }),
  };
}

function fileData(file: RuleFileText, unchanged: boolean): RuleFileData {
  if (file.path.startsWith('network/tr4/') && file.path.endsWith('.csv') && !unchanged) return tr4Table(file);
  // Another CSV table (a tariff guide's base rates, the ETSNG classifier) is compared as its text.
  if (file.path.endsWith('.csv')) return { path: file.path, data: file.text };
  return { path: file.path, data: parseSourceFile(file.path, file.text).data };
}

/**
 * A ТР-4 table row by row, so that a changed distance reads as a changed distance: Book 1 and Book 3 rows are named
 * by their two points (from>to), stations by their ESR code.
 */
function tr4Table(file: RuleFileText): RuleFileData {
  const table = parseCsvTable(file.path, file.text, []);
  const list = file.path.slice('network/tr4/'.length, -'.csv'.length);
  const rows = (table?.rows ?? []).map(({ cells }) => {
    const row = Object.fromEntries(table?.header.map((column, i) => [column, cells[i] ?? '']) ?? []);
    if (list === 'stations') return { code: row.esr, ...row };
    const [from = '', to = '', ...rest] = table?.header ?? [];
    return { from: row[from], to: row[to], ...Object.fromEntries(rest.map((c) => [c, row[c]])) };
  });
  return { path: file.path, data: { [list]: rows } };
}
