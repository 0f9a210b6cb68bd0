import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { RuleFileText } from '../../src/rules/read-rule-files.js';
import { parseSourceFile } from '../../src/rules/source-file.js';
import { applyOverrides } from '../../src/workbench/drafts/apply-overrides.js';
import { applyRuleChanges } from '../../src/workbench/drafts/apply-rule-changes.js';
import { layOver } from '../../src/workbench/drafts/build-draft.js';
import { changeKey, deepEqual, ruleChanges } from '../../src/workbench/drafts/rule-changes.js';
import { diffRules } from '../../src/workbench/rule-diff/diff-rules.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const bundled = ruleFilesIn(BUNDLED_RULES);
const COEFFICIENT =
  'railways/KTZ/2026-01-01.yaml#regimes[cis-transit].coefficients[container-distance-1501-2000].factor';

function overridden(
  values: Record<string, unknown>,
  effectiveFrom?: string,
  base: RuleFileText[] = bundled,
): RuleFileText[] {
  const result = applyOverrides(
    base,
    Object.entries(values).map(([target, value]) => ({ target, value })),
    effectiveFrom,
  );
  expect(result.problems).toEqual([]);
  return layOver(base, result.files);
}

/** The bundled rules have no rate in distance bands any more: one is added to the RZD 2024 version to diff. */
const BANDED = `      - id: banded-sample
        description: "Sample rate in distance bands"
        basis: tonne
        when: { unitKind: wagon, ownership: private, loaded: true }
        distanceStepKm: 10
        bands:
          - { fromKm: 0, toKm: 1000, fixed: "150", perKm: "0.88" }
          - { fromKm: 1001, toKm: 3000, fixed: "280", perKm: "0.75" }
          - { fromKm: 3001, fixed: "530", perKm: "0.67" }
        reference: "test"
        confidence: illustrative
`;
const banded = bundled.map((f) =>
  f.path === 'railways/RZD/2024-12-01.yaml'
    ? {
        ...f,
        text: f.text.replace('      # Wagons: no rates here.', `${BANDED}      # Wagons: no rates here.`),
      }
    : f,
);

const data = (files: readonly RuleFileText[]) =>
  files.map((f) => ({ path: f.path, data: parseSourceFile(f.path, f.text).data }));

describe('rules diff', () => {
  it('tells a changed coefficient in tariff terms, with the date it takes effect', () => {
    const diff = diffRules(bundled, overridden({ [COEFFICIENT]: '0.75' }, '2026-04-01'));
    expect(diff.issues).toBeUndefined();
    expect(diff.entries?.map((e) => e.text)).toEqual([
      expect.stringMatching(
        /^KTZ version 2026-04-01, new \(railways\/KTZ\/2026-04-01\.yaml\), compared with railways\/KTZ\/2026-01-01\.yaml: .*effectiveFrom 2026-01-01 → 2026-04-01; supersedes 2025-01-01 → 2026-01-01 from 2026-04-01$/,
      ),
      'KTZ cis-transit coefficient container-distance-1501-2000 (Transit container, tariff distance 1 501–2 000 km): factor 0.80 → 0.75 from 2026-04-01',
    ]);
  });

  it('names bands by their distances, links by their stations, and items added or removed', () => {
    expect(banded.some((f, i) => f.text !== bundled[i]?.text)).toBe(true);
    const diff = diffRules(
      banded,
      overridden(
        {
          'railways/RZD/2024-12-01.yaml#regimes[national].rates[banded-sample].bands[1].perKm': '0.80',
          'network/links.yaml#links[DINA-NURPEISOVA>ATYRAU].km': 252,
        },
        undefined,
        banded,
      ),
    );
    expect(diff.entries?.map((e) => e.text)).toEqual([
      'link DINA-NURPEISOVA – ATYRAU: km 250 → 252',
      'RZD national rate banded-sample (Sample rate in distance bands): band 1 001–3 000 km: perKm 0.75 → 0.80 from 2024-12-01',
    ]);
    const removed = bundled.map((f) =>
      f.path === 'railways/RZD/2024-12-01.yaml'
        ? {
            ...f,
            text: f.text.replace(/ {6}- id: reefer-container[\s\S]*?confidence: sourced\n/, ''),
          }
        : f,
    );
    expect(diffRules(bundled, removed).entries?.map((e) => e.text)).toEqual([
      'RZD cis-transit coefficient reefer-container (Refrigerated container): removed (was ×1.35 when { unitKind: container, containerTypes: [reefer] }) from 2024-12-01',
    ]);
  });

  it('reports a side that does not validate instead of comparing it', () => {
    const diff = diffRules(bundled, overridden({ [COEFFICIENT]: 'zero' }));
    expect(diff.entries).toBeUndefined();
    expect(diff.issues?.new[0]).toMatchObject({
      file: 'railways/KTZ/2026-01-01.yaml',
      path: expect.stringMatching(/factor$/),
    });
  });

  it('prints the sample draft as thirteen changes, and as JSON with --json', async () => {
    let stdout = '';
    const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true }, env: {} };
    const draft = join(BUNDLED_RULES, 'drafts/ktz-containers-2026-07');
    expect(await main(['rules', 'diff', BUNDLED_RULES, draft], io)).toBe(0);
    expect(stdout).toMatch(/^13 change\(s\) from /);
    expect(stdout).toContain(
      'KTZ national rate container-40-loaded (40 or 45 ft container, loaded, per box (network charge and traction)): fixed 26 250 → 28 875; perKm 241.5 → 265.65 from 2026-07-01',
    );
    stdout = '';
    expect(await main(['rules', 'diff', BUNDLED_RULES, draft, '--json'], io)).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.changes).toHaveLength(13);
    expect(json.changes[12]).toMatchObject({
      file: 'railways/KTZ/2026-07-01.yaml',
      path: 'regimes[national].rates[container-40-loaded]',
      railway: 'KTZ',
      details: ['fixed 26 250 → 28 875', 'perKm 241.5 → 265.65'],
      when: 'from 2026-07-01',
    });
  });
});

