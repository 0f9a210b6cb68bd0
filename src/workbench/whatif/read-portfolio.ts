import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { itemFromCsv, parseCsvLine } from './portfolio-csv.js';
import { type PortfolioItem, PortfolioItemSchema } from './portfolio-item.js';

export { parseCsvLine };

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
  let parser: CsvRowParser | undefined;
  let line = 0;
  for await (const text of lines) {
    line++;
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (csv && parser === undefined) {
      parser = new CsvRowParser(parseCsvLine(trimmed).map((h) => h.trim()));
      continue;
    }
    yield parser ? parser.parse(line, trimmed) : parseRow(line, trimmed, undefined);
  }
}

const { id: IdCell, date: DateCell, weight: WeightCell } = PortfolioItemSchema.shape;

/**
 * Parses the rows of one CSV. Rows that differ only in id, date and weight are one shipment asked for on other
 * days or in other numbers: the first is validated in full and the others reuse its item, their own id, date and
 * weight checked by the same schema. At most `limit` shipments are remembered.
 */
export class CsvRowParser {
  private readonly known = new Map<string, PortfolioItem>();
  private readonly at: { id: number; date: number; weight: number };

  constructor(
    readonly header: readonly string[],
    private readonly limit = 20_000,
  ) {
    this.at = { id: header.indexOf('id'), date: header.indexOf('date'), weight: header.indexOf('weight') };
  }

  parse(line: number, text: string): PortfolioRow {
    const cells = parseCsvLine(text);
    if (cells.length !== this.header.length) return parseRow(line, text, this.header);
    const cell = (i: number) => (i === -1 ? '' : (cells[i] ?? '').trim());
    const shape = cells
      .filter((_, i) => i !== this.at.id && i !== this.at.date && i !== this.at.weight)
      .join('\u0001');
    const known = this.at.date === -1 ? undefined : this.known.get(shape);
    if (known) {
      const id = cell(this.at.id) || undefined;
      const date = cell(this.at.date);
      const weight = cell(this.at.weight) || undefined;
      if (
        IdCell.safeParse(id).success &&
        DateCell.safeParse(date).success &&
        WeightCell.safeParse(weight).success
      )
        return { line, item: { ...known, id, date, weight } };
    }
    const row = parseRow(line, text, this.header);
    if (row.item) {
      if (this.known.size >= this.limit) this.known.clear();
      this.known.set(shape, row.item);
    }
    return row;
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
