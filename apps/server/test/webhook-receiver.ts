import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// A real HTTP receiver for webhook tests, and the verification snippet of docs/webhooks.md loaded
// from the doc itself: what the tests check is exactly what receivers are told to copy.

export type Verify = (
  secret: string,
  headers: IncomingHttpHeaders,
  rawBody: Buffer | string,
  nowMs?: number,
) => boolean;

const docs = fileURLToPath(new URL('../../../docs/webhooks.md', import.meta.url));

/** The first `js` block of docs/webhooks.md that defines `verifyLiaisonWebhook`, imported as a module. */
export async function loadDocumentedVerifier(): Promise<Verify> {
  const blocks = [...readFileSync(docs, 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const snippet = blocks.find((block) => block.includes('export function verifyLiaisonWebhook'));
  if (!snippet) throw new Error('docs/webhooks.md has no verifyLiaisonWebhook snippet');
  const file = join(tmpdir(), `liaison-verify-${randomBytes(6).toString('hex')}.mjs`);
  writeFileSync(file, snippet);
  try {
    const module = (await import(pathToFileURL(file).href)) as { verifyLiaisonWebhook: Verify };
    return module.verifyLiaisonWebhook;
  } finally {
    rmSync(file, { force: true });
  }
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  verified: boolean;
  status: number;
}

/**
 * Listens on a free port; answers each request with the next of `statuses` (the last repeats),
 * after checking its signature with `secret()` (known once the endpoint is registered).
 */
export async function startReceiver(options: { statuses: number[]; secret: () => string; verify: Verify }) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const status = options.statuses[Math.min(received.length, options.statuses.length - 1)]!;
      received.push({
        headers: request.headers,
        body: body.toString('utf8'),
        verified: options.verify(options.secret(), request.headers, body),
        status,
      });
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status >= 500 ? 'try again\u0000later' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
