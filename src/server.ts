import { existsSync } from 'node:fs';
import { loadConfig } from './config.js';
import { buildApp } from './http/build-app.js';
import { closeWithin } from './http/server-limits.js';
import { checkRuleFiles } from './rules/load-rule-set.js';
import { readRuleFiles } from './rules/read-rule-files.js';
import { RuleSetError } from './rules/rule-issue.js';
import { openQuoteStore } from './store/open-quote-store.js';

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
  const close = async (signal: string) => {
    app.log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    // Requests under way get the grace period; then every connection still open is closed.
    await closeWithin(app, config.shutdownGraceMs);
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.port, host: config.host });
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

start().catch((error) => {
  process.stderr.write(
    `throughrate: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
