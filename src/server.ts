import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { stationIndex } from './domain/rule-set/station-search/station-index.js';
import { buildApp } from './http/build-app.js';
import { ResponseCache } from './http/response-cache.js';
import { closeWithin } from './http/server-limits.js';
import { checkRuleFiles } from './rules/load-rule-set.js';
import { readRuleFiles } from './rules/read-rule-files.js';
import { RuleSetError } from './rules/rule-issue.js';
import { openQuoteStore } from './store/open-quote-store.js';
import { schedulePurge } from './store/quote-retention.js';

/** Composition root: configuration, rules, quote store, app, listen, graceful close. */
async function start(): Promise<void> {
  // A .env file in the working directory, when there is one; variables already set win over it.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  // Read once: the rule set served and the texts what-if drafts are laid over are the same files.
  const ruleFiles = await readRuleFiles(config.rulesDir);
  const { ruleSet, issues } = checkRuleFiles(ruleFiles);
  if (!ruleSet) {
    process.stderr.write(
      `throughrate: refusing to start, the rules in ${config.rulesDir} are broken\n${new RuleSetError(issues).message}\n`,
    );
    process.exit(1);
  }
  // PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR; migrated before the first request.
  const store = await openQuoteStore(config);
  const app = await buildApp({
    ruleSet,
    logger: { level: config.logLevel },
    bodyLimitBytes: config.bodyLimitBytes,
    store,
    ruleFiles,
    responseCache: new ResponseCache(config.responseCacheBytes),
    rateLimits: config.rateLimits,
    webRoot: builtWebPages(),
    limits: {
      requestTimeoutMs: config.requestTimeoutMs,
      headersTimeoutMs: config.headersTimeoutMs,
      keepAliveTimeoutMs: config.keepAliveTimeoutMs,
      maxConnections: config.maxConnections,
    },
    whatif: {
      queueLimit: config.whatifQueueLimit,
      timeoutMs: config.whatifTimeoutMs,
      memoryMb: config.whatifMemoryMb,
    },
  });
  // Secure by default without a locked door: the first start on an empty key table makes an admin key and shows
  // it once, on stdout (the log line names the key by its id only, so that the secret stays out of log stores).
  const firstAdmin = await store.keys.createFirstAdmin(new Date());
  if (firstAdmin) {
    process.stdout.write(
      `\nthroughrate: no API keys yet, so this admin key was created. It is shown this once; keep it:\n\n` +
        `  ${firstAdmin.key}\n\n` +
        `  send it as: Authorization: Bearer <key>; make a shipper's key with POST /v1/keys ` +
        `{"role":"shipper","name":"…"}\n\n`,
    );
    app.log.warn(
      { keyId: firstAdmin.record.id },
      'first start: admin key created and printed once on stdout',
    );
  }
  const stopPurge = schedulePurge({
    store,
    retentionDays: config.quoteRetentionDays,
    now: () => new Date(),
    report: (outcome) =>
      'error' in outcome
        ? app.log.error({ err: outcome.error }, 'quote purge failed')
        : app.log.info(outcome, 'quotes past retention purged'),
  });
  const close = async (signal: string) => {
    app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    stopPurge();
    // Requests under way get the grace period; then every connection still open is closed.
    await closeWithin(app, config.shutdownGraceMs);
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
  // The station search index (the whole ТР-4 catalogue) is built once, now, rather than on the first search.
  setImmediate(() => stationIndex(ruleSet.network));
  app.log.info(
    {
      rulesDir: config.rulesDir,
      ruleSetHash: ruleSet.hash,
      store: store.kind,
      ...(store.kind === 'pglite' ? { dataDir: config.dataDir } : {}),
    },
    'throughrate ready',
  );
}

/** dist/web, built by `npm run build`, beside dist/src (or from src/ when run from source); none: API only. */
function builtWebPages(): string | undefined {
  return ['../web', '../dist/web']
    .map((p) => fileURLToPath(new URL(p, import.meta.url)))
    .find((dir) => existsSync(`${dir}/quote-desk.js`));
}

start().catch((error) => {
  process.stderr.write(
    `throughrate: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
