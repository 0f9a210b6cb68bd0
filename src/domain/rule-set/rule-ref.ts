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
