import { parseArgs } from 'node:util';
import { isValidIsoDate } from '../domain/core/dates.js';
import { DomainError } from '../domain/core/domain-error.js';
import type { IssuedQuote } from '../domain/quotes/issue-quote.js';
import { isExpired } from '../domain/quotes/quote-validity.js';
import { type QuoteReplay, replayQuote } from '../domain/quotes/replay-quote.js';
import type { QuoteStore } from '../store/quote-store.js';
import { type CliIo, today, UsageError } from './io.js';
import { loadCliRuleSet } from './load-cli-rule-set.js';
import { formatRates } from './quote.js';
import { withStore } from './with-store.js';

/** `throughrate quotes show <id> [--json]`: an issued quote from the store the service uses. */
export async function quotesShow(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  const id = onlyId(positionals);
  return withStore(io, async (store) => {
    const quote = await storedQuote(store, id);
    const expired = isExpired(quote.validUntil, today(io));
    io.stdout.write(
      values.json
        ? `${JSON.stringify({ ...quote, expired, indicative: quote.indicative === true, binding: quote.indicative !== true }, null, 2)}\n`
        : formatQuote(quote, expired),
    );
    return 0;
  });
}

/** `throughrate quotes replay <id> [--date YYYY-MM-DD] [--rules DIR] [--json]`: price it again and compare. */
export async function quotesReplay(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      date: { type: 'string' },
      rules: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const id = onlyId(positionals);
  if (values.date !== undefined && !isValidIsoDate(values.date)) {
    throw new UsageError(`--date ${values.date}: expected a date YYYY-MM-DD`);
  }
  const ruleSet = await loadCliRuleSet(values.rules, io);
  return withStore(io, async (store) => {
    const replay = replayQuote(ruleSet, await storedQuote(store, id), values.date);
    io.stdout.write(values.json ? `${JSON.stringify(replay, null, 2)}\n` : formatReplay(replay));
    return 0;
  });
}

function onlyId(positionals: readonly string[]): string {
  const [id, ...more] = positionals;
  if (!id || more.length > 0) throw new UsageError('expected exactly one quote id');
  return id;
}

async function storedQuote(store: QuoteStore, id: string): Promise<IssuedQuote> {
  const quote = await store.get(id);
  if (!quote) throw new DomainError('QUOTE_NOT_FOUND', `no quote ${id}`);
  return quote;
}

export function formatQuote(quote: IssuedQuote, expired: boolean): string {
  const head = [
    `Quote ${quote.id}, issued ${quote.issuedAt}`,
    quote.indicative === true
      ? 'INDICATIVE, NOT BINDING: issued on request although illustrative placeholder figures carry part of the price'
      : 'binding',
    `${expired ? 'EXPIRED' : 'valid'}: ${quote.validity.explanation}`,
    `rule set ${quote.ruleSetHash}; ${quote.ruleFiles.length} rule files, with their hashes, in --json`,
    '',
  ];
  const rates = formatRates({
    acceptanceDate: quote.acceptanceDate,
    currency: quote.currency,
    ruleSetHash: quote.ruleSetHash,
    cargo: quote.cargo,
    options: [quote.option],
    unpriced: [],
  });
  return `${head.join('\n')}\n${rates}`;
}

export function formatReplay(replay: QuoteReplay): string {
  const out = [
    `Replay of quote ${replay.quoteId}: accepted ${replay.acceptanceDate} (issued for ${replay.storedAcceptanceDate})`,
    `rule set ${replay.ruleSetHash}${replay.ruleSetHash === replay.storedRuleSetHash ? ' (the same as at issue)' : ` (at issue ${replay.storedRuleSetHash})`}`,
    replay.identical
      ? 'IDENTICAL: the stored quote is reproduced exactly'
      : 'DIFFERENT from the stored quote, line by line below',
  ];
  for (const warning of replay.warnings) out.push(`WARNING: ${warning}`);
  for (const v of replay.versionChanges)
    out.push(`version: ${v.railway} ${v.stored ?? 'none'} → ${v.replayed ?? 'none'}`);
  out.push('');
  const money = (m?: { amount: string; currency: string }) => (m ? `${m.amount} ${m.currency}` : '—');
  for (const line of replay.difference.lines) {
    out.push(
      `  ${line.status.padEnd(8)} ${line.railway.padEnd(4)} ${line.kind.padEnd(10)} ` +
        `${money(line.stored?.amount).padStart(16)} → ${money(line.replayed?.amount).padStart(16)}  ` +
        `(${money(line.difference)})  ${line.description}`,
    );
  }
  const total = replay.difference.total;
  out.push('', `  total ${money(total.stored)} → ${money(total.replayed)} (${money(total.difference)})`, '');
  return out.join('\n');
}
