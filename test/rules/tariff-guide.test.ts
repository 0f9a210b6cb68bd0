import { describe, expect, it } from 'vitest';
import { WAGON_TYPES } from '../../src/contract/rates-schemas.js';
import { checkRuleFiles } from '../../src/rules/load-rule-set.js';
import { BUNDLED_RULES, ruleFilesIn, withFile } from '../helpers/rule-files.js';

const bundled = ruleFilesIn(BUNDLED_RULES);
const SCHEME_8 = 'tariff-guides/TR-1/base-rates/scheme-8.csv';
const text = (path: string) => bundled.find((f) => f.path === path)?.text ?? '';

/** The issues of the bundled rules with one file's text changed. */
function issuesWith(path: string, edit: (text: string) => string) {
  const report = checkRuleFiles(withFile(bundled, path, edit(text(path))));
  return report.issues.map((i) => `${i.file}:${i.line} ${i.path} ${i.message}`);
}

describe('the ТР-1 tariff guide in rules check', () => {
  it('loads the bundled guide, and the request lists exactly its wagon kinds', () => {
    const report = checkRuleFiles(bundled);
    expect(report.issues).toEqual([]);
    const guide = report.ruleSet?.tariffGuides.get('TR-1');
    expect(guide?.wagonKinds.map((k) => k.id).sort()).toEqual([...WAGON_TYPES].sort());
  });

  it('reports a gap between distance belts with the CSV file and line', () => {
    // line 3 is the belt 6–10 km: it now starts at 7, leaving km 6 in no belt
    const issues = issuesWith(SCHEME_8, (t) => t.replace('\n6,10,', '\n7,10,'));
    expect(issues).toEqual([
      `${SCHEME_8}:3 column fromKm gap between belts: km 6–6 are in no belt (line 2 ends at 5)`,
    ]);
  });

  it('reports overlapping belts with the CSV file and line', () => {
    const issues = issuesWith(SCHEME_8, (t) => t.replace('\n6,10,', '\n5,10,'));
    expect(issues).toEqual([
      `${SCHEME_8}:3 column fromKm belts overlap: this belt starts at 5 km but line 2 runs to 5 km`,
    ]);
  });

  it('reports a missing mass column (a missing band of the by-mass table)', () => {
    const dropColumn = (t: string) =>
      t
        .split('\n')
        .map((line) =>
          line
            .split(',')
            .filter((_, i) => i !== 2 + 35)
            .join(','),
        )
        .join('\n');
    const issues = issuesWith(SCHEME_8, dropColumn);
    expect(issues).toContain(
      `${SCHEME_8}:1  missing mass column 45 t: a by-mass table has one column per tonne from 10 to 80`,
    );
  });

  it('reports a missing belt row at the start of a table, a cell that is not a rate, and a short row', () => {
    expect(issuesWith(SCHEME_8, (t) => t.replace(/\n0,5,[^\n]*/, ''))).toEqual([
      `${SCHEME_8}:2 column fromKm the first belt must start at 0 km, not 6`,
    ]);
    expect(issuesWith(SCHEME_8, (t) => t.replace('\n0,5,18283,', '\n0,5,18 283,'))).toEqual([
      `${SCHEME_8}:2 column 10 '18 283' is not a rate (a decimal number)`,
    ]);
    expect(issuesWith(SCHEME_8, (t) => t.replace('\n0,5,18283,', '\n0,5,'))[0]).toMatch(
      new RegExp(`^${SCHEME_8}:2 {2}72 cells, but the header has 73`),
    );
  });

  it('reports a gap in Table 2 bands and a scheme that no table holds, at the YAML line', () => {
    const k1 = 'tariff-guides/TR-1/coefficients/class-k1.yaml';
    expect(issuesWith(k1, (t) => t.replace('fromKm: 1201, toKm: 1400', 'fromKm: 1202, toKm: 1400'))).toEqual([
      `${k1}:8 classes[0].bands[1].fromKm gap between bands: km 1201–1201 are in no band`,
    ]);
    const universal = 'tariff-guides/TR-1/schemes/universal.yaml';
    expect(issuesWith(universal, (t) => t.replace('loaded: "I1"', 'loaded: "I9"'))).toEqual([
      `${universal}:13 wagonKinds[0].general.loaded scheme I9 is in no base-rate table`,
    ]);
  });

  it('requires a codes.yaml class to agree with the ETSNG classifier', () => {
    const codes = 'cargo/codes.yaml';
    const issues = issuesWith(codes, (t) =>
      t.replace(/(code: "214005"\n\s+name: .*\n\s+tariffClass: )2/, '$13'),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^cargo\/codes\.yaml:\d+ etsng\[\d+\]\.tariffClass the ETSNG classifier gives 214005 class 2/,
    );
  });
});
