import type { WhatIfRequest } from '../../contract/whatif-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import type { WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { formatIssue } from '../../rules/rule-issue.js';
import { applyOverrides } from '../drafts/apply-overrides.js';
import { type BaselineRules, layOver } from '../drafts/build-draft.js';
import { runWhatIf } from './run-whatif.js';

/**
 * The answer to POST /v1/whatif: the draft (rule files and/or an override map) laid over the baseline's files and
 * checked like them, and the portfolio priced under both. Errors are DomainErrors whose pointers name the field of
 * the request at fault.
 */
export async function answerWhatIf(base: BaselineRules, body: WhatIfRequest): Promise<WhatIfReport> {
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
  const outcome = await runWhatIf({
    baseline: base,
    overlay,
    notes,
    currency: body.currency,
    modeShift: body.modeShift,
    attribution: body.attribution,
    keepShipments: body.shipments,
    portfolio: body.portfolio.map((item, i) => ({ line: i + 1, item })),
    goalSeek: body.goalSeek && {
      parameter: body.goalSeek.parameter,
      target:
        body.goalSeek.keepRevenue !== undefined
          ? { kind: 'keep-revenue', railway: body.goalSeek.keepRevenue }
          : { kind: 'rail-share', share: String(body.goalSeek.railShare) },
      precision: body.goalSeek.precision,
    },
  });
  if ('report' in outcome) return outcome.report;
  if (outcome.refused === 'draft') {
    const index = new Map(body.draft.files.map((f, i) => [f.path, i]));
    throw new DomainError('INVALID_RULES', `the draft has ${outcome.issues.length} error(s)`, {
      errors: outcome.issues.map((issue) => ({
        pointer: index.has(issue.file) ? `/draft/files/${index.get(issue.file)}/text` : '/draft',
        detail: formatIssue(issue),
      })),
    });
  }
  if (outcome.refused === 'goal-seek') {
    const field =
      outcome.about !== 'target' ? 'parameter' : body.goalSeek?.keepRevenue ? 'keepRevenue' : 'railShare';
    throw new DomainError('INVALID_REQUEST', outcome.error, { pointer: `/goalSeek/${field}` });
  }
  // The body's items were validated by its schema: no row of it can be refused.
  throw new DomainError('INVALID_REQUEST', outcome.errors.map((e) => e.error).join('; '), {
    pointer: `/portfolio/${(outcome.errors[0]?.line ?? 1) - 1}`,
  });
}

/** RFC 6901: "~" and "/" inside a key. */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
