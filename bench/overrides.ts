import { BUNDLED_RULES_DIR } from '../src/config.js';
import { WhatIfRequestSchema } from '../src/contract/whatif-schemas.js';
import { readRuleFiles } from '../src/rules/read-rule-files.js';
import { identityOf, isIdentifiedList, isRecord } from '../src/rules/rule-path.js';
import { parseSourceFile } from '../src/rules/source-file.js';
import { prepareBaseline } from '../src/workbench/drafts/build-draft.js';
import { answerWhatIf } from '../src/workbench/whatif/answer-whatif.js';
import { printRow } from './suite.js';

const KEYS = 5_000;
const ROW = {
  origin: 'ATYRAU',
  destination: 'AKTAU-PORT',
  cargo: '693000',
  units: '40ft',
  date: '2026-08-01',
};

/**
 * `npm run bench -- overrides`: POST /v1/whatif's work for an override map of 5 000 keys, on one thread (what the
 * what-if thread does), over a one-shipment portfolio so that the draft's own cost shows: applying the map,
 * checking the draft, splitting it into changes and building the rule sets that credit them.
 *  - valid: every decimal of the railway versions rewritten with one more digit (a change that validates), the map
 *    filled up to 5 000 keys with the same targets spelt with surrounding spaces;
 *  - refused: 5 000 keys the rule file does not have (422, every error located, the list capped per file).
 */
export async function overrides(): Promise<void> {
  const files = await readRuleFiles(BUNDLED_RULES_DIR);
  let started = performance.now();
  const baseline = prepareBaseline(files);
  printRow('read and check the served rules once (the thread does this at start)', seconds(started));

  const leaves: [string, string][] = [];
  for (const file of files.filter((f) => f.path.startsWith('railways/'))) {
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) {
        const named = isIdentifiedList(value);
        value.forEach((item, i) => {
          walk(item, `${path}[${named ? identityOf(item) : i}]`);
        });
      } else if (isRecord(value)) {
        for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
      } else if (typeof value === 'string' && /^\d+\.\d+$/.test(value)) {
        leaves.push([`${file.path}#${path}`, `${value}0`]);
      }
    };
    walk(parseSourceFile(file.path, file.text).data, '');
  }
  const valid: Record<string, string> = {};
  for (let i = 0; Object.keys(valid).length < KEYS; i++) {
    const [target, value] = leaves[i % leaves.length] ?? ['', ''];
    const pad = ' '.repeat(Math.floor(i / leaves.length));
    const [file, path] = target.split('#');
    valid[`${file}#${pad}${path}`] = value;
  }
  const refused: Record<string, string> = {};
  for (let i = 0; i < KEYS; i++) refused[`railways/KTZ/2026-01-01.yaml#extra${i}`] = '1.00';

  for (const [label, values, attribution] of [
    [`${KEYS} keys (${leaves.length} distinct values), attribution`, valid, true],
    [`${KEYS} keys (${leaves.length} distinct values), no attribution`, valid, false],
    [`${KEYS} keys the file does not have (refused)`, refused, true],
  ] as const) {
    const body = WhatIfRequestSchema.parse({
      draft: { overrides: { values } },
      portfolio: [ROW],
      currency: 'KZT',
      attribution,
    });
    started = performance.now();
    let outcome: string;
    try {
      const report = await answerWhatIf(baseline, body);
      outcome = `${report.draft.changes.length} changes`;
    } catch (error) {
      outcome = `refused: ${error instanceof Error ? error.message : String(error)}`;
    }
    printRow(`override map of ${label}`, `${seconds(started)} (${outcome})`);
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}
