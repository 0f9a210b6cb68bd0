import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { calculateRates } from '../src/domain/pricing/calculate-rates.ts';
import { loadRuleSet } from '../src/rules/load-rule-set.ts';

const rules = await loadRuleSet('rules');
const s = parse(readFileSync(process.argv[2], 'utf8'));
const r = calculateRates(rules, {
  ...s.request,
  acceptanceDate: String(s.request.acceptanceDate),
  maxOptions: 1,
});
const o = r.options[0];
console.log(
  o.id,
  o.transitDays,
  o.transitDaysRange,
  o.transit.legs.map((l) => `${l.railway} ${l.distanceKm}/${l.speedKmPerDay}`).join(' + '),
);
for (const c of o.transit.crossings)
  console.log(c.crossing, c.processingHours, c.waitHours, c.lowHours, c.dwellHours, c.highHours);
