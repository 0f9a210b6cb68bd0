import type { RuleSet } from '../domain/rule-set/rule-set.js';

/** What every route needs from the app: the rule set served and the clock's today. */
export interface AppContext {
  readonly ruleSet: RuleSet;
  today(): string;
}
