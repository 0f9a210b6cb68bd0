import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, CHROMIUM, NO_CHROMIUM_REASON, startRig } from './browser-setup.js';

if (!CHROMIUM) console.warn(`browser tests skipped: ${NO_CHROMIUM_REASON}`);

describe.skipIf(!CHROMIUM)('the API docs in Chromium', () => {
  let rig: BrowserRig;
  beforeAll(async () => {
    rig = await startRig();
  }, 120_000);
  afterAll(async () => rig?.close());

  it('answers "Try it out" with a success for every operation that needs no issued quote id', async () => {
    const page = await rig.browser.newPage({ viewport: { width: 1300, height: 900 } });
    await page.goto(`${rig.server.url}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    // Authorised as a person would with the page's Authorize button: an admin's key opens every operation.
    await page
      .getByRole('button', { name: /Authorize/ })
      .first()
      .click();
    await page.locator('.auth-container input').first().fill(rig.adminKey);
    await page.locator('.auth-btn-wrapper button.authorize').first().click();
    await page.locator('.btn-done, button.close-modal').first().click();
    const answers: string[] = [];
    const count = await page.locator('.opblock').count();
    for (let i = 0; i < count; i++) {
      const block = page.locator('.opblock').nth(i);
      const operation = `${(await block.locator('.opblock-summary-method').innerText()).trim()} ${(await block.locator('.opblock-summary-path').innerText()).trim()}`;
      // The API's own routes (/v1), as the docs promise; an operation on an issued quote or key needs its id first.
      if (!operation.split(' ')[1]?.startsWith('/v1') || operation.includes('{id}')) continue;
      await block.locator('.opblock-summary').click();
      await block.locator('button.try-out__btn').click();
      await block.locator('button.execute').click();
      const status = block.locator('.live-responses-table tbody .response-col_status').first();
      await status.waitFor({ timeout: 60_000 }).catch(() => answers.push(`${operation} no answer`));
      if (answers.at(-1) === `${operation} no answer`) continue;
      answers.push(`${operation} ${(await status.innerText()).trim()}`);
      await block.locator('.opblock-summary').click();
    }
    expect(answers.length).toBeGreaterThanOrEqual(9);
    expect(answers.filter((a) => !/ 20[01]$/.test(a))).toEqual([]);
    expect(answers).toContain('POST /v1/rates 200');
    expect(answers).toContain('POST /v1/quotes 201');
    await page.close();
  }, 600_000);
});
