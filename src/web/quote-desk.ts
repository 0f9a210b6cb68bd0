import { rangeBars } from '../workbench/report/svg-charts.js';
import { ApiError, openWithKey, postJson } from './api.js';
import { cargoOf, cargoSuggestions } from './cargo.js';
import { Combobox } from './combobox.js';
import { byId, el, svg } from './dom.js';
import { days, money } from './format.js';
import { currentLang, type Lang, setLang, translatePage, type Words, words } from './i18n.js';
import { type RateOption, renderOptionCards, renderOptionDetail } from './option-view.js';
import { routeMapSvg } from './route-map.js';
import { locate, stationSuggestions } from './stations.js';

/** The quote desk: a shipment in, options side by side, a map, the lines of the option opened, sea and road beside. */

let lang: Lang = currentLang();
let w: Words = words(lang);
let lastRequest: Record<string, unknown> | undefined;
let options: RateOption[] = [];
let chosen = '';

const from = new Combobox(
  byId('from'),
  byId('from-list'),
  stationSuggestions(() => lang),
  () => w.noSuggestions,
);
const to = new Combobox(
  byId('to'),
  byId('to-list'),
  stationSuggestions(() => lang),
  () => w.noSuggestions,
);
const via = new Combobox(
  byId('via'),
  byId('via-list'),
  stationSuggestions(() => lang),
  () => w.noSuggestions,
);
const cargo = new Combobox(
  byId('cargo'),
  byId('cargo-list'),
  cargoSuggestions(() => lang),
  () => '',
);

function init(): void {
  const langSelect = byId<HTMLSelectElement>('lang');
  langSelect.value = lang;
  langSelect.addEventListener('change', () => {
    lang = langSelect.value === 'ru' ? 'ru' : 'en';
    setLang(lang);
    w = words(lang);
    translatePage(w, lang);
    if (options.length > 0) void show();
    const status = byId('status');
    if (status.dataset.ms && options.length > 0)
      status.textContent = `${options.length} · ${w.answeredIn} ${status.dataset.ms} ms`;
  });
  translatePage(w, lang);
  byId<HTMLInputElement>('date').value = new Date().toISOString().slice(0, 10);
  const kind = byId<HTMLSelectElement>('kind');
  const showKind = () => {
    for (const node of document.querySelectorAll<HTMLElement>('[data-for]'))
      node.hidden = node.dataset.for !== kind.value;
  };
  kind.addEventListener('change', showKind);
  showKind();
  const key = byId<HTMLInputElement>('api-key');
  key.value = sessionStorage.getItem('throughrate.apiKey') ?? '';
  key.addEventListener('change', () => sessionStorage.setItem('throughrate.apiKey', key.value));
  byId<HTMLFormElement>('quote-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void rates();
  });
  byId('compare-button').addEventListener('click', () => void compare());
  byId('issue-button').addEventListener('click', () => void issue());
}

function checked(id: string): boolean {
  return byId<HTMLInputElement>(id).checked;
}

function value(id: string): string {
  return byId<HTMLInputElement>(id).value.trim();
}

/** The request as the API takes it; optional fields only when given, so that a newer API's fields stay optional. */
function request(): Record<string, unknown> {
  const kind = value('kind');
  const units: Record<string, unknown> = {
    kind,
    ownership: value('ownership') || undefined,
    count: Number(value('count') || '1'),
  };
  if (value('mass')) units.grossMassTonnes = Number(value('mass'));
  if (kind === 'container') {
    units.size = value('size');
    if (value('containerType') !== 'dry') units.containerType = value('containerType');
  } else {
    if (value('wagonType')) units.wagonType = value('wagonType');
    if (value('capacity')) units.loadCapacityTonnes = Number(value('capacity'));
    if (value('shipmentType')) units.shipmentType = value('shipmentType');
  }
  const code = (text: string) => (/^[A-Za-z0-9-]+$/.test(text) ? text.toUpperCase() : text);
  return {
    origin: code(from.value()),
    destination: code(to.value()),
    acceptanceDate: value('date') || undefined,
    cargo: cargoOf(cargo.value()) ?? { etsng: cargo.value() },
    units,
    currency: value('currency'),
    ...(via.value() ? { via: [code(via.value())] } : {}),
  };
}

