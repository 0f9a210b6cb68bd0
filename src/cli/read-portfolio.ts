import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { itemFromCsv, type PortfolioItem, PortfolioItemSchema } from '../rules/portfolio-item.js';

export type PortfolioRow =
  | { readonly line: number; readonly item: PortfolioItem; readonly error?: undefined }
  | { readonly line: number; readonly error: string; readonly item?: undefined };

/**
 * Streams a portfolio file row by row: CSV (a header line, then one row per line; lines starting with # and blank
 * lines are skipped) or JSON lines (one object per line) for any other extension. Memory does not grow with the file.
 */
export async function* readPortfolio(file: string): AsyncGenerator<PortfolioRow> {
  const csv = file.toLowerCase().endsWith('.csv');
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: string[] | undefined;
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (csv && header === undefined) {
      header = parseCsvLine(trimmed).map((h) => h.trim());
      continue;
    }
    yield parseRow(line, trimmed, header);
  }
}

export function parseRow(line: number, text: string, header: readonly string[] | undefined): PortfolioRow {
  let candidate: unknown;
  if (header) {
    const cells = parseCsvLine(text);
    if (cells.length !== header.length)
      return { line, error: `${cells.length} cells where the header has ${header.length} columns` };
    candidate = itemFromCsv(Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
  } else {
    try {
      candidate = JSON.parse(text);
    } catch {
      return { line, error: 'not a JSON object' };
    }
  }
  const parsed = PortfolioItemSchema.safeParse(candidate);
  if (parsed.success) return { line, item: parsed.data };
  return {
    line,
    error: parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; '),
  };
}

/** One CSV line: commas separate cells; a cell in double quotes may hold commas and "" for a quote. */
export function parseCsvLine(text: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
