import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTEFACTS,
  type BrowserRig,
  CHROMIUM,
  NO_CHROMIUM_REASON,
  seriousViolations,
  startRig,
} from './browser-setup.js';

if (!CHROMIUM) console.warn(`browser tests skipped: ${NO_CHROMIUM_REASON}`);

describe.skipIf(!CHROMIUM)('the quote desk in Chromium', () => {
  let rig: BrowserRig;
  let page: Page;
  beforeAll(async () => {
    rig = await startRig();
    page = await rig.browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'en-GB' });
  }, 120_000);
  afterAll(async () => rig?.close());

  /** Types into a station field and picks the suggestion naming the code. */
  async function pickStation(label: string, typed: string, code: string) {
    const field = page.getByLabel(label, { exact: true });
    await field.fill(typed);
    const option = page.getByRole('option', { name: new RegExp(`\\(${code}\\)`) });
    await option.first().waitFor({ timeout: 10_000 });
    await option.first().click();
    await expect(field.inputValue()).resolves.toContain(code);
  }

  it('prices Moscow → Bandar Abbas for a 40 ft box: options, a map and the lines of the option opened', async () => {
    await page.goto(`${rig.server.url}/`);
    await pickStation('From', 'Moskva', 'MOSKVA');
    await pickStation('To', 'Bandar', 'BANDAR-ABBAS');
    await page.getByLabel('Cargo', { exact: true }).fill('693000');
    await page.getByLabel('Acceptance date').fill('2026-03-01');
    await page.getByLabel('Size').selectOption('40');
    const started = Date.now();
    await page.getByRole('button', { name: 'Get rates' }).click();
    await page.locator('.card').first().waitFor({ timeout: 30_000 });
    const clickToOptions = Date.now() - started;
    const cards = await page.locator('.card').count();
    expect(cards).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.card').first().locator('.total').innerText()).resolves.toMatch(
      /\d[\d\u202f]*\.\d\d USD/,
    );
    await expect(page.locator('.card').first().innerText()).resolves.toContain('RZD · KTZ · TDY · RAI');
    await page.locator('.route-map polyline.chosen').waitFor({ timeout: 15_000 });
    expect(await page.locator('.route-map path.land').count()).toBeGreaterThan(5);
    expect(await page.locator('.route-map .crossing').count()).toBeGreaterThanOrEqual(3);
    const tables = page.locator('#option-detail table');
    expect(await tables.count()).toBe(4);
    await expect(tables.first().locator('caption').innerText()).resolves.toMatch(/^RZD: MOSKVA → /);
    await expect(page.locator('#option-detail .badge').first().isVisible()).resolves.toBe(true);
    const ms = Number(await page.locator('#status').getAttribute('data-ms'));
    console.info(
      `quote desk: ${cards} options in ${ms} ms from the click (request and drawing), ${clickToOptions} ms as the test saw it`,
    );
    expect(ms).toBeLessThan(5000);
    await page.screenshot({ path: join(ARTEFACTS, 'quote-desk-en.png'), fullPage: true });

    // Opening the second option highlights it on the map and shows its lines.
    const second = page.locator('.card').nth(1);
    await second.getByRole('button').click();
    await expect(second.getAttribute('class')).resolves.toContain('chosen');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.card').first().getByRole('button').click();
  }, 180_000);

  it('switches to Russian and remembers it', async () => {
    await page.getByLabel('Language').selectOption('ru');
    await expect(page.locator('label[for=from]').innerText()).resolves.toBe('Откуда');
    await expect(page.getByRole('button', { name: 'Рассчитать' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ru');
    await page.screenshot({ path: join(ARTEFACTS, 'quote-desk-ru.png'), fullPage: true });
    await page.reload();
    await expect(page.locator('label[for=to]').innerText()).resolves.toBe('Куда');
    await page.getByLabel('Язык').selectOption('en');
    await expect(page.locator('label[for=to]').innerText()).resolves.toBe('To');
  }, 180_000);

  it('sets rail beside sea and road: cost, days and CO2e charts and the break-even in words', async () => {
    await page.goto(`${rig.server.url}/`);
    await pickStation('From', 'MOSKVA', 'MOSKVA');
    await pickStation('To', 'BANDAR', 'BANDAR-ABBAS');
    await page.getByLabel('Cargo', { exact: true }).fill('693000');
    await page.getByLabel('Acceptance date').fill('2025-05-15');
    await page.getByRole('button', { name: 'Get rates' }).click();
    await page.locator('.card').first().waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Compare with sea and road' }).click();
    await page.locator('#compare-result svg.chart').nth(2).waitFor({ timeout: 30_000 });
    const costChart = await page.locator('#compare-result svg.chart').first().innerHTML();
    expect(costChart).toMatch(/Caspian|deep|Suez|road/i);
    await expect(page.locator('.breakeven').innerText()).resolves.toMatch(/\S{10,}/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#compare').screenshot({ path: join(ARTEFACTS, 'compare.png') });
  }, 180_000);

  it('issues a quote for the option shown (indicative: it rests on placeholders) and opens its document in HTML and PDF', async () => {
    await page.getByLabel('API key (kept for this tab only)').fill(rig.key);
    await page.getByLabel('Indicative, not binding', { exact: false }).check();
    await page.getByRole('button', { name: 'Issue a binding quote for the shown option' }).click();
    const id = (await page.locator('.quote-id').innerText({ timeout: 30_000 })).trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.evaluate("sessionStorage.getItem('throughrate.apiKey')")).toBe(rig.key);
    expect(await page.evaluate("localStorage.getItem('throughrate.apiKey')")).toBeNull();

    // The document is the quote's: read with the key, as the page's links do (a plain link cannot send it).
    const headers = { authorization: `Bearer ${rig.key}` };
    const htmlHref = await page.getByRole('link', { name: 'Quote document (HTML)' }).getAttribute('href');
    expect((await page.request.get(`${rig.server.url}${htmlHref}`)).status()).toBe(401);
    const html = await page.request.get(`${rig.server.url}${htmlHref}`, { headers });
    expect(html.status()).toBe(200);
    const document = await rig.browser.newPage({ viewport: { width: 900, height: 1200 } });
    await document.setContent(await html.text());
    const text = await document.locator('body').innerText();
    expect(text).toContain(id);
    expect(text).toContain('Total before VAT');
    expect(text).toMatch(/railways\/RZD\/\d{4}-\d\d-\d\d\.yaml/);
    expect(text).toMatch(/[0-9a-f]{64}/);
    expect(await seriousViolations(document)).toEqual([]);
    await document.screenshot({ path: join(ARTEFACTS, 'quote-document.png'), fullPage: true });
    await document.emulateMedia({ media: 'print' });
    const printed = await document.pdf({ format: 'A4' });
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-');

    const pdfHref = await page.getByRole('link', { name: 'Quote document (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${rig.server.url}${pdfHref?.replace('lang=en', 'lang=ru')}`, {
      headers,
    });
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const bytes = await pdf.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/DejaVuSans/);
    await document.close();
  }, 180_000);
});
