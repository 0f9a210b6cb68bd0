import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BUNDLED_RULES, FIXTURES, VALID_RULES } from '../helpers/rule-files.js';

describe('throughrate rules check', () => {
  it('passes the bundled rules with a one-line summary and exit 0', async () => {
    const run = await runCli(['rules', 'check', BUNDLED_RULES]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^ok: 4 railways, \d+ versions, \d+ amendments, \d+ stations, \d+ links, 11 crossings, \d+ cargo codes/,
    );
  });

  it('counts the figures by confidence label, and the counts add up to the total', async () => {
    const run = await runCli(['rules', 'check', BUNDLED_RULES]);
    const census = run.stdout.match(
      /labels: (\d+) sourced \([\d.]+ %\), (\d+) approximate \([\d.]+ %\), (\d+) illustrative \([\d.]+ %\) of (\d+) labelled figures/,
    );
    expect(census).not.toBeNull();
    const [s, a, i, total] = (census ?? []).slice(1).map(Number);
    expect((s ?? 0) + (a ?? 0) + (i ?? 0)).toBe(total);
    expect(s).toBeGreaterThan(0);
  });

  it('reports every error with file, line and path and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    cpSync(VALID_RULES, dir, { recursive: true });
    writeFileSync(
      join(dir, 'railways/AAA/2025-01-01.yaml'),
      readFileSync(join(FIXTURES, 'invalid-rules/several-errors.yaml'), 'utf8'),
    );
    const run = await runCli(['rules', 'check', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('railways/AAA/2025-01-01.yaml:32:');
    expect(run.stdout).toContain('regimes[0].rates[0].formula.perkm');
    expect(run.stdout).toMatch(/3 error\(s\)/);
  });
});

describe('throughrate quote', () => {
  it('prints an itemised table with each line traced to its rule', async () => {
    const run = await runCli([
      'quote',
      '--from',
      'MOSKVA',
      '--to',
      'KIGASH',
      '--cargo',
      '693000',
      '--container',
      '40',
      '--owner',
      'private',
      '--count',
      '2',
      '--date',
      '2026-03-01',
      '--currency',
      'RUB',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('total 211774.00 RUB');
    expect(run.stdout).toContain(
      '1 518 km × 54.3658 RUB/km + 23 360 RUB = 105 887.28 RUB; × 2 units = 211 774.56 RUB',
    );
    expect(run.stdout).toContain('[railways/RZD/2026-01-01.yaml regimes[0].rates[3]; sourced]');
    // Order No. 245, point 2.2: 1 518 km of universal containers at 250 km a day → 7 days, + 1 for initial and final
    // operations; beside the expected 1 518 ÷ 630 = 2.4 days.
    expect(run.stdout).toContain(
      'RZD legal delivery time 8 days beside ~2.4 days expected: ⌈1518 km ÷ 250 km a day⌉ = 7 + 1 for initial and final operations = 8 days',
    );
    expect(run.stdout).toContain('[tariff-guides/TR-1/delivery-time.yaml norms.bands[3]; illustrative]');
  });

  it('prints JSON with --json, the same figures as the API', async () => {
    const run = await runCli([
      'quote',
      '--from',
      'moskva',
      '--to',
      'kigash',
      '--cargo',
      '693000',
      '--date',
      '2026-03-01',
      '--currency',
      'RUB',
      '--json',
    ]);
    expect(JSON.parse(run.stdout).options[0].total).toEqual({ amount: '105887.00', currency: 'RUB' });
  });

  it('says what is wrong on stderr with exit 1 for an unknown station, and suggests one', async () => {
    const run = await runCli(['quote', '--from', 'MOSKVA', '--to', 'KIGAHS', '--cargo', '693000']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/UNKNOWN_STATION.*did you mean KIGASH/);
  });

  it('exits 2 with the usage on a missing flag or an unknown command', async () => {
    expect((await runCli(['quote', '--from', 'MOSKVA'])).code).toBe(2);
    const unknown = await runCli(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('usage: throughrate');
  });
});
