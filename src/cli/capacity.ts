import { parseArgs } from 'node:util';
import { capacityReport } from '../domain/capacity/capacity-report.js';
import { isValidIsoDate } from '../domain/core/dates.js';
import { type CliIo, today, UsageError } from './io.js';
import { loadCliRuleSet } from './load-cli-rule-set.js';

const OPTIONS = {
  date: { type: 'string' },
  rules: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** `throughrate capacity [--date YYYY-MM-DD] [--json]`: each border section's capacity, traffic, utilisation, dwell. */
export async function capacity(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: OPTIONS, strict: true });
  const date = values.date ?? today(io);
  if (!isValidIsoDate(date)) throw new UsageError(`--date ${date}: expected a date YYYY-MM-DD`);
  const ruleSet = await loadCliRuleSet(values.rules, io);
  const sections = capacityReport(ruleSet.capacity, ruleSet.network, date);
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ date, ruleSetHash: ruleSet.hash, sections }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`Capacity on ${date}\n`);
  for (const s of sections) {
    io.stdout.write(
      `\n${s.name}: ${mt(s.trafficTonnesPerYear)} of ${mt(s.capacityTonnesPerYear)} Mt/yr ` +
        `(${s.capacity.trainPairsPerDay} train pairs a day), utilisation ${(s.utilisation * 100).toFixed(1)} %` +
        `${s.overCapacity ? ' — OVER CAPACITY' : ''}\n`,
    );
    for (const c of s.crossings) io.stdout.write(`  ${c.name}: dwell ${c.dwellHours} h = ${c.formula}\n`);
    for (const p of s.planned)
      io.stdout.write(`  planned from ${p.from}: ${mt(p.tonnesPerYear)} Mt/yr (${p.confidence})\n`);
  }
  return 0;
}

function mt(tonnes: number): string {
  return (tonnes / 1e6).toFixed(1);
}
