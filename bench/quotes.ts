import { fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { quoteIdentifier } from '../src/store/postgres-database.js';
import { FOUR_RAILWAYS } from './rates.js';
import { printRow } from './suite.js';

const DURATION_SECONDS = 5;
const CONNECTIONS = 10;

/**
 * The cost of issuing a stored quote (POST /v1/quotes, a fresh Idempotency-Key per request: every request writes a
 * row) against pricing the same body (POST /v1/rates), on the same server in the same run: PGlite, then PostgreSQL
 * when BENCH_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL points at one.
 */
export async function quotes(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'throughrate-bench-'));
  try {
    await compare('PGlite (embedded, temporary data directory)', ['pglite', dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    printRow('PostgreSQL', 'skipped: set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to measure it');
    return;
  }
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin(url, `CREATE SCHEMA ${quoteIdentifier(schema)}`);
  } catch (error) {
    printRow('PostgreSQL', `skipped: not reachable (${error instanceof Error ? error.message : error})`);
    return;
  }
  try {
    await compare(`PostgreSQL (${new URL(url).host}, pool of 10, schema ${schema})`, [
      'postgres',
      url,
      schema,
    ]);
  } finally {
    await admin(url, `DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
  }
}

async function compare(label: string, args: string[]): Promise<void> {
  const child = fork(fileURLToPath(new URL('./quotes-server.js', import.meta.url)), args, {
    stdio: 'inherit',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const { port, key } = await new Promise<{ port: number; key: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { port: number; key: string }));
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
    const body = JSON.stringify(FOUR_RAILWAYS);
    const rates = await load(port, '/v1/rates', body, false, key);
    const issued = await load(port, '/v1/quotes', body, true, key);
    process.stdout.write(`${label}\n`);
    printRow(
      '  POST /v1/rates, 4 railways, same key (baseline)',
      `${rates.rps.toFixed(0)} req/s, p99 ${rates.p99} ms`,
    );
    printRow(
      '  POST /v1/quotes, same body, new Idempotency-Key each',
      `${issued.rps.toFixed(0)} req/s, p99 ${issued.p99} ms  (${((issued.rps / rates.rps) * 100).toFixed(0)} % of ` +
        `rates; ${(rates.rps / issued.rps).toFixed(2)} × the cost; ${issued.total} quotes issued)`,
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

async function load(
  port: number,
  path: string,
  body: string,
  freshKey: boolean,
  apiKey: string,
): Promise<{ rps: number; p99: number; total: number }> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body,
        ...(freshKey
          ? {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, 'idempotency-key': randomUUID() },
              }),
            }
          : {}),
      },
    ],
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${path}: ${result.non2xx} non-2xx responses, ${result.errors} errors`);
  }
  return { rps: result.requests.average, p99: result.latency.p99, total: result.requests.total };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
