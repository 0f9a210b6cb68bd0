import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { keyedResponses, keyRequired } from '../../contract/access-schemas.js';
import { QuoteIdParamsSchema, quoteProblemResponses } from '../../contract/quote-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import { isExpired } from '../../domain/quotes/quote-validity.js';
import type { QuoteStore } from '../../store/quote-store.js';
import { quoteScope } from '../access/caller.js';
import type { AppContext } from '../app-context.js';
import { quoteDocumentHtml } from '../documents/quote-document-html.js';
import { quoteDocument } from '../documents/quote-document-model.js';
import { quoteDocumentPdf } from '../documents/quote-document-pdf.js';

const DocumentQuerySchema = z.strictObject({
  lang: z.enum(['en', 'ru']).default('en').describe('language of the document'),
  format: z.enum(['html', 'pdf']).default('html').describe('a printable HTML page or an A4 PDF'),
});

/** GET /v1/quotes/{id}/document: an issued quote as a document a shipper can file — HTML or PDF, English or Russian. */
export function quoteDocumentRoutes(context: AppContext, store: QuoteStore): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/quotes/:id/document',
      {
        // Read like the quote itself: the account that issued it, or an admin; another account's is a 404.
        config: { access: ['shipper', 'admin'] },
        schema: {
          security: keyRequired(),
          summary: 'An issued quote as a printable document (HTML or PDF, English or Russian)',
          description:
            'Quote id, validity, route, itemised charges with their tariff references, totals before and after VAT ' +
            'where every leg is international carriage, the rule versions and the hashes of the rule files used.',
          params: QuoteIdParamsSchema,
          querystring: DocumentQuerySchema,
          produces: ['text/html', 'application/pdf'],
          response: {
            200: z.string().describe('text/html or application/pdf'),
            ...quoteProblemResponses,
            ...keyedResponses,
          },
        },
        serializerCompiler: () => (data) => (typeof data === 'string' ? data : JSON.stringify(data)),
      },
      async (request, reply) => {
        const quote = await store.get(request.params.id, quoteScope(request.caller));
        if (!quote) throw new DomainError('QUOTE_NOT_FOUND', `no quote ${request.params.id}`);
        const { lang, format } = request.query;
        const document = quoteDocument(quote, lang, isExpired(quote.validUntil, context.today()));
        const name = `quote-${quote.id}.${format}`;
        if (format === 'pdf') {
          const pdf = await quoteDocumentPdf(document);
          // The PDF's bytes go out as they are: the typed reply knows only the documented string body.
          const raw: FastifyReply = reply;
          return raw
            .type('application/pdf')
            .header('content-disposition', `inline; filename="${name}"`)
            .send(pdf);
        }
        return reply.type('text/html; charset=utf-8').send(quoteDocumentHtml(document));
      },
    );
  };
}
