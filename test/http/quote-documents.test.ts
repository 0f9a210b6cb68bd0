import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { bearer, createKey } from '../helpers/keys.js';

const BOX = {
  origin: 'MOSKVA',
  destination: 'BANDAR-ABBAS',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'USD',
  // The 2026 agreed through rate is an illustrative placeholder: such a quote is issued as indicative only.
  indicative: true,
};

describe('GET /v1/quotes/{id}/document', () => {
  let server: RunningApp;
  let store: QuoteStore;
  let dir: string;
  let auth: { authorization: string };
  const get = (path: string) => request(server.url).get(path).set(auth);
  let quote: { id: string; option: { total: { amount: string }; lines: { formula: string }[] } };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'throughrate-documents-'));
    store = await openPgliteQuoteStore(dir);
    server = await startApp({ store });
    auth = bearer(await createKey(store, 'shipper'));
    quote = (await request(server.url).post('/v1/quotes').set(auth).send(BOX).expect(201)).body;
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the quote as an HTML page: id, every line with its rule, totals and the rule files’ hashes', async () => {
    const answer = await get(`/v1/quotes/${quote.id}/document`).expect(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.text).toContain(quote.id);
    expect(answer.text).toContain('Total before VAT');
    for (const line of quote.option.lines)
      expect(answer.text).toContain(
        line.formula.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
      );
    expect(answer.text).toMatch(/railways\/RZD\/2026-01-01\.yaml<\/td><td class="hash">[0-9a-f]{64}/);
    expect(answer.text).toContain('@page{size:A4');
  });

  it('speaks Russian when asked', async () => {
    const answer = await get(`/v1/quotes/${quote.id}/document?lang=ru`).expect(200);
    expect(answer.text).toContain('<html lang="ru">');
    expect(answer.text).toContain('Итого без НДС');
  });

  it('gives an A4 PDF with the Cyrillic font embedded', async () => {
    const answer = await get(`/v1/quotes/${quote.id}/document?lang=ru&format=pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    const pdf: Buffer = answer.body;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(text).toMatch(/DejaVuSans/);
  });

  it('answers an unknown id with a problem, and an unknown format with a pointer', async () => {
    const missing = await get('/v1/quotes/no-such-quote/document').expect(404);
    expect(missing.body.code).toBe('QUOTE_NOT_FOUND');
    const bad = await get(`/v1/quotes/${quote.id}/document?format=docx`).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it("is read like the quote: 401 without a key, and another shipper's quote is a 404", async () => {
    await request(server.url).get(`/v1/quotes/${quote.id}/document`).expect(401);
    const other = bearer(await createKey(store, 'shipper', { account: 'another-shipper' }));
    const hidden = await request(server.url).get(`/v1/quotes/${quote.id}/document`).set(other).expect(404);
    expect(hidden.body.code).toBe('QUOTE_NOT_FOUND');
  });
});
