import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { keyedResponses, keyRequired } from '../../contract/access-schemas.js';
import {
  CreatedKeySchema,
  KeyIdParamsSchema,
  KeyListSchema,
  NewKeySchema,
} from '../../contract/key-schemas.js';
import { problemResponses } from '../../contract/rates-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import type { ApiKeyRecord } from '../../store/api-key.js';
import type { ApiKeyStore } from '../../store/api-key-store.js';
import type { KeyCache } from '../access/key-cache.js';

const config = { access: ['admin'] as const };
const responses = { ...problemResponses, ...keyedResponses };

/** What is shown of a key: never its hash. */
const shown = ({ keyHash: _hash, ...key }: ApiKeyRecord) => key;

/**
 * API keys, for an admin key: create (the key is in the answer, once), list, revoke. A key revoked here stops
 * working on this instance at once, on the others within their key cache's time to live.
 */
export function keyRoutes(keys: ApiKeyStore, cache: KeyCache, now: () => Date): FastifyPluginAsync {
  return async (app) => {
    const typed = app.withTypeProvider<ZodTypeProvider>();

    typed.post(
      '/v1/keys',
      {
        config,
        schema: {
          security: keyRequired(),
          summary: 'Create an API key (admin): the key is in this answer only, then kept as its hash',
          body: NewKeySchema,
          response: { 201: CreatedKeySchema, ...responses },
        },
      },
      async (request, reply) => {
        const created = await keys.create(request.body, now());
        request.log.info({ keyId: created.record.id, role: created.record.role }, 'API key created');
        return reply.code(201).send({ ...shown(created.record), key: created.key });
      },
    );

    typed.get(
      '/v1/keys',
      {
        config,
        schema: {
          security: keyRequired(),
          summary:
            'Every API key (admin), oldest first, revoked ones with revokedAt; never the keys themselves',
          response: { 200: KeyListSchema, ...responses },
        },
      },
      async () => ({ keys: (await keys.list()).map(shown) }),
    );

    typed.delete(
      '/v1/keys/:id',
      {
        config,
        schema: {
          security: keyRequired(),
          summary: 'Revoke an API key (admin)',
          params: KeyIdParamsSchema,
          response: { 200: KeyListSchema.shape.keys.element, ...responses },
        },
      },
      async (request) => {
        const { id } = request.params;
        const revoked = await keys.revoke(id, now());
        cache.forget(id);
        const key = await keys.find(id);
        if (!key) throw new DomainError('KEY_NOT_FOUND', `no API key ${id}`);
        if (revoked) request.log.info({ keyId: id }, 'API key revoked');
        return shown(key);
      },
    );
  };
}
