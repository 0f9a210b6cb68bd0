import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/**
 * The browser pages built by `npm run build` into dist/web: the quote desk at /, the committee workbench at
 * /workbench, their scripts, styles, map outlines and sample files. Served pre-compressed (brotli or gzip, as built)
 * when the browser accepts it; nothing is fetched from anywhere else.
 */
export function webPageRoutes(root: string): FastifyPluginAsync {
  return async (app) => {
    await app.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      preCompressed: true,
      cacheControl: true,
      maxAge: '1h',
    });
    const page = (file: string) => ({
      schema: { hide: true },
      handler: (_request: unknown, reply: { sendFile(name: string, options?: object): unknown }) =>
        reply.sendFile(file, { maxAge: 0 }),
    });
    app.get('/', page('index.html'));
    app.get('/workbench', page('workbench.html'));
  };
}
