import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions, FastifyInstance } from 'fastify';

/** How long a client may take, and how many may be connected at once. */
export interface ServerLimits {
  /** A request (headers and body) not received in full by then is answered 408 and its connection closed. */
  readonly requestTimeoutMs: number;
  /** The headers of a request not received by then: 408, connection closed. At most requestTimeoutMs. */
  readonly headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /** Connections beyond this are closed as they arrive. */
  readonly maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

/** The Fastify and Node server options that enforce the limits. */
export function limitOptions(limits: ServerLimits): FastifyHttpOptions<Server> {
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // No idle-socket timeout: a what-if may keep a client waiting longer than a request may take to arrive.
    connectionTimeout: 0,
    http: {
      headersTimeout,
      // How often Node looks for requests past their time (its default, 30 s, would let them run that much over).
      connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(headersTimeout / 4))),
    },
    clientErrorHandler: answerClientError,
  };
}

/** Node's own refusals, before any route: said as the problem+json every other refusal is. */
const CLIENT_ERRORS: Record<string, { status: number; title: string; detail: string; code: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request timeout',
    detail: 'the request was not received in full in time',
    code: 'REQUEST_TIMEOUT',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request header fields too large',
    detail: 'the request line and headers exceed the size the server accepts',
    code: 'HEADERS_TOO_LARGE',
  },
};
const BAD_REQUEST = {
  status: 400,
  title: 'Bad request',
  detail: 'the request is not well-formed HTTP',
  code: 'BAD_HTTP_REQUEST',
};
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
  const requestId = randomUUID();
  this.log.info({ reqId: requestId, code: error.code, status: known.status }, 'client error');
  if (socket.writable) {
    const body = JSON.stringify({
      type: `https://throughrate.dev/problems/${known.code.toLowerCase().replaceAll('_', '-')}`,
      title: known.title,
      status: known.status,
      detail: known.detail,
      instance: '',
      code: known.code,
    });
    socket.write(
      `HTTP/1.1 ${known.status} ${STATUS_TEXT[known.status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

/**
 * Closes the app: no new connections, idle ones closed at once, requests under way given `graceMs` to finish; then
 * every connection still open (a stalled upload, a client reading slowly) is closed, so that the process can exit.
 */
export async function closeWithin(app: FastifyInstance, graceMs: number): Promise<void> {
  const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
  timer.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
