import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BUNDLED_RULES_DIR } from '../config.js';
import { epochOf } from '../domain/core/date-epochs.js';
import { DECIMAL_PATTERN } from '../domain/core/money.js';
import { shipmentKey } from '../domain/whatif/impact-cache.js';
import type { GoalSeekReport } from '../domain/whatif/whatif-report.js';
import { readRuleFiles } from '../rules/read-rule-files.js';
import { formatIssue } from '../rules/rule-issue.js';
import { buildDraft, prepareBaseline } from '../workbench/drafts/build-draft.js';
import { readDraft } from '../workbench/drafts/read-draft.js';
import { formatWhatIf } from '../workbench/report/format-whatif.js';
import { openReportFile } from '../workbench/report/whatif-files.js';
import { type GoalSeekTarget, goalSeekDraft } from '../workbench/whatif/goal-seek-draft.js';
import { shipmentOf } from '../workbench/whatif/portfolio-item.js';
import { readPortfolio } from '../workbench/whatif/read-portfolio.js';
import { ShipmentGroups, WhatIfRun } from '../workbench/whatif/whatif-run.js';
import { type CliIo, UsageError } from './io.js';

const OPTIONS = {
  draft: { type: 'string', multiple: true },
  portfolio: { type: 'string' },
  out: { type: 'string' },
  currency: { type: 'string', default: 'USD' },
  rules: { type: 'string' },
  'goal-seek': { type: 'string' },
  'keep-revenue': { type: 'string' },
  'rail-share': { type: 'string' },
  precision: { type: 'string' },
  'no-mode-shift': { type: 'boolean', default: false },
} as const;

const PROGRESS_EVERY = 50_000;

/**
 * `throughrate whatif --draft <dir-or-file>... --portfolio <file> [--out report.html|.csv|.json]`: every shipment
 * of the portfolio under the rules in force and under the draft, the difference, the changes that caused it, and
 * the totals per railway, corridor and cargo group. Progress on stderr, a summary on stdout.
 */
export async function whatif(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: true });
  if (!values.draft?.length || !values.portfolio)
    throw new UsageError('--draft and --portfolio are required');
  const target = goalSeekTarget(values['keep-revenue'], values['rail-share']);
  if ((values['goal-seek'] === undefined) !== (target === undefined))
    throw new UsageError('--goal-seek goes with either --keep-revenue <RAILWAY> or --rail-share <0–1>');
  const currency = values.currency.toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency))
    throw new UsageError(`--currency ${values.currency}: expected a code such as USD`);
  const precision = values.precision === undefined ? undefined : Number(values.precision);
  if (precision !== undefined && !(Number.isInteger(precision) && precision >= 0 && precision <= 8))
    throw new UsageError('--precision expects a whole number of decimals from 0 to 8');
  const out = values.out;
  if (out && !/\.(html|csv|json)$/i.test(out)) throw new UsageError('--out must end in .html, .csv or .json');

  const baseline = prepareBaseline(
    await readRuleFiles(resolve(values.rules ?? io.env.RULES_DIR ?? BUNDLED_RULES_DIR)),
  );
  const read = await readDraft(values.draft, baseline.files);
  if (read.issues.length > 0) return refuse(io, 'the override map', read.issues.map(formatIssue));
  const started = performance.now();
  const built = buildDraft(baseline, read.files, { attribution: true });
  if (!built.draft) return refuse(io, 'the draft', built.issues.map(formatIssue));
  const draft = built.draft;
  io.stderr.write(
    `draft: ${draft.overlay.length} file(s), ${draft.changes.length} change(s), ${draft.steps.length} step(s) checked in ${ms(started)}\n`,
  );

  const run = new WhatIfRun(draft, currency, read.notes, !values['no-mode-shift']);
  const groups = new ShipmentGroups((r) => shipmentKey(r, epochOf(draft.boundaries, r.acceptanceDate)));
  const file = out ? await openReportFile(resolve(out), currency) : undefined;
  const errors: string[] = [];
  let rows = 0;
  const pricing = performance.now();
  for await (const row of readPortfolio(values.portfolio)) {
    if (row.error !== undefined) {
      errors.push(`${values.portfolio}:${row.line}: ${row.error}`);
      continue;
    }
    const shipment = shipmentOf(row.item, row.line, currency);
    const result = run.add(shipment);
    if (values['goal-seek']) groups.add(shipment.request, shipment.weight);
    await file?.shipment(result);
    if (++rows % PROGRESS_EVERY === 0)
      io.stderr.write(
        `  ${rows.toLocaleString('en')} shipments, ${ms(pricing)}, ${run.cache.misses} priced\n`,
      );
  }
  if (errors.length > 0) {
    await file?.abandon();
    return refuse(io, values.portfolio, errors);
  }
  io.stderr.write(
    `portfolio: ${rows} shipments in ${ms(pricing)} (${run.cache.misses} distinct shipments assessed, ${run.cache.hits} reused)\n`,
  );

  let goalSeek: GoalSeekReport | undefined;
  if (values['goal-seek'] && target) {
    const seeking = performance.now();
    const result = goalSeekDraft(
      baseline,
      read.files,
      { parameter: values['goal-seek'], target, currency, precision },
      groups.values(),
    );
    if ('error' in result) throw new UsageError(result.error);
    goalSeek = result.report;
    io.stderr.write(`goal seek: ${goalSeek.evaluations} trial values in ${ms(seeking)}\n`);
  }
  const report = run.report({ goalSeek });
  io.stdout.write(formatWhatIf(report));
  if (file) {
    await file.finish(report);
    io.stderr.write(`wrote ${resolve(out ?? '')}\n`);
  }
  return 0;
}

function refuse(io: CliIo, what: string, lines: readonly string[]): number {
  const shown = lines.slice(0, 50);
  io.stderr.write(`throughrate: ${what} has ${lines.length} error(s):\n${shown.join('\n')}\n`);
  if (lines.length > shown.length) io.stderr.write(`… and ${lines.length - shown.length} more\n`);
  return 1;
}

function ms(since: number): string {
  const elapsed = performance.now() - since;
  return elapsed < 10_000 ? `${elapsed.toFixed(0)} ms` : `${(elapsed / 1000).toFixed(1)} s`;
}

function goalSeekTarget(
  keepRevenue: string | undefined,
  railShare: string | undefined,
): GoalSeekTarget | undefined {
  if (keepRevenue !== undefined && railShare !== undefined)
    throw new UsageError('--keep-revenue and --rail-share: give one of them');
  if (keepRevenue !== undefined) return { kind: 'keep-revenue', railway: keepRevenue.toUpperCase() };
  if (railShare === undefined) return undefined;
  if (!DECIMAL_PATTERN.test(railShare) || Number(railShare) <= 0 || Number(railShare) > 1)
    throw new UsageError(
      `--rail-share ${railShare}: expected a share more than 0 and at most 1, such as 0.6`,
    );
  return { kind: 'rail-share', share: railShare };
}
