import { formatFigure } from '../../domain/core/money.js';
import type { IssuedQuote } from '../../domain/quotes/issue-quote.js';
import { type DocumentLang, documentWords } from './quote-document-words.js';

/**
 * What a quote document says, in the language asked for, once: the HTML page and the PDF lay out the same model,
 * so the two cannot disagree. Amounts keep their decimal strings; digits are only grouped for reading.
 */
export interface QuoteDocument {
  readonly lang: DocumentLang;
  readonly title: string;
  readonly facts: readonly (readonly [string, string])[];
  readonly chargesTitle: string;
  readonly columns: readonly [string, string, string, string, string];
  readonly groups: readonly {
    readonly heading: string;
    readonly rows: readonly (readonly [string, string, string, string, string])[];
    readonly subtotal: readonly [string, string];
  }[];
  readonly totals: readonly (readonly [string, string])[];
  readonly vatNote: string;
  readonly notesTitle: string;
  readonly notes: readonly string[];
  readonly versionsTitle: string;
  readonly versions: readonly (readonly [string, string, string, string])[];
  readonly filesTitle: string;
  readonly files: readonly (readonly [string, string])[];
  readonly footer: string;
}

/** Legs priced as international carriage (export, import, transit) are zero-rated for VAT; domestic ones are not. */
const ZERO_RATED = new Set(['export', 'import', 'transit']);

export function quoteDocument(quote: IssuedQuote, lang: DocumentLang, expired: boolean): QuoteDocument {
  const w = documentWords(lang);
  const o = quote.option;
  const m = (money: { amount: string; currency: string }) =>
    `${formatFigure(money.amount)} ${money.currency}`;
  const u = quote.request.units;
  const units =
    u.kind === 'container'
      ? `${u.count} × ${u.size ?? ''} ft ${w.container}${u.containerType && u.containerType !== 'dry' ? ` (${u.containerType})` : ''}, ${u.ownership ?? 'private'}`
      : `${u.count} × ${w.wagon}${u.wagonType ? ` (${u.wagonType})` : ''}, ${u.ownership ?? 'private'}`;
  const allZeroRated = o.byRailway.every((leg) => ZERO_RATED.has(leg.direction));
  const groups = o.byRailway.map((leg) => ({
    heading: `${leg.railway}: ${leg.from} → ${leg.to}, ${leg.distanceKm} km (${leg.direction}, ${leg.regime})`,
    rows: o.lines
      .filter((l) => l.railway === leg.railway)
      .map(
        (l) =>
          [
            l.description,
            l.formula,
            `${l.reference} — ${l.rule.file} @ ${l.rule.version}, ${l.rule.path}`,
            w.confidence[l.confidence],
            m(l.amount),
          ] as const,
      ),
    subtotal: [
      `${w.subtotal} ${leg.railway}${leg.local.currency !== leg.total.currency ? ` (${m(leg.local)})` : ''}`,
      m(leg.total),
    ] as const,
  }));
  const totals: [string, string][] = [[w.totalBeforeVat, m(o.total)]];
  if (allZeroRated) {
    totals.push(
      [w.vatZero, m({ amount: '0.00', currency: o.total.currency })],
      [w.totalAfterVat, m(o.total)],
    );
  }
  if (o.corridor) totals.push([w.saving, m(o.corridor.saving)]);
  return {
    lang,
    title: `${w.title} ${quote.id}`,
    facts: [
      [w.quoteId, quote.id],
      [w.issuedAt, quote.issuedAt],
      [w.validUntil, `${quote.validUntil}${expired ? ` — ${w.expired}` : ''}`],
      [w.validity, quote.validity.explanation],
      [w.acceptanceDate, quote.acceptanceDate],
      [w.route, o.route.stations.join(' → ')],
      [w.crossings, o.route.crossings.map((c) => c.replace('--', ' – ')).join('; ') || '—'],
      [w.railways, `${o.route.railways.join(', ')}; ${o.route.distanceKm} km; ${w.transit} ${o.transitDays}`],
      [w.cargo, `${quote.cargo.etsng} ${quote.cargo.name} (${w.tariffClass} ${quote.cargo.tariffClass})`],
      [w.units, units],
    ],
    chargesTitle: w.charges,
    columns: [w.charge, w.formula, w.reference, w.confidenceTitle, w.amount],
    groups,
    totals,
    vatNote: allZeroRated ? w.vatZeroNote : w.vatNotIncluded,
    notesTitle: w.notes,
    notes: [...o.notes, ...o.assumptions],
    versionsTitle: w.versions,
    versions: o.ruleVersions.map((v) => [
      v.railway,
      v.version,
      v.file,
      [v.hash, ...v.amendments.map((a) => `${a.id}: ${a.hash}`)].join('\n'),
    ]),
    filesTitle: `${w.files} (${w.ruleSet} ${quote.ruleSetHash})`,
    files: quote.ruleFiles.map((f) => [f.file, f.hash]),
    footer: w.footer,
  };
}
