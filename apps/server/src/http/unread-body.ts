import type { IncomingMessage } from 'node:http';

/**
 * How much of a request body the server still reads, and for how long, after deciding to refuse
 * the request (413 over `bodyLimit`, 415, 401…). A client that sends its whole body before reading
 * the answer (most HTTP libraries) would otherwise see the connection reset instead of the coded
 * error (docs/security.md, "Input handling"). Beyond these the connection is closed after the answer.
 */
export const UNREAD_BODY_DRAIN = { bytes: 64 * 1024 * 1024, milliseconds: 30_000 };

/** Reads and discards what is left of `raw`; true when it ended within the bounds. */
export function drainUnreadBody(raw: IncomingMessage, bounds = UNREAD_BODY_DRAIN): Promise<boolean> {
  if (raw.complete || raw.readableEnded) return Promise.resolve(true);
  if (raw.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    let received = 0;
    const finish = (drained: boolean) => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', onEnd);
      raw.off('error', onFailure);
      raw.off('close', onFailure);
      resolve(drained);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > bounds.bytes) finish(false);
    };
    const onEnd = () => finish(true);
    const onFailure = () => finish(false);
    const timer = setTimeout(onFailure, bounds.milliseconds);
    raw.on('data', onData);
    raw.on('end', onEnd);
    raw.on('error', onFailure);
    raw.on('close', onFailure);
    raw.resume();
  });
}
