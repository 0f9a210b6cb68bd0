import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CliIo } from './cli/io.js';
import { BUNDLED_RULES_DIR } from './config.js';
import { buildApp } from './http/build-app.js';
import { loadRuleSet } from './rules/load-rule-set.js';
import { offlineQuoteStore } from './store/offline-quote-store.js';

export const OPENAPI_FILE = resolve(BUNDLED_RULES_DIR, '..', 'openapi', 'openapi.yaml');

/** The OpenAPI document generated from the route schemas. */
export async function generateOpenApi(): Promise<string> {
  const app = await buildApp({ ruleSet: await loadRuleSet(BUNDLED_RULES_DIR), store: offlineQuoteStore() });
  await app.ready();
  const yaml = app.swagger({ yaml: true });
  await app.close();
  return yaml;
}

/**
 * `throughrate openapi [--write|--check]`: print, write or check openapi/openapi.yaml. The document is the HTTP
 * app's, so this command is composed here, beside the server, and handed to the command line by its entry
 * (bin/throughrate.js): src/cli itself never imports src/http.
 */
export async function openapi(args: readonly string[], io: CliIo): Promise<number> {
  const yaml = await generateOpenApi();
  if (args.includes('--write')) {
    await writeFile(OPENAPI_FILE, yaml);
    io.stderr.write(`wrote ${OPENAPI_FILE}\n`);
    return 0;
  }
  if (args.includes('--check')) {
    const committed = await readFile(OPENAPI_FILE, 'utf8').catch(() => '');
    if (committed === yaml) return 0;
    io.stderr.write(`${OPENAPI_FILE} is out of date: run npm run openapi\n`);
    return 1;
  }
  io.stdout.write(yaml);
  return 0;
}
