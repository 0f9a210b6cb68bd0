import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { compareModes } from '../src/domain/comparison/compare-modes.ts';
import { loadRuleSet } from '../src/rules/load-rule-set.ts';

const rules = await loadRuleSet('rules');
for (const f of process.argv.slice(2)) {
  const s = parse(readFileSync(f, 'utf8'));
  const r = compareModes(
    rules,
    { ...s.request, acceptanceDate: String(s.request.acceptanceDate) },
    s.compare ?? {},
  );
  const sh = (a: string, b: string) => (a === b ? a : `${a}–${b}`);
  console.log('==', f);
  for (const o of r.options)
    console.log(
      o.id,
      sh(o.cost.low.amount, o.cost.high.amount),
      o.cost.mid.amount,
      sh(o.transitDays.low.toFixed(1), o.transitDays.high.toFixed(1)),
      o.transitDays.mid.toFixed(2),
      sh(o.generalisedCost.low.amount, o.generalisedCost.high.amount),
      o.generalisedCost.mid.amount,
    );
  for (const [k, v] of Object.entries(r.rankings)) console.log(k, (v as any[]).map((e) => e.id).join(', '));
  console.log(
    JSON.stringify(
      r.breakEven.map((b: any) => ({
        o: b.option,
        cost: b.onCost.status,
        ag: b.onCost.against,
        gen: b.onGeneralisedCost.status,
        gag: b.onGeneralisedCost.against,
        d: b.onGeneralisedCost.discount?.amount ?? b.onGeneralisedCost.discount,
      })),
    ),
  );
}
