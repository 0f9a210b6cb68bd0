import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { RatesRequestSchema } from '../src/contract/rates-schemas.js';
import { calculateRates } from '../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../src/domain/pricing/shipment.js';
import type { RuleSet } from '../src/domain/rule-set/rule-set.js';
import { DEFAULT_RESPONSE_CACHE_BYTES } from '../src/http/build-app.js';
import {
  dimensions,
  distinctShipments,
  seeded,
  skewedCatalogue,
  steadyHitRate,
  zipf,
} from './rate-workloads.js';
import { printRow } from './suite.js';

const CONNECTIONS = 50;
const WARM_UP_SECONDS = 2;
/** Measured seconds per target, in alternate rounds. */
const SECONDS = 6;
const ROUNDS = 3;
/** What a browser sends; the service answers brotli. */
const COMPRESSED = { 'accept-encoding': 'gzip, deflate, br' };

interface Workload {
  readonly name: string;
  /** The request bodies, sent in turn (the stream is long enough that a run does not come round again). */
  readonly bodies: readonly string[];
  /** A real response of the workload's average size, for the bare endpoint to send. */
  readonly bareBody: string;
  readonly target: string;
}

interface Stats {
  readonly rss: number;
  readonly cpuMicros: number;
  readonly requests: number;
  readonly cacheBytes: number;
  readonly entries: number;
  readonly hits: number;
  readonly misses: number;
}

/**
 * POST /v1/rates under three request streams, each against a bare Fastify endpoint answering a real quote of the
 * stream's average response size, measured in the same run, plain and brotli-coded, at 50 connections:
 * (a) one request repeated; (b) 10 000 distinct shipments asked for by a Zipf (s = 1) over their rank, themselves
 * drawn by Zipfs over lanes, cargo, units and dates; (c) no request twice.
 */
