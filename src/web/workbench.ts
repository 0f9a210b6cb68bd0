import { signedFigure, whatIfCharts } from '../workbench/report/whatif-charts.js';
import { portfolioCandidates } from '../workbench/whatif/portfolio-csv.js';
import { ApiError, getJson, postJson } from './api.js';
import { byId, el, svg, table } from './dom.js';
import { figure } from './format.js';
import { currentLang, type Lang, setLang, translatePage, type Words, words } from './i18n.js';
import { isOverrideMap, type OverrideMap, parseOverrideMap } from './override-text.js';

/** The committee workbench: a draft and a portfolio in, the what-if's charts, tables, goal seek and rule diff out. */

let lang: Lang = currentLang();
let w: Words = words(lang);
let samples: { drafts: { name: string; files: string[] }[]; portfolios: { name: string }[] } = {
  drafts: [],
  portfolios: [],
};
let lastReport: WhatIfAnswer | undefined;
let page = 0;
const PAGE = 25;

interface DraftFile {
  path: string;
  text: string;
}

interface WhatIfAnswer {
  currency: string;
  draft: {
    files: string[];
    notes: string[];
    order: string;
    changes: { index: number; file: string; path: string; kind: string; railway?: string; text: string }[];
  };
  summary: {
    shipments: {
      rows: number;
      weight: string;
      changed: number;
      unchanged: number;
      becameUnpriceable: number;
      unpriceable: number;
    };
    revenue: { baseline: string; draft: string; change: string; percent?: string };
    byRailway: {
      railway: string;
      currency: string;
      baseline: string;
      draft: string;
      change: string;
      percent?: string;
      converted: { change: string };
    }[];
    byChange: { changes: number[]; amount: string; shipments: number }[];
    distribution: { label: string; weight: string }[];
    modeShift?: {
      assessed: number;
      railCheapest: { baseline: string; draft: string };
      shifts: { from: string; to: string; weight: string }[];
    };
  };
  modeShift?: { available: boolean; note: string };
  goalSeek?: {
    parameter: string;
    objective: string;
    draftValue: string;
    value: string;
    found: boolean;
    explanation: string;
    evaluations: number;
  };
  shipments?: {
    line: number;
    id: string;
    origin: string;
    destination: string;
    cargo: string;
    units: string;
    count: number;
    date: string;
    baseline?: string;
    draft?: string;
    difference?: string;
    percent?: string;
    reason?: string;
    contributions?: { changes: number[]; amount: string }[];
  }[];
}

