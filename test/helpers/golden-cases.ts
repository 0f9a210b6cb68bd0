import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** test/scenarios: the golden files in the rule-test format. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../scenarios', import.meta.url));

/** The first case of a golden file, as the request (with its acceptance date) and the expectation it states. */
export interface GoldenCase<R> {
  readonly file: string;
  readonly name: string;
  readonly request: R & { readonly acceptanceDate: string };
  readonly expect: { readonly total: string };
}

/** The first case of every golden file whose name starts with `prefix`, in file order. */
export function goldenCases<R>(prefix: string): GoldenCase<R>[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const parsed = parse(readFileSync(join(SCENARIOS_DIR, file), 'utf8')) as {
        cases: { name: string; acceptanceDate: string; shipment: R; expect: GoldenCase<R>['expect'] }[];
      };
      const first = parsed.cases[0];
      if (!first) throw new Error(`${file}: a golden file without cases`);
      return {
        file,
        name: first.name,
        request: { ...first.shipment, acceptanceDate: String(first.acceptanceDate) },
        expect: first.expect,
      };
    });
}
