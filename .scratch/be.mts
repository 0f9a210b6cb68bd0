import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compareModes } from '../src/domain/comparison/compare-modes.ts';
import { loadRuleSet } from '../src/rules/load-rule-set.ts';

const rules = await loadRuleSet('rules');
const s = parse(readFileSync(process.argv[2], 'utf8'));
const r = compareModes(
  rules,
  { ...s.request, acceptanceDate: String(s.request.acceptanceDate) },
  s.compare ?? {},
);
console.log(JSON.stringify(r.breakEven, null, 1).slice(0, 3000));