async function rates(): Promise<void> {
  const button = byId<HTMLButtonElement>('get-rates');
  const status = byId('status');
  button.disabled = true;
  status.textContent = w.pricing;
  status.className = '';
  const started = performance.now();
  try {
    lastRequest = request();
    const answer = await postJson<{
      options?: RateOption[];
      unpriced?: { route: string[]; reason: string }[];
    }>('/v1/rates', { ...lastRequest, maxOptions: 4 });
    options = answer.options ?? [];
    chosen = options[0]?.id ?? '';
    await show();
    const ms = Math.round(performance.now() - started);
    status.textContent = options.length > 0 ? `${options.length} · ${w.answeredIn} ${ms} ms` : w.noOptions;
    status.dataset.ms = String(ms);
    if (answer.unpriced?.length)
      byId('option-detail').prepend(
        el(
          'p',
          { class: 'hint' },
          `${w.unpriced}: ${answer.unpriced.map((u) => `${u.route.join('→')} (${u.reason})`).join('; ')}`,
        ),
      );
  } catch (error) {
    status.textContent = `${w.error}: ${error instanceof ApiError ? error.describe() : String(error)}`;
    status.className = 'error';
  } finally {
    button.disabled = false;
  }
}

async function show(): Promise<void> {
  byId('results').hidden = options.length === 0;
  byId('compare').hidden = options.length === 0;
  byId('issue').hidden = options.length === 0;
  renderOptionCards(byId('option-cards'), options, chosen, w, (id) => {
    chosen = id;
    void show();
  });
  const option = options.find((o) => o.id === chosen);
  renderOptionDetail(byId('option-detail'), option, w);
  const routes = options.map((o) => ({
    id: o.id,
    stations: o.route?.stations ?? [],
    crossings: o.route?.crossings ?? [],
  }));
  const located = await locate([...new Set(routes.flatMap((r) => r.stations))]);
  const map = byId('map');
  map.replaceChildren();
  const markup = await routeMapSvg(routes, chosen, located, w);
  if (markup) {
    map.append(svg(markup));
    map.append(el('figcaption', { class: 'hint' }, `${w.map}: ${option?.route?.stations.join(' → ') ?? ''}`));
  }
}

interface ComparedOption {
  id: string;
  mode?: string;
  name?: string;
  cost?: {
    low: { amount: string; currency: string };
    high: { amount: string; currency: string };
    mid: { amount: string; currency: string };
  };
  transitDays?: { low: number; high: number; mid: number };
  co2e?: { kg: string };
  confidence?: string;
}

