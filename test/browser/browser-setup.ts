import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildWeb } from '../../scripts/build-web.mjs';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

/** Debian's Chromium (apt-get install chromium), or the one CHROMIUM_PATH names. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p): p is string => p !== undefined && p !== '' && existsSync(p),
);

export const NO_CHROMIUM_REASON =
  'no Chromium executable (/usr/bin/chromium or CHROMIUM_PATH): install it with `apt-get install -y chromium`';

/** Screenshots go here (git-ignored). */
export const ARTEFACTS = fileURLToPath(new URL('../../test-artifacts/browser', import.meta.url));

export interface BrowserRig {
  readonly server: RunningApp;
  readonly browser: Browser;
  /** A shipper's API key in the rig's store. */
  readonly key: string;
  /** A committee's API key in the rig's store. */
  readonly committeeKey: string;
  /** An admin's API key in the rig's store. */
  readonly adminKey: string;
  close(): Promise<void>;
}

/** The service as `npm start` runs it — bundled rules, a quote store, the built pages — on a free port, and Chromium. */
export async function startRig(): Promise<BrowserRig> {
  mkdirSync(ARTEFACTS, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'throughrate-browser-'));
  const webRoot = await buildWeb(join(work, 'web'));
  const store: QuoteStore = await openPgliteQuoteStore(join(work, 'data'));
  const server = await startApp({
    ruleFiles: ruleFilesIn(BUNDLED_RULES),
    store,
    webRoot,
    now: () => new Date(),
  });
  const key = await createKey(store, 'shipper');
  const committeeKey = await createKey(store, 'committee');
  const adminKey = await createKey(store, 'admin');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
  return {
    server,
    browser,
    key,
    committeeKey,
    adminKey,
    async close() {
      await browser.close();
      await server.close();
      await store.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations of impact serious or critical on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, not as a <script> tag: the service's CSP (script-src 'self') stays on.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations: { id: string; impact: string; help: string; targets: string[] }[] = await page.evaluate(`
    axe.run().then((result) => result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    })))`);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`);
}
