import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { drainUnreadBody } from './unread-body.ts';

const request = () => new PassThrough() as PassThrough & IncomingMessage;

describe('draining what is left of a refused body', () => {
  it('reads it to the end', async () => {
    const raw = request();
    const drained = drainUnreadBody(raw, { bytes: 100, milliseconds: 60_000 });
    raw.write(Buffer.alloc(60));
    raw.end(Buffer.alloc(40));
    expect(await drained).toBe(true);
  });

  it('gives up past its byte bound (the connection is then closed after the answer)', async () => {
    const raw = request();
    const drained = drainUnreadBody(raw, { bytes: 100, milliseconds: 60_000 });
    raw.write(Buffer.alloc(101));
    expect(await drained).toBe(false);
  });

  it('gives up on a client that stops sending', async () => {
    expect(await drainUnreadBody(request(), { bytes: 100, milliseconds: 5 })).toBe(false);
  });

  it('has nothing to do once the body was read', async () => {
    const raw = request();
    raw.end();
    raw.resume();
    await new Promise((resolve) => raw.on('end', resolve));
    expect(await drainUnreadBody(raw)).toBe(true);
  });
});
