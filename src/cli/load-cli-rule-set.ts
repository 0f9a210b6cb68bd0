import type { RuleSet } from '../domain/rule-set/rule-set.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import { rulesDirFor } from './cli-config.js';
import type { CliIo } from './io.js';

export function loadCliRuleSet(dir: string | undefined, io: CliIo): Promise<RuleSet> {
  return loadRuleSet(rulesDirFor(io, dir));
}
