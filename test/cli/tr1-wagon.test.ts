import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type GoldenCase, goldenCases } from '../helpers/golden-cases.js';

interface WagonRequest {
  readonly origin: string;
  readonly destination: string;
  readonly cargo: { readonly etsng: string };
  readonly units: Record<string, string | number | boolean | undefined>;
  readonly declaredDistances: readonly { readonly railway: string; readonly distanceKm: number }[];
}

type Scenario = GoldenCase<WagonRequest>;

const scenarios = goldenCases<WagonRequest>('tr1-').map((c) => [c.file, c] as const);

/** The command line a shipper would type for a scenario's request. */
function flags(s: Scenario): string[] {
  const r = s.request;
  const u = r.units;
  const args = ['quote', '--from', r.origin, '--to', r.destination, '--cargo', r.cargo.etsng];
  args.push('--wagon', String(u.wagonType), '--owner', String(u.ownership), '--axles', String(u.axles));
  args.push('--wagons', String(u.count), '--shipment-type', String(u.shipmentType));
  if (u.loadCapacityTonnes !== undefined) args.push('--capacity', String(u.loadCapacityTonnes));
  if (u.grossMassTonnes !== undefined) args.push('--mass', String(u.grossMassTonnes));
  if (u.innovative !== undefined) args.push('--innovative', String(u.innovative));
  if (u.loaded === false) args.push('--empty');
  for (const d of r.declaredDistances) args.push('--distance', `${d.railway}=${d.distanceKm}`);
  return [...args, '--date', String(r.acceptanceDate), '--currency', 'RUB'];
}

describe('throughrate quote --wagon (ТР-1 golden scenarios)', () => {
  it.each(scenarios)('%s gives the golden total', async (_file, s) => {
    const run = await runCli([...flags(s), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const best = JSON.parse(run.stdout).options[0];
    expect(`${best.total.amount} ${best.total.currency}`).toBe(s.expect.total);
  });

  it('prints the chain line by line, with the declared distance, VAT and the total before and after it', async () => {
    const [, s] = scenarios.find(([f]) => f.includes('case-05')) ?? [];
    if (!s) throw new Error('case 5 scenario missing');
    const run = await runCli(flags(s));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('total 217244.00 RUB before VAT, 265037.68 RUB with VAT');
    expect(run.stdout).toContain('distance declared by the shipper');
    expect(run.stdout).toContain(
      '[tariff-guides/TR-1/base-rates/scheme-8.csv line 43, column 70; approximate]',
    );
    expect(run.stdout).toMatch(/vat +47793\.68 RUB {2}VAT 22 %/);
  });

  it('takes ESR codes for the stations and computes the distance by ТР-4 instead of a declared one', async () => {
    const [, s] = scenarios.find(([f]) => f.includes('case-05')) ?? [];
    if (!s) throw new Error('case 5 scenario missing');
    const esr = {
      ...s,
      request: { ...s.request, origin: '766502', destination: '253601', declaredDistances: [] },
    };
    const run = await runCli([...flags(esr), '--json']);
    expect(run.stderr).toBe('');
    const best = JSON.parse(run.stdout).options[0];
    expect(best.byRailway[0].distance).toMatchObject({ km: 841, basis: 'tr4' });
    expect(`${best.total.amount} ${best.total.currency}`).toBe(s.expect.total);
  });

  it('refuses a malformed --distance with a usage error', async () => {
    const run = await runCli([
      'quote',
      '--from',
      'MOSKVA',
      '--to',
      'SARATOV',
      '--cargo',
      '232431',
      '--wagon',
      'gondola',
      '--distance',
      'RZD',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--distance RZD: expected RAILWAY=km');
  });
});
