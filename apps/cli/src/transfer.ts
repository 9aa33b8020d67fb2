import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { ApiError, ErrorBody } from '@liaison/contracts';
import type { Connection } from './config.ts';

/**
 * Raw HTTP for files: a streamed upload (node:http, so the 202 can arrive while the file is still
 * going up) and authenticated GETs whose bodies are streams. Failures become the same `ApiError`
 * the typed client throws, so `describeError` prints them alike.
 */

function headers(connection: Connection): Record<string, string> {
  return {
    'user-agent': 'liaison-cli',
    ...(connection.token ? { authorization: `Bearer ${connection.token}` } : {}),
  };
}

function unreachable(connection: Connection, cause: unknown): ApiError {
  return new ApiError(
    {
      status: 0,
      code: 'UNREACHABLE',
      message: `cannot reach Liaison at ${new URL(connection.url).origin}: is the server running? (liaison serve)`,
    },
    { cause },
  );
}

function errorFrom(status: number, text: string, requestId: string | null): ApiError {
  let parsed: ReturnType<typeof ErrorBody.safeParse> | undefined;
  try {
    parsed = ErrorBody.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (parsed?.success) {
    const { code, message, details, requestId: id } = parsed.data.error;
    return new ApiError({ status, code, message, details, requestId: id });
  }
  return new ApiError({ status, code: `HTTP_${status}`, message: `HTTP ${status}`, requestId });
}

function badResponse(status: number, cause: unknown): ApiError {
  return new ApiError(
    { status, code: 'BAD_RESPONSE', message: 'the server sent something that is not JSON' },
    { cause },
  );
}

/** GET `path` (under the server URL); resolves to the response once it is OK. */
export async function get(connection: Connection, path: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(`${connection.url}${path}`, { headers: headers(connection) });
  } catch (error) {
    throw unreachable(connection, error);
  }
  if (!response.ok)
    throw errorFrom(response.status, await response.text(), response.headers.get('x-request-id'));
  return response;
}

export async function getJson<T>(connection: Connection, path: string): Promise<T> {
  return (await (await get(connection, path)).json()) as T;
}

export interface Upload<T> {
  /** The server's answer (it may come before the upload ends). */
  response: Promise<T>;
  /** Bytes sent so far. */
  sent: () => number;
}

/**
 * POSTs a file as a stream (`Content-Type: text/csv`). A 2xx answer resolves `response` with the
 * JSON of its first line, which the server sends at once; the file keeps going up after it.
 */
export function uploadFile<T>(
  connection: Connection,
  path: string,
  file: string,
  extraHeaders: Record<string, string>,
): Upload<T> {
  let sent = 0;
  const size = fs.statSync(file).size;
  const url = new URL(`${connection.url}${path}`);
  const response = new Promise<T>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'POST',
      headers: {
        ...headers(connection),
        ...extraHeaders,
        'content-type': 'text/csv',
        'content-length': String(size),
      },
    });
    const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    let answered = false;
    request.on('error', (error) => {
      // After the answer, the job reports what happened to the rest of the upload.
      if (!answered) reject(unreachable(connection, error));
    });
    request.on('response', (incoming) => {
      answered = true;
      const status = incoming.statusCode ?? 0;
      let text = '';
      let resolved = false;
      incoming.setEncoding('utf8');
      // The job is the first line; the response ends only once the whole file is up.
      incoming.on('data', (chunk) => {
        text += chunk;
        const newline = text.indexOf('\n');
        if (!resolved && status >= 200 && status < 300 && newline >= 0) {
          resolved = true;
          try {
            resolve(JSON.parse(text.slice(0, newline)) as T);
          } catch (error) {
            reject(badResponse(status, error));
          }
        }
      });
      incoming.on('end', () => {
        if (resolved) return;
        if (status >= 200 && status < 300) {
          try {
            resolve(JSON.parse(text) as T);
          } catch (error) {
            reject(badResponse(status, error));
          }
        } else {
          reject(errorFrom(status, text, String(incoming.headers['x-request-id'] ?? '') || null));
          // Refused: no point sending the rest of the file.
          stream.destroy();
          request.destroy();
        }
      });
    });
    stream.on('data', (chunk) => {
      sent += chunk.length;
    });
    stream.on('error', (error) => request.destroy(error));
    stream.pipe(request);
  });
  return { response, sent: () => sent };
}
