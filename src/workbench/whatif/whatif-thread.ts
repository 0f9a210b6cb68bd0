import { Worker } from 'node:worker_threads';
import type { WhatIfRequest } from '../../contract/whatif-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import type { WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import type { WhatIfLimits, WhatIfObserver } from './whatif-limits.js';
import { DEFAULT_WHATIF_LIMITS, type WhatIfOutcome } from './whatif-limits.js';
import { WHATIF_WORKER_URL, type WhatIfReply, type WhatIfTask, type WorkerData } from './whatif-worker.js';

/** A job accepted: its place in the queue when accepted (0: started at once), its answer, and how to cancel it. */
export interface WhatIfJob {
  readonly position: number;
  readonly report: Promise<WhatIfReport>;
  /** The client has gone: a waiting job is dropped, a running one stopped (the thread is started again). */
  cancel(): void;
}

interface Job {
  readonly id: number;
  readonly body: WhatIfRequest;
  readonly resolve: (report: WhatIfReport) => void;
  readonly reject: (error: Error) => void;
  started?: number;
  timer?: NodeJS.Timeout;
  done: boolean;
}

/**
 * POST /v1/whatif's own thread, so that quotes are answered meanwhile. Jobs queue here, on the main thread, and go
 * to the thread one at a time, so that a job can be dropped before it starts, and the running one stopped: when its
 * time is up, when its client has gone, or when it runs out of memory, the thread is terminated (the only way to
 * stop a computation mid-way) and started again for the next job.
 */
