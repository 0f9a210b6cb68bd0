import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { QuoteDocument } from './quote-document-model.js';

const require = createRequire(import.meta.url);
/** DejaVu Sans (from the dejavu-fonts-ttf package): Latin and Cyrillic, embedded (subset) in every PDF. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const MARGIN = 40;

/** The quote document as an A4 PDF, laid out from the same model as the HTML page. */
export function quoteDocumentPdf(d: QuoteDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: d.title, Producer: 'ThroughRate', Creator: 'ThroughRate' },
    lang: d.lang,
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.font('bold').fontSize(15).text(d.title);
  doc.moveDown(0.5);
  table(
    doc,
    [0.3, 0.7].map((f) => f * width),
    d.facts.map(([k, v]) => [k, v]),
    { boldFirst: true, size: 8.5 },
  );
  heading(doc, d.chargesTitle);
  const widths = [0.2, 0.28, 0.3, 0.09, 0.13].map((f) => f * width);
  table(doc, widths, [d.columns.slice()], { bold: true, size: 7.5 });
  for (const g of d.groups) {
    ensure(doc, 40);
    doc
      .font('bold')
      .fontSize(8)
      .text(g.heading, MARGIN, doc.y + 2, { width });
    table(
      doc,
      widths,
      g.rows.map((r) => [...r]),
      { size: 7, alignLast: 'right' },
    );
    table(doc, [width * 0.87, width * 0.13], [[...g.subtotal]], {
      bold: true,
      size: 7.5,
      alignLast: 'right',
    });
  }
  doc.moveDown(0.5);
  table(
    doc,
    [width * 0.7, width * 0.3],
    d.totals.map(([k, v]) => [k, v]),
    { bold: true, size: 9, alignLast: 'right' },
  );
  doc
    .font('body')
    .fontSize(8)
    .text(d.vatNote, MARGIN, doc.y + 4, { width });
  heading(doc, d.notesTitle);
  for (const note of d.notes) doc.font('body').fontSize(8).text(`• ${note}`, MARGIN, doc.y, { width });
  heading(doc, d.versionsTitle);
  table(
    doc,
    [0.1, 0.13, 0.3, 0.47].map((f) => f * width),
    d.versions.map((v) => [...v]),
    { size: 7 },
  );
  heading(doc, d.filesTitle);
  table(
    doc,
    [0.45, 0.55].map((f) => f * width),
    d.files.map(([f, h]) => [f, h]),
    { size: 6.5 },
  );
  doc.moveDown(0.5);
  doc.font('body').fontSize(7.5).text(d.footer, MARGIN, doc.y, { width });
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  ensure(doc, 50);
  doc.moveDown(0.6);
  doc
    .font('bold')
    .fontSize(11)
    .text(text, MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN });
  doc.moveDown(0.2);
}

function ensure(doc: PDFKit.PDFDocument, room: number): void {
  if (doc.y + room > doc.page.height - MARGIN) doc.addPage();
}

/** Rows of wrapped cells; a row that does not fit starts a new page. */
function table(
  doc: PDFKit.PDFDocument,
  widths: readonly number[],
  rows: readonly (readonly string[])[],
  style: { size: number; bold?: boolean; boldFirst?: boolean; alignLast?: 'right' },
): void {
  for (const row of rows) {
    const font = (i: number) => (style.bold || (style.boldFirst && i === 0) ? 'bold' : 'body');
    const heights = row.map((cell, i) =>
      doc
        .font(font(i))
        .fontSize(style.size)
        .heightOfString(cell, { width: (widths[i] ?? 50) - 4 }),
    );
    const height = Math.max(...heights) + 4;
    ensure(doc, height);
    const y = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      const w = widths[i] ?? 50;
      doc
        .font(font(i))
        .fontSize(style.size)
        .text(cell, x + 2, y + 2, {
          width: w - 4,
          align: style.alignLast && i === row.length - 1 ? style.alignLast : 'left',
        });
      x += w;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + widths.reduce((s, w) => s + w, 0), y + height)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  }
}
