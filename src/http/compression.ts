import type { IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyCompressOptions } from '@fastify/compress';
import type { BodyEncoding } from './response-cache.js';

/**
 * Brotli at quality 4: a quote of 8.8 KB compresses to about the size gzip gives, in about the time gzip takes;
 * quality 11 (zlib's default) is a hundred times slower and only 17 % smaller, which no dynamic body repays.
 */
const BROTLI_QUALITY = 4;
/** Bodies smaller than this go as they are: the coding would cost more than it saves. */
const THRESHOLD_BYTES = 1024;
const ENCODINGS = ['br', 'gzip'] as const;

/** @fastify/compress for every route that does not compress its own bodies: the same codings and settings. */
export const COMPRESS_OPTIONS: FastifyCompressOptions = {
  encodings: [...ENCODINGS],
  brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  threshold: THRESHOLD_BYTES,
  globalDecompression: false,
};

const SUPPORTED: BodyEncoding[] = [...ENCODINGS, 'identity'];

/** The coding to answer with, by Accept-Encoding (q-values honoured; `x-gzip` is gzip), as @fastify/compress does. */
export function negotiateEncoding(headers: IncomingHttpHeaders): BodyEncoding {
  const accept = headers['accept-encoding'];
  if (accept === undefined || headers['x-no-compression'] !== undefined) return 'identity';
  const chosen = negotiate(accept.toLowerCase().replaceAll('x-gzip', 'gzip'), SUPPORTED);
  return chosen === 'br' || chosen === 'gzip' ? chosen : 'identity';
}

/** The body in a coding, or undefined when it is too small to be worth coding. */
export function encodeBody(body: Buffer, encoding: 'gzip' | 'br'): Buffer | undefined {
  if (body.length < THRESHOLD_BYTES) return undefined;
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body);
}
