import type { Station, Tr4Network } from '../domain/rule-set/network.js';
import { buildTariffDistances, type TransitPointDistance } from '../domain/rule-set/tr4/tariff-distances.js';
import type { Parsed } from './compile-reference-data.js';
import { type CsvTable, cellIssue, parseCsvTable } from './csv-table.js';
import type { RuleIssue } from './rule-issue.js';
import type { Tr4Manifest } from './schema/tr4.js';

const ESR = /^\d{6}$/;
/** ТР-4 names the export (border) points "… (эксп.)". */
const BORDER_POINT = /\(эксп/;
const COUNTRY: Record<string, string> = { RZD: 'RU', KTZ: 'KZ', TDY: 'TM', RAI: 'IR' };
const DISTANCES = new Set(['transit-point', 'book1', 'none']);
const STATION_COLUMNS = ['esr', 'name', 'latin', 'railway', 'road', 'operations', 'distances'];

export function compileTr4(
  manifest: Parsed<Tr4Manifest>,
  csv: ReadonlyMap<string, string>,
  issues: RuleIssue[],
): Tr4Network | undefined {
  const m = manifest.data;
  const folder = manifest.source.file.slice(0, manifest.source.file.lastIndexOf('/') + 1);
  const table = (file: string, key: string, columns: readonly string[]): CsvTable | undefined => {
    const text = csv.get(folder + file);
    if (text === undefined) {
      issues.push(manifest.source.issueAt([key, 'file'], `no file ${folder}${file}`));
      return undefined;
    }
    const parsed = parseCsvTable(folder + file, text, issues);
    if (parsed && parsed.header.join(',') !== columns.join(',')) {
      issues.push({
        file: folder + file,
        line: 1,
        column: 1,
        path: '',
        message: `expected the columns ${columns.join(',')}`,
      });
      return undefined;
    }
    return parsed;
  };
  const stationsTable = table(m.stations.file, 'stations', STATION_COLUMNS);
  const book1Table = table(m.book1.file, 'book1', ['station', 'transitPoint', 'km']);
  const supplement = m.book1Supplement
    ? table(m.book1Supplement.file, 'book1Supplement', [
        'station',
        'transitPoint',
        'km',
        'reference',
        'confidence',
      ])
    : undefined;
  const book3Table = table(m.book3.file, 'book3', ['from', 'to', 'km']);
  if (!stationsTable || !book1Table || !book3Table) return undefined;

  const stations = new Map<string, Station>();
  const kind = new Map<string, string>();
  const transitPoints: string[] = [];
  const transitPointNames = new Map<string, string>();
  for (const { line, cells } of stationsTable.rows) {
    const [esr = '', name = '', latin = '', railway = '', road = '', operations = '', distances = ''] = cells;
    const bad = (column: string, message: string) =>
      issues.push(cellIssue(stationsTable, line, column, message));
    if (!ESR.test(esr)) bad('esr', `expected a 6-digit ESR code, found "${esr}"`);
    else if (kind.has(esr)) bad('esr', `station ${esr} is listed twice`);
    if (!DISTANCES.has(distances)) bad('distances', 'expected transit-point, book1 or none');
    if (railway !== '' && COUNTRY[railway] === undefined) bad('railway', `unknown railway ${railway}`);
    kind.set(esr, distances);
    if (distances === 'transit-point') {
      transitPoints.push(esr);
      transitPointNames.set(esr, name);
    }
    if (railway === '') continue;
    stations.set(esr, {
      code: esr,
      esr,
      name: latin,
      nameLocal: name,
      aliases: [],
      railway,
      country: COUNTRY[railway] as string,
      road,
      operations: operations.split(/[\s,]+/).filter((code) => code !== ''),
      kinds: [],
      reference: m.stations.reference,
      confidence: m.stations.confidence,
    });
  }

  const book1 = new Map<string, TransitPointDistance[]>();
  const readBook1 = (t: CsvTable) => {
    for (const { line, cells } of t.rows) {
      const [station = '', transitPoint = '', km = ''] = cells;
      const stationKind = kind.get(station);
      if (stationKind === undefined) issues.push(cellIssue(t, line, 'station', `unknown station ${station}`));
      else if (stationKind !== 'book1')
        issues.push(
          cellIssue(t, line, 'station', `station ${station} is not marked book1 in ${m.stations.file}`),
        );
      if (kind.get(transitPoint) !== 'transit-point')
        issues.push(cellIssue(t, line, 'transitPoint', `unknown transit point ${transitPoint}`));
      if (!/^\d+$/.test(km))
        issues.push(cellIssue(t, line, 'km', `expected whole kilometres, found "${km}"`));
      const listed = book1.get(station) ?? [];
      if (listed.some((r) => r.transitPoint === transitPoint))
        issues.push(
          cellIssue(t, line, 'transitPoint', `station ${station} lists transit point ${transitPoint} twice`),
        );
      listed.push({ transitPoint, km: Number(km) });
      book1.set(station, listed);
    }
  };
  readBook1(book1Table);
  if (supplement) {
    for (const { line, cells } of supplement.rows) {
      const station = cells[0] ?? '';
      if (kind.get(station) === 'none') kind.set(station, 'book1');
      if (!['sourced', 'approximate', 'illustrative'].includes(cells[4] ?? ''))
        issues.push(
          cellIssue(supplement, line, 'confidence', 'expected sourced, approximate or illustrative'),
        );
      if ((cells[3] ?? '').trim() === '')
        issues.push(cellIssue(supplement, line, 'reference', 'a reference is required'));
    }
    readBook1(supplement);
  }
  for (const { line, cells } of stationsTable.rows) {
    const esr = cells[0] ?? '';
    if (kind.get(esr) === 'book1' && !book1.has(esr))
      issues.push(
        cellIssue(stationsTable, line, 'distances', `station ${esr} has no transit point in ${m.book1.file}`),
      );
  }

  // The pairs are checked by a numeric key (both ESR codes are 6 digits) and kept as rows: 93 670 of them.
  const seen = new Map<number, number>();
  const book3: [string, string, number][] = [];
  const rows = book3Table.rows;
  for (let r = 0; r < rows.length; r++) {
    const { line, cells } = rows[r] as CsvTable['rows'][number];
    const from = cells[0] ?? '';
    const to = cells[1] ?? '';
    const km = Number(cells[2]);
    if (kind.get(from) !== 'transit-point')
      issues.push(cellIssue(book3Table, line, 'from', `unknown transit point ${from}`));
    if (kind.get(to) !== 'transit-point')
      issues.push(cellIssue(book3Table, line, 'to', `unknown transit point ${to}`));
    if (from === to)
      issues.push(cellIssue(book3Table, line, 'to', 'a pair of one transit point with itself'));
    if (!Number.isInteger(km) || km < 0 || cells[2] === '')
      issues.push(cellIssue(book3Table, line, 'km', `expected whole kilometres, found "${cells[2]}"`));
    const a = Number(from);
    const b = Number(to);
    const key = a < b ? a * 1_000_000 + b : b * 1_000_000 + a;
    const before = seen.get(key);
    if (before !== undefined) {
      const first = rows[before] as CsvTable['rows'][number];
      const firstKm = Number(first.cells[2]);
      issues.push(
        cellIssue(
          book3Table,
          line,
          'from',
          firstKm === km
            ? `the pair ${from}–${to} is listed twice (line ${first.line}): list each pair once`
            : `the pair ${from}–${to} is listed again with another distance (${firstKm} km on line ${first.line}): asymmetric or duplicate`,
        ),
      );
    }
    seen.set(key, r);
    book3.push([from, to, km]);
  }

  return {
    stations,
    distances: buildTariffDistances(
      transitPoints,
      book1,
      book3,
      new Set(transitPoints.filter((tp) => BORDER_POINT.test(transitPointNames.get(tp) ?? ''))),
    ),
    transitPointNames,
    book1Reference: m.book1.reference,
    book3Reference: m.book3.reference,
    confidence: m.book3.confidence,
    file: manifest.source.file,
    wagonOperations: new Set(m.operations.wagons),
    containerOperations: new Set(m.operations.containers),
  };
}
