import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { amount } from '../src/domain/core/money.js';
import { ImpactTotals } from '../src/domain/whatif/impact-totals.js';
import { priceOutcome } from '../src/domain/whatif/price-outcome.js';
import { shipmentOf } from '../src/workbench/whatif/portfolio-item.js';
import { parseCsvLine, parseRow } from '../src/workbench/whatif/read-portfolio.js';
import { printRow } from './suite.js';
import { type AssessedGroup, csvHeader, loadScenario, SAMPLE_PORTFOLIO } from './whatif-stream.js';

/** Each worker's heap is capped: a portfolio streamed in bounded memory must fit whatever its length. */
const WORKER_HEAP_MB = 160;

const HEADER = 'id,origin,destination,cargo,units,count,date,weight,ownership,loaded,massTonnes,via';

/**
 * `npm run bench -- whatif [--shipments N]` (default 1 000 000): re-rates a generated portfolio under the bundled
 * rules and the sample draft (rules/drafts/ktz-containers-2026-07) on every core (worker threads, each streaming the
 * file and taking one shard of its distinct shipments), against the same streaming code on one thread and against
 * uncached pricing, in the same run. A shipment-pricing is one row priced under one rule set: each row counts twice (baseline and draft).
 * What is reused: the assessment of a distinct shipment (same request fields, dates in the same rules epoch) and, for
 * rows identical in that sense, one group with summed weights. Nothing else; no row is held in memory.
 */
export async function whatif(): Promise<void> {
  const shipments = numberAfter('--shipments') ?? 1_000_000;
  const cores = availableParallelism();
  const dir = mkdtempSync(join(tmpdir(), 'throughrate-whatif-'));
  try {
    const file = join(dir, 'portfolio.csv');
    let started = performance.now();
    await generatePortfolio(file, shipments);
    printRow(
      `generate a portfolio of ${shipments.toLocaleString('en')} shipments`,
      `${seconds(started)}, ${(statSync(file).size / 1e6).toFixed(0)} MB (from the ${templates().length} rows of rules/portfolios/sample.csv, dates over 2026)`,
    );

    const draft = await loadScenario();
    const uncached = pricingsPerSecondUncached(draft);
    printRow('uncached pricing, one thread (baseline 1)', `${uncached.toFixed(0)} shipment-pricings/s`);

    const header = await csvHeader(file);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    started = performance.now();
    let cpu = process.cpuUsage();
    const results = await inWorkers(file, header, cores, shipments);
    const elapsed = (performance.now() - started) / 1000;
    const busy = coresBusy(process.cpuUsage(cpu), elapsed);
    clearInterval(sampler);
    const rows = results.reduce((acc, r) => acc + r.rows, 0);
    const rate = (2 * rows) / elapsed;
    const ready = Math.max(...results.map((r) => r.loadMs)) / 1000;

    started = performance.now();
    cpu = process.cpuUsage();
    const [single] = await inWorkers(file, header, 1, shipments);
    const singleElapsed = (performance.now() - started) / 1000;
    const singleBusy = coresBusy(process.cpuUsage(cpu), singleElapsed);
    const singleRate = (2 * (single?.rows ?? 0)) / singleElapsed;

    printRow(
      `whatif on ${cores} worker threads, ${rows.toLocaleString('en')} rows`,
      `${elapsed.toFixed(1)} s, ${rate.toFixed(0)} shipment-pricings/s (target ≥ 100 000; ${(rate / singleRate).toFixed(2)} × baseline 2, ${(rate / uncached).toFixed(0)} × baseline 1); ${busy} cores busy`,
    );
    printRow(
      '  per worker: loading the rules and the draft; assessing',
      `${ready.toFixed(1)} s; ${results.map((r) => `${(r.assessingMs / 1000).toFixed(1)} s`).join(' and ')} (one worker alone: ${((single?.assessingMs ?? 0) / 1000).toFixed(1)} s)`,
    );
    printRow(
      `peak memory of the process during it (all threads; each worker's heap capped at ${WORKER_HEAP_MB} MB)`,
      `${(peakRss / 1e6).toFixed(0)} MB for a ${(statSync(file).size / 1e6).toFixed(0)} MB file`,
    );
    printRow(
      'the same worker code on one worker thread, same file (baseline 2)',
      `${singleElapsed.toFixed(1)} s, ${singleRate.toFixed(0)} shipment-pricings/s (${single?.groups.length} distinct shipments assessed); ${singleBusy} cores busy (garbage collection runs beside the thread)`,
    );

    const totals = new ImpactTotals('USD');
    const merged = new Map<string, AssessedGroup>();
    for (const group of results.flatMap((r) => r.groups)) {
      const known = merged.get(group.key);
      merged.set(
        group.key,
        known
          ? {
              ...known,
              weight: amount(known.weight).plus(group.weight).toFixed(),
              rows: known.rows + group.rows,
            }
          : group,
      );
    }
    for (const g of merged.values()) totals.add(g.shipment, g.impact, g.cargoGroup, amount(g.weight), g.rows);
    const summary = totals.summary();
    printRow(
      'distinct shipments (request × rules epoch)',
      `${merged.size} (${results.map((r) => r.groups.length).join(' + ')} assessed by the workers); ${results.reduce((a, r) => a + r.invalid, 0)} invalid rows`,
    );
    printRow(
      'revenue, weighted (USD)',
      `baseline ${summary.revenue.baseline}, draft ${summary.revenue.draft}, change ${summary.revenue.change} (${summary.revenue.percent} %)`,
    );
    for (const r of summary.byRailway.filter((x) => x.change !== '0.00'))
      printRow(`  ${r.railway} revenue change (${r.currency})`, `${r.change} (${r.percent} %)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function inWorkers(file: string, header: string[], cores: number, total: number) {
  const read = new Array<number>(cores).fill(0);
  let shown = 0;
  return Promise.all(
    Array.from({ length: cores }, (_, i) => {
      const worker = new Worker(new URL('./whatif-worker.js', import.meta.url), {
        workerData: { file, header, shard: i, shards: cores },
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      return new Promise<{
        rows: number;
        groups: AssessedGroup[];
        invalid: number;
        loadMs: number;
        assessingMs: number;
      }>((resolve, reject) => {
        worker.on(
          'message',
          (message: {
            progress?: number;
            result?: {
              rows: number;
              groups: AssessedGroup[];
              invalid: number;
              loadMs: number;
              assessingMs: number;
            };
          }) => {
            if (message.progress !== undefined) {
              read[i] = message.progress;
              const done = Math.min(...read);
              if (done - shown >= 100_000) {
                shown = done;
                progress(`${cores} worker thread(s)`, done, total);
              }
            }
            if (message.result) resolve(message.result);
          },
        );
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker ${i} stopped with exit code ${code}`));
        });
      });
    }),
  ).finally(() => process.stderr.write('\n'));
}

