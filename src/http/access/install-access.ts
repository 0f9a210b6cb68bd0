import type { FastifyInstance, FastifyReply } from 'fastify';
import { DomainError } from '../../domain/core/domain-error.js';
import { apiKeyId, keyMatches } from '../../store/api-key.js';
import { ANONYMOUS, type Caller } from './caller.js';
import type { KeyCache } from './key-cache.js';

const REALM = 'Bearer realm="throughrate"';
const BEARER = /^Bearer +(\S+) *$/i;

/**
 * Who is calling, for every request: `Authorization: Bearer <key>` names a key, no header is anonymous. A route's
 * `config.access` lists the roles it admits: anonymous -> 401 (with WWW-Authenticate), another role -> 403. A key
 * that is malformed, unknown or revoked is a 401 wherever it is sent. Registered before the routes. Without a
 * key cache (no store) every key is unknown.
 */
export function installAccess(app: FastifyInstance, known: KeyCache | undefined): void {
  // null until the hook below sets it, first thing for every request (an object here would be shared).
  app.decorateRequest('caller', null as never);

  const identify = async (header: string, reply: FastifyReply): Promise<Caller> => {
    const refuse = (detail: string) => {
      reply.header('www-authenticate', `${REALM}, error="invalid_token"`);
      return new DomainError('UNAUTHORIZED', detail);
    };
    const key = BEARER.exec(header)?.[1];
    if (key === undefined) throw refuse('the Authorization header must read "Bearer <API key>"');
    const id = apiKeyId(key);
    if (id === undefined) throw refuse('this is not an API key of this service');
    const record = known ? await known.get(id) : undefined;
    if (!record || !keyMatches(key, record) || record.revokedAt !== undefined) {
      throw refuse('unknown or revoked API key');
    }
    return { kind: 'key', keyId: record.id, account: record.account, role: record.role };
  };

  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    request.caller = header === undefined ? ANONYMOUS : await identify(header, reply);
    const admitted = request.routeOptions.config.access;
    if (!admitted) return;
    if (request.caller.kind === 'anonymous') {
      reply.header('www-authenticate', REALM);
      throw new DomainError(
        'UNAUTHORIZED',
        `${request.method} ${request.routeOptions.url} needs an API key`,
        {
          roles: admitted,
        },
      );
    }
    if (!admitted.includes(request.caller.role)) {
      throw new DomainError(
        'FORBIDDEN',
        `a ${request.caller.role} key may not ${request.method} ${request.routeOptions.url}`,
        { roles: admitted },
      );
    }
  });
}
