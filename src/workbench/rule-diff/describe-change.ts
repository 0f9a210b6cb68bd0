import { formatFigure } from '../../domain/core/money.js';
import { isRecord, parsePath } from '../../rules/rule-path.js';
import type { RuleChange } from '../drafts/rule-changes.js';
import { deepEqual } from '../drafts/rule-changes.js';

/** A change told in tariff terms: what it touches, what moved from what to what, and from when. */
export interface ChangeDescription {
  readonly railway?: string | undefined;
  /** "KTZ cis-transit coefficient container-distance-1501-2000 (Transit container, 1 501–2 000 km)". */
  readonly subject: string;
  /** "factor 0.80 → 0.75", "band 1 001–3 000 km: perKm 0.90 → 0.95", "added: ×0.75 when …". */
  readonly details: readonly string[];
  /** "from 2026-04-01", "2026-01-01 to 2026-03-31", or '' for undated files (network, cargo, fx). */
  readonly when: string;
  /** The three above in one line. */
  readonly text: string;
}

const SINGULAR: Record<string, string> = {
  rates: 'rate',
  charges: 'charge',
  coefficients: 'coefficient',
  stations: 'station',
  links: 'link',
  crossings: 'crossing',
  borders: 'border',
  etsng: 'ETSNG',
  gng: 'GNG',
  groups: 'cargo group',
  tables: 'coefficient table',
  periods: 'period',
};

/** `fileData` is the file on the side the change lands in (the old side for a removal). */
export function describeChange(change: RuleChange, fileData: unknown): ChangeDescription {
  const [folder, owner] = change.file.split('/');
  const railway = folder === 'railways' || folder === 'amendments' ? owner : undefined;
  const file = isRecord(fileData) ? fileData : {};
  const subject = subjectOf(change, folder ?? '', file);
  const details = detailsOf(change);
  const when = whenOf(folder ?? '', file);
  const text = `${subject}: ${details.join('; ')}${when ? ` ${when}` : ''}`;
  return { railway, subject, details, when, text };
}

/** Dated files (railway versions, amendments, corridor agreements, rate cards) say from when; the others nothing. */
function whenOf(_folder: string, file: Record<string, unknown>): string {
  if (typeof file.effectiveFrom !== 'string') return '';
  return typeof file.effectiveTo === 'string'
    ? `from ${file.effectiveFrom} to ${file.effectiveTo}`
    : `from ${file.effectiveFrom}`;
}

function subjectOf(change: RuleChange, folder: string, file: Record<string, unknown>): string {
  const owner = change.file.split('/')[1] ?? '';
  const head =
    folder === 'railways'
      ? `${owner} version ${String(file.effectiveFrom ?? change.file.split('/')[2]?.replace(/\.ya?ml$/, ''))}`
      : folder === 'amendments'
        ? `${owner} amendment ${String(file.id ?? change.file)}`
        : change.file;
  if (change.path === '') {
    if (change.scope === 'file') return `${head} (${change.file})`;
    if (change.copiedFrom) return `${head}, new (${change.file}), compared with ${change.copiedFrom}`;
    return `${head} settings`;
  }
  const segments = parsePath(change.path) ?? [];
  const words: string[] =
    folder === 'railways' || folder === 'amendments'
      ? [owner]
      : folder === 'corridors'
        ? [`corridor ${owner}`]
        : folder === 'alternatives'
          ? [`${owner} rate card`]
          : [];
  let listKey = '';
  for (const s of segments) {
    if (s.kind === 'key') listKey = s.key;
    else if (s.kind === 'identity') {
      if (listKey === 'regimes' || listKey === 'changes') words.push(s.identity);
      else if (listKey === 'rates' && folder === 'fx') words.push(`exchange rate ${s.identity}`);
      else if (listKey === 'links') words.push(`link ${s.identity.replace('>', ' – ')}`);
      else if (listKey === 'book3') words.push(`ТР-4 Book 3 distance ${s.identity.replace('>', ' – ')}`);
      else if (listKey === 'book1' || listKey === 'book1-supplement')
        words.push(`ТР-4 Book 1 distance from station ${s.identity.replace('>', ' to transit point ')}`);
      else if (listKey === 'periods') words.push(`period ${s.identity.replace('>', ' to ')}`);
      else words.push(`${SINGULAR[listKey] ?? listKey} ${s.identity}`);
    }
  }
  if (folder === 'amendments') words.splice(1, 0, `amendment ${String(file.id ?? '')}`);
  if (change.scope === 'order') words.push(`order of ${listKey}`);
  if (change.scope === 'settings') words.push('settings');
  const item = change.after ?? change.before;
  const name = isRecord(item) ? (item.description ?? item.name) : undefined;
  return `${words.join(' ')}${change.scope === 'item' && typeof name === 'string' ? ` (${name})` : ''}`;
}