export class WhatIfThread {
  private worker: Worker | undefined;
  private started: Promise<string> | undefined;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly ruleFiles: readonly RuleFileText[],
    private readonly limits: WhatIfLimits = DEFAULT_WHATIF_LIMITS,
    private readonly observer?: WhatIfObserver,
  ) {}

  /** The hash of the rule set the thread read from the files (it answers only for those rules). */
  baselineHash(): Promise<string> {
    this.started ??= this.start();
    return this.started;
  }

  /** Jobs accepted and not finished, the running one included. */
  get length(): number {
    return this.queue.length + (this.running ? 1 : 0);
  }

  /** Queues a job, or refuses it (WHATIF_BUSY, with the seconds after which to try again) when the queue is full. */
  submit(body: WhatIfRequest): WhatIfJob {
    if (this.length >= this.limits.queueLimit) {
      throw new DomainError(
        'WHATIF_BUSY',
        `${this.length} what-ifs are already queued or running (at most ${this.limits.queueLimit}): try again later, or run large ones with the command line`,
        { retryAfterSeconds: this.retryAfterSeconds() },
      );
    }
    const position = this.length;
    let job!: Job;
    const report = new Promise<WhatIfReport>((resolve, reject) => {
      job = { id: this.nextId++, body, resolve, reject, done: false };
    });
    // A cancelled job's promise may be left unawaited; its refusal is not an unhandled rejection.
    report.catch(() => undefined);
    this.queue.push(job);
    this.observer?.queueLength(this.length);
    this.pump();
    return { position, report, cancel: () => this.cancel(job) };
  }

  /** Submits and waits: the answer, or the error the job ended with. */
  answer(body: WhatIfRequest): Promise<WhatIfReport> {
    return this.submit(body).report;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of [...this.queue, ...(this.running ? [this.running] : [])])
      this.finish(job, 'cancelled', new DomainError('WHATIF_UNAVAILABLE', 'the server is shutting down'));
    await this.stopWorker();
  }

  private retryAfterSeconds(): number {
    const runningFor = this.running?.started ? Date.now() - this.running.started : 0;
    const left = Math.max(1_000, this.limits.timeoutMs - runningFor);
    return Math.ceil(Math.min(left, 60_000) / 1000);
  }

  private cancel(job: Job): void {
    if (job.done) return;
    const wasRunning = this.running === job;
    this.finish(job, 'cancelled', new DomainError('WHATIF_UNAVAILABLE', 'the what-if was cancelled'));
    if (wasRunning) void this.restart();
  }

  /** Sends the next job to the thread when it is free. */
  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    this.baselineHash().then(
      () => {
        if (job.done || this.running !== job) return;
        const worker = this.worker;
        if (!worker) return this.finish(job, 'failed', new Error('the what-if thread has stopped'));
        job.started = Date.now();
        job.timer = setTimeout(() => {
          this.finish(
            job,
            'timeout',
            new DomainError(
              'WHATIF_TIMEOUT',
              `the what-if took longer than ${this.limits.timeoutMs} ms and was stopped: use a smaller portfolio or draft, attribution: false, or the command line`,
            ),
          );
          void this.restart();
        }, this.limits.timeoutMs);
        worker.postMessage({ id: job.id, body: job.body } satisfies WhatIfTask);
      },
      (error: Error) => this.finish(job, 'failed', error),
    );
  }

  private finish(job: Job, outcome: WhatIfOutcome, error?: Error, report?: WhatIfReport): void {
    if (job.done) return;
    job.done = true;
    if (job.timer) clearTimeout(job.timer);
    const index = this.queue.indexOf(job);
    if (index >= 0) this.queue.splice(index, 1);
    if (this.running === job) this.running = undefined;
    this.observer?.finished(outcome, job.started ? (Date.now() - job.started) / 1000 : 0);
    this.observer?.queueLength(this.length);
    if (report) job.resolve(report);
    else job.reject(error ?? new Error('the what-if ended without an answer'));
    this.pump();
  }

  /** Stops the thread mid-job; the next job starts a new one. */
  private async restart(): Promise<void> {
    await this.stopWorker();
    this.pump();
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.started = undefined;
    await worker?.terminate();
  }

  private start(): Promise<string> {
    const worker = spawn(
      { role: 'whatif', ruleFiles: this.ruleFiles },
      { maxOldGenerationSizeMb: this.limits.memoryMb },
    );
    // The server's sockets keep the process alive while it waits for an answer; an idle thread must not.
    worker.unref();
    this.worker = worker;
    return new Promise<string>((resolve, reject) => {
      worker.on('message', (reply: WhatIfReply) => {
        if ('ready' in reply) return resolve(reply.ready);
        const job = this.running;
        if (!job || job.id !== reply.id) return;
        if ('report' in reply) this.finish(job, 'done', undefined, reply.report);
        else if ('refused' in reply)
          this.finish(
            job,
            'refused',
            new DomainError(reply.refused.code, reply.refused.message, reply.refused.details),
          );
        else this.finish(job, 'failed', new Error(`the what-if thread failed: ${reply.failed}`));
      });
      const stopped = (error: Error & { code?: string }) => {
        if (this.worker !== worker) return reject(error);
        this.worker = undefined;
        this.started = undefined;
        const job = this.running;
        if (job) {
          const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
          this.finish(
            job,
            outOfMemory ? 'out-of-memory' : 'failed',
            outOfMemory
              ? new DomainError(
                  'WHATIF_UNAVAILABLE',
                  `the what-if needed more than the ${this.limits.memoryMb} MB it may use: use a smaller portfolio or draft, or the command line`,
                )
              : error,
          );
        }
        reject(error);
      };
      worker.on('error', stopped);
      worker.on('exit', (code) => stopped(new Error(`the what-if thread stopped (exit code ${code})`)));
    });
  }
}

/**
 * Starts the worker module this file imports (so a rename is a compile error, not a run-time one); run from the
 * TypeScript sources (the tests), it is started through the TypeScript loader the tests use.
 */
function spawn(workerData: WorkerData, resourceLimits: { maxOldGenerationSizeMb: number }): Worker {
  if (!WHATIF_WORKER_URL.endsWith('.ts'))
    return new Worker(new URL(WHATIF_WORKER_URL), { workerData, resourceLimits });
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WHATIF_WORKER_URL)}); });`,
    { eval: true, workerData, resourceLimits },
  );
}
