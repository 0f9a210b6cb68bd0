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
