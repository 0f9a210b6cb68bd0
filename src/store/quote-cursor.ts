import { DomainError } from '../domain/core/domain-error.js';

/** The position after the last quote of a page: its issue instant and id (the listing's sort key). */
export interface QuoteCursor {
  readonly issuedAt: string;
  readonly id: string;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
/** An id the service could have issued: visible ASCII, as the id parameter of GET /v1/quotes/{id}. */
const QUOTE_ID = /^[\x21-\x7e]{1,100}$/;

/** Opaque to clients: base64url of the sort key. */
export function encodeCursor(cursor: QuoteCursor): string {
  return Buffer.from(JSON.stringify([cursor.issuedAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): QuoteCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      ISO_INSTANT.test(value[0]) &&
      isRealInstant(value[0]) &&
      typeof value[1] === 'string' &&
      QUOTE_ID.test(value[1])
    ) {
      return { issuedAt: value[0], id: value[1] };
    }
  } catch {
    // falls through to the problem below
  }
  throw new DomainError(
    'INVALID_REQUEST',
    'cursor is not one this service returned: start again without it',
    {
      pointer: '#querystring/cursor',
    },
  );
}

/** A real instant between 1990 and 2100 (the pattern alone lets 0000-13-45T… through to the database). */
function isRealInstant(text: string): boolean {
  const ms = Date.parse(text);
  return !Number.isNaN(ms) && new Date(ms).toISOString() === text && text >= '1990' && text < '2101';
}
