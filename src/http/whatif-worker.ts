import { parentPort, workerData } from 'node:worker_threads';
import { isDomainError } from '../domain/domain-error.js';
import { prepareBaseline } from '../rules/build-draft.js';
import type { RuleFileText } from '../rules/read-rule-files.js';
import { answerWhatIf } from './whatif-answer.js';
import type { WhatIfReply, WhatIfTask } from './whatif-thread.js';

/**
 * The thread that answers POST /v1/whatif, so that a committee's what-if never holds up a shipper's quote: it reads
 * the served rules' files once, says their hash, then answers one request at a time.
 */
const port = parentPort;
if (!port) throw new Error('whatif-worker runs as a worker thread');
const baseline = prepareBaseline((workerData as { ruleFiles: RuleFileText[] }).ruleFiles);
port.postMessage({ ready: baseline.ruleSet.hash } satisfies WhatIfReply);
port.on('message', ({ id, body }: WhatIfTask) => {
  let reply: WhatIfReply;
  try {
    reply = { id, report: answerWhatIf(baseline, body) };
  } catch (error) {
    reply = isDomainError(error)
      ? { id, refused: { code: error.code, message: error.message, details: error.details } }
      : { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
