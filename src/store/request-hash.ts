import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/core/canonical-json.js';

/** SHA-256 of a request body whatever the order of its keys: equal bodies, equal hashes. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
