import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BUNDLED_RULES_DIR } from '../src/config.js';
import { calculateRates } from '../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../src/domain/pricing/shipment.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';
import { medianOpsPerSecond, printRow } from './suite.js';

export const FOUR_RAILWAYS: RateRequest = {
  origin: 'MOSKVA',
  destination: 'BANDAR-ABBAS',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', loaded: true, ownership: 'private', count: 2 },
  currency: 'USD',
  via: ['KIGASH', 'AKYAYLA'],
};

const ONE_RAILWAY: RateRequest = { ...FOUR_RAILWAYS, destination: 'KIGASH', via: [] };
const ALL_ROUTES: RateRequest = { ...FOUR_RAILWAYS, via: [] };
/** A group of 6 own gondolas of crushed stone, Moscow → Kigash (export) under the ТР-1 wagon chain. */
const WAGONS_TR1: RateRequest = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-06-08',
  cargo: { etsng: '232431' },
  units: {
    kind: 'wagon',
    wagonType: 'gondola',
    loaded: true,
    ownership: 'private',
    count: 6,
    axles: 4,
    shipmentType: 'group',
    loadCapacityTonnes: 69.5,
    grossMassTonnes: 69,
    emptyReturn: true,
  },
  currency: 'USD',
};
/** The same box, one railway, for the wagon row's comparison. */
const ONE_RAILWAY_JUNE: RateRequest = {
  ...FOUR_RAILWAYS,
  destination: 'KIGASH',
  via: [],
  acceptanceDate: '2026-06-08',
};
/** The same box on a date when no corridor agreement covers the route: local tariffs only. */
const FOUR_RAILWAYS_LOCAL: RateRequest = { ...FOUR_RAILWAYS, acceptanceDate: '2025-06-15' };

/**
 * Shipments on the pinned four-railway route that differ in what the rules look at — box size and ownership, count,
 * cargo, and dates on either side of a tariff version and of the corridor agreement — so that no two calls in a
 * row ask the same thing.
 */
function variedShipments(): RateRequest[] {
  const shipments: RateRequest[] = [];
  for (const acceptanceDate of ['2025-06-15', '2025-11-20', '2026-03-01', '2026-07-10'])
    for (const etsng of ['693000', '011005'])
      for (const size of ['20', '40'] as const)
        for (const ownership of ['private', 'railway'] as const)
          for (const count of [1, 3]) {
            shipments.push({
              ...FOUR_RAILWAYS,
              acceptanceDate,
              cargo: { etsng },
              units: { kind: 'container', size, loaded: true, ownership, count },
            });
          }
  return shipments;
}

/** (a) the engine on one core; (b) POST /v1/rates against a bare Fastify POST endpoint, same body, same run. */
export async function rates(): Promise<void> {
  const started = performance.now();
  const ruleSet = await loadRuleSet(BUNDLED_RULES_DIR);
  printRow(
    'load and validate the bundled rules (first load)',
    `${(performance.now() - started).toFixed(0)} ms`,
  );

  const varied = variedShipments();
  let next = 0;
  const ops = medianOpsPerSecond({
    one: () => calculateRates(ruleSet, ONE_RAILWAY),
    fourLocal: () => calculateRates(ruleSet, FOUR_RAILWAYS_LOCAL),
    four: () => calculateRates(ruleSet, FOUR_RAILWAYS),
    varied: () => calculateRates(ruleSet, varied[next++ % varied.length] as RateRequest),
    all: () => calculateRates(ruleSet, ALL_ROUTES),
    boxJune: () => calculateRates(ruleSet, ONE_RAILWAY_JUNE),
    wagons: () => calculateRates(ruleSet, WAGONS_TR1),
  });
  const row = (label: string, value: number, target = '') =>
    printRow(label, `${value.toFixed(0)} /s  (${(value / ops.one).toFixed(2)} × baseline${target})`);
  printRow(
    'calculateRates, 1 railway (baseline; median of 5 interleaved rounds)',
    `${ops.one.toFixed(0)} /s`,
  );
  row('calculateRates, 4 railways pinned, local tariffs (2025-06-15)', ops.fourLocal, '; target ≥ 20 000 /s');
  row(
    'calculateRates, 4 railways pinned, agreed through rate (2026-03-01)',
    ops.four,
    '; target ≥ 20 000 /s',
  );
  row(
    `calculateRates, 4 railways pinned, ${varied.length} different shipments in turn`,
    ops.varied,
    '; target ≥ 20 000 /s',
  );
  row(
    `calculateRates, 4 railways, all ${ruleSet.routes('MOSKVA', 'BANDAR-ABBAS').length} routes priced, best 3`,
    ops.all,
  );
  row('calculateRates, RZD container path: 2 × 40 ft Moscow → Kigash (2026-06-08)', ops.boxJune);
  row('calculateRates, RZD wagon path (ТР-1): 6 gondolas + empty return, Moscow → Kigash', ops.wagons);

  const body = JSON.stringify(FOUR_RAILWAYS);
  const responseBytes = JSON.stringify(calculateRates(ruleSet, FOUR_RAILWAYS)).length;
  const bare = await loadTest('bare', body);
  const sized = await loadTest('bare-sized', body, responseBytes);
  const ceiling = await loadTest('bare-quote', body);
  const quote = await loadTest('quote', body);
  const pct = (x: number, of: number) => `${((x / of) * 100).toFixed(0)} %`;
  printRow(
    'bare Fastify POST, same request body (baseline)',
    `${bare.rps.toFixed(0)} req/s, p99 ${bare.p99} ms`,
  );
  printRow(
    `bare Fastify POST, same request, ${responseBytes} B response`,
    `${sized.rps.toFixed(0)} req/s, p99 ${sized.p99} ms  (${pct(sized.rps, bare.rps)} of bare)`,
  );
  printRow(
    'bare Fastify POST, a quote priced once at start-up (serialising only)',
    `${ceiling.rps.toFixed(0)} req/s, p99 ${ceiling.p99} ms  (${pct(ceiling.rps, bare.rps)} of bare, ` +
      `${pct(ceiling.rps, sized.rps)} of the same-size bare)`,
  );
  printRow(
    'POST /v1/rates, 4 railways',
    `${quote.rps.toFixed(0)} req/s, p99 ${quote.p99} ms  (${pct(quote.rps, bare.rps)} of bare, ` +
      `${pct(quote.rps, sized.rps)} of the same-size bare; target ≥ 50 %)`,
  );
}

/** Starts the server in a child process (so the load generator does not share its event loop) and loads it. */
async function loadTest(
  mode: 'bare' | 'bare-sized' | 'bare-quote' | 'quote',
  body: string,
  responseBytes = 0,
): Promise<{ rps: number; p99: number }> {
  const child = fork(
    fileURLToPath(new URL('./http-server.js', import.meta.url)),
    [mode, String(responseBytes)],
    {
      stdio: 'inherit',
    },
  );
  const port = await new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  const load = (duration: number) =>
    autocannon({
      url: `http://127.0.0.1:${port}${mode === 'quote' ? '/v1/rates' : '/bare'}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 10,
      duration,
    });
  try {
    // Every target gets the same two seconds of load unrecorded first, so that each is measured warm.
    await load(2);
    const result = await load(5);
    if (result.non2xx > 0) throw new Error(`${mode}: ${result.non2xx} non-2xx responses`);
    return { rps: result.requests.average, p99: result.latency.p99 };
  } finally {
    child.kill();
  }
}
