import { connect, type Socket } from 'node:net';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { closeWithin } from '../../src/http/server-limits.js';
import { type RunningApp, startApp } from '../helpers/app.js';

const RATES = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private' },
};

/** Short limits, so that the test sees them at work in a second or two. */
const LIMITS = { requestTimeoutMs: 1_500, headersTimeoutMs: 800, keepAliveTimeoutMs: 500 };

interface RawClient {
  readonly socket: Socket;
  /** Everything the server wrote. */
  readonly received: () => string;
  /** Milliseconds from connect to the server closing the connection. */
  readonly closed: Promise<number>;
}

function rawClient(url: string, first: string): Promise<RawClient> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const began = Date.now();
    const socket = connect({ host: '127.0.0.1', port: Number(port) });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - began)));
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      if (first) socket.write(first);
      resolve({ socket, received: () => text, closed });
    });
    socket.once('error', reject);
  });
}

describe('slow and half-sent requests', () => {
  let server: RunningApp | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('closes stalled connections within the configured timeouts while quotes are answered meanwhile', async () => {
    server = await startApp({ limits: LIMITS });
    const { url } = server;
    const clients = await Promise.all([
      // Connected, nothing sent.
      ...Array.from({ length: 5 }, () => rawClient(url, '')),
      // Half the headers.
      ...Array.from({ length: 5 }, () => rawClient(url, 'POST /v1/rates HTTP/1.1\r\nHost: x\r\n')),
      // Headers in full, a body promised and never sent.
      ...Array.from({ length: 5 }, () =>
        rawClient(
          url,
          'POST /v1/rates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"orig',
        ),
      ),
    ]);
    // A slow client keeps trickling bytes of its headers: still cut off at the request timeout.
    const slow = await rawClient(url, 'GET /v1/railways HTTP/1.1\r\n');
    const trickle = setInterval(() => slow.socket.writable && slow.socket.write('X-A: b\r\n'), 100);
    try {
      // Quotes are answered while the stalled connections are held.
      for (let i = 0; i < 3; i++) {
        const res = await request(url).post('/v1/rates').send(RATES);
        expect(res.status).toBe(200);
      }
      const times = await Promise.all([...clients, slow].map((c) => c.closed));
      // Closed by the server (each within the request timeout plus Node's checking interval and a slow machine).
      for (const ms of times) expect(ms).toBeLessThan(LIMITS.requestTimeoutMs + 4_000);
      // A request whose body never came is told why, as problem+json.
      for (const client of clients.slice(10)) {
        expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
        expect(client.received()).toContain('application/problem+json');
        expect(client.received()).toContain('"code":"REQUEST_TIMEOUT"');
      }
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      clearInterval(trickle);
    }
    const after = await request(url).post('/v1/rates').send(RATES);
    expect(after.status).toBe(200);
  }, 30_000);

  it('refuses connections beyond the cap and serves again once they are gone', async () => {
    server = await startApp({ limits: { ...LIMITS, maxConnections: 3 } });
    const held = await Promise.all(Array.from({ length: 3 }, () => rawClient(server?.url ?? '', '')));
    const refused = await rawClient(server.url, 'GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    const ms = await refused.closed;
    expect(refused.received()).toBe('');
    expect(ms).toBeLessThan(2_000);
    for (const c of held) c.socket.destroy();
    await Promise.all(held.map((c) => c.closed));
    await new Promise((r) => setTimeout(r, 50));
    const res = await request(server.url).get('/health');
    expect(res.status).toBe(200);
  }, 20_000);

  it('shuts down within the grace period with a stalled upload still open', async () => {
    const running = await startApp({
      limits: { ...LIMITS, requestTimeoutMs: 60_000, headersTimeoutMs: 60_000 },
    });
    const stalled = await rawClient(
      running.url,
      'POST /v1/rates HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{',
    );
    await new Promise((r) => setTimeout(r, 100));
    const began = Date.now();
    await closeWithin(running.app, 300);
    expect(Date.now() - began).toBeLessThan(3_000);
    await stalled.closed;
  }, 20_000);
});

describe("Node's own refusals", () => {
  let server: RunningApp | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const rawAnswer = async (text: string) => {
    const client = await rawClient(server?.url ?? '', text);
    await client.closed;
    return client.received();
  };

  it('answers a request that is not HTTP with 400 problem+json', async () => {
    server = await startApp();
    const answer = await rawAnswer('NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('application/problem+json');
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      code: 'BAD_HTTP_REQUEST',
    });
    expect(answer).toMatch(/X-Request-Id: [0-9a-f-]{36}/);
  });

  it('answers headers too large with 431 problem+json', async () => {
    server = await startApp();
    const answer = await rawAnswer(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('"code":"HEADERS_TOO_LARGE"');
  });

  it('answers a URL too long for the request line with 431 problem+json', async () => {
    server = await startApp();
    const answer = await rawAnswer(`GET /v1/stations?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain('application/problem+json');
  });

  it('answers a URL that does not decode with 400 problem+json', async () => {
    server = await startApp();
    const res = await request(server.url).get('/v1/railways/%E0%A4%A/versions');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('FST_ERR_BAD_URL');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a path parameter too long with 414 problem+json', async () => {
    server = await startApp();
    const res = await request(server.url).get(`/v1/railways/${'A'.repeat(200)}/versions`);
    expect(res.status).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it("gives every answer an id of the service's own, never the client's", async () => {
    server = await startApp();
    const res = await request(server.url).get('/health').set('x-request-id', 'forged-id');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-request-id']).not.toBe('forged-id');
    const again = await request(server.url).get('/health');
    expect(again.headers['x-request-id']).not.toBe(res.headers['x-request-id']);
  });
});
