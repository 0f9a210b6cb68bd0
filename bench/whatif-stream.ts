import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { BUNDLED_RULES_DIR } from '../src/config.js';
import { epochOf } from '../src/domain/core/date-epochs.js';
import { type Amount, amount } from '../src/domain/core/money.js';
import type { ShipmentImpact } from '../src/domain/whatif/assess-impact.js';
import { ImpactCache, shipmentKey } from '../src/domain/whatif/impact-cache.js';
import type { PortfolioShipment } from '../src/domain/whatif/portfolio.js';
import { readRuleFiles } from '../src/rules/read-rule-files.js';
import { buildDraft, type Draft, prepareBaseline } from '../src/workbench/drafts/build-draft.js';
import { readDraft } from '../src/workbench/drafts/read-draft.js';
import { shipmentOf } from '../src/workbench/whatif/portfolio-item.js';
import { CsvRowParser, parseCsvLine } from '../src/workbench/whatif/read-portfolio.js';

export const SAMPLE_DRAFT_DIR = join(BUNDLED_RULES_DIR, 'drafts', 'ktz-containers-2026-07');
export const SAMPLE_PORTFOLIO = join(BUNDLED_RULES_DIR, 'portfolios', 'sample.csv');

/** The bundled rules and the sample draft, one step (baseline and draft only, no per-change attribution). */
export async function loadScenario(): Promise<Draft> {
  const baseline = prepareBaseline(await readRuleFiles(BUNDLED_RULES_DIR));
  const read = await readDraft([SAMPLE_DRAFT_DIR], baseline.files);
  const built = buildDraft(baseline, read.files, { attribution: false });
  if (!built.draft) throw new Error('the sample draft does not validate');
  return built.draft;
}

/** Identical rows folded into one: the shipment (its first row), the sum of the weights, how many rows. */
export interface Group {
  readonly shipment: PortfolioShipment;
  weight: Amount;
  rows: number;
}

/** What a worker sends back: each distinct shipment once, assessed, with its summed weight and row count. */
export interface AssessedGroup {
  readonly key: string;
  readonly shipment: PortfolioShipment;
  readonly impact: ShipmentImpact;
  readonly cargoGroup: string;
  readonly weight: string;
  readonly rows: number;
}

/**
 * Streams a portfolio CSV and handles the rows of one shard: rows are dealt to shards by a hash of their route,
 * cargo, units and count, so identical shipments always meet the same worker and each distinct shipment (same
 * request, same epoch) is assessed once, under baseline and draft, by one worker only. Identical rows fold into one
 * group. Holds one group per distinct shipment, never the rows.
 */
export async function streamShard(
  file: string,
  header: readonly string[],
  shard: number,
  shards: number,
  draft: Draft,
  onProgress: (rows: number) => void,
): Promise<{ rows: number; groups: AssessedGroup[]; invalid: number; assessingMs: number }> {
  const cache = new ImpactCache(draft.baseline, draft.steps, draft.boundaries);
  const groups = new Map<string, Group>();
  const input = createReadStream(file, { highWaterMark: 1 << 20 });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const headerLine = header.join(',');
  const parser = new CsvRowParser(header);
  let seen = 0;
  let rows = 0;
  let invalid = 0;
  let assessingMs = 0;
  for await (const text of lines) {
    if (text === '' || text.startsWith('#') || text === headerLine) continue;
    if (++seen % 100_000 === 0) onProgress(seen);
    if (shards > 1 && shardOf(text, shards) !== shard) continue;
    const row = parser.parse(seen, text);
    if (row.error !== undefined) {
      invalid++;
      continue;
    }
    rows++;
    const shipment = shipmentOf(row.item, seen, 'USD');
    const key = shipmentKey(shipment.request, epochOf(draft.boundaries, shipment.request.acceptanceDate));
    const group = groups.get(key);
    if (group) {
      group.weight = group.weight.plus(amount(shipment.weight));
      group.rows++;
    } else {
      const before = performance.now();
      cache.impactOf(shipment.request);
      assessingMs += performance.now() - before;
      groups.set(key, { shipment, weight: amount(shipment.weight), rows: 1 });
    }
  }
  const assessed = [...groups].map(([key, g]) => ({
    key,
    shipment: g.shipment,
    impact: cache.impactOf(g.shipment.request),
    cargoGroup: cache.cargoGroupOf(g.shipment.request),
    weight: g.weight.toFixed(),
    rows: g.rows,
  }));
  return { rows, groups: assessed, invalid, assessingMs };
}

/** FNV-1a over the cells from the second to the sixth (origin, destination, cargo, units, count). */
function shardOf(text: string, shards: number): number {
  let hash = 2_166_136_261;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 && ++commas === 6) break;
    if (commas >= 1) hash = Math.imul(hash ^ c, 16_777_619);
  }
  return (hash >>> 0) % shards;
}

/** The header of a portfolio CSV: its first line that is neither blank nor a comment. */
export async function csvHeader(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
  await handle.close();
  for (const line of buffer.subarray(0, bytesRead).toString('utf8').split('\n')) {
    if (line.trim() !== '' && !line.startsWith('#')) return parseCsvLine(line);
  }
  throw new Error(`${file} has no header line`);
}
