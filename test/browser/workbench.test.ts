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

describe.skipIf(!CHROMIUM)('the committee workbench in Chromium', () => {
  let rig: BrowserRig;
  let page: Page;
  beforeAll(async () => {
    rig = await startRig();
    page = await rig.browser.newPage({ viewport: { width: 1360, height: 1000 }, locale: 'en-GB' });
  }, 120_000);
  afterAll(async () => rig?.close());

  it('runs the sample what-if and shows its charts, the rule diff and a paged table of shipments', async () => {
    await page.goto(`${rig.server.url}/workbench`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('API key of a committee account (kept for this tab only)').fill(rig.committeeKey);
    await page.getByLabel('Sample draft', { exact: true }).selectOption('ktz-containers-2026-07');
    await page.getByLabel('Sample portfolio', { exact: true }).selectOption('sample.csv');
    await page.getByRole('button', { name: 'Run the what-if' }).click();
    await page.locator('#whatif-result svg.chart').nth(2).waitFor({ timeout: 240_000 });
    expect(await page.locator('#whatif-result svg.chart').count()).toBeGreaterThanOrEqual(3);
    const revenue = await page.locator('#whatif-result svg.chart').first().innerHTML();
    expect(revenue).toContain('KTZ');
    expect(await page.locator('ol.changes li').count()).toBeGreaterThan(0);
    await expect(page.locator('.pager').innerText()).resolves.toMatch(/Page 1 of (\d+)/);
    const firstPage = await page.locator('#shipments-page tbody tr').count();
    expect(firstPage).toBe(25);
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.locator('.pager').innerText()).resolves.toMatch(/Page 2 of/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTEFACTS, 'workbench.png'), fullPage: true });
  }, 300_000);
});
