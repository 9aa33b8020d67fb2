import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportJob } from '@liaison/contracts';
import type { TestApp } from './test-app.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixture file's bytes (BOM and line endings as written). */
export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(fixtures, name));
}

export interface ImportOptions {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  token?: string;
}

/** Uploads a CSV to `POST /imports`, waits for the job and returns it as `GET /imports/{id}` shows it. */
export async function importCsv(
  app: TestApp,
  object: string,
  csv: string | Buffer,
  options: ImportOptions = {},
): Promise<ImportJob> {
  const started = await startImport(app, object, csv, options);
  if (started.status !== 202)
    throw new Error(`POST /imports: ${started.status} ${JSON.stringify(started.body)}`);
  return waitForImport(app, started.body.id, options.token);
}

export async function startImport(
  app: TestApp,
  object: string,
  csv: string | Buffer,
  options: ImportOptions = {},
): Promise<{ status: number; body: ImportJob & { error?: unknown } }> {
  const query = new URLSearchParams({ object, ...options.query });
  const response = await app.http.inject({
    method: 'POST',
    url: `/api/v1/imports?${query}`,
    headers: {
      authorization: `Bearer ${options.token ?? app.adminToken}`,
      'content-type': 'text/csv',
      ...options.headers,
    },
    payload: csv,
  });
  return { status: response.statusCode, body: response.json() };
}

export async function waitForImport(app: TestApp, id: string, token?: string): Promise<ImportJob> {
  await app.services.imports.wait(id);
  const response = await app.http.inject({
    method: 'GET',
    url: `/api/v1/imports/${id}`,
    headers: { authorization: `Bearer ${token ?? app.adminToken}` },
  });
  return response.json();
}

export async function download(
  app: TestApp,
  url: string,
  token?: string,
): Promise<{ status: number; text: string; type: string }> {
  const response = await app.http.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${token ?? app.adminToken}` },
  });
  return { status: response.statusCode, text: response.body, type: String(response.headers['content-type']) };
}

/** The mapping header value: base64url-encoded JSON. */
export function encodeMapping(mapping: unknown): string {
  return Buffer.from(JSON.stringify(mapping)).toString('base64url');
}