async function init(): Promise<void> {
  const langSelect = byId<HTMLSelectElement>('lang');
  langSelect.value = lang;
  langSelect.addEventListener('change', () => {
    lang = langSelect.value === 'ru' ? 'ru' : 'en';
    setLang(lang);
    w = words(lang);
    translatePage(w, lang);
    if (lastReport) render(lastReport);
  });
  translatePage(w, lang);
  try {
    samples = await getJson('/samples/index.json');
  } catch {
    // no bundled samples: uploads only
  }
  const draftSelect = byId<HTMLSelectElement>('sample-draft');
  draftSelect.replaceChildren(...samples.drafts.map((d) => el('option', { value: d.name }, d.name)));
  const portfolioSelect = byId<HTMLSelectElement>('sample-portfolio');
  portfolioSelect.replaceChildren(...samples.portfolios.map((p) => el('option', { value: p.name }, p.name)));
  byId<HTMLInputElement>('draft-files').addEventListener('change', listUploads);
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[type=radio]'))
    radio.addEventListener('change', sources);
  sources();
  byId<HTMLFormElement>('whatif-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
}

function sources(): void {
  const draftSample = byId<HTMLInputElement>('draft-sample').checked;
  byId('draft-sample-field').hidden = !draftSample;
  byId('draft-upload-field').hidden = draftSample;
  const portfolioSample = byId<HTMLInputElement>('portfolio-sample').checked;
  byId('portfolio-sample-field').hidden = !portfolioSample;
  byId('portfolio-upload-field').hidden = portfolioSample;
}

/** Each uploaded draft file with the path it takes under rules/ (guessed from its folder, editable). */
function listUploads(): void {
  const files = [...(byId<HTMLInputElement>('draft-files').files ?? [])];
  byId('draft-paths').replaceChildren(
    ...files.map((f, i) => {
      const id = `draft-path-${i}`;
      const relative = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
      const guess =
        /(railways|amendments|corridors|network|cargo|fx|alternatives)\/.*$/.exec(relative)?.[0] ?? relative;
      return el(
        'li',
        {},
        el('label', { for: id }, `${w.pathUnderRules} — ${f.name}`),
        el('input', { id, value: guess, 'data-file': String(i) }),
      );
    }),
  );
}

async function draft(): Promise<{ files: DraftFile[]; overrides?: OverrideMap }> {
  const files: DraftFile[] = [];
  let overrides: OverrideMap | undefined;
  const take = (path: string, text: string) => {
    if (isOverrideMap(text)) overrides = parseOverrideMap(text);
    else files.push({ path, text });
  };
  if (byId<HTMLInputElement>('draft-sample').checked) {
    const name = byId<HTMLSelectElement>('sample-draft').value;
    const sample = samples.drafts.find((d) => d.name === name);
    for (const path of sample?.files ?? [])
      take(path, await (await fetch(`/samples/drafts/${encodeURIComponent(name)}/${path}`)).text());
  } else {
    const uploads = [...(byId<HTMLInputElement>('draft-files').files ?? [])];
    for (const [i, file] of uploads.entries())
      take(byId<HTMLInputElement>(`draft-path-${i}`).value.trim(), await file.text());
  }
  return overrides ? { files, overrides } : { files };
}

async function portfolio(): Promise<unknown[]> {
  let text: string;
  if (byId<HTMLInputElement>('portfolio-sample').checked) {
    const name = byId<HTMLSelectElement>('sample-portfolio').value;
    text = await (await fetch(`/samples/portfolios/${encodeURIComponent(name)}`)).text();
  } else {
    const file = byId<HTMLInputElement>('portfolio-file').files?.[0];
    if (!file) throw new Error(w.portfolioFile);
    text = await file.text();
  }
  const { items, errors } = portfolioCandidates(text);
  if (errors.length > 0) throw new Error(errors.slice(0, 5).join('; '));
  return items;
}

async function run(): Promise<void> {
  const button = byId<HTMLButtonElement>('run');
  const status = byId('run-status');
  const progress = byId<HTMLProgressElement>('progress');
  button.disabled = true;
  status.className = '';
  progress.hidden = false;
  const started = performance.now();
  const tick = setInterval(() => {
    status.textContent = `${w.running} ${w.elapsed} ${((performance.now() - started) / 1000).toFixed(0)} s`;
  }, 500);
  status.textContent = w.running;
  try {
    const body: Record<string, unknown> = {
      draft: await draft(),
      portfolio: await portfolio(),
      currency: byId<HTMLSelectElement>('wb-currency').value,
    };
    const parameter = byId<HTMLInputElement>('gs-parameter').value.trim();
    if (parameter) {
      const objective = byId<HTMLSelectElement>('gs-objective').value;
      body.goalSeek =
        objective === 'keepRevenue'
          ? { parameter, keepRevenue: byId<HTMLInputElement>('gs-railway').value.trim().toUpperCase() }
          : { parameter, railShare: Number(byId<HTMLInputElement>('gs-share').value) };
    }
    const key = byId<HTMLInputElement>('api-key').value.trim();
    sessionStorage.setItem('throughrate.apiKey', key);
    lastReport = await postJson<WhatIfAnswer>(
      '/v1/whatif',
      body,
      key ? { authorization: `Bearer ${key}` } : {},
    );
    page = 0;
    render(lastReport);
    status.textContent = `${w.results}: ${lastReport.summary.shipments.rows} · ${((performance.now() - started) / 1000).toFixed(1)} s`;
  } catch (error) {
    status.textContent = `${w.error}: ${error instanceof ApiError ? error.describe() : String(error instanceof Error ? error.message : error)}`;
    status.className = 'error';
  } finally {
    clearInterval(tick);
    progress.hidden = true;
    button.disabled = false;
  }
}

function render(r: WhatIfAnswer): void {
  const c = r.currency;
  const s = r.summary;
  const charts = whatIfCharts(r, {
    revenue: lang === 'ru' ? 'Изменение доходов по дорогам' : 'Revenue change per railway',
    distribution: lang === 'ru' ? 'Распределение изменений цены' : 'Distribution of price changes',
    contribution: lang === 'ru' ? 'Вклад каждого изменения' : 'Contribution of each change',
    modeShift: lang === 'ru' ? 'Смена вида транспорта' : 'Mode shift',
    weighted: lang === 'ru' ? 'взвешенные отправки' : 'weighted shipments',
    railInForce: lang === 'ru' ? 'ж.д. дешевле, действующие' : 'rail cheapest, rules in force',
    railDraft: lang === 'ru' ? 'ж.д. дешевле, проект' : 'rail cheapest, draft',
  });
  const out = byId('whatif-result');
  const section = (title: string, ...content: (Node | undefined)[]): Node[] => [
    el('h2', {}, title),
    ...content.filter((n): n is Node => n !== undefined),
  ];
  out.replaceChildren(
    ...section(
      w.revenue,
      table(
        ['', w.inForce, w.draftRules, w.change, '%'],
        [
          [
            `${w.shipments}: ${s.shipments.rows} (${c})`,
            figure(s.revenue.baseline),
            figure(s.revenue.draft),
            signedFigure(s.revenue.change),
            s.revenue.percent ?? '',
          ],
        ],
      ),
      svg(charts.revenue),
      table(
        ['', w.inForce, w.draftRules, w.change, '%', `${w.change}, ${c}`],
        s.byRailway.map((b) => [
          `${b.railway} (${b.currency})`,
          figure(b.baseline),
          figure(b.draft),
          signedFigure(b.change),
          b.percent ?? '',
          signedFigure(b.converted.change),
        ]),
      ),
    ),
    ...section(
      lang === 'ru' ? 'Распределение изменений цены' : 'Distribution of price changes',
      svg(charts.distribution),
    ),
    ...section(
      w.changes,
      el('p', { class: 'hint' }, r.draft.order),
      el(
        'ol',
        { class: 'changes' },
        ...r.draft.changes.map((x) => el('li', { value: String(x.index) }, x.text)),
      ),
      ...r.draft.notes.map((n) => el('p', { class: 'hint' }, n)),
      charts.contribution ? svg(charts.contribution) : undefined,
    ),
    ...section(
      w.modeShiftNote,
      el('p', { class: 'hint' }, r.modeShift?.note ?? ''),
      charts.modeShift ? svg(charts.modeShift) : undefined,
    ),
    ...(r.goalSeek
      ? section(
          w.goalSeek,
          table(
            [w.parameter, w.draftRules, w.found, ''],
            [
              [
                r.goalSeek.parameter,
                r.goalSeek.draftValue,
                r.goalSeek.value,
                r.goalSeek.found ? w.found : w.bestFound,
              ],
            ],
          ),
          el('p', {}, `${r.goalSeek.explanation} (${r.goalSeek.evaluations})`),
        )
      : []),
    ...section(w.shipments, el('div', { id: 'shipments-page' })),
  );
  renderPage(r);
}

function renderPage(r: WhatIfAnswer): void {
  const rows = r.shipments ?? [];
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  page = Math.min(page, pages - 1);
  const shown = rows.slice(page * PAGE, page * PAGE + PAGE);
  const previous = el('button', { type: 'button' }, w.previous);
  const next = el('button', { type: 'button' }, w.next);
  previous.disabled = page === 0;
  next.disabled = page >= pages - 1;
  previous.addEventListener('click', () => {
    page--;
    renderPage(r);
  });
  next.addEventListener('click', () => {
    page++;
    renderPage(r);
  });
  byId('shipments-page').replaceChildren(
    table(
      [w.line, 'id', w.shipment, 'date', w.inForce, w.draftRules, w.difference, '%', w.causedBy],
      shown.map((x) => [
        String(x.line),
        x.id,
        `${x.origin} → ${x.destination}, ${x.cargo}, ${x.count} × ${x.units}`,
        x.date,
        x.baseline === undefined ? '—' : figure(x.baseline),
        x.draft === undefined ? '—' : figure(x.draft),
        x.difference === undefined ? (x.reason ?? '') : signedFigure(x.difference),
        x.percent ?? '',
        (x.contributions ?? []).map((k) => `#${k.changes.join('+#')} ${signedFigure(k.amount)}`).join('; '),
      ]),
    ),
    el(
      'div',
      { class: 'pager', role: 'navigation', 'aria-label': w.shipments },
      previous,
      el('span', {}, `${w.page} ${page + 1} ${w.of} ${pages}`),
      next,
    ),
  );
}

void init();
