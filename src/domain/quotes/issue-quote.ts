import { DomainError } from '../core/domain-error.js';
import { calculateRates } from '../pricing/calculate-rates.js';
import { placeholderFigures } from '../pricing/caveats/option-confidence.js';
import type { RateOption, RatesResult } from '../pricing/rate-option.js';
import type { RateRequest } from '../pricing/shipment.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { type QuoteValidity, quoteValidity } from './quote-validity.js';

/** A rule file a quote depends on, with the SHA-256 of its content when the quote was issued. */
export interface RuleFileHash {
  readonly file: string;
  readonly hash: string;
}

/** An issued, binding quote: the request, the one option chosen, its validity and the exact rules used. */
export interface IssuedQuote {
  readonly id: string;
  /** ISO 8601 instant, UTC. */
  readonly issuedAt: string;
  readonly validUntil: string;
  readonly validity: QuoteValidity;
  /** The request as priced: defaults filled in, the acceptance date always present. */
  readonly request: RateRequest;
  readonly acceptanceDate: string;
  readonly currency: string;
  readonly cargo: RatesResult['cargo'];
  readonly option: RateOption;
  /**
   * Issued on illustrative figures at the shipper's request: indicative, not binding. Absent on quotes stored before
   * the field existed, which were issued as binding.
   */
  readonly indicative?: boolean | undefined;
  readonly ruleSetHash: string;
  /** Every rule file the price depends on, with the SHA-256 of its content when the quote was issued. */
  readonly ruleFiles: RuleFileHash[];
}

export interface QuoteStamp {
  readonly id: string;
  readonly issuedAt: string;
}

/** Prices every route when an option is asked for by id, so that any priced route can be chosen. */
const ALL_OPTIONS = Number.MAX_SAFE_INTEGER;

/**
 * Prices a request and keeps one option: the one named by `optionId`, else the cheapest. Pure: the id and the
 * instant of issue come in the stamp.
 */
export function issueQuote(
  ruleSet: RuleSet,
  request: RateRequest,
  optionId: string | undefined,
  stamp: QuoteStamp,
  indicative = false,
): IssuedQuote {
  const result = calculateRates(
    ruleSet,
    optionId === undefined ? request : { ...request, maxOptions: ALL_OPTIONS },
  );
  const option = optionId === undefined ? result.options[0] : result.options.find((o) => o.id === optionId);
  if (!option) {
    throw new DomainError('INVALID_REQUEST', `no priced option ${optionId} for this request`, {
      pointer: '/optionId',
      suggestions: result.options.slice(0, 5).map((o) => o.id),
    });
  }
  if (option.confidence === 'illustrative' && !indicative) throw illustrativeFigures(option, result.currency);
  const issuedOn = stamp.issuedAt.slice(0, 10);
  const validity = quoteValidity(
    issuedOn,
    request.acceptanceDate,
    option.ruleVersions.map((used) => ({
      railway: used.railway,
      version: used.version,
      days: ruleSet.tariff(used.railway, request.acceptanceDate).version.quoteValidityDays,
    })),
  );
  return {
    id: stamp.id,
    issuedAt: stamp.issuedAt,
    validUntil: validity.validUntil,
    validity,
    request,
    acceptanceDate: result.acceptanceDate,
    currency: result.currency,
    cargo: result.cargo,
    option,
    indicative: option.confidence === 'illustrative' && indicative,
    ruleSetHash: ruleSet.hash,
    ruleFiles: ruleFilesOf(ruleSet, option),
  };
}

/** A binding quote is refused on a price that rests on a placeholder; the problem names every such figure. */
function illustrativeFigures(option: RateOption, currency: string): DomainError {
  const figures = placeholderFigures(option.lines, option.byRailway, currency).map(
    (f) =>
      `${f.railway}: ${f.description} (${f.file} at ${f.path}), ${f.amount.toFixed(2)} ${currency} of the price`,
  );
  return new DomainError(
    'ILLUSTRATIVE_FIGURES',
    `option ${option.id} rests on ${figures.length} illustrative placeholder figure(s), which no railway publishes: ` +
      'no binding quote can be issued on them; send "indicative": true for an indicative quote, marked not binding',
    { pointer: '/indicative', figures },
  );
}

/**
 * The rule files an option's price depends on: the tariff versions and amendments it used, every file a line of it
 * cites (exchange rates, corridor agreements…), and the network and cargo files behind its distances and classes.
 */
export function ruleFilesOf(ruleSet: RuleSet, option: RateOption): RuleFileHash[] {
  const used = new Set([
    ...option.ruleVersions.flatMap((v) => [v.file, ...v.amendments.map((a) => a.file)]),
    ...option.lines.map((line) => line.rule.file),
  ]);
  return ruleSet.files
    .filter((f) => used.has(f.file) || /^(network|cargo)\//.test(f.file))
    .map((f) => ({ file: f.file, hash: f.hash }));
}
