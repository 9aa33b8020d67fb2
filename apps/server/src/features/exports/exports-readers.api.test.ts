import { parse } from 'csv-parse/sync';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { type App, buildApp } from '../../app.ts';
import { NOW, seededDemoDatabase } from '../../demo/demo-seed.test-helpers.ts';

// Every tool reads the same records from an export (docs/security.md#csv-files): the demo book,
// plus a note with every kind of line break, read by two independent parsers, counts equal to
// what the API says it wrote and to the rows in the database.

const { database } = await seededDemoDatabase();
const TOKEN = 'lia_test_exports_readers_0123456789';
// One note per kind of cell a writer must quote: a line break alone does not trigger csv-stringify.
const NOTES = [
  'bare LF\nsecond line',
  'bare CR\rsecond line',
  'CR LF\r\nsecond line',
  'ends with a bare LF\n',
  '"quoted", with commas, and ""double"" quotes',
  'all at once:\nLF\rCR\r\nCRLF, "quotes"',
];
let app: App;

beforeAll(async () => {
  app = await buildApp({ db: database.db, clock: () => NOW, logLevel: 'silent' });
  await app.services.auth.ensureBootstrapToken(TOKEN, NOW);
  const { rows } = await database.pool.query<{ id: string }>('SELECT id FROM accounts ORDER BY id LIMIT 1');
  for (const [index, notes] of NOTES.entries()) {
    const created = await httpClient(app.http, TOKEN).post(`/api/v1/accounts/${rows[0]!.id}/activities`, {
      kind: 'note',
      summary: `Line breaks and quotes ${index}`,
      notes,
      occurredAt: '2026-02-27T10:00:00.000Z',
    });
    expect(created.status).toBe(201);
  }
});

afterAll(async () => {
  await app.http.close();
});

const TABLES = {
  users: 'users',
  accounts: 'accounts',
  contacts: 'contacts',
  opportunities: 'opportunities',
  activities: 'activities',
} as const;

async function exported(object: string) {
  const response = await app.http.inject({
    method: 'GET',
    url: `/api/v1/exports/${object}.csv`,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(response.statusCode).toBe(200);
  return { text: response.body, announced: Number(response.trailers['x-liaison-records']) };
}

/**
 * csv-parse, strict (no relaxed quotes or column counts), reading a line break of any kind
 * outside quotes as the end of a record, as Python's csv module and spreadsheets do.
 */
const strictRecords = (text: string) => parse(text, { record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

/** Papa Parse, with RFC 4180's record delimiter. */
function papaRecords(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

describe('the exported demo book reads the same in every parser', () => {
  it.each(Object.keys(TABLES))(
    '%s: same records in csv-parse and Papa Parse, as many as announced and stored',
    async (object) => {
      const { text, announced } = await exported(object);
      const strict = strictRecords(text);
      const papa = papaRecords(text);
      const { rows } = await database.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${TABLES[object as keyof typeof TABLES]}`,
      );
      expect(rows[0]!.n).toBeGreaterThan(0);
      expect([strict.length - 1, papa.length - 1, announced]).toEqual([rows[0]!.n, rows[0]!.n, rows[0]!.n]);
      expect(papa).toEqual(strict);
      // Every record has the header's cells: nothing split a record in two.
      expect(new Set(strict.map((record) => record.length))).toEqual(new Set([strict[0]!.length]));
    },
  );

  it('keeps notes with a bare LF, a bare CR, CR LF, commas and quotes each in one quoted cell', async () => {
    const { text } = await exported('activities');
    for (const note of NOTES) expect(text).toContain(`,"${note.replaceAll('"', '""')}",`);
    const description = strictRecords(text)[0]!.indexOf('Description');
    const notes = (records: string[][]) =>
      records.map((record) => record[description]).filter((cell) => NOTES.includes(cell!));
    expect(notes(strictRecords(text)).sort()).toEqual([...NOTES].sort());
    expect(notes(papaRecords(text)).sort()).toEqual([...NOTES].sort());
    // Outside quotes, the only line breaks are the CR LF between records.
    const outside = text.replace(/"(?:[^"]|"")*"/g, '');
    expect(outside.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});
