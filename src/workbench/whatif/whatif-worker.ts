import { isMainThread, type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { WhatIfRequest } from '../../contract/whatif-schemas.js';
import {
  type DomainErrorCode,
  type DomainErrorDetails,
  isDomainError,
} from '../../domain/core/domain-error.js';
import type { WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { prepareBaseline } from '../drafts/build-draft.js';
import { answerWhatIf } from './answer-whatif.js';

/** This module's own address: the what-if thread is started from it. */
export const WHATIF_WORKER_URL = import.meta.url;

export interface WhatIfTask {
  readonly id: number;
  readonly body: WhatIfRequest;
}

/** What the worker says: its baseline's hash once started, then one reply per task. */
export type WhatIfReply =
  | { readonly ready: string }
  | { readonly id: number; readonly report: WhatIfReport }
  | {
      readonly id: number;
      readonly refused: { code: DomainErrorCode; message: string; details: DomainErrorDetails };
    }
  | { readonly id: number; readonly failed: string };

export interface WorkerData {
  readonly role: 'whatif';
  readonly ruleFiles: readonly RuleFileText[];
}

/**
 * The thread that answers POST /v1/whatif, so that a committee's what-if never holds up a shipper's quote: it reads
 * the served rules' files once, says their hash, then answers one request at a time.
 */
export function serveWhatIfs(port: MessagePort, ruleFiles: readonly RuleFileText[]): void {
  const baseline = prepareBaseline(ruleFiles);
  port.postMessage({ ready: baseline.ruleSet.hash } satisfies WhatIfReply);
  // One request at a time, in the order they came.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', ({ id, body }: WhatIfTask) => {
    queue = queue.then(async () => {
      let reply: WhatIfReply;
      try {
        reply = { id, report: await answerWhatIf(baseline, body) };
      } catch (error) {
        reply = isDomainError(error)
          ? { id, refused: { code: error.code, message: error.message, details: error.details } }
          : { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      }
      port.postMessage(reply);
    });
  });
}

const data = workerData as WorkerData | undefined;
if (!isMainThread && parentPort && data?.role === 'whatif') serveWhatIfs(parentPort, data.ruleFiles);