export async function ratesHttp(ruleSet: RuleSet, repeated: RateRequest): Promise<void> {
  const random = seeded(19);
  const started = performance.now();
  const d = dimensions(ruleSet, random);
  const { shipments: catalogue, responseBytes } = skewedCatalogue(ruleSet, d, 10_000, random);
  const rank = zipf(catalogue.length, 1, random);
  const catalogueBodies = catalogue.map((s) => JSON.stringify(s));
  const ranks = Array.from({ length: 400_000 }, () => rank());
  const mix = ranks.map((r) => catalogueBodies[r] as string);
  const distinct = distinctShipments(ruleSet, d, 150_000, random).map((s) => JSON.stringify(s));
  printRow(
    `request streams: ${d.lanes.length} lanes, ${catalogue.length} distinct shipments in the mix`,
    `${(performance.now() - started).toFixed(0)} ms to draw`,
  );
  const bound = Number(process.env.RESPONSE_CACHE_BYTES ?? DEFAULT_RESPONSE_CACHE_BYTES);
  printRow(
    `(b) the mix's hit rate once warm, plain bodies in ${mb(bound)} MB (the LRU, played offline)`,
    `${(steadyHitRate(ranks, responseBytes, bound) * 100).toFixed(1)} %`,
  );

  const workloads: Workload[] = [
    { name: '(a) one request repeated', bodies: [JSON.stringify(repeated)], target: '' },
    { name: '(b) Zipf mix of 10 000 shipments', bodies: mix, target: '; target ≥ 70 %, p99 ≤ 10 ms' },
    { name: '(c) every request distinct', bodies: distinct, target: '; target ≥ 40 %' },
  ].map((w) => ({ ...w, bareBody: averageResponse(ruleSet, w.bodies) }));

  for (const workload of workloads) {
    for (const headers of [{}, COMPRESSED]) {
      const coded = headers === COMPRESSED ? 'br' : 'plain';
      const { bare, quote, fresh, warm, after, cpuPerRequest } = await compare(workload, headers);
      printRow(
        `${workload.name}, ${coded}: bare endpoint, ${workload.bareBody.length} B`,
        `${bare.rps.toFixed(0)} req/s, p99 ${bare.p99} ms`,
      );
      const hits = after.hits - warm.hits;
      const served = hits + after.misses - warm.misses;
      printRow(
        `${workload.name}, ${coded}: POST /v1/rates`,
        `${quote.rps.toFixed(0)} req/s, p99 ${quote.p99} ms  (${((quote.rps / bare.rps) * 100).toFixed(0)} % of bare` +
          `${workload.target}); hits ${((hits / Math.max(served, 1)) * 100).toFixed(0)} %`,
      );
      printRow(
        `${workload.name}, ${coded}: CPU per request, bare → service`,
        `${cpuPerRequest.bare.toFixed(0)} → ${cpuPerRequest.quote.toFixed(0)} µs  (the service does ` +
          `${((cpuPerRequest.bare / cpuPerRequest.quote) * 100).toFixed(0)} % of bare's requests per CPU second)`,
      );
      if (workload.name.startsWith('(c)'))
        printRow(
          `${workload.name}, ${coded}: service RSS before → after; cache`,
          `${mb(fresh.rss)} → ${mb(after.rss)} MB; ${mb(after.cacheBytes)} MB in ${after.entries} entries ` +
            `(bound ${mb(bound)} MB)`,
        );
    }
  }
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The response, among a sample of the stream's, whose size is nearest the sample's mean. */
function averageResponse(ruleSet: RuleSet, bodies: readonly string[]): string {
  const step = Math.max(1, Math.floor(bodies.length / 500));
  const responses: string[] = [];
  for (let i = 0; i < bodies.length; i += step) {
    const request = RatesRequestSchema.parse(JSON.parse(bodies[i] as string)) as RateRequest;
    responses.push(JSON.stringify(calculateRates(ruleSet, request)));
  }
  const mean = responses.reduce((sum, r) => sum + r.length, 0) / responses.length;
  return responses.reduce((best, r) => (Math.abs(r.length - mean) < Math.abs(best.length - mean) ? r : best));
}

interface Target {
  readonly load: (seconds: number) => Promise<{ rps: number; p99: number }>;
  readonly stats: () => Promise<Stats>;
  readonly stop: () => void;
}

/**
 * The bare endpoint and the service, both started, warmed alike, then loaded in alternate rounds: a burst of load
 * from elsewhere on a shared machine then falls on both. Each figure is the median of its rounds.
 */
async function compare(workload: Workload, headers: Record<string, string>) {
  const bare = await start('bare', workload, headers);
  const quote = await start('quote', workload, headers);
  try {
    const fresh = await quote.stats();
    await bare.load(WARM_UP_SECONDS);
    await quote.load(WARM_UP_SECONDS);
    const warm = await quote.stats();
    const bareWarm = await bare.stats();
    const rounds = {
      bare: [] as { rps: number; p99: number }[],
      quote: [] as { rps: number; p99: number }[],
    };
    for (let round = 0; round < ROUNDS; round++) {
      rounds.bare.push(await bare.load(SECONDS / ROUNDS));
      rounds.quote.push(await quote.load(SECONDS / ROUNDS));
    }
    const after = await quote.stats();
    const bareAfter = await bare.stats();
    return {
      bare: median(rounds.bare),
      quote: median(rounds.quote),
      fresh,
      warm,
      after,
      cpuPerRequest: { bare: cpuPerRequest(bareWarm, bareAfter), quote: cpuPerRequest(warm, after) },
    };
  } finally {
    bare.stop();
    quote.stop();
  }
}

/** CPU time (user + system) the target spent per request answered between two readings, in µs. */
const cpuPerRequest = (from: Stats, to: Stats) =>
  (to.cpuMicros - from.cpuMicros) / Math.max(1, to.requests - from.requests);

function median(results: { rps: number; p99: number }[]): { rps: number; p99: number } {
  const middle = <T>(values: T[]) => values[Math.floor(values.length / 2)] as T;
  return {
    rps: middle(results.map((r) => r.rps).sort((x, y) => x - y)),
    p99: middle(results.map((r) => r.p99).sort((x, y) => x - y)),
  };
}

/** Starts a target in a child process (so that the load generator has its own event loop). */
async function start(
  mode: 'bare' | 'quote',
  workload: Workload,
  headers: Record<string, string>,
): Promise<Target> {
  const child = fork(
    fileURLToPath(new URL('./http-server.js', import.meta.url)),
    [mode, headers === COMPRESSED ? 'compress' : 'plain'],
    {
      stdio: 'inherit',
      env: { ...process.env, RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_PER_KEY: '0', LOG_LEVEL: 'silent' },
    },
  );
  const port = new Promise<number>((resolve) => child.once('message', (m) => resolve(Number(m))));
  if (mode === 'bare') child.send(workload.bareBody);
  const url = `http://127.0.0.1:${await port}/v1/rates`;
  let next = 0;
  const load = async (duration: number) => {
    const result = await autocannon({
      url,
      headers: { 'content-type': 'application/json', ...headers },
      connections: CONNECTIONS,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({
            ...request,
            body: workload.bodies[next++ % workload.bodies.length] as string,
          }),
        },
      ],
    });
    if (result.non2xx > 0) throw new Error(`${mode} ${workload.name}: ${result.non2xx} non-2xx responses`);
    return { rps: result.requests.average, p99: result.latency.p99 };
  };
  return { load, stats: () => stats(child), stop: () => child.kill() };
}

function stats(child: ChildProcess): Promise<Stats> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as Stats));
    child.send('stats');
  });
}
