import { parseArgs } from 'node:util';
import { RatesRequestSchema } from '../contract/rates-schemas.js';
import { calculateRates } from '../domain/pricing/calculate-rates.js';
import type { RatesResult } from '../domain/pricing/rate-option.js';
import type { RateRequest } from '../domain/pricing/shipment.js';
import { type CliIo, today, UsageError } from './io.js';
import { loadCliRuleSet } from './load-cli-rule-set.js';

export const QUOTE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  cargo: { type: 'string' },
  container: { type: 'string' },
  wagon: { type: 'string' },
  capacity: { type: 'string' },
  innovative: { type: 'string' },
  'shipment-type': { type: 'string' },
  wagons: { type: 'string' },
  lot: { type: 'string', multiple: true },
  'empty-return': { type: 'boolean', default: false },
  distance: { type: 'string', multiple: true },
  'container-type': { type: 'string' },
  count: { type: 'string', default: '1' },
  mass: { type: 'string' },
  axles: { type: 'string' },
  owner: { type: 'string' },
  empty: { type: 'boolean', default: false },
  date: { type: 'string' },
  via: { type: 'string', multiple: true },
  currency: { type: 'string', default: 'USD' },
  options: { type: 'string' },
  rules: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Builds and validates a rate request from command-line flags, with the same schema as the HTTP API. */
export function requestFromFlags(
  values: Record<string, string | boolean | string[] | undefined>,
  io: CliIo,
): RateRequest {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const cargo = str('cargo');
  if (!str('from') || !str('to') || !cargo) throw new UsageError('--from, --to and --cargo are required');
  const num = (k: string) => (str(k) === undefined ? undefined : Number(str(k)));
  const wagon = str('wagon');
  const innovative = str('innovative');
  const lots = (values.lot as string[] | undefined)?.map((lot) => {
    const [count, capacity, mass, model] = lot.split(':');
    if (mass === undefined)
      throw new UsageError(`--lot ${lot}: expected count:capacity:mass[:model], e.g. 5:69:68`);
    return {
      count: Number(count),
      loadCapacityTonnes: Number(capacity),
      grossMassTonnes: Number(mass),
      ...(model ? { innovative: model === 'true' ? true : model } : {}),
    };
  });
  const distances = (values.distance as string[] | undefined)?.map((d) => {
    const [railway, km] = d.split('=');
    if (km === undefined) throw new UsageError(`--distance ${d}: expected RAILWAY=km, e.g. RZD=841`);
    return { railway: railway?.toUpperCase(), distanceKm: Number(km) };
  });
  const candidate = {
    origin: str('from')?.toUpperCase(),
    destination: str('to')?.toUpperCase(),
    acceptanceDate: str('date') ?? today(io),
    cargo: cargo.length === 8 ? { gng: cargo } : { etsng: cargo },
    units: {
      kind: wagon ? 'wagon' : 'container',
      size: wagon ? undefined : (str('container') ?? '40'),
      containerType: str('container-type'),
      wagonType: wagon,
      loadCapacityTonnes: num('capacity'),
      innovative: innovative === undefined ? undefined : innovative === 'true' ? true : innovative,
      shipmentType: str('shipment-type'),
      wagons: lots,
      emptyReturn: values['empty-return'] ? true : undefined,
      loaded: !values.empty,
      ownership: str('owner'),
      count: num('wagons') ?? num('count'),
      grossMassTonnes: num('mass'),
      axles: num('axles'),
    },
    declaredDistances: distances,
    currency: str('currency')?.toUpperCase(),
    via: (values.via as string[] | undefined)?.map((v) => v.toUpperCase()),
    maxOptions: num('options'),
  };
  const parsed = RatesRequestSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return { ...parsed.data, acceptanceDate: parsed.data.acceptanceDate ?? today(io) };
}

export async function quote(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: QUOTE_OPTIONS, strict: true });
  const request = requestFromFlags(values, io);
  const ruleSet = await loadCliRuleSet(values.rules, io);
  const result = calculateRates(ruleSet, request);
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatRates(result));
  return 0;
}

export function formatRates(result: RatesResult): string {
  const out: string[] = [
    `Cargo ${result.cargo.etsng} ${result.cargo.name} (class ${result.cargo.tariffClass}), accepted ${result.acceptanceDate}, in ${result.currency}`,
    '',
  ];
  result.options.forEach((option, i) => {
    out.push(`Option ${i + 1}: ${option.route.stations.join(' → ')}`);
    out.push(
      `  total ${option.total.amount} ${option.total.currency} before VAT, ${option.totalWithVat.amount} ${option.totalWithVat.currency} with VAT, ${option.route.distanceKm} km, ~${option.transitDays} days; confidence: ${option.confidence}`,
    );
    for (const w of option.warnings) out.push(`  WARNING: ${w}`);
    for (const share of option.byRailway) {
      out.push(
        `  ${share.railway.padEnd(4)} ${share.from} → ${share.to}, ${share.distanceKm} km ${share.direction}: ` +
          `${share.local.amount} ${share.local.currency} = ${share.total.amount} ${share.total.currency} (${share.confidence})` +
          (share.vat
            ? `; VAT ${Number(share.vat.rate) * 100} % ${share.vat.local.amount} ${share.vat.local.currency}`
            : ''),
      );
    }
    for (const line of option.lines) {
      out.push(
        `    ${line.railway.padEnd(4)} ${line.kind.padEnd(10)} ${line.amount.amount.padStart(14)} ${line.amount.currency}  ${line.description}`,
      );
      out.push(`${' '.repeat(21)}${line.formula}  [${line.rule.file} ${line.rule.path}; ${line.confidence}]`);
    }
    if (option.corridor) {
      const c = option.corridor;
      out.push(
        `  corridor terms: ${c.agreements.map((a) => a.name).join('; ')} — local tariffs ${c.localTariffTotal.amount} ${c.localTariffTotal.currency}, saving ${c.saving.amount} ${c.saving.currency}`,
      );
    }
    for (const leg of option.transit.legs) {
      const n = leg.normativeDelivery;
      if (!n) continue;
      out.push(
        `  ${leg.railway} legal delivery time ${n.days} days beside ~${leg.days} days expected: ${n.formula}  [${n.rule.file} ${n.rule.path}; ${n.confidence}]`,
      );
    }
    if (option.transit.commitmentDays !== undefined)
      out.push(`  priority transit commitment: ${option.transit.commitmentDays} days`);
    for (const a of option.assumptions) out.push(`  assumption: ${a}`);
    for (const n of option.notes) out.push(`  note: ${n}`);
    out.push('');
  });
  if (result.unpriced.length > 0) {
    out.push(
      `${result.unpriced.length} other route(s) could not be priced, e.g. ${result.unpriced[0]?.reason}`,
    );
  }
  return `${out.join('\n')}\n`;
}