describe('rule changes applied one at a time', () => {
  it('rebuild the old files with none applied and the new files with all applied', () => {
    const sample = readFileSync(
      join(BUNDLED_RULES, 'drafts/ktz-containers-2026-07/railways/KTZ/2026-07-01.yaml'),
      'utf8',
    );
    const next = overridden({
      'railways/RZD/2026-01-01.yaml#regimes[national].rates[container-40-private].formula.perKm': '57.1',
      'network/links.yaml#links[DINA-NURPEISOVA>ATYRAU].km': 252,
    });
    const reordered = next.map((f) =>
      f.path === 'railways/RZD/2024-12-01.yaml'
        ? {
            ...f,
            text: f.text
              .replace(/ {6}- id: tank-container[\s\S]*?confidence: sourced\n/, '')
              .replace(
                '    coefficients:\n',
                '    coefficients:\n      - { id: new-one, description: "New", factor: "0.9", reference: "test", confidence: illustrative }\n',
              ),
          }
        : f,
    );
    const before = data(bundled);
    const after = data(layOver(reordered, [{ path: 'railways/KTZ/2026-07-01.yaml', text: sample }]));
    const changes = ruleChanges(before, after);
    expect(changes.map((c) => `${c.scope} ${c.kind} ${c.file} ${c.path}`)).toContain(
      'item removed railways/RZD/2024-12-01.yaml regimes[cis-transit].coefficients[tank-container]',
    );
    expect(changes.map((c) => `${c.scope} ${c.kind} ${c.file} ${c.path}`)).toContain(
      'item added railways/RZD/2024-12-01.yaml regimes[national].coefficients[new-one]',
    );
    const none = applyRuleChanges(before, after, changes, new Set());
    const all = applyRuleChanges(before, after, changes, new Set(changes.map(changeKey)));
    const byPath = (files: { path: string; data: unknown }[]) => new Map(files.map((f) => [f.path, f.data]));
    expect(deepEqual(Object.fromEntries(byPath(none)), Object.fromEntries(byPath(before)))).toBe(true);
    expect(deepEqual(Object.fromEntries(byPath(all)), Object.fromEntries(byPath(after)))).toBe(true);
    // Order kept exactly, not only content.
    const coefficients = (files: { path: string; data: unknown }[]) =>
      JSON.stringify(byPath(files).get('railways/RZD/2024-12-01.yaml'));
    expect(coefficients(all)).toBe(coefficients(after));
    expect(coefficients(none)).toBe(coefficients(before));
  });
});