async function compare(): Promise<void> {
  if (!lastRequest) return;
  const status = byId('compare-status');
  const out = byId('compare-result');
  status.textContent = w.comparing;
  status.className = '';
  try {
    const answer = await postJson<{
      options?: ComparedOption[];
      breakEven?: {
        option: string;
        onCost?: { explanation?: string };
        onGeneralisedCost?: { explanation?: string };
      }[];
      unavailable?: { name: string; reason: string }[];
    }>('/v1/compare', { ...lastRequest, maxOptions: 1 });
    const compared = answer.options ?? [];
    const label = (o: ComparedOption) => o.name ?? o.id;
    const charts = [
      rangeBars(
        compared
          .filter((o) => o.cost)
          .map((o) => ({
            label: label(o),
            low: Number(o.cost?.low.amount),
            high: Number(o.cost?.high.amount),
            mid: Number(o.cost?.mid.amount),
            text:
              o.cost?.low.amount === o.cost?.high.amount
                ? money(o.cost?.mid)
                : `${money(o.cost?.low)} – ${money(o.cost?.high)}`,
            highlight: o.mode === 'rail',
          })),
        { title: w.cost, unit: compared[0]?.cost?.mid.currency ?? '', width: 860 },
      ),
      rangeBars(
        compared
          .filter((o) => o.transitDays)
          .map((o) => ({
            label: label(o),
            low: o.transitDays?.low ?? 0,
            high: o.transitDays?.high ?? 0,
            mid: o.transitDays?.mid ?? 0,
            text: `${days(o.transitDays?.low)}–${days(o.transitDays?.high)} ${w.days}`,
            highlight: o.mode === 'rail',
          })),
        { title: w.transit, unit: w.days, width: 860 },
      ),
      rangeBars(
        compared
          .filter((o) => o.co2e)
          .map((o) => ({
            label: label(o),
            low: Number(o.co2e?.kg),
            high: Number(o.co2e?.kg),
            mid: Number(o.co2e?.kg),
            text: `${money({ amount: o.co2e?.kg })} kg`,
            highlight: o.mode === 'rail',
          })),
        { title: w.co2, unit: 'kg CO2e', width: 860 },
      ),
    ];
    out.replaceChildren(
      el('h3', {}, w.cost),
      svg(charts[0] ?? ''),
      el('h3', {}, w.transit),
      svg(charts[1] ?? ''),
      el('h3', {}, w.co2),
      svg(charts[2] ?? ''),
      el('h3', {}, w.breakEven),
      el(
        'div',
        { class: 'breakeven' },
        ...(answer.breakEven ?? []).flatMap((b) =>
          [b.onCost?.explanation, b.onGeneralisedCost?.explanation]
            .filter(Boolean)
            .map((t) => el('p', {}, t)),
        ),
      ),
      ...(answer.unavailable?.length
        ? [
            el(
              'p',
              { class: 'hint' },
              `${w.unavailable}: ${answer.unavailable.map((u) => `${u.name} (${u.reason})`).join('; ')}`,
            ),
          ]
        : []),
    );
    status.textContent = '';
  } catch (error) {
    status.textContent = `${w.error}: ${error instanceof ApiError ? error.describe() : String(error)}`;
    status.className = 'error';
  }
}

async function issue(): Promise<void> {
  if (!lastRequest) return;
  const status = byId('issue-status');
  const out = byId('issue-result');
  status.textContent = w.issuing;
  status.className = '';
  const key = value('api-key');
  sessionStorage.setItem('throughrate.apiKey', key);
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  try {
    const quote = await postJson<{
      id: string;
      validUntil?: string;
      option?: { total?: { amount: string; currency: string } };
    }>('/v1/quotes', { ...lastRequest, optionId: chosen, indicative: checked('indicative') }, headers);
    const link = (format: string, text: string) => {
      const href = `/v1/quotes/${encodeURIComponent(quote.id)}/document?lang=${lang}&format=${format}`;
      const anchor = el('a', { href, 'data-document': format }, text);
      anchor.addEventListener('click', (event) => {
        event.preventDefault();
        openWithKey(href, headers).catch((error: unknown) => {
          status.textContent = `${w.error}: ${error instanceof ApiError ? error.describe() : String(error)}`;
          status.className = 'error';
        });
      });
      return anchor;
    };
    out.replaceChildren(
      el(
        'p',
        {},
        `${w.issued}: `,
        el('strong', { class: 'quote-id' }, quote.id),
        ` · ${money(quote.option?.total)} · ${w.validUntil} ${quote.validUntil ?? '—'}`,
      ),
      el('p', {}, link('html', w.documentHtml), ' · ', link('pdf', w.documentPdf)),
    );
    status.textContent = '';
  } catch (error) {
    status.textContent = `${w.error}: ${error instanceof ApiError ? error.describe() : String(error)}`;
    status.className = 'error';
  }
}

init();
