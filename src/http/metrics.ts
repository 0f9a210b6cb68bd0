import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { WhatIfObserver } from '../workbench/whatif/whatif-limits.js';

/**
 * The service's metrics, in a registry of the app's own (not prom-client's global one, so that several apps in one
 * process, as in the tests, count apart). GET /metrics serves them in the Prometheus text format.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'throughrate_http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'throughrate_http_request_duration_seconds',
    help: 'time to answer an HTTP request, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly quotesIssued = new Counter({
    name: 'throughrate_quotes_issued_total',
    help: 'binding quotes issued (POST /v1/quotes answered 201)',
    registers: [this.registry],
  });
  readonly whatifQueue = new Gauge({
    name: 'throughrate_whatif_queue_length',
    help: 'what-ifs accepted and not finished, the running one included',
    registers: [this.registry],
  });
  readonly whatifJobs = new Histogram({
    name: 'throughrate_whatif_job_duration_seconds',
    help: 'time a what-if ran on its thread, by how it ended (done, refused, failed, timeout, cancelled, out-of-memory)',
    labelNames: ['outcome'] as const,
    buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
    registers: [this.registry],
  });
  readonly ruleSet = new Gauge({
    name: 'throughrate_rule_set_info',
    help: 'the rule set served: its hash as a label, value 1',
    labelNames: ['hash'] as const,
    registers: [this.registry],
  });

  constructor(ruleSetHash: string) {
    this.ruleSet.set({ hash: ruleSetHash }, 1);
    collectDefaultMetrics({ register: this.registry, prefix: 'throughrate_' });
  }

  /** What the what-if thread tells, counted. */
  whatifObserver(): WhatIfObserver {
    return {
      queueLength: (jobs) => this.whatifQueue.set(jobs),
      finished: (outcome, seconds) => this.whatifJobs.observe({ outcome }, seconds),
    };
  }

  /**
   * On the root app (so that every route is counted): every answer by its route pattern, never the raw URL (ids
   * would make a label per quote); and GET /metrics.
   */
  install(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const labels = { method: request.method, route, status: String(reply.statusCode) };
      this.requests.inc(labels);
      this.latency.observe(labels, reply.elapsedTime / 1000);
      if (request.method === 'POST' && route === '/v1/quotes' && reply.statusCode === 201)
        this.quotesIssued.inc();
    });
    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
      reply.type(this.registry.contentType).send(await this.registry.metrics()),
    );
  }
}
