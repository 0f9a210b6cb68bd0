import { goalSeek } from '../domain/goal-seek.js';
import { type Amount, amount, ZERO } from '../domain/money.js';
import { priceOutcome } from '../domain/price-outcome.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { RateRequest } from '../domain/shipment.js';
import type { GoalSeekReport } from '../domain/whatif-report.js';
import { setRuleValue, splitTarget } from './apply-overrides.js';
import { type BaselineRules, layOver } from './build-draft.js';
import { checkRuleFiles } from './load-rule-set.js';
import type { RuleFileText } from './read-rule-files.js';
import { parsePath, resolvePath, valueAt } from './rule-path.js';
import { parseSourceFile } from './source-file.js';

export interface GoalSeekRequest {
  /** "<rule file>#<YAML path>" of a number in the draft (or in a baseline file, which the draft then changes). */
  readonly parameter: string;
  /** The railway whose revenue on the portfolio must stay as it is under the baseline. */
  readonly railway: string;
  readonly currency: string;
  /** Decimals of the answer; default: as many as the draft value is written with. */
  readonly precision?: number | undefined;
}

type Group = { readonly request: RateRequest; readonly weight: Amount };

/**
 * Finds the value of one draft parameter that keeps a railway's weighted revenue on the portfolio (its shares
 * converted to the portfolio's currency) equal to the baseline's, within what rounding allows.
 */
export function goalSeekDraft(
  baseline: BaselineRules,
  overlay: readonly RuleFileText[],
  request: GoalSeekRequest,
  groups: Iterable<Group>,
): { report: GoalSeekReport } | { error: string } {
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
  if (!baseline.ruleSet.railways.has(request.railway))
    return {
      error: `unknown railway ${request.railway} (railways: ${[...baseline.ruleSet.railways.keys()].join(', ')})`,
    };

  const list = [...groups];
  const revenue = (ruleSet: RuleSet) => {
    let total = ZERO;
    for (const group of list) {
      const outcome = priceOutcome(ruleSet, { ...group.request, currency: request.currency });
      if (!outcome.priced) continue;
      for (const share of outcome.railways)
        if (share.railway === request.railway)
          total = total.plus(amount(share.converted).times(group.weight));
    }
    return total;
  };
  const baselineRevenue = revenue(baseline.ruleSet);
  const revenueAt = new Map<string, Amount | undefined>();
  const scale = request.precision ?? written.split('.')[1]?.length ?? 0;
  const revenueWith = (value: Amount): Amount | undefined => {
    const text = value.toFixed(scale);
    if (revenueAt.has(text)) return revenueAt.get(text);
    const edited = setRuleValue(file.text, target.path, typeof current === 'number' ? Number(text) : text);
    let result: Amount | undefined;
    if ('text' in edited) {
      const report = checkRuleFiles(layOver(files, [{ path: file.path, text: edited.text }]));
      if (report.ruleSet) result = revenue(report.ruleSet);
    }
    revenueAt.set(text, result);
    return result;
  };
  const start = amount(written);
  const draftRevenue = revenueWith(start);
  const found = goalSeek((v) => revenueWith(v)?.minus(baselineRevenue), start, { scale });
  const atValue = revenueWith(amount(found.value));
  return {
    report: {
      parameter: request.parameter,
      railway: request.railway,
      currency: request.currency,
      draftValue: written,
      value: found.value,
      found: found.found,
      explanation: found.explanation,
      evaluations: found.evaluations,
      bracket: found.bracket,
      baselineRevenue: baselineRevenue.toFixed(2),
      draftRevenue: draftRevenue?.toFixed(2) ?? 'unpriceable',
      revenueAtValue: atValue?.toFixed(2),
      residual: atValue?.minus(baselineRevenue).toFixed(2),
    },
  };
}
