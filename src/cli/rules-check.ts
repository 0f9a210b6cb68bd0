import { formatCensus, labelCensus } from '../rules/label-census.js';
import { checkRuleSet } from '../rules/load-rule-set.js';
import { formatIssue } from '../rules/rule-issue.js';
import { rulesDirFor } from './cli-config.js';
import type { CliIo } from './io.js';

/** `throughrate rules check [dir]`: every problem with file, line and path; exit 1 on any. */
export async function rulesCheck(args: readonly string[], io: CliIo): Promise<number> {
  const dir = rulesDirFor(io, args[0]);
  const started = performance.now();
  const report = await checkRuleSet(dir);
  const ms = (performance.now() - started).toFixed(0);
  const s = report.summary;
  if (report.issues.length > 0) {
    for (const issue of report.issues) io.stdout.write(`${formatIssue(issue)}\n`);
    io.stdout.write(`\n${report.issues.length} error(s) in ${dir}\n`);
    return 1;
  }
  io.stdout.write(
    `ok: ${s.railways} railways, ${s.versions} versions, ${s.amendments} amendments, ${s.stations} stations, ` +
      `${s.links} links, ${s.crossings} crossings, ${s.cargoCodes} cargo codes, ${s.corridorAgreements} corridor agreements (${s.files} files, ${ms} ms)\n`,
  );
  io.stdout.write(`${formatCensus(await labelCensus(dir))}\n`);
  return 0;
}
