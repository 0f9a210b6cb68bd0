import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { bearer, createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const DRAFT_DIR = join(BUNDLED_RULES, 'drafts/ktz-containers-2026-07');
const DRAFT_PATH = 'railways/KTZ/2026-07-01.yaml';

/** A few rows of different kinds: a KTZ box, a through box to Iran, a wagon, an empty railway box RZD cannot price. */
const ROWS = [
  'id,origin,destination,cargo,units,count,date,weight,ownership,loaded,massTonnes,via',
  'box-kz,ATYRAU,AKTAU-PORT,693000,40ft,1,2026-08-01,12,private,yes,,',
  'box-ir,MOSKVA,BANDAR-ABBAS,693000,40ft,2,2026-09-15,6,private,yes,22,',
  'reefer,VORSINO,MASHHAD,561009,40ft-reefer,4,2026-07-11,2,private,yes,18,',
  'before,MOSKVA,TEHRAN,691005,20ft,10,2026-05-20,4,private,yes,,',
  'wagon,PAVLODAR,MOSKVA,011005,wagon,3,2026-10-01,1.5,private,yes,68,',
  'empty,SELYATINO,BANDAR-ABBAS,693000,20ft,1,2026-05-02,12,railway,no,,',
];

function capture() {
  const out = { stdout: '', stderr: '' };
  const io = {
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    env: {},
  };
  return { out, io };
}

describe('throughrate whatif', () => {
  let server: RunningApp;
  let store: QuoteStore;
  /** POST /v1/whatif is a committee's: the HTTP side of each comparison sends a committee key. */
  let committee: { authorization: string };
  let dir: string;
  let portfolio: string;
  beforeAll(async () => {
    store = await openPgliteQuoteStore('memory://');
    committee = bearer(await createKey(store, 'committee'));
    server = await startApp({ ruleFiles: ruleFilesIn(BUNDLED_RULES), store });
    dir = mkdtempSync(join(tmpdir(), 'whatif-'));
    portfolio = join(dir, 'portfolio.csv');
    writeFileSync(portfolio, `# a test portfolio\n${ROWS.join('\n')}\n`);
    // An in-memory PGlite is created for the key: seconds, or a minute on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('gives the same figures as POST /v1/whatif for the same draft and portfolio', async () => {
    const { out, io } = capture();
    const json = join(dir, 'report.json');
    const code = await main(['whatif', '--draft', DRAFT_DIR, '--portfolio', portfolio, '--out', json], io);
    expect(out.stderr).not.toMatch(/error/);
    expect(code).toBe(0);
    const cli = JSON.parse(readFileSync(json, 'utf8'));

    const [header, ...rows] = ROWS.map((r) => r.split(','));
    const items = rows.map((cells) => {
      const row = Object.fromEntries((header ?? []).map((h, i) => [h, cells[i] ?? '']));
      return {
        id: row.id,
        origin: row.origin,
        destination: row.destination,
        cargo: row.cargo,
        units: row.units,
        count: Number(row.count),
        date: row.date,
        weight: row.weight,
        ownership: row.ownership,
        loaded: row.loaded === 'yes',
        ...(row.massTonnes ? { massTonnes: Number(row.massTonnes) } : {}),
      };
    });
    const text = readFileSync(join(DRAFT_DIR, DRAFT_PATH), 'utf8');
    const res = await request(server.url)
      .post('/v1/whatif')
      .set(committee)
      .send({ draft: { files: [{ path: DRAFT_PATH, text }] }, portfolio: items })
      .expect(200);
    const http = res.body;

    const figures = (s: Record<string, unknown>) => ({
      id: s.id,
      status: s.status,
      baseline: s.baseline,
      draft: s.draft,
      difference: s.difference,
      contributions: s.contributions,
      reason: s.reason,
    });
    expect(cli.shipments.map(figures)).toEqual(http.shipments.map(figures));
    const { largest: cliLargest, unpriceable: cliUnpriceable, ...cliSummary } = cli.summary;
    const { largest: httpLargest, unpriceable: httpUnpriceable, ...httpSummary } = http.summary;
    expect(cliSummary).toEqual(httpSummary);
    expect(cliLargest.map((l: { id: string; difference: string }) => [l.id, l.difference])).toEqual(
      httpLargest.map((l: { id: string; difference: string }) => [l.id, l.difference]),
    );
    expect(cliUnpriceable.total).toBe(httpUnpriceable.total);
    expect(cli.draft.changes).toEqual(http.draft.changes);
    expect(cli.draftRuleSetHash).toBe(http.draftRuleSetHash);

    // The rows really differ: the before-July box is unchanged, the empty railway box cannot be priced.
    const byId = new Map(cli.shipments.map((s: { id: string }) => [s.id, s]));
    expect(byId.get('before')).toMatchObject({ status: 'unchanged', difference: '0.00' });
    expect(byId.get('empty')).toMatchObject({ status: 'unpriceable' });
    expect(byId.get('box-kz')).toMatchObject({ status: 'changed' });
    expect(cli.summary.revenue.pricedBoth).toBe(cli.summary.revenue.change);
  });

  it('seeks a rail share by goal seek with the same answer as POST /v1/whatif', async () => {
    const parameter = `${DRAFT_PATH}#regimes[cis-transit].rates[transit-container-40-loaded].formula.perKm`;
    const s246 = join(dir, 's246.csv');
    writeFileSync(s246, `${ROWS[0]}\nS246,SELYATINO,MASHHAD,693000,40ft,20,2026-07-13,12,private,yes,18,\n`);
    const json = join(dir, 'share.json');
    const { out, io } = capture();
    const args = ['whatif', '--draft', DRAFT_DIR, '--portfolio', s246, '--goal-seek', parameter];
    const code = await main([...args, '--rail-share', '1', '--precision', '3', '--out', json], io);
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/Goal seek: .*rail is the cheapest mode for at least 100 % of this portfolio/);
    const cli = JSON.parse(readFileSync(json, 'utf8')).goalSeek;

    const text = readFileSync(join(DRAFT_DIR, DRAFT_PATH), 'utf8');
    const res = await request(server.url)
      .post('/v1/whatif')
      .set(committee)
      .send({
        draft: { files: [{ path: DRAFT_PATH, text }] },
        portfolio: [
          {
            id: 'S246',
            origin: 'SELYATINO',
            destination: 'MASHHAD',
            cargo: '693000',
            units: '40ft',
            count: 20,
            date: '2026-07-13',
            weight: '12',
            ownership: 'private',
            loaded: true,
            massTonnes: 18,
          },
        ],
        shipments: false,
        goalSeek: { parameter, railShare: 1, precision: 3 },
      })
      .expect(200);
    expect(cli).toEqual(res.body.goalSeek);
    expect(cli).toMatchObject({ objective: 'rail-share', found: true, shareAtValue: '1.0000' });

    const both = capture();
    expect(await main([...args, '--rail-share', '1', '--keep-revenue', 'KTZ'], both.io)).toBe(2);
    expect(both.out.stderr).toMatch(/--keep-revenue and --rail-share: give one of them/);
  });

  it('prints the summary, with the order of the changes, and writes a self-contained HTML report', async () => {
    const { out, io } = capture();
    const html = join(dir, 'report.html');
    const code = await main(['whatif', '--draft', DRAFT_DIR, '--portfolio', portfolio, '--out', html], io);
    expect(code).toBe(0);
    expect(out.stdout).toMatch(/sorted by rule file path, then by YAML path/);
    expect(out.stdout).toMatch(
      /#13 {2}KTZ national rate container-40-loaded .*: fixed 26 250 → 28 875; perKm 241.5 → 265.65 from 2026-07-01/,
    );
    expect(out.stdout).toMatch(/By railway/);
    expect(out.stderr).toMatch(/portfolio: 6 shipments/);
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
    expect(page).not.toMatch(/<script|<link|src=|href=|@import|url\(/);
  });

  it('writes one CSV row per shipment with the changes that caused each difference', async () => {
    const { io } = capture();
    const csv = join(dir, 'report.csv');
    // The CSV's figures and changes; the mode shift is compared with POST /v1/whatif above: no sea and road here.
    const args = ['whatif', '--draft', DRAFT_DIR, '--portfolio', portfolio, '--out', csv, '--no-mode-shift'];
    expect(await main(args, io)).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(ROWS.length);
    expect(lines[0]).toMatch(/^line,id,origin,destination,/);
    expect(lines[1]).toMatch(/^3,box-kz,ATYRAU,AKTAU-PORT,.*,changed,USD,.*,#13 /);
  });

  it('refuses a portfolio row it cannot read, naming the file and line, and writes no report', async () => {
    const { out, io } = capture();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${ROWS[0]}\nx,MOSKVA,KIGASH,693000,40 feet,1,2026-08-01,,,,,\n`);
    const code = await main(
      ['whatif', '--draft', DRAFT_DIR, '--portfolio', bad, '--out', join(dir, 'bad.json')],
      io,
    );
    expect(code).toBe(1);
    expect(out.stderr).toMatch(/bad\.csv:2: units: expected 20ft, 30ft, 40ft or 45ft/);
    expect(existsSync(join(dir, 'bad.json'))).toBe(false);
    expect(existsSync(join(dir, 'bad.json.partial'))).toBe(false);
  });

  it('refuses a broken draft with its file, line and path', async () => {
    const { out, io } = capture();
    const broken = join(dir, 'broken');
    const text = readFileSync(join(DRAFT_DIR, DRAFT_PATH), 'utf8').replace(
      'supersedes: 2026-01-01',
      'supersedes: 2025-01-01',
    );
    mkdirSync(join(broken, 'railways/KTZ'), { recursive: true });
    writeFileSync(join(broken, DRAFT_PATH), text);
    const code = await main(['whatif', '--draft', broken, '--portfolio', portfolio], io);
    expect(code).toBe(1);
    expect(out.stderr).toMatch(
      /railways\/KTZ\/2026-07-01\.yaml:\d+:\d+ at supersedes: supersedes must name the previous version, 2026-01-01/,
    );
  });
});
