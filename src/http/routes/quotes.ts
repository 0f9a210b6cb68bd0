import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { keyedResponses, keyRequired } from '../../contract/access-schemas.js';
import {
  IdempotencyHeadersSchema,
  QuoteIdParamsSchema,
  QuoteListQuerySchema,
  QuoteListSchema,
  QuoteReplaySchema,
  QuoteRequestSchema,
  QuoteSchema,
  quoteProblemResponses,
  ReplayRequestSchema,
} from '../../contract/quote-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import { type IssuedQuote, issueQuote } from '../../domain/quotes/issue-quote.js';
import { isExpired } from '../../domain/quotes/quote-validity.js';
import { replayQuote } from '../../domain/quotes/replay-quote.js';
import type { Role } from '../../store/api-key.js';
import type { QuoteStore } from '../../store/quote-store.js';
import { requestHash } from '../../store/request-hash.js';
import { issuingAccount, quoteScope } from '../access/caller.js';
import type { AppContext } from '../app-context.js';

/** Quotes are issued and read with a shipper's key, each account seeing its own; an admin's key reads them all. */
const QUOTE_ROLES: readonly Role[] = ['shipper', 'admin'];
const config = { access: QUOTE_ROLES };
const responses = { ...quoteProblemResponses, ...keyedResponses };

/** Binding quotes: issued once, stored with an id and a validity, read back and replayed against today's rules. */
export function quoteRoutes(context: AppContext, store: QuoteStore, now: () => Date): FastifyPluginAsync {
  const withExpiry = (quote: IssuedQuote) => ({
    ...quote,
    expired: isExpired(quote.validUntil, context.today()),
    indicative: quote.indicative === true,
    binding: quote.indicative !== true,
  });
  /** Another account's quote is not found, exactly like one that does not exist. */
  const found = async (id: string, account: string | undefined): Promise<IssuedQuote> => {
    const quote = await store.get(id, account);
    if (!quote) throw new DomainError('QUOTE_NOT_FOUND', `no quote ${id}`);
    return quote;
  };
  const located = (reply: FastifyReply, quote: IssuedQuote, status: 200 | 201) =>
    reply.code(status).header('location', `/v1/quotes/${encodeURIComponent(quote.id)}`);

  return async (app) => {
    const typed = app.withTypeProvider<ZodTypeProvider>();

    typed.post(
      '/v1/quotes',
      {
        config,
        schema: {
          security: keyRequired(),
          summary:
            'Issue a binding quote: price the request, store the chosen (or cheapest) option with an id',
          description:
            'Same body as POST /v1/rates, plus an optional optionId. 201 with a Location header; with an ' +
            'Idempotency-Key already used for the same body, 200 and the quote issued then; for another body, 409. ' +
            'Idempotency keys are scoped to the account of the API key: another account may use the same key.',
          headers: IdempotencyHeadersSchema,
          body: QuoteRequestSchema,
          response: { 200: QuoteSchema, 201: QuoteSchema, ...responses },
        },
      },
      async (request, reply) => {
        const account = issuingAccount(request.caller);
        const key = request.headers['idempotency-key'];
        const hash = requestHash(request.body);
        const conflict = () =>
          new DomainError(
            'IDEMPOTENCY_CONFLICT',
            `Idempotency-Key ${key} was already used with another request body: use a new key for a new request`,
          );
        if (key !== undefined) {
          const earlier = await store.findByIdempotencyKey(account, key);
          if (earlier && earlier.requestHash !== hash) throw conflict();
          if (earlier) return located(reply, earlier.quote, 200).send(withExpiry(earlier.quote));
        }
        const { optionId, indicative, ...body } = request.body;
        const quote = issueQuote(
          context.ruleSet,
          { ...body, acceptanceDate: body.acceptanceDate ?? context.today() },
          optionId,
          { id: randomUUID(), issuedAt: now().toISOString() },
          indicative,
        );
        const outcome = await store.issue({ quote, account, idempotencyKey: key, requestHash: hash });
        if (outcome.status === 'conflict') throw conflict();
        request.log.info({ quoteId: outcome.quote.id, outcome: outcome.status }, 'quote issued');
        return located(reply, outcome.quote, outcome.status === 'created' ? 201 : 200).send(
          withExpiry(outcome.quote),
        );
      },
    );

    typed.get(
      '/v1/quotes/:id',
      {
        config,
        schema: {
          security: keyRequired(),
          summary: 'An issued quote, as issued; expired ones too, marked expired',
          description:
            'Only a quote the account of the key issued (any, with an admin key); another is a 404.',
          params: QuoteIdParamsSchema,
          response: { 200: QuoteSchema, ...responses },
        },
      },
      async (request) => withExpiry(await found(request.params.id, quoteScope(request.caller))),
    );

    typed.get(
      '/v1/quotes',
      {
        config,
        schema: {
          security: keyRequired(),
          summary: 'Issued quotes, newest first, by route and issue date, a page at a time',
          description:
            'The quotes of the account of the key (every account’s, with an admin key). Pass nextCursor back as ' +
            'cursor for the next page: no quote is skipped or repeated.',
          querystring: QuoteListQuerySchema,
          response: { 200: QuoteListSchema, ...responses },
        },
      },
      async (request) => {
        const page = await store.list({ ...request.query, account: quoteScope(request.caller) });
        return {
          quotes: page.quotes.map((q) => ({ ...q, expired: isExpired(q.validUntil, context.today()) })),
          nextCursor: page.nextCursor,
        };
      },
    );

    typed.post(
      '/v1/quotes/:id/replay',
      {
        config,
        schema: {
          security: keyRequired(),
          summary: 'Price a stored quote again with the rules served now and compare it line by line',
          description:
            'On the quote’s acceptance date unless another is given. With the same rule versions the stored ' +
            'quote is reproduced exactly (identical: true); a rule file the quote used that has been changed in ' +
            'place since is listed in ruleFilesChanged and warnings.',
          params: QuoteIdParamsSchema,
          body: ReplayRequestSchema,
          response: { 200: QuoteReplaySchema, ...responses },
        },
      },
      async (request) =>
        replayQuote(
          context.ruleSet,
          await found(request.params.id, quoteScope(request.caller)),
          request.body?.acceptanceDate,
        ),
    );
  };
}
