import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IssuedQuote, issueQuote } from '../../src/domain/quotes/issue-quote.js';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import { requestHash } from '../../src/store/request-hash.js';
import { bundledRuleSet } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';

describe('throughrate quotes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'throughrate-cli-store-'));
  const env = { DATA_DIR: dir };
  let quote: IssuedQuote;

  beforeAll(async () => {
    const request = {
      origin: 'MOSKVA',
      destination: 'KIGASH',
      acceptanceDate: '2026-03-01',
      cargo: { etsng: '693000' },
      units: {
        kind: 'container' as const,
        size: '40' as const,
        ownership: 'private' as const,
        loaded: true,
        count: 1,
      },
      currency: 'RUB',
    };
    quote = issueQuote(await bundledRuleSet(), request, undefined, {
      id: 'cli-test-quote',
      issuedAt: '2026-02-20T10:00:00.000Z',
    });
    const store = await openPgliteQuoteStore(dir);
    await store.issue({ quote, requestHash: requestHash(request) });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows a stored quote with its validity and its itemised, traced lines', async () => {
    const run = await runCli(['quotes', 'show', 'cli-test-quote'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // Issued 2026-02-20 + 30 days = 2026-03-22, before the end of Q1; the CLI clock says 2026-03-01.
    expect(run.stdout).toContain('Quote cli-test-quote, issued 2026-02-20T10:00:00.000Z');
    expect(run.stdout).toContain('valid: valid until 2026-03-22');
    expect(run.stdout).toContain('total 105887.00 RUB');
    expect(run.stdout).toContain('[railways/RZD/2026-01-01.yaml regimes[0].rates[3]; sourced]');
  });

  it('replays a stored quote on another date as JSON, with the difference of every line', async () => {
    const run = await runCli(['quotes', 'replay', 'cli-test-quote', '--date', '2025-06-01', '--json'], env);
    expect(run.code).toBe(0);
    const replay = JSON.parse(run.stdout);
    expect(replay).toMatchObject({
      quoteId: 'cli-test-quote',
      acceptanceDate: '2025-06-01',
      identical: false,
    });
    // 96 261 RUB under the 2024-12-01 version against 105 887 RUB stored (worked out in the store suite).
    expect(replay.difference.total.difference).toEqual({ amount: '-9626.00', currency: 'RUB' });
  });

  it('answers an unknown quote id with exit 1 and the reason on stderr', async () => {
    const run = await runCli(['quotes', 'replay', 'no-such-quote'], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('QUOTE_NOT_FOUND: no quote no-such-quote');
  });

  it('refuses a PGlite data directory already open elsewhere, and one that does not exist', async () => {
    const store = await openPgliteQuoteStore(dir);
    try {
      const busy = await runCli(['quotes', 'show', 'cli-test-quote'], env);
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/is in use by process \d+/);
    } finally {
      await store.close();
    }
    const missing = await runCli(['quotes', 'show', 'cli-test-quote'], {
      DATA_DIR: join(dir, 'nothing-here'),
    });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no quote store in');
  });

  it('answers a malformed date with a usage error', async () => {
    const run = await runCli(['quotes', 'replay', 'cli-test-quote', '--date', '1 March'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--date 1 March: expected a date YYYY-MM-DD');
  });
});
