import { Worker } from 'node:worker_threads';
import type { WhatIfRequest } from '../../contract/whatif-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import type { WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { WHATIF_WORKER_URL, type WhatIfReply, type WhatIfTask, type WorkerData } from './whatif-worker.js';

interface Waiting {
  resolve(report: WhatIfReport): void;
  reject(error: Error): void;
}

/**
 * POST /v1/whatif's own thread, started on the first request and kept: the requests queue for it one after another
 * while the main thread goes on answering quotes. Should the thread die, the requests waiting fail and the next
 * request starts a new one.
 */
export class WhatIfThread {
  private worker: Worker | undefined;
  private started: Promise<string> | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;

  constructor(private readonly ruleFiles: readonly RuleFileText[]) {}

  /** The hash of the rule set the thread read from the files (it answers only for those rules). */
  baselineHash(): Promise<string> {
    this.started ??= this.start();
    return this.started;
  }

  async answer(body: WhatIfRequest): Promise<WhatIfReport> {
    await this.baselineHash();
    const worker = this.worker;
    if (!worker) throw new Error('the what-if thread has stopped');
    const id = this.nextId++;
    return new Promise<WhatIfReport>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, body } satisfies WhatIfTask);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.started = undefined;
    await worker?.terminate();
  }

  private start(): Promise<string> {
    const worker = spawn({ role: 'whatif', ruleFiles: this.ruleFiles });
    // The server's sockets keep the process alive while it waits for an answer; an idle thread must not.
    worker.unref();
    this.worker = worker;
    return new Promise<string>((resolve, reject) => {
      worker.on('message', (reply: WhatIfReply) => {
        if ('ready' in reply) return resolve(reply.ready);
        const waiting = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if (!waiting) return;
        if ('report' in reply) waiting.resolve(reply.report);
        else if ('refused' in reply)
          waiting.reject(new DomainError(reply.refused.code, reply.refused.message, reply.refused.details));
        else waiting.reject(new Error(`the what-if thread failed: ${reply.failed}`));
      });
      const stopped = (error: Error) => {
        if (this.worker === worker) {
          this.worker = undefined;
          this.started = undefined;
        }
        for (const waiting of this.waiting.values()) waiting.reject(error);
        this.waiting.clear();
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
function spawn(workerData: WorkerData): Worker {
  if (!WHATIF_WORKER_URL.endsWith('.ts')) return new Worker(new URL(WHATIF_WORKER_URL), { workerData });
  return new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(WHATIF_WORKER_URL)}); });`,
    { eval: true, workerData },
  );
}