/** CPU time over wall time: how many cores the process kept busy on average. */
function coresBusy(usage: NodeJS.CpuUsage, seconds: number): string {
  return ((usage.user + usage.system) / 1e6 / seconds).toFixed(2);
}

function progress(label: string, done: number, total: number): void {
  process.stderr.write(
    `  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} shipments\r`,
  );
}

/** Rows of the sample portfolio, as the templates of the generated one. */
function templates(): string[][] {
  const lines = readFileSync(SAMPLE_PORTFOLIO, 'utf8').split('\n');
  const body = lines.filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return body.slice(1).map(parseCsvLine);
}

/** A deterministic portfolio: sample rows with dates spread over 2026 and varied weights. */
async function generatePortfolio(file: string, shipments: number): Promise<void> {
  const rows = templates();
  const out = createWriteStream(file);
  let seed = 20_260_701;
  const random = () => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return seed / 4_294_967_296;
  };
  const write = (text: string) =>
    new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', () => resolve())));
  await write(`# generated for the whatif benchmark\n${HEADER}\n`);
  let chunk: string[] = [];
  for (let i = 1; i <= shipments; i++) {
    const t = rows[Math.floor(random() * rows.length)] ?? [];
    const day = new Date(Date.UTC(2026, 0, 1 + Math.floor(random() * 365))).toISOString().slice(0, 10);
    const weight = [1, 2, 4, 12, 52][Math.floor(random() * 5)];
    chunk.push(`B${i},${t[1]},${t[2]},${t[3]},${t[4]},${t[5]},${day},${weight},${t[8]},${t[9]},${t[10]},`);
    if (chunk.length === 10_000) {
      await write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) await write(`${chunk.join('\n')}\n`);
  await new Promise<void>((resolve) => out.end(resolve));
}

/** Baseline 1: each row of the sample priced afresh under baseline and draft, no reuse at all. */
function pricingsPerSecondUncached(draft: Awaited<ReturnType<typeof loadScenario>>): number {
  const header = parseCsvLine(HEADER);
  const requests = templates().flatMap((cells, i) => {
    const row = parseRow(i + 1, cells.join(','), header);
    return row.item ? [shipmentOf(row.item, i + 1, 'USD').request] : [];
  });
  const started = performance.now();
  let pricings = 0;
  for (const request of requests) {
    priceOutcome(draft.baseline, request);
    priceOutcome(draft.ruleSet, request);
    pricings += 2;
  }
  return pricings / ((performance.now() - started) / 1000);
}

function numberAfter(flag: string): number | undefined {
  const i = process.argv.indexOf(flag);
  const value = i === -1 ? undefined : Number(process.argv[i + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : undefined;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
