import type { QuoteDocument } from './quote-document-model.js';

/** The quote document as one printable HTML page (A4, no script, no external resource). */
export function quoteDocumentHtml(d: QuoteDocument): string {
  const e = esc;
  const facts = d.facts.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('');
  const head = `<tr>${d.columns.map((c, i) => `<th scope="col"${i === 4 ? ' class="num"' : ''}>${e(c)}</th>`).join('')}</tr>`;
  const groups = d.groups
    .map(
      (g) =>
        `<tbody><tr class="group"><th colspan="5" scope="rowgroup">${e(g.heading)}</th></tr>${g.rows
          .map(
            (r) =>
              `<tr><td>${e(r[0])}</td><td class="formula">${e(r[1])}</td><td class="ref">${e(r[2])}</td><td>${e(r[3])}</td><td class="num">${e(r[4])}</td></tr>`,
          )
          .join(
            '',
          )}<tr class="subtotal"><td colspan="4">${e(g.subtotal[0])}</td><td class="num">${e(g.subtotal[1])}</td></tr></tbody>`,
    )
    .join('');
  const totals = d.totals
    .map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td class="num">${e(v)}</td></tr>`)
    .join('');
  const versions = d.versions
    .map((v) => `<tr>${v.map((c, i) => `<td${i === 3 ? ' class="hash"' : ''}>${e(c)}</td>`).join('')}</tr>`)
    .join('');
  const files = d.files.map(([f, h]) => `<tr><td>${e(f)}</td><td class="hash">${e(h)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="${d.lang}"><head><meta charset="utf-8"><title>${e(d.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
@page{size:A4;margin:14mm 12mm}
body{font:10.5pt/1.4 "DejaVu Sans",system-ui,sans-serif;color:#111;max-width:190mm;margin:1em auto;padding:0 1em}
h1{font-size:16pt;margin:0 0 .4em;overflow-wrap:anywhere}h2{font-size:12pt;margin:1.2em 0 .4em;border-bottom:1px solid #999;overflow-wrap:anywhere}
table{border-collapse:collapse;width:100%;margin:.3em 0}th,td{text-align:left;vertical-align:top;padding:.2em .4em;border-bottom:1px solid #ddd}
.facts th{width:28%;font-weight:600}.num{text-align:right;white-space:nowrap}.formula{font-family:"DejaVu Sans Mono",monospace;font-size:9pt}
.ref{font-size:8.5pt;color:#333}.group th{background:#eef2f6}.subtotal td{font-weight:600}
.totals{width:60%;margin-left:auto}.totals th{font-weight:600}.hash{font-family:monospace;font-size:7.5pt;word-break:break-all;white-space:pre-line}
.note,.footer{font-size:9pt;color:#333}tr{break-inside:avoid}
</style></head><body>
<h1>${e(d.title)}</h1>
<table class="facts">${facts}</table>
<h2>${e(d.chargesTitle)}</h2>
<table class="charges"><thead>${head}</thead>${groups}</table>
<table class="totals">${totals}</table>
<p class="note">${e(d.vatNote)}</p>
<h2>${e(d.notesTitle)}</h2>
<ul>${d.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>
<h2>${e(d.versionsTitle)}</h2>
<table>${versions}</table>
<h2>${e(d.filesTitle)}</h2>
<table>${files}</table>
<p class="footer">${e(d.footer)}</p>
</body></html>
`;
}

function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