function detailsOf(change: RuleChange): string[] {
  if (change.scope === 'order') return [`${listText(change.before)} → ${listText(change.after)}`];
  if (change.scope === 'file') {
    const data = isRecord(change.after ?? change.before) ? (change.after ?? change.before) : {};
    const title = isRecord(data) && typeof data.title === 'string' ? `: ${data.title}` : '';
    return [`file ${change.kind}${title}`];
  }
  if (change.kind === 'added' && change.copiedFrom === undefined) return [`added: ${summary(change.after)}`];
  if (change.kind === 'removed') return [`removed (was ${summary(change.before)})`];
  const lines = leafChanges(change.before, change.after, '');
  return lines.length > 0 ? lines : ['unchanged in substance'];
}

/** What an item says, briefly: its amounts and its conditions. */
function summary(item: unknown): string {
  if (!isRecord(item)) return show(item);
  const parts: string[] = [];
  if (typeof item.factor === 'string') parts.push(`×${item.factor}`);
  if (isRecord(item.formula)) parts.push(formulaText(item.formula));
  if (Array.isArray(item.bands)) parts.push(item.bands.map(bandText).join(', '));
  if (typeof item.basis === 'string') parts.push(`per ${item.basis}`);
  if (typeof item.km === 'number') parts.push(`${formatFigure(item.km)} km`);
  if (typeof item.rate === 'string') parts.push(`rate ${item.rate}`);
  if (isRecord(item.coefficients)) parts.push(show(item.coefficients));
  if (typeof item.tariffClass === 'number') parts.push(`class ${item.tariffClass}`);
  if (isRecord(item.when) && Object.keys(item.when).length > 0) parts.push(`when ${show(item.when)}`);
  if (Array.isArray(item.appliesTo)) parts.push(`on ${item.appliesTo.join(', ')}`);
  if (parts.length === 0 && typeof item.name === 'string') parts.push(item.name);
  return parts.join(' ') || show(item);
}

function formulaText(formula: Record<string, unknown>): string {
  const fixed = typeof formula.fixed === 'string' ? formatFigure(formula.fixed) : undefined;
  const perKm = typeof formula.perKm === 'string' ? `${formatFigure(formula.perKm)}/km` : undefined;
  return [fixed, perKm].filter(Boolean).join(' + ');
}

function bandText(band: unknown): string {
  if (!isRecord(band)) return show(band);
  const amounts = typeof band.rate === 'string' ? formatFigure(band.rate) : formulaText(band);
  return `${bandRange(band)}: ${amounts}`;
}

function bandRange(band: Record<string, unknown>): string {
  const from = formatFigure(Number(band.fromKm));
  return band.toKm === undefined
    ? `band over ${from} km`
    : `band ${from}–${formatFigure(Number(band.toKm))} km`;
}

/** Differences leaf by leaf, with bands named by their distance range. */
function leafChanges(before: unknown, after: unknown, at: string): string[] {
  if (deepEqual(before, after)) return [];
  if (isRecord(before) && isRecord(after)) {
    const out: string[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const path = at ? `${at}.${key}` : key;
      if (key === 'bands' && Array.isArray(before[key]) && Array.isArray(after[key]))
        out.push(...bandChanges(before[key], after[key]));
      else if (key === 'reference' && before[key] !== undefined && after[key] !== undefined) {
        if (before[key] !== after[key]) out.push('reference changed');
      } else if (key === 'description' && before[key] !== undefined && after[key] !== undefined) {
        if (before[key] !== after[key]) out.push(`described as "${String(after[key])}"`);
      } else out.push(...leafChanges(before[key], after[key], path));
    }
    return out;
  }
  const label = at.replace(/^when\./, 'condition ').replace(/^formula\./, '');
  if (before === undefined) return [`${label} added: ${show(after)}`];
  if (after === undefined) return [`${label} removed (was ${show(before)})`];
  return [`${label} ${show(before)} → ${show(after)}`];
}

function bandChanges(before: readonly unknown[], after: readonly unknown[]): string[] {
  const sameRanges =
    before.length === after.length &&
    before.every(
      (b, i) =>
        isRecord(b) && isRecord(after[i]) && b.fromKm === after[i]?.fromKm && b.toKm === after[i]?.toKm,
    );
  if (!sameRanges) return [`bands ${before.map(bandText).join(', ')} → ${after.map(bandText).join(', ')}`];
  const out: string[] = [];
  before.forEach((b, i) => {
    const a = after[i];
    if (!isRecord(b) || !isRecord(a) || deepEqual(b, a)) return;
    const inner = leafChanges(b, a, '').map((text) => text.replace(/^(fixed|perKm|rate) /, '$1 '));
    out.push(`${bandRange(b)}: ${inner.join(', ')}`);
  });
  return out;
}

function show(value: unknown): string {
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value) ? formatFigure(value) : value;
  if (typeof value === 'number') return formatFigure(value);
  if (Array.isArray(value)) return listText(value);
  if (isRecord(value)) {
    if ('min' in value || 'max' in value) {
      const min = value.min === undefined ? '…' : formatFigure(Number(value.min));
      const max = value.max === undefined ? '…' : formatFigure(Number(value.max));
      return `${min}–${max}`;
    }
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${show(v)}`)
      .join(', ')} }`;
  }
  return String(value);
}

function listText(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(show).join(', ')}]` : show(value);
}
