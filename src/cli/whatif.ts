import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DECIMAL_PATTERN } from '../domain/core/money.js';
import { readRuleFiles } from '../rules/read-rule-files.js';
import { formatIssue } from '../rules/rule-issue.js';
import { prepareBaseline } from '../workbench/drafts/build-draft.js';
import { readDraft } from '../workbench/drafts/read-draft.js';
import { formatWhatIf } from '../workbench/report/format-whatif.js';
import { openReportFile } from '../workbench/report/whatif-files.js';
import type { GoalSeekTarget } from '../workbench/whatif/goal-seek-draft.js';
import { readPortfolio } from '../workbench/whatif/read-portfolio.js';
import { runWhatIf } from '../workbench/whatif/run-whatif.js';
import { rulesDirFor } from './cli-config.js';
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

  const baseline = prepareBaseline(await readRuleFiles(rulesDirFor(io, values.rules)));
  const read = await readDraft(values.draft, baseline.files);
  if (read.issues.length > 0) return refuse(io, 'the override map', read.issues.map(formatIssue));
  const file = out ? await openReportFile(resolve(out), currency) : undefined;
  let started = performance.now();
  const outcome = await runWhatIf(
    {
      baseline,
      overlay: read.files,
      notes: read.notes,
      currency,
      modeShift: !values['no-mode-shift'],
      portfolio: readPortfolio(values.portfolio),
      goalSeek:
        values['goal-seek'] && target ? { parameter: values['goal-seek'], target, precision } : undefined,
    },
    {
      draftBuilt: (draft) => {
        io.stderr.write(
          `draft: ${draft.overlay.length} file(s), ${draft.changes.length} change(s), ${draft.steps.length} step(s) checked in ${ms(started)}\n`,
        );
        started = performance.now();
      },
      shipment: async (result, run, rows) => {
        await file?.shipment(result);
        if (rows % PROGRESS_EVERY === 0)
          io.stderr.write(
            `  ${rows.toLocaleString('en')} shipments, ${ms(started)}, ${run.cache.misses} priced\n`,
          );
      },
      portfolioDone: (run, rows) => {
        io.stderr.write(
          `portfolio: ${rows} shipments in ${ms(started)} (${run.cache.misses} distinct shipments assessed, ${run.cache.hits} reused)\n`,
        );
        started = performance.now();
      },
      goalSeekDone: (report) =>
        io.stderr.write(`goal seek: ${report.evaluations} trial values in ${ms(started)}\n`),
    },
  );
  if (!('report' in outcome)) await file?.abandon();
  if ('report' in outcome) {
    io.stdout.write(formatWhatIf(outcome.report));
    if (file) {
      await file.finish(outcome.report);
      io.stderr.write(`wrote ${resolve(out ?? '')}\n`);
    }
    return 0;
  }
  if (outcome.refused === 'draft') return refuse(io, 'the draft', outcome.issues.map(formatIssue));
  if (outcome.refused === 'portfolio')
    return refuse(
      io,
      values.portfolio,
      outcome.errors.map((e) => `${values.portfolio}:${e.line}: ${e.error}`),
    );
  throw new UsageError(outcome.error);
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
