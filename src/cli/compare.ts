import { parseArgs } from 'node:util';
import { compareModes } from '../domain/comparison/compare-modes.js';
import type { BreakEvenResult, ComparedOption, CompareResult } from '../domain/comparison/compare-result.js';
import { amount, formatFigure } from '../domain/core/money.js';
import { type CliIo, UsageError } from './io.js';
import { loadCliRuleSet } from './load-cli-rule-set.js';
import { QUOTE_OPTIONS, requestFromFlags } from './quote.js';

export const COMPARE_OPTIONS = {
  ...QUOTE_OPTIONS,
  'value-of-time': { type: 'string' },
  'discount-legs': { type: 'string', multiple: true },
} as const;

/** `throughrate compare`: the quote flags, plus --value-of-time and --discount-legs; a table, or --json. */
export async function compare(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: COMPARE_OPTIONS, strict: true });
  const request = requestFromFlags(values, io);
  const valueOfTime = values['value-of-time'];
  if (valueOfTime !== undefined && !/^\d+(\.\d+)?$/.test(valueOfTime)) {
    throw new UsageError('--value-of-time: expected a non-negative decimal per tonne-day, e.g. 1.50');
  }
  const discountLegs = values['discount-legs']
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim().toUpperCase())
    .filter((v) => v !== '');
  const ruleSet = await loadCliRuleSet(values.rules, io);
  const result = compareModes(ruleSet, request, { valueOfTimePerTonneDay: valueOfTime, discountLegs });
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatComparison(result));
  return 0;
}

const range = (low: string, high: string) =>
  low === high ? formatFigure(low) : `${formatFigure(low)}–${formatFigure(high)}`;

export function formatComparison(result: CompareResult): string {
  const s = result.shipment;
  const cur = result.currency;
  const out: string[] = [
    `Rail against sea and road: ${s.count} × ${s.kind === 'container' ? `${s.size} ft container` : 'wagon'}, ` +
      `cargo ${result.cargo.etsng} ${result.cargo.name}, accepted ${result.acceptanceDate}, in ${cur}`,
    `Mass ${formatFigure(s.massTonnes)} t (${s.massBasis}); value of time ${result.valueOfTime.perTonneDay.amount} ${cur} per tonne-day (${result.valueOfTime.source})`,
    '',
    `${'option'.padEnd(28)} ${`cost ${cur}`.padStart(22)} ${'days'.padStart(11)} ${'kg CO2e'.padStart(10)} ${`generalised ${cur}`.padStart(22)}  confidence`,
  ];
  for (const o of result.options) out.push(row(o));
  out.push('', `Ranking (${result.rankingRule}):`);
  const ranked = (label: string, entries: CompareResult['rankings']['cost']) =>
    out.push(
      `  ${label.padEnd(18)} ${entries.map((e) => `${e.rank}. ${e.id} (${formatFigure(e.value)})`).join(', ')}`,
    );
  ranked('cost', result.rankings.cost);
  ranked('time', result.rankings.time);
  ranked('CO2e', result.rankings.co2);
  ranked('generalised cost', result.rankings.generalisedCost);
  if (result.breakEven.length > 0) out.push('', 'Break-even corridor discount:');
  for (const b of result.breakEven) {
    out.push(
      `  ${b.option}, discount on ${b.discountLegs.join(', ') || 'no leg'} (${formatFigure(b.discountable.amount)} ${cur} of the price):`,
    );
    if (b.onCost) out.push(`    on cost:             ${breakEvenLine(b.onCost)}`);
    if (b.onGeneralisedCost) out.push(`    on generalised cost: ${breakEvenLine(b.onGeneralisedCost)}`);
  }
  for (const o of result.options) {
    out.push('', `${o.id}: ${o.name}`);
    for (const leg of o.legs) {
      out.push(
        `  ${leg.stage.padEnd(12)} ${leg.description}: ${range(leg.cost.low.amount, leg.cost.high.amount)} ${cur}, ` +
          `${range(String(leg.days.low), String(leg.days.high))} days` +
          (leg.emissions ? `, ${formatFigure(leg.emissions.kg)} kg CO2e` : ''),
      );
      for (const item of leg.items) {
        out.push(`      ${item.description}`);
        out.push(`        ${item.formula}  [${item.rule.file} ${item.rule.path}; ${item.confidence}]`);
      }
    }
    for (const n of o.notes) out.push(`  note: ${n}`);
  }
  if (result.unavailable.length > 0) out.push('', 'Not available for this shipment:');
  for (const u of result.unavailable) out.push(`  ${u.id}: ${u.reason}`);
  if (result.conversions.length > 0) out.push('', 'Conversions:');
  for (const c of result.conversions)
    out.push(`  ${c.from} → ${c.to} ${c.rate} (${c.method}, ${c.date ?? 'n/a'}): ${c.source}`);
  for (const a of result.assumptions) out.push(`assumption: ${a}`);
  return `${out.join('\n')}\n`;
}

function row(o: ComparedOption): string {
  const days = range(o.transitDays.low.toFixed(1), o.transitDays.high.toFixed(1));
  return (
    `${o.id.padEnd(28)} ${range(o.cost.low.amount, o.cost.high.amount).padStart(22)} ${days.padStart(11)} ` +
    `${(o.co2e ? formatFigure(o.co2e.kg) : 'n/a').padStart(10)} ` +
    `${range(o.generalisedCost.low.amount, o.generalisedCost.high.amount).padStart(22)}  ${o.confidence}`
  );
}

function breakEvenLine(b: BreakEvenResult): string {
  const target = `${b.against} ${formatFigure(b.target.amount)} ${b.target.currency}`;
  if (b.status === 'already-cheaper')
    return `already cheaper than ${target} (rail ${formatFigure(b.rail.amount)})`;
  if (b.status === 'not-reachable') return `not reachable with discounts alone: ${b.explanation}`;
  return `${amount(b.discountPercent ?? '0').toFixed(2)} % to match ${target} (rail at ${formatFigure(b.railCost?.amount ?? '')}, ${formatFigure(b.railCostPerUnit?.amount ?? '')} per unit)`;
}
