import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { ShipmentResult, WhatIfReport } from '../../domain/whatif/whatif-report.js';
import { whatIfHtml } from './whatif-html.js';

/** A report file being written while the portfolio streams: shipments as they come, the totals at the end. */
export interface ReportFile {
  shipment(result: ShipmentResult): Promise<void>;
  finish(report: WhatIfReport): Promise<void>;
  /** Removes what was written (the run failed). */
  abandon(): Promise<void>;
}

/** Shipments kept for the HTML report's table; the CSV and JSON reports list every one. */
export const HTML_SHIPMENTS = 1000;

export async function openReportFile(path: string, currency: string): Promise<ReportFile> {
  const partial = `${path}.partial`;
  if (path.toLowerCase().endsWith('.html')) {
    const kept: ShipmentResult[] = [];
    return {
      shipment: async (result) => {
        if (kept.length < HTML_SHIPMENTS) kept.push(result);
      },
      finish: (report) => writeFile(path, whatIfHtml(report, kept)),
      abandon: async () => {},
    };
  }
  const stream = createWriteStream(partial, 'utf8');
  const csv = path.toLowerCase().endsWith('.csv');
  let first = true;
  await write(stream, csv ? `${CSV_COLUMNS.join(',')}\n` : '{"shipments":[\n');
  return {
    shipment: async (result) => {
      const text = csv ? `${csvRow(result, currency)}\n` : `${first ? '' : ',\n'}${JSON.stringify(result)}`;
      first = false;
      await write(stream, text);
    },
    finish: async (report) => {
      if (!csv) await write(stream, `\n],${JSON.stringify(report).slice(1)}\n`);
      await close(stream);
      await rename(partial, path);
    },
    abandon: async () => {
      await close(stream);
      await rm(partial, { force: true });
    },
  };
}

const CSV_COLUMNS = [
  'line',
  'id',
  'origin',
  'destination',
  'cargo',
  'units',
  'count',
  'date',
  'weight',
  'status',
  'currency',
  'baseline',
  'draft',
  'difference',
  'percent',
  'contributions',
  'baseline_route',
  'draft_route',
  'reason',
];

function csvRow(r: ShipmentResult, currency: string): string {
  const cells = [
    r.line,
    r.id,
    r.origin,
    r.destination,
    r.cargo,
    r.units,
    r.count,
    r.date,
    r.weight,
    r.status,
    currency,
    r.baseline ?? '',
    r.draft ?? '',
    r.difference ?? '',
    r.percent ?? '',
    r.contributions.map((c) => `#${c.changes.join('+#')} ${c.amount}`).join('; '),
    r.baselineOutcome.priced ? r.baselineOutcome.route : '',
    r.draftOutcome.priced ? r.draftOutcome.route : '',
    r.reason ?? '',
  ];
  return cells.map((c) => csvCell(String(c))).join(',');
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function write(stream: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.write(text)) resolve();
    else {
      stream.once('drain', resolve);
      stream.once('error', reject);
    }
  });
}

function close(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
