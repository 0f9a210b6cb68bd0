/** Calendar dates as ISO strings (YYYY-MM-DD): they compare correctly as strings. */
export type IsoDate = string;

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export function isValidIsoDate(text: string): boolean {
  if (!ISO_DATE_PATTERN.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** Dates `days` later, by span and then by date: the texts are the rules' and the request's own, hashed once. */
const added = new Map<number, Map<IsoDate, IsoDate>>();

/** The date `days` later (memoised: quotes ask for the same few dates and spans over and over). */
export function addDays(date: IsoDate, days: number): IsoDate {
  let bySpan = added.get(days);
  if (!bySpan) {
    bySpan = new Map();
    added.set(days, bySpan);
  }
  let found = bySpan.get(date);
  if (found === undefined) {
    const parsed = new Date(`${date}T00:00:00Z`);
    parsed.setUTCDate(parsed.getUTCDate() + days);
    found = parsed.toISOString().slice(0, 10);
    if (bySpan.size >= 8192) bySpan.clear();
    bySpan.set(date, found);
  }
  return found;
}

/** Inclusive window check; an absent bound is open. */
export function withinWindow(date: IsoDate, from?: IsoDate, to?: IsoDate): boolean {
  return (from === undefined || date >= from) && (to === undefined || date <= to);
}

export function endOfQuarter(date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const lastMonth = Math.ceil(month / 3) * 3;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${String(lastMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}
