/** One problem in a rule file, located by file, line and YAML path. */
export interface RuleIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly message: string;
}

export class RuleSetError extends Error {
  readonly issues: readonly RuleIssue[];

  constructor(issues: readonly RuleIssue[]) {
    super(
      `the rule set has ${issues.length} error${issues.length === 1 ? '' : 's'}:\n${issues.map(formatIssue).join('\n')}`,
    );
    this.name = 'RuleSetError';
    this.issues = issues;
  }
}

export function formatIssue(issue: RuleIssue): string {
  const where = issue.path ? ` at ${issue.path}` : '';
  return `${issue.file}:${issue.line}:${issue.column}${where}: ${issue.message}`;
}

/** YAML path as a committee reads it: regimes[0].rates[3].perKm */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}
