import { resolve } from 'node:path';
import { BUNDLED_RULES_DIR } from '../config.js';
import type { RuleSet } from '../domain/rule-set/rule-set.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import type { CliIo } from './io.js';

export function loadCliRuleSet(dir: string | undefined, io: CliIo): Promise<RuleSet> {
  return loadRuleSet(resolve(dir ?? io.env.RULES_DIR ?? BUNDLED_RULES_DIR));
}
