import { parentPort, workerData } from 'node:worker_threads';
import { loadScenario, streamShard } from './whatif-stream.js';

/** One core's share of the what-if benchmark: one shard of the portfolio's distinct shipments. */
const { file, header, shard, shards } = workerData as {
  file: string;
  header: string[];
  shard: number;
  shards: number;
};
const started = performance.now();
const draft = await loadScenario();
const loadMs = performance.now() - started;
const result = await streamShard(file, header, shard, shards, draft, (rows) =>
  parentPort?.postMessage({ progress: rows }),
);
parentPort?.postMessage({ result: { ...result, loadMs } });
