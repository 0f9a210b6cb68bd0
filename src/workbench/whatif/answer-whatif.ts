import type { WhatIfRequest } from '../../contract/whatif-schemas.js';
import { epochOf } from '../../domain/core/date-epochs.js';
import { DomainError } from '../../domain/core/domain-error.js';
import { shipmentKey } from '../../domain/whatif/impact-cache.js';
import type { GoalSeekReport, ShipmentResult, WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { formatIssue } from '../../rules/rule-issue.js';
import { applyOverrides } from '../drafts/apply-overrides.js';
import { type BaselineRules, buildDraft, layOver } from '../drafts/build-draft.js';
import { goalSeekDraft } from './goal-seek-draft.js';
import { shipmentOf } from './portfolio-item.js';
import { ShipmentGroups, WhatIfRun } from './whatif-run.js';

/**
 * The answer to POST /v1/whatif: the draft (rule files and/or an override map) laid over the baseline's files and
 * checked like them, and the portfolio priced under both. Errors are DomainErrors whose pointers name the field of
 * the request at fault.
 */
export function answerWhatIf(base: BaselineRules, body: WhatIfRequest): WhatIfReport {
  const seen = new Set<string>();
  body.draft.files.forEach((file, i) => {
    if (seen.has(file.path))
      throw new DomainError('INVALID_REQUEST', `the draft has two files at ${file.path}`, {
        pointer: `/draft/files/${i}/path`,
      });
    seen.add(file.path);
  });
  let overlay: RuleFileText[] = body.draft.files.map((f) => ({ path: f.path, text: f.text }));
  const notes: string[] = [];
  const overrides = body.draft.overrides;
  if (overrides) {
    const applied = applyOverrides(
      layOver(base.files, overlay),
      Object.entries(overrides.values).map(([target, value]) => ({ target, value })),
      overrides.effectiveFrom,
      overrides.title,
    );
    if (applied.problems.length > 0) {
      throw new DomainError('INVALID_RULES', `the override map has ${applied.problems.length} error(s)`, {
        errors: applied.problems.map((p) => ({
          pointer: `/draft/overrides/values/${pointerToken(p.target)}`,
          detail: p.message,
        })),
      });
    }
    notes.push(...applied.notes);
    overlay = layOver(overlay, applied.files);
  }
  const built = buildDraft(base, overlay, { attribution: body.attribution });
  if (!built.draft) {
    const index = new Map(body.draft.files.map((f, i) => [f.path, i]));
    throw new DomainError('INVALID_RULES', `the draft has ${built.issues.length} error(s)`, {
      errors: built.issues.map((issue) => ({
        pointer: index.has(issue.file) ? `/draft/files/${index.get(issue.file)}/text` : '/draft',
        detail: formatIssue(issue),
      })),
    });
  }
  const draft = built.draft;
  const run = new WhatIfRun(draft, body.currency, notes, body.modeShift);
  const groups = new ShipmentGroups((r) => shipmentKey(r, epochOf(draft.boundaries, r.acceptanceDate)));
  const shipments: ShipmentResult[] = [];
  body.portfolio.forEach((item, i) => {
    const shipment = shipmentOf(item, i + 1, body.currency);
    const result = run.add(shipment);
    if (body.shipments) shipments.push(result);
    if (body.goalSeek) groups.add(shipment.request, shipment.weight);
  });
  let goalSeek: GoalSeekReport | undefined;
  if (body.goalSeek) {
    const found = goalSeekDraft(
      base,
      overlay,
      {
        parameter: body.goalSeek.parameter,
        target:
          body.goalSeek.keepRevenue !== undefined
            ? { kind: 'keep-revenue', railway: body.goalSeek.keepRevenue }
            : { kind: 'rail-share', share: String(body.goalSeek.railShare) },
        currency: body.currency,
        precision: body.goalSeek.precision,
      },
      groups.values(),
    );
    if ('error' in found) {
      const field =
        found.about !== 'target' ? 'parameter' : body.goalSeek.keepRevenue ? 'keepRevenue' : 'railShare';
      throw new DomainError('INVALID_REQUEST', found.error, { pointer: `/goalSeek/${field}` });
    }
    goalSeek = found.report;
  }
  return run.report({ shipments: body.shipments ? shipments : undefined, goalSeek });
}

/** RFC 6901: "~" and "/" inside a key. */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
