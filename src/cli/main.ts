import { isDomainError } from '../domain/core/domain-error.js';
import { RuleSetError } from '../rules/rule-issue.js';
import { capacity } from './capacity.js';
import { compare } from './compare.js';
import { type CliIo, UsageError } from './io.js';
import { keysCreate, keysList, keysRevoke } from './keys.js';
import { quote } from './quote.js';
import { quotesReplay, quotesShow } from './quotes.js';
import { quotesPurge } from './quotes-purge.js';
import { rulesCheck } from './rules-check.js';
import { rulesDiff } from './rules-diff.js';
import { rulesTest } from './rules-test.js';
import { whatif } from './whatif.js';

const USAGE = `usage: throughrate <command>

  quote --from <station> --to <station> --cargo <etsng|gng> [--container 20|30|40|45 | --wagon <kind>]
        [--count N] [--mass T] [--owner railway|private] [--empty] [--date YYYY-MM-DD]
        [--via <border station>]... [--currency USD] [--options N] [--rules DIR] [--json]
        wagons (ТР-1): [--capacity T] [--axles N] [--innovative <model>|true] [--wagons N]
        [--shipment-type single-wagon|group|block-train] [--lot count:capacity:mass[:model]]...
        [--empty-return] [--distance RZD=841]...
  compare <the quote flags> [--value-of-time <per tonne-day>] [--discount-legs KTZ,TDY]
                             rail beside the Caspian, deep-sea and road alternatives, with CO2e,
                             rankings and the break-even corridor discount
  capacity [--date YYYY-MM-DD] [--json]
                             border sections: capacity, traffic, utilisation and the dwell that follows
  rules check [dir]          validate rule files; exit 1 on any error
  rules test [dir|file]      run the rule tests in <dir>/tests; pass or fail per case; exit 1 on any failure
  rules diff <old> <new> [--json]
                             what changed between two rule sets (directories, or draft files laid over the rules)
  whatif --draft <dir|file>... --portfolio <csv|jsonl> [--out report.html|.csv|.json] [--currency USD]
         [--goal-seek <file>#<yaml path> (--keep-revenue <RAILWAY> | --rail-share <0–1>) [--precision N]]
         [--no-mode-shift] [--rules DIR]
                             every shipment of a portfolio under the rules in force and under a draft
  openapi [--write|--check]  print, write or check openapi/openapi.yaml
  quotes show <id> [--json]  an issued quote, from the store of DATABASE_URL or DATA_DIR
  quotes replay <id> [--date YYYY-MM-DD] [--rules DIR] [--json]
                             price an issued quote again and compare it line by line
  quotes purge [--days N]    delete quotes whose validity ended more than N days ago
                             (default QUOTE_RETENTION_DAYS, 1826)
  keys create --role shipper|committee|admin --name <text> [--account <account>]
                             a new API key, printed alone on the first line (shown this once)
  keys list [--json]         every key: id, role, account, name, created, revoked
  keys revoke <id>           the key stops working (within 10 s on running servers)
`;

export type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  quote,
  compare,
  capacity,
  'rules check': rulesCheck,
  'rules test': rulesTest,
  'rules diff': rulesDiff,
  whatif,
  'quotes show': quotesShow,
  'quotes replay': quotesReplay,
  'quotes purge': quotesPurge,
  'keys create': keysCreate,
  'keys list': keysList,
  'keys revoke': keysRevoke,
};

/**
 * Runs one command; results go to stdout, diagnostics to stderr; returns the exit code. `composed` adds the commands
 * that need the HTTP app (openapi), which the entry composes outside src/cli.
 */
export async function main(
  argv: readonly string[],
  io: CliIo,
  composed: Readonly<Record<string, Command>> = {},
): Promise<number> {
  const commands = { ...COMMANDS, ...composed };
  const [first, second, ...rest] = argv;
  const pair = `${first} ${second}`;
  const command = commands[pair] ?? commands[first ?? ''];
  const args = commands[pair] ? rest : argv.slice(1);
  if (!command || first === 'help' || first === '--help') {
    (command ? io.stdout : io.stderr).write(USAGE);
    return first === 'help' || first === '--help' ? 0 : 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      io.stderr.write(`throughrate: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isDomainError(error)) {
      const hint = error.details.suggestions?.length
        ? ` (did you mean ${error.details.suggestions.join(', ')}?)`
        : '';
      io.stderr.write(`throughrate: ${error.code}: ${error.message}${hint}\n`);
      return 1;
    }
    if (error instanceof RuleSetError) {
      io.stderr.write(`throughrate: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
