import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { BUNDLED_RULES_DIR } from '../config.js';
import { buildApp } from '../http/build-app.js';
import { loadRuleSet } from '../rules/load-rule-set.js';
import { offlineQuoteStore } from '../store/offline-quote-store.js';
import type { CliIo } from './io.js';

export const OPENAPI_FILE = resolve(BUNDLED_RULES_DIR, '..', 'openapi', 'openapi.yaml');

/** The OpenAPI document generated from the route schemas. */
export async function generateOpenApi(): Promise<string> {
  const app = await buildApp({ ruleSet: await loadRuleSet(BUNDLED_RULES_DIR), store: offlineQuoteStore() });
  await app.ready();
  const yaml = app.swagger({ yaml: true });
  await app.close();
  return yaml;
}

/** `throughrate openapi [--write|--check]`: print, write or check openapi/openapi.yaml. */
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
