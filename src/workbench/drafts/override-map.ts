import { isMap, isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import type { RuleIssue } from '../../rules/rule-issue.js';
import { isRecord } from '../../rules/rule-path.js';
import { IsoDateString } from '../../rules/schema/common.js';
import { parseSourceFile } from '../../rules/source-file.js';
import { validateFile } from '../../rules/validate-file.js';
import { applyOverrides, type Override } from './apply-overrides.js';

/**
 * A small draft written as values to change rather than as whole files:
 *
 *   title: "KTZ transit 1 501–2 000 km coefficient 0.75"
 *   effectiveFrom: 2026-04-01
 *   overrides:
 *     railways/KTZ/2026-01-01.yaml#regimes[cis-transit].coefficients[container-distance-1501-2000].factor: "0.75"
 */
export const OverrideMapSchema = z.strictObject({
  title: z.string().min(1).optional(),
  effectiveFrom: IsoDateString.optional(),
  reference: z.string().optional(),
  overrides: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});

export function isOverrideMap(text: string): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isMap(doc.contents) && doc.has('overrides');
}

/** The files an override map changes or adds, laid over `base`; problems located in the map (line, key). */
export function draftFromOverrideMap(
  file: string,
  text: string,
  base: readonly RuleFileText[],
): { files: RuleFileText[]; notes: string[]; issues: RuleIssue[] } {
  const source = parseSourceFile(file, text);
  if (source.issues.length > 0) return { files: [], notes: [], issues: [...source.issues] };
  const { value, issues } = validateFile(source, OverrideMapSchema);
  if (!value) return { files: [], notes: [], issues };
  const overrides = exactValues(text, value.overrides);
  const result = applyOverrides(base, overrides, value.effectiveFrom, value.title);
  return {
    files: result.files,
    notes: result.notes,
    issues: result.problems.map((p) => source.issueAt(['overrides'], p.message, p.target)),
  };
}

/** Numbers keep the digits they were written with ("0.750" stays "0.750", not 0.75). */
function exactValues(text: string, parsed: Record<string, unknown>): Override[] {
  const doc = parseDocument(text);
  const map = doc.get('overrides', true);
  const written = new Map<string, string>();
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isScalar(pair.key) && isScalar(pair.value) && typeof pair.value.value === 'number')
        written.set(String(pair.key.value), pair.value.source ?? String(pair.value.value));
    }
  }
  return Object.entries(isRecord(parsed) ? parsed : {}).map(([target, value]) => ({
    target,
    value: written.get(target) ?? value,
  }));
}
