import { parse } from 'yaml';
import { readRuleFiles } from './read-rule-files.js';

export type LabelCensus = Readonly<Record<'sourced' | 'approximate' | 'illustrative', number>>;

/**
 * How many figures of a rules directory carry each confidence label: every `confidence:` of the rule files in force
 * (not drafts, tests or portfolios), counted in the parsed YAML, so comments and quoted text never count.
 */
export async function labelCensus(dir: string): Promise<LabelCensus> {
  const counts = { sourced: 0, approximate: 0, illustrative: 0 };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'confidence' && typeof value === 'string' && value in counts)
        counts[value as keyof typeof counts]++;
      else visit(value);
    }
  };
  for (const file of await readRuleFiles(dir)) {
    try {
      visit(parse(file.text));
    } catch {
      // A file that does not parse is reported by the check itself.
    }
  }
  return counts;
}

/** "78 sourced (11.3 %), 230 approximate (33.4 %), 381 illustrative (55.3 %) of 689 labelled figures". */
export function formatCensus(census: LabelCensus): string {
  const total = census.sourced + census.approximate + census.illustrative;
  const share = (n: number) => (total === 0 ? '0.0' : ((n * 100) / total).toFixed(1));
  return (
    `labels: ${census.sourced} sourced (${share(census.sourced)} %), ${census.approximate} approximate ` +
    `(${share(census.approximate)} %), ${census.illustrative} illustrative (${share(census.illustrative)} %) ` +
    `of ${total} labelled figures`
  );
}
