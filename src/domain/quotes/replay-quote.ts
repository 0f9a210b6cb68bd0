import { canonicalJson } from '../core/canonical-json.js';
import type { IsoDate } from '../core/dates.js';
import { isDomainError } from '../core/domain-error.js';
import { calculateRates } from '../pricing/calculate-rates.js';
import type { RateOption, RuleVersionUsed } from '../pricing/rate-option.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { diffOptions, type OptionDiff } from './diff-options.js';
import type { IssuedQuote } from './issue-quote.js';

/** A rule file a quote used whose content is not what it was when the quote was issued. */
export interface RuleFileChange {
  readonly file: string;
  readonly storedHash: string;
  /** Null when the file is no longer in the rule set. */
  readonly currentHash: string | null;
}

export interface VersionChange {
  readonly railway: string;
  readonly stored?: string | undefined;
  readonly replayed?: string | undefined;
}

/** A stored quote priced again, set line by line beside what was issued. */
export interface QuoteReplay {
  readonly quoteId: string;
  readonly acceptanceDate: IsoDate;
  readonly storedAcceptanceDate: IsoDate;
  readonly ruleSetHash: string;
  readonly storedRuleSetHash: string;
  /** True when the replayed option is exactly the stored one, every line, formula, rule and hash. */
  readonly identical: boolean;
  /** Whether the stored route (same option id) could still be priced. */
  readonly routePriced: boolean;
  readonly option: RateOption | null;
  readonly difference: OptionDiff;
  readonly versionChanges: VersionChange[];
  readonly ruleFilesChanged: RuleFileChange[];
  readonly warnings: string[];
}

/**
 * Prices a stored quote's request again with the rule set given, on its acceptance date or another one, finds the
 * same route and compares. A rule file the quote used whose hash differs now is reported loudly: the same version
 * no longer means the same rules.
 */
export function replayQuote(ruleSet: RuleSet, quote: IssuedQuote, acceptanceDate?: IsoDate): QuoteReplay {
  const date = acceptanceDate ?? quote.acceptanceDate;
  const { option, reason } = priceRouteAgain(ruleSet, quote, date);
  const current = new Map(ruleSet.files.map((f) => [f.file, f.hash]));
  const ruleFilesChanged = quote.ruleFiles
    .filter((f) => current.get(f.file) !== f.hash)
    .map((f) => ({ file: f.file, storedHash: f.hash, currentHash: current.get(f.file) ?? null }));
  const versionChanges = compareVersions(quote.option.ruleVersions, option?.ruleVersions ?? []);

  const warnings: string[] = ruleFilesChanged.map((c) =>
    c.currentHash === null
      ? `rule file ${c.file} used by this quote is no longer in the rule set`
      : `rule file ${c.file} has been changed in place since the quote was issued ` +
        `(hash ${c.storedHash.slice(0, 12)}… then, ${c.currentHash.slice(0, 12)}… now): ` +
        'the same version no longer means the same rules',
  );
  if (!option) warnings.push(`route ${quote.option.id} is not priced on ${date}: ${reason}`);
  if (date === quote.acceptanceDate && option && versionChanges.length > 0) {
    warnings.push(
      `on the same acceptance date other rule versions are in force now: ${versionChanges
        .map((v) => `${v.railway} ${v.stored ?? 'none'} → ${v.replayed ?? 'none'}`)
        .join(', ')}`,
    );
  }
  return {
    quoteId: quote.id,
    acceptanceDate: date,
    storedAcceptanceDate: quote.acceptanceDate,
    ruleSetHash: ruleSet.hash,
    storedRuleSetHash: quote.ruleSetHash,
    identical: option !== undefined && canonicalJson(option) === canonicalJson(quote.option),
    routePriced: option !== undefined,
    option: option ?? null,
    difference: diffOptions(quote.option, option),
    versionChanges,
    ruleFilesChanged,
    warnings,
  };
}

function priceRouteAgain(
  ruleSet: RuleSet,
  quote: IssuedQuote,
  date: IsoDate,
): { option?: RateOption | undefined; reason?: string | undefined } {
  try {
    const result = calculateRates(ruleSet, {
      ...quote.request,
      acceptanceDate: date,
      maxOptions: Number.MAX_SAFE_INTEGER,
    });
    const option = result.options.find((o) => o.id === quote.option.id);
    if (option) return { option };
    const unpriced = result.unpriced.find((u) => u.route.join('>') === quote.option.id);
    return { reason: unpriced?.reason ?? 'the route is no longer in the network' };
  } catch (error) {
    if (isDomainError(error)) return { reason: `${error.code}: ${error.message}` };
    throw error;
  }
}

function compareVersions(stored: readonly RuleVersionUsed[], replayed: readonly RuleVersionUsed[]) {
  const key = (v: RuleVersionUsed) => [v.version, ...v.amendments.map((a) => a.id)].join('+');
  const railways = [...new Set([...stored, ...replayed].map((v) => v.railway))];
  const changes: VersionChange[] = [];
  for (const railway of railways) {
    const before = stored.find((v) => v.railway === railway);
    const after = replayed.find((v) => v.railway === railway);
    if (replayed.length > 0 && (!before || !after || key(before) !== key(after))) {
      changes.push({ railway, stored: before && key(before), replayed: after && key(after) });
    }
  }
  return changes;
}
