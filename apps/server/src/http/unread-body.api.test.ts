import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

// Bodies over the limit, over a real socket, sent the way most HTTP libraries send them: the
// whole body first, the answer read afterwards. The server must read what is left before it
// answers, or such a client sees the connection reset instead of the coded 413
// (docs/security.md, "Input handling").

const app = await createTestApp();
let port = 0;
beforeAll(async () => {
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  port = (app.http.server.address() as net.AddressInfo).port;
});
afterAll(() => app.http.server.closeAllConnections());

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One HTTP/1.1 connection that writes each request whole, then reads its answer. */
function connection() {
  const socket = net.connect(port, '127.0.0.1');
  let buffered = Buffer.alloc(0);
  let failure: Error | null = null;
  let wake = () => {};
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    wake();
  });
  socket.on('error', (error) => {
    failure = error;
    wake();
  });
  socket.on('close', () => wake());

  async function readResponse(): Promise<RawResponse> {
    for (;;) {
      const end = buffered.indexOf('\r\n\r\n');
      if (end >= 0) {
        const [statusLine, ...lines] = buffered.subarray(0, end).toString('latin1').split('\r\n');
        const headers = Object.fromEntries(
          lines.map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
        );
        const length = Number(headers['content-length'] ?? 0);
        if (buffered.length >= end + 4 + length) {
          const body = buffered.subarray(end + 4, end + 4 + length).toString('utf8');
          buffered = buffered.subarray(end + 4 + length);
          return { status: Number(statusLine!.split(' ')[1]), headers, body };
        }
      }
      if (failure) throw failure;
      if (socket.destroyed) throw new Error('the server closed the connection without an answer');
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }

  return {
    async send(method: string, path: string, headers: Record<string, string>, body?: Buffer) {
      const head = [
        `${method} ${path} HTTP/1.1`,
        'host: localhost',
        `authorization: Bearer ${app.adminToken}`,
      ];
      for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      if (body) socket.write(body);
      return readResponse();
    },
    close: () => socket.destroy(),
  };
}

const tooLarge = Buffer.from(JSON.stringify({ name: 'x'.repeat(6 * 1024 * 1024) }));

describe('a body over the 5 MB limit', () => {
  it.each([
    ['POST /api/v1/accounts', 'POST', '/api/v1/accounts'],
    ['POST /api/v1/auth/login', 'POST', '/api/v1/auth/login'],
    ['POST /api/v1/imports (JSON instead of CSV)', 'POST', '/api/v1/imports?object=accounts'],
    ['PATCH of an unknown id', 'PATCH', '/api/v1/accounts/00000000-0000-4000-8000-000000000000'],
  ])('%s: 413 with the coded body, and the connection still serves', async (_, method, path) => {
    const client = connection();
    try {
      const response = await client.send(
        method,
        path,
        { 'content-type': 'application/json', 'content-length': String(tooLarge.length) },
        tooLarge,
      );
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect(response.headers.connection).not.toBe('close');
      expect((await client.send('GET', '/api/v1/health', {})).status).toBe(200);
    } finally {
      client.close();
    }
  });

  it('sent in chunks, without a length: 413 with the coded body too', async () => {
    const client = connection();
    try {
      const chunks: Buffer[] = [];
      for (let offset = 0; offset < tooLarge.length; offset += 256 * 1024) {
        const chunk = tooLarge.subarray(offset, offset + 256 * 1024);
        chunks.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
      }
      chunks.push(Buffer.from('0\r\n\r\n'));
      const response = await client.send(
        'POST',
        '/api/v1/accounts',
        { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        Buffer.concat(chunks),
      );
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body).error.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await client.send('GET', '/api/v1/health', {})).status).toBe(200);
    } finally {
      client.close();
    }
  });
});

describe('a body under the limit', () => {
  it('refused before it is read (a type the route does not read) still gets its answer', async () => {
    const client = connection();
    try {
      const csv = Buffer.alloc(4 * 1024 * 1024, 'x');
      const response = await client.send(
        'POST',
        '/api/v1/accounts',
        { 'content-type': 'text/csv', 'content-length': String(csv.length) },
        csv,
      );
      expect(response.status).toBe(415);
      expect(JSON.parse(response.body).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect((await client.send('GET', '/api/v1/health', {})).status).toBe(200);
    } finally {
      client.close();
    }
  });
});
