import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const BOX = [
  'compare',
  '--from',
  'MOSKVA',
  '--to',
  'BANDAR-ABBAS',
  '--cargo',
  '693000',
  '--container',
  '40',
  '--owner',
  'private',
  '--date',
  '2025-05-15',
  '--options',
  '1',
];

describe('throughrate compare', () => {
  it('prints rail beside the alternatives, the rankings and the break-even', async () => {
    const run = await runCli(BOX);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Rail against sea and road: 1 × 40 ft container');
    expect(run.stdout).toMatch(
      /rail-1\s+4 550\.77\s+12\.3–19\.0\s+3 171\.2\s+4 845\.97–5 006\.77\s+illustrative/,
    );
    expect(run.stdout).toMatch(/caspian-astrakhan-amirabad\s+4 209\.97–5 389\.97\s+11\.0–27\.0\s+2 648\.2/);
    expect(run.stdout).toContain(
      'cost               1. rail-1 (4 550.77), 2. caspian-astrakhan-amirabad (4 799.97)',
    );
    expect(run.stdout).toContain(
      'on cost:             already cheaper than caspian-astrakhan-amirabad 4 799.97 USD',
    );
    expect(run.stdout).toContain('Transfer to an Iranian truck at Astara');
  });

  it('prints JSON with --json, honouring --value-of-time and --discount-legs', async () => {
    const run = await runCli([...BOX, '--value-of-time', '0.5', '--discount-legs', 'ktz,TDY', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.valueOfTime.perTonneDay).toEqual({ amount: '0.50', currency: 'USD' });
    expect(result.breakEven[0].discountLegs).toEqual(['KTZ', 'TDY']);
  });

  it('reports a malformed value of time as a usage error (exit 2)', async () => {
    const run = await runCli([...BOX, '--value-of-time', 'cheap']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--value-of-time');
  });

  it('reports a discount on an unknown railway as a failure naming it (exit 1)', async () => {
    const run = await runCli([...BOX, '--discount-legs', 'XYZ']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('INVALID_REQUEST: discountLegs names XYZ');
  });
});
