/**
 * Portfolio text without a schema or a file: CSV lines into cells, cells into candidate items, and a whole CSV or
 * JSON-lines text into candidates. Pure, so the browser workbench reads an uploaded portfolio with the same code the
 * command line streams files with; the candidates are validated by PortfolioItemSchema where they are used.
 */

const NUMBER_COLUMNS = new Set(['count', 'massTonnes', 'axles']);
const COLUMN_ALIASES: Record<string, string> = { mass: 'massTonnes', mass_tonnes: 'massTonnes' };

/** A CSV record (header → cell) as a candidate item: empty cells dropped, numbers, yes/no and via lists parsed. */
export function itemFromCsv(record: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(record)) {
    const key = COLUMN_ALIASES[rawKey] ?? rawKey;
    const value = rawValue.trim();
    if (value === '') continue;
    if (NUMBER_COLUMNS.has(key)) out[key] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    else if (key === 'loaded')
      out[key] = /^(yes|true|1|y)$/i.test(value) ? true : /^(no|false|0|n)$/i.test(value) ? false : value;
    else if (key === 'via') out[key] = value.split(/[\s;]+/).filter(Boolean);
    else out[key] = value;
  }
  return out;
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

/** Every row of a CSV text (a header, then rows; # lines and blank lines skipped) or of JSON lines, as candidates. */
export function portfolioCandidates(text: string): { items: unknown[]; errors: string[] } {
  const items: unknown[] = [];
  const errors: string[] = [];
  let header: string[] | undefined;
  const lines = text.split(/\r?\n/);
  const first = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#'))?.trim() ?? '';
  const csv = !first.startsWith('{');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (!csv) {
      try {
        items.push(JSON.parse(line));
      } catch {
        errors.push(`line ${i + 1}: not a JSON object`);
      }
      return;
    }
    if (!header) {
      header = parseCsvLine(line).map((h) => h.trim());
      return;
    }
    const cells = parseCsvLine(line);
    if (cells.length !== header.length) {
      errors.push(`line ${i + 1}: ${cells.length} cells where the header has ${header.length} columns`);
      return;
    }
    const columns = header;
    items.push(itemFromCsv(Object.fromEntries(columns.map((h, k) => [h, cells[k] ?? '']))));
  });
  return { items, errors };
}
