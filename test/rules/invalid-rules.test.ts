import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRuleFiles } from '../../src/rules/load-rule-set.js';
import { FIXTURES, ruleFilesIn, VALID_RULES, withFile } from '../helpers/rule-files.js';

/**
 * Each fixture under test/fixtures/invalid-rules replaces one file of the small valid rule set and says, in its
 * header, which errors the checker must report: `# expect: <file>:<line> <yaml path> | <message fragment>`.
 */
const dir = join(FIXTURES, 'invalid-rules');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('broken rule files', () => {
  it('the valid base rule set has no errors', () => {
    expect(checkRuleFiles(ruleFilesIn(VALID_RULES)).issues).toEqual([]);
  });

  it.each(fixtures)('%s is reported with file, line and path', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const target = /^# replaces: (\S+)$/m.exec(text)?.[1];
    const expectations = [...text.matchAll(/^# expect: (\S+):(\d+) (\S*) \| (.+)$/gm)];
    expect(target, 'fixture names the file it replaces').toBeDefined();
    expect(expectations.length, 'fixture states at least one expected error').toBeGreaterThan(0);

    const report = checkRuleFiles(withFile(ruleFilesIn(VALID_RULES), target as string, text));
    expect(report.ruleSet).toBeUndefined();
    for (const [, file, line, path, message] of expectations) {
      const found = report.issues.find(
        (i) =>
          i.file === file &&
          i.line === Number(line) &&
          i.path === path &&
          i.message.includes(message as string),
      );
      expect(
        found,
        `expected ${file}:${line} ${path} "${message}" among:\n${JSON.stringify(report.issues, null, 1)}`,
      ).toBeDefined();
    }
  });
});
