import { type Amount, amount, sum, ZERO } from '../../domain/core/money.js';
import type { RateRequest } from '../../domain/pricing/shipment.js';
import type { RuleSet } from '../../domain/rule-set/rule-set.js';
import { cheapestMode } from '../../domain/whatif/cheapest-mode.js';
import { goalSeek } from '../../domain/whatif/goal-seek.js';
import { priceOutcome } from '../../domain/whatif/price-outcome.js';
import type { GoalSeekReport } from '../../domain/whatif/whatif-report.js';
import { checkRuleFiles } from '../../rules/load-rule-set.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { parsePath, resolvePath, valueAt } from '../../rules/rule-path.js';
import { parseSourceFile } from '../../rules/source-file.js';
import { setRuleValue, splitTarget } from '../drafts/apply-overrides.js';
import { type BaselineRules, layOver } from '../drafts/build-draft.js';

export interface GoalSeekRequest {
  /** "<rule file>#<YAML path>" of a number in the draft (or in a baseline file, which the draft then changes). */
  readonly parameter: string;
  readonly target: GoalSeekTarget;
  readonly currency: string;
  /** Decimals of the answer; default: as many as the draft value is written with. */
  readonly precision?: number | undefined;
}

/**
 * What the value must achieve: a railway's weighted revenue on the portfolio kept as it is under the rules in force,
 * or rail the cheapest mode for at least a share (0 to 1) of the portfolio's weight.
 */
export type GoalSeekTarget =
  | { readonly kind: 'keep-revenue'; readonly railway: string }
  | { readonly kind: 'rail-share'; readonly share: string };

type Group = { readonly request: RateRequest; readonly weight: Amount };

/** Why no search was made: about the parameter (default), or about the target. */
export interface GoalSeekRefusal {
  readonly error: string;
  readonly about?: 'target' | undefined;
}

/**
 * Finds the value of one draft parameter that meets the target on the portfolio, within what rounding allows: the
 * revenue kept (its residual nearest zero), or the share reached (the value nearest the draft's that reaches it).
 */
export function goalSeekDraft(
  baseline: BaselineRules,
  overlay: readonly RuleFileText[],
  request: GoalSeekRequest,
  groups: Iterable<Group>,
): { report: GoalSeekReport } | GoalSeekRefusal {
  const target = splitTarget(request.parameter);
  if (!target) return { error: `--goal-seek expects "<rule file>#<YAML path>", not "${request.parameter}"` };
  const files = layOver(baseline.files, overlay);
  const file = files.find((f) => f.path === target.file);
  if (!file) return { error: `no rule file ${target.file} in the baseline or the draft` };
  const segments = parsePath(target.path);
  const data = parseSourceFile(file.path, file.text).data;
  const resolved = segments ? resolvePath(data, segments) : { error: `"${target.path}" is not a YAML path` };
  if ('error' in resolved) return { error: `${target.file}: ${resolved.error}` };
  const current = valueAt(data, resolved.keys);
  const written = typeof current === 'number' ? String(current) : current;
  if (typeof written !== 'string' || !/^-?\d+(\.\d+)?$/.test(written))
    return { error: `${request.parameter} is not a number (it is ${JSON.stringify(current)})` };
  const objective = objectiveOf(request, baseline.ruleSet, [...groups]);
  if ('error' in objective) return objective;

  const goal = objective.measure(baseline.ruleSet);
  const goalValue = request.target.kind === 'keep-revenue' ? goal : amount(request.target.share);
  const measuredAt = new Map<string, Amount | undefined>();
  const scale = request.precision ?? written.split('.')[1]?.length ?? 0;
  const measureWith = (value: Amount): Amount | undefined => {
    const text = value.toFixed(scale);
    if (measuredAt.has(text)) return measuredAt.get(text);
    const edited = setRuleValue(file.text, target.path, typeof current === 'number' ? Number(text) : text);
    let result: Amount | undefined;
    if ('text' in edited) {
      const report = checkRuleFiles(layOver(files, [{ path: file.path, text: edited.text }]));
      if (report.ruleSet) result = objective.measure(report.ruleSet);
    }
    measuredAt.set(text, result);
    return result;
  };
  const start = amount(written);
  const atDraft = measureWith(start);
  const found = goalSeek((v) => measureWith(v)?.minus(goalValue), start, {
    scale,
    keep: request.target.kind === 'rail-share' ? 'at-least' : 'nearest',
  });
  const atValue = measureWith(amount(found.value));
  const common = {
    parameter: request.parameter,
    currency: request.currency,
    draftValue: written,
    value: found.value,
    found: found.found,
    explanation: found.explanation,
    evaluations: found.evaluations,
    bracket: found.bracket,
    residual: atValue?.minus(goalValue).toFixed(objective.scale),
  };
  const shown = (value: Amount | undefined) => value?.toFixed(objective.scale);
  return {
    report:
      request.target.kind === 'keep-revenue'
        ? {
            ...common,
            objective: 'keep-revenue',
            railway: request.target.railway,
            baselineRevenue: goal.toFixed(2),
            draftRevenue: shown(atDraft) ?? 'unpriceable',
            revenueAtValue: shown(atValue),
          }
        : {
            ...common,
            objective: 'rail-share',
            targetShare: goalValue.toFixed(),
            comparableWeight: objective.comparableWeight.toFixed(),
            baselineShare: goal.toFixed(objective.scale),
            draftShare: shown(atDraft) ?? 'unpriceable',
            shareAtValue: shown(atValue),
          },
  };
}

interface Objective {
  /** What the target is measured in, for a rule set: revenue in the portfolio's currency, or rail's share. */
  measure(ruleSet: RuleSet): Amount;
  /** Decimals shown. */
  readonly scale: number;
  readonly comparableWeight: Amount;
}

function objectiveOf(
  request: GoalSeekRequest,
  ruleSet: RuleSet,
  groups: readonly Group[],
): Objective | GoalSeekRefusal {
  const { target, currency } = request;
  if (target.kind === 'keep-revenue') {
    if (!ruleSet.railways.has(target.railway))
      return {
        error: `unknown railway ${target.railway} (railways: ${[...ruleSet.railways.keys()].join(', ')})`,
        about: 'target',
      };
    return {
      scale: 2,
      comparableWeight: ZERO,
      measure: (rules) => {
        let total = ZERO;
        for (const group of groups) {
          const outcome = priceOutcome(rules, { ...group.request, currency });
          if (!outcome.priced) continue;
          for (const share of outcome.railways)
            if (share.railway === target.railway)
              total = total.plus(amount(share.converted).times(group.weight));
        }
        return total;
      },
    };
  }
  const share = amount(target.share);
  if (share.lte(0) || share.gt(1))
    return { error: `a rail share is more than 0 and at most 1, not ${target.share}` };
  // The shipments compared are those that can be compared under the rules in force: rail or an alternative in force.
  const comparable = groups.filter((g) => cheapestMode(ruleSet, { ...g.request, currency }) !== undefined);
  const comparableWeight = sum(comparable.map((g) => g.weight));
  if (comparableWeight.isZero())
    return {
      error: 'no shipment of the portfolio can be compared with an alternative to rail',
      about: 'target',
    };
  return {
    scale: 4,
    comparableWeight,
    measure: (rules) => {
      let rail = ZERO;
      for (const group of comparable)
        if (cheapestMode(rules, { ...group.request, currency })?.mode === 'rail')
          rail = rail.plus(group.weight);
      return rail.dividedBy(comparableWeight);
    },
  };
}
