import { el, table } from './dom.js';
import { days, money } from './format.js';
import type { Words } from './i18n.js';

interface Money {
  amount: string;
  currency: string;
}

/** A rate option as POST /v1/rates returns it, read defensively: fields a later API adds are optional here. */
export interface RateOption {
  id: string;
  route?: { stations: string[]; crossings: string[]; railways: string[]; distanceKm: number };
  total?: Money;
  transitDays?: number;
  confidence?: string;
  byRailway?: {
    railway: string;
    from: string;
    to: string;
    distanceKm: number;
    total: Money;
    local?: Money;
  }[];
  lines?: {
    railway: string;
    kind: string;
    description: string;
    formula: string;
    amount: Money;
    rule?: { file: string; version: string; path: string };
    reference?: string;
    confidence?: string;
  }[];
  corridor?: { saving?: Money; localTariffTotal?: Money; agreements?: { name: string }[] };
  notes?: string[];
  assumptions?: string[];
  warnings?: (string | { message?: string; detail?: string })[];
}

const ORDER = ['sourced', 'approximate', 'illustrative'];

/** The option's own confidence when the API gives one, else the weakest label of its lines. */
export function confidenceOf(option: RateOption): string {
  if (option.confidence) return option.confidence;
  const labels = (option.lines ?? []).map((l) => l.confidence ?? 'illustrative');
  return labels.reduce((worst, l) => (ORDER.indexOf(l) > ORDER.indexOf(worst) ? l : worst), 'sourced');
}

export function badge(label: string, w: Words): HTMLElement {
  const text = (w as Record<string, string>)[label] ?? label;
  return el('span', { class: `badge ${label}` }, text);
}

export function renderOptionCards(
  holder: HTMLElement,
  options: readonly RateOption[],
  chosen: string,
  w: Words,
  open: (id: string) => void,
): void {
  holder.replaceChildren(
    ...options.map((o, i) => {
      const isChosen = o.id === chosen;
      const button = el(
        'button',
        { type: 'button', 'aria-pressed': String(isChosen) },
        isChosen ? w.opened : w.open,
      );
      button.addEventListener('click', () => open(o.id));
      return el(
        'article',
        { class: isChosen ? 'card chosen' : 'card', 'aria-label': `${w.options} ${i + 1}` },
        el('h3', {}, `${i + 1}. ${(o.route?.railways ?? []).join(' · ')}`),
        el('div', { class: 'total' }, money(o.total)),
        el(
          'dl',
          {},
          el('dt', {}, w.transit),
          el('dd', {}, `${days(o.transitDays)} ${w.days}`),
          el('dt', {}, w.confidence),
          el('dd', {}, badge(confidenceOf(o), w)),
          el('dt', {}, w.saving),
          el('dd', {}, o.corridor?.saving ? money(o.corridor.saving) : '—'),
          el('dt', {}, w.route),
          el(
            'dd',
            {},
            `${(o.route?.crossings ?? []).map((c) => c.split('--')[0]).join(', ') || '—'} · ${o.route?.distanceKm ?? '—'} km`,
          ),
        ),
        button,
      );
    }),
  );
}

/** The lines of the option opened, grouped by railway with its subtotal, then its notes, assumptions and warnings. */
export function renderOptionDetail(holder: HTMLElement, option: RateOption | undefined, w: Words): void {
  if (!option) {
    holder.replaceChildren();
    return;
  }
  const groups = new Map<string, NonNullable<RateOption['lines']>>();
  for (const line of option.lines ?? [])
    groups.set(line.railway, [...(groups.get(line.railway) ?? []), line]);
  const parts: Node[] = [
    el('h3', { id: 'lines-title' }, `${w.lines}: ${(option.route?.stations ?? []).join(' → ')}`),
  ];
  for (const [railway, lines] of groups) {
    const leg = option.byRailway?.find((b) => b.railway === railway);
    parts.push(
      table(
        [w.description, w.formula, w.rule, w.confidence, w.amount],
        [
          ...lines.map((l) => [
            l.description,
            el('span', { class: 'formula' }, l.formula),
            el(
              'span',
              { class: 'rule' },
              l.rule ? `${l.rule.file} @ ${l.rule.version} · ${l.rule.path}` : '',
              l.reference ? el('br') : undefined,
              l.reference ?? '',
            ),
            badge(l.confidence ?? 'illustrative', w),
            money(l.amount),
          ]),
          ...(leg ? [[el('strong', {}, w.subtotal), '', '', '', money(leg.total)]] : []),
        ],
        leg ? `${railway}: ${leg.from} → ${leg.to}, ${leg.distanceKm} km` : railway,
      ),
    );
  }
  parts.push(el('p', { class: 'total' }, `${w.total}: ${money(option.total)}`));
  const list = (title: string, items: readonly unknown[] | undefined) =>
    items && items.length > 0
      ? [
          el('h3', {}, title),
          el(
            'ul',
            { class: 'notes' },
            ...items.map((n) =>
              el(
                'li',
                {},
                typeof n === 'string' ? n : String((n as { message?: string }).message ?? JSON.stringify(n)),
              ),
            ),
          ),
        ]
      : [];
  parts.push(
    ...list(w.warnings, option.warnings),
    ...list(w.notes, option.notes),
    ...list(w.assumptions, option.assumptions),
  );
  holder.replaceChildren(...parts);
}
