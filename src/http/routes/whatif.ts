import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { epochOf } from '../../domain/date-epochs.js';
import { DomainError } from '../../domain/domain-error.js';
import { shipmentKey } from '../../domain/impact-cache.js';
import type { GoalSeekReport, ShipmentResult } from '../../domain/whatif-report.js';
import { applyOverrides } from '../../rules/apply-overrides.js';
import { type BaselineRules, buildDraft, layOver, prepareBaseline } from '../../rules/build-draft.js';
import { goalSeekDraft } from '../../rules/goal-seek-draft.js';
import { shipmentOf } from '../../rules/portfolio-item.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { formatIssue } from '../../rules/rule-issue.js';
import { ShipmentGroups, WhatIfRun } from '../../rules/whatif-run.js';
import type { AppContext } from '../build-app.js';
import { ProblemSchema, problemResponses } from '../schemas.js';
import { MAX_WHATIF_SHIPMENTS, WhatIfRequestSchema, WhatIfResponseSchema } from '../whatif-schemas.js';

const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * POST /v1/whatif: a draft (rule files and/or an override map) laid over the rules being served, checked like
 * them, and a portfolio of up to MAX_WHATIF_SHIPMENTS shipments priced under both. The served rules are never
 * touched: the draft lives only for the request. `ruleFiles` are the texts the served rule set was loaded from.
 */
export function whatifRoutes(
  context: AppContext,
  ruleFiles: readonly RuleFileText[] | undefined,
): FastifyPluginAsync {
  let baseline: BaselineRules | undefined;
  const baselineRules = (): BaselineRules => {
    if (!ruleFiles)
      throw new DomainError(
        'WHATIF_UNAVAILABLE',
        'this server was started without the texts of its rule files',
      );
    baseline ??= prepareBaseline(ruleFiles);
    if (baseline.ruleSet.hash !== context.ruleSet.hash)
      throw new DomainError('WHATIF_UNAVAILABLE', 'the rule files given do not match the rules being served');
    return baseline;
  };

  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/whatif',
      {
        bodyLimit: BODY_LIMIT_BYTES,
        schema: {
          summary: `Price a portfolio (up to ${MAX_WHATIF_SHIPMENTS} shipments) under the rules in force and under a draft: differences, the changes that caused them, revenue per railway, corridor and cargo group, optional goal seek`,
          body: WhatIfRequestSchema,
          response: { 200: WhatIfResponseSchema, ...problemResponses, 503: ProblemSchema },
        },
      },
      async (request) => {
        const body = request.body;
        const base = baselineRules();
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
            throw new DomainError(
              'INVALID_RULES',
              `the override map has ${applied.problems.length} error(s)`,
              {
                errors: applied.problems.map((p) => ({
                  pointer: `/draft/overrides/values/${pointerToken(p.target)}`,
                  detail: p.message,
                })),
              },
            );
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
              railway: body.goalSeek.keepRevenue,
              currency: body.currency,
              precision: body.goalSeek.precision,
            },
            groups.values(),
          );
          if ('error' in found)
            throw new DomainError('INVALID_REQUEST', found.error, { pointer: '/goalSeek/parameter' });
          goalSeek = found.report;
        }
        return run.report({ shipments: body.shipments ? shipments : undefined, goalSeek });
      },
    );
  };
}

/** RFC 6901: "~" and "/" inside a key. */
function pointerToken(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
