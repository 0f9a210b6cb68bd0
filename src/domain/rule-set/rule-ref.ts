/** Where every value of the rules comes from, and how sure we are of it. */

export const CONFIDENCES = ['sourced', 'approximate', 'illustrative'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Where a number came from: the rule file, its version and the YAML path inside it. */
export interface RuleRef {
  readonly file: string;
  readonly version: string;
  readonly path: string;
}

export interface Sourced {
  readonly reference: string;
  readonly confidence: Confidence;
}

const ORDER: Record<Confidence, number> = { sourced: 0, approximate: 1, illustrative: 2 };

/** The weakest of several labels: one illustrative figure makes the whole illustrative. */
export function weakestConfidence(values: Iterable<Confidence>): Confidence {
  let found: Confidence = 'sourced';
  for (const v of values) if (ORDER[v] > ORDER[found]) found = v;
  return found;
}
