import { type Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uploadDecoder } from './csv-decoder.ts';

/** About a megabyte per stored chunk: few rows in the table, little memory per upload. */
const CHUNK_BYTES = 1 << 20;
const STALL_MS = 120_000;
const HEARTBEAT_MS = 1_000;

export interface UploadSink {
  /** Stores chunk `seq` (0, 1, …) of the decoded file; the next waits for it (back-pressure). */
  store(seq: number, chunk: Buffer): Promise<void>;
  /** Every second while the upload runs: the bytes stored so far (the job's heartbeat). */
  progress(bytes: number): void;
}

/**
 * Receives an upload: decodes it to UTF-8 as it arrives (an encoding it refuses fails the upload
 * at once, while the client is still sending — csv-decoder.ts) and stores it in chunks. Resolves
 * with the stored size once the last byte is stored. The request is piped, not pipelined: a bad
 * file must not destroy the request, whose socket carries the 202 already sent; what is left of
 * the upload is drained.
 */
export async function receiveUpload(body: Readable, sink: UploadSink): Promise<number> {
  const decoder = uploadDecoder();
  body.on('error', (error) => decoder.destroy(error));
  body.on('close', () => {
    if (!body.readableEnded) decoder.destroy(new Error('The upload was interrupted (aborted).'));
  });
  let lastData = performance.now();
  body.on('data', () => {
    lastData = performance.now();
  });
  let stored = 0;
  let seq = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const chunk = Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    await sink.store(seq++, chunk);
    stored += chunk.length;
  };
  const writer = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      if (pendingBytes < CHUNK_BYTES) return callback();
      flush().then(() => callback(), callback);
    },
    final(callback) {
      flush().then(() => callback(), callback);
    },
  });
  const heartbeat = setInterval(() => {
    // A client that stops sending without hanging up would hold the import forever.
    if (!body.readableEnded && performance.now() - lastData > STALL_MS) {
      decoder.destroy(new Error(`The upload stalled: nothing arrived for ${STALL_MS / 1000} s.`));
    }
    sink.progress(stored);
  }, HEARTBEAT_MS);
  body.pipe(decoder);
  try {
    await pipeline(decoder, writer);
    return stored;
  } finally {
    clearInterval(heartbeat);
    body.unpipe();
    body.resume();
  }
}
