import type { RuleIssue } from './rule-issue.js';

/** A CSV rule table: its header and its rows, each with the line it stands on (1 = the header). */
export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/**
 * Reads a comma-separated table (double quotes around a cell that holds a comma or a quote, "" for a quote).
 * Problems are reported with the file and line, as for YAML rule files.
 */
export function parseCsvTable(file: string, text: string, issues: RuleIssue[]): CsvTable | undefined {
  const lines = text.split(/\r?\n/);
  const rows: { line: number; cells: string[] }[] = [];
  let header: string[] | undefined;
  const at = (line: number, message: string, column = 1): RuleIssue => ({
    file,
    line,
    column,
    path: '',
    message,
  });
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue;
    const cells = splitLine(raw);
    if (cells === undefined) {
      issues.push(at(i + 1, 'unbalanced double quotes'));
      continue;
    }
    if (header === undefined) header = cells;
    else if (cells.length !== header.length) {
      issues.push(at(i + 1, `${cells.length} cells, but the header has ${header.length}`));
    } else rows.push({ line: i + 1, cells });
  }
  if (header === undefined) {
    issues.push(at(1, 'empty table: a header line is expected'));
    return undefined;
  }
  return { file, header, rows };
}

function splitLine(line: string): string[] | undefined {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

/** The issue for one cell of a table. */
export function cellIssue(table: CsvTable, line: number, column: string, message: string): RuleIssue {
  const index = table.header.indexOf(column);
  return { file: table.file, line, column: index + 1, path: `column ${column}`, message };
}
