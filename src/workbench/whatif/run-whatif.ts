import { epochOf } from '../../domain/core/date-epochs.js';
import { shipmentKey } from '../../domain/whatif/impact-cache.js';
import type { GoalSeekReport, ShipmentResult, WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import type { RuleIssue } from '../../rules/rule-issue.js';
import { type BaselineRules, buildDraft, type Draft } from '../drafts/build-draft.js';
import { type GoalSeekRefusal, type GoalSeekTarget, goalSeekDraft } from './goal-seek-draft.js';
import { type PortfolioItem, shipmentOf } from './portfolio-item.js';
import { ShipmentGroups, WhatIfRun } from './whatif-run.js';

/** A portfolio row as an adapter read it: an item, or why its line could not be read. */
export type WhatIfRow =
  | { readonly line: number; readonly item: PortfolioItem; readonly error?: undefined }
  | { readonly line: number; readonly error: string; readonly item?: undefined };

export interface WhatIfInput {
  readonly baseline: BaselineRules;
  /** The draft's rule files, override maps already applied, by path under the rules directory. */
  readonly overlay: readonly RuleFileText[];
  readonly notes: readonly string[];
  readonly currency: string;
  readonly modeShift: boolean;
  /** Credit each difference to the changes one by one (default), or to all of them together. */
  readonly attribution?: boolean | undefined;
  /** Keep every shipment's result in the report (else only the hooks see them). */
  readonly keepShipments?: boolean | undefined;
  readonly portfolio: Iterable<WhatIfRow> | AsyncIterable<WhatIfRow>;
  readonly goalSeek?:
    | { readonly parameter: string; readonly target: GoalSeekTarget; readonly precision?: number | undefined }
    | undefined;
}

/** What an adapter may watch: for progress, for streaming the shipments out. */
export interface WhatIfHooks {
  draftBuilt?(draft: Draft): void;
  shipment?(result: ShipmentResult, run: WhatIfRun, rows: number): void | Promise<void>;
  portfolioDone?(run: WhatIfRun, rows: number): void;
  goalSeekDone?(report: GoalSeekReport): void;
}

/** The report, or why there is none: each adapter words the refusal its own way. */
export type WhatIfOutcome =
  | { readonly report: WhatIfReport }
  | { readonly refused: 'draft'; readonly issues: readonly RuleIssue[] }
  | { readonly refused: 'portfolio'; readonly errors: readonly { line: number; error: string }[] }
  | ({ readonly refused: 'goal-seek' } & GoalSeekRefusal);

/**
 * The what-if use case, for the CLI and POST /v1/whatif alike: the draft laid over the baseline and checked, every
 * shipment of the portfolio priced under both (added up as it comes, so a portfolio of any length runs in bounded
 * memory), then, if asked, the goal seek over the distinct shipments.
 */
export async function runWhatIf(input: WhatIfInput, hooks: WhatIfHooks = {}): Promise<WhatIfOutcome> {
  const built = buildDraft(input.baseline, input.overlay, { attribution: input.attribution ?? true });
  if (!built.draft) return { refused: 'draft', issues: built.issues };
  const draft = built.draft;
  hooks.draftBuilt?.(draft);
  const run = new WhatIfRun(draft, input.currency, input.notes, input.modeShift);
  const groups = new ShipmentGroups((r) => shipmentKey(r, epochOf(draft.boundaries, r.acceptanceDate)));
  const shipments: ShipmentResult[] = [];
  const errors: { line: number; error: string }[] = [];
  let rows = 0;
  for await (const row of input.portfolio) {
    if (row.error !== undefined) {
      errors.push({ line: row.line, error: row.error });
      continue;
    }
    const shipment = shipmentOf(row.item, row.line, input.currency);
    const result = run.add(shipment);
    if (input.keepShipments) shipments.push(result);
    if (input.goalSeek) groups.add(shipment.request, shipment.weight);
    await hooks.shipment?.(result, run, ++rows);
  }
  if (errors.length > 0) return { refused: 'portfolio', errors };
  hooks.portfolioDone?.(run, rows);

  let goalSeek: GoalSeekReport | undefined;
  if (input.goalSeek) {
    const found = goalSeekDraft(
      input.baseline,
      input.overlay,
      { ...input.goalSeek, currency: input.currency },
      groups.values(),
    );
    if ('error' in found) return { refused: 'goal-seek', ...found };
    goalSeek = found.report;
    hooks.goalSeekDone?.(goalSeek);
  }
  return { report: run.report({ shipments: input.keepShipments ? shipments : undefined, goalSeek }) };
}
