import { beforeAll, describe, expect, it } from 'vitest';
import {
  download,
  encodeMapping,
  type ImportOptions,
  startImport,
  waitForImport,
} from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { importTestTools, NOW } from './imports.test-helpers.ts';

// Malformed uploads never answer 500 and never write part of a file: each ends as a rejected
// job whose error file names the row, the column and the reason, or as a failed job with a clear
// message (docs/import-export.md#the-file, docs/security.md#csv-files).

const app = await createTestApp({ now: NOW });
const { counts } = importTestTools(app);

const HEADER = 'Name,Segment__c,Region__c,ARR__c,Renewal_Date__c';
const NUL = 'holds a NUL character (byte 0x00): the file is damaged or not UTF-8';
const FEB_30 = '"2026-02-30" is not a calendar date';
const NAN = '"NaN" is not a number';

/** A file of `rows` (cells joined by commas) after the header, with the line break given. */
const file = (rows: string[], eol = '\n') => `${[HEADER, ...rows].join(eol)}${eol}`;
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

type Problem = [row: number, column: string, message: string];
interface Case {
  body: string | Buffer;
  options?: ImportOptions;
  /** The upload's answer: 202 (the job runs) or 400 (refused before any job). */
  upload?: number;
  status?: 'completed' | 'rejected' | 'failed';
  /** A failed job's message. */
  error?: RegExp;
  /** A rejected job's problems, in row order. */
  problems?: Problem[];
  created?: number;
}

const CASES: Record<string, Case> = {
  'a NUL in a cell': {
    body: file(['Ac\u0000me,smb,emea,1,2026-01-01']),
    status: 'rejected',
    problems: [[2, 'Name', NUL]],
  },
  'a NUL in an ignored column': {
    body: `${HEADER},Notes\nAcme,smb,emea,1,2026-01-01,a\u0000b\n`,
    status: 'rejected',
    problems: [[2, 'Notes', NUL]],
  },
  'a NUL in the header': {
    body: 'Na\u0000me,Segment__c\nAcme,smb\n',
    status: 'failed',
    error: /^the header of column 1 holds a NUL character \(byte 0x00\): the file is damaged or not UTF-8$/,
  },
  '2026-02-30': {
    body: file(['Acme,smb,emea,1,2026-02-30']),
    status: 'rejected',
    problems: [[2, 'Renewal_Date__c', FEB_30]],
  },
  'the year 0000': {
    body: file(['Acme,smb,emea,1,0000-01-01']),
    status: 'rejected',
    problems: [[2, 'Renewal_Date__c', '"0000-01-01" is not a calendar date']],
  },
  'NaN in a number column': {
    body: file(['Acme,smb,emea,NaN,2026-01-01']),
    status: 'rejected',
    problems: [[2, 'ARR__c', NAN]],
  },
  'Infinity and 1e999 in a number column': {
    body: file(['Acme,smb,emea,Infinity,', 'Beta,smb,emea,1e999,']),
    status: 'rejected',
    problems: [
      [2, 'ARR__c', '"Infinity" is not a number'],
      [3, 'ARR__c', '1e999 is out of range (0 to 1000000000000)'],
    ],
  },
  'an unterminated quote': {
    body: file(['Acme,smb,emea,1,2026-01-01', '"Beta,smb,emea,1,2026-01-01', 'Gamma,smb,emea,1,2026-01-01']),
    status: 'failed',
    error:
      /^The file is not valid CSV: row 3 opens a quoted cell that is never closed \(a quote is missing\)\. Nothing was written\.$/,
  },
  'a quote inside an unquoted cell': {
    body: file(['Ac"me,smb,emea,1,2026-01-01']),
    status: 'failed',
    error: /^The file is not valid CSV: row 2: Invalid Opening Quote: .*Nothing was written\.$/,
  },
  'CR-only line endings': {
    body: file(['Cr One,smb,emea,1,2026-01-01', 'Cr Two,smb,emea,2,2026-01-01'], '\r'),
    status: 'completed',
    created: 2,
  },
  'a record longer than 1 MB': {
    body: file([`"${'x'.repeat(1_100_000)},smb,emea,1,`]),
    status: 'failed',
    error:
      /^The file is not valid CSV: row 2 is longer than 1,048,576 characters \(is a quote missing\?\)\. Nothing was written\.$/,
  },
  // Combinations: every row at fault named, file-level faults win over row faults.
  'a NUL and 2026-02-30 in one row': {
    body: file(['Ac\u0000me,smb,emea,1,2026-02-30']),
    status: 'rejected',
    problems: [
      [2, 'Name', NUL],
      [2, 'Renewal_Date__c', FEB_30],
    ],
  },
  'CR-only line endings with a NUL, 2026-02-30 and NaN in three rows': {
    body: file(
      ['Ac\u0000me,smb,emea,1,', 'Beta,smb,emea,1,2026-02-30', 'Gamma,smb,emea,NaN,', 'Fine,smb,emea,1,'],
      '\r',
    ),
    status: 'rejected',
    problems: [
      [2, 'Name', NUL],
      [3, 'Renewal_Date__c', FEB_30],
      [4, 'ARR__c', NAN],
    ],
  },
  'NaN, then an unterminated quote': {
    body: file(['Acme,smb,emea,NaN,', '"Beta,smb,emea,1,']),
    status: 'failed',
    error: /row 3 opens a quoted cell that is never closed/,
  },
  'a NUL cell in a Latin-1 file with CRLF': {
    body: latin1(file(['Caf\u00e9 \u0000,smb,emea,1,2026-01-01', 'Cr\u00e8me,smb,emea,NaN,'], '\r\n')),
    status: 'rejected',
    problems: [
      [2, 'Name', NUL],
      [3, 'ARR__c', NAN],
    ],
  },
  '2026-02-30 in a UTF-16 file with a byte-order mark': {
    body: utf16(file(['Acme,smb,emea,1,2026-02-30'], '\r\n')),
    status: 'rejected',
    problems: [[2, 'Renewal_Date__c', FEB_30]],
  },
  'with skipInvalid, a NUL row among good ones': {
    body: file(['Skip Good,smb,emea,1,', 'Skip \u0000Bad,smb,emea,1,']),
    options: { query: { skipInvalid: 'true' } },
    status: 'completed',
    created: 1,
    problems: [[3, 'Name', NUL]],
  },
  // What comes with the upload, not in it.
  // Every query parameter passes the one text refinement (docs/security.md, Input handling).
  'a NUL in the file name': {
    body: file(['Named File,smb,emea,1,']),
    options: { query: { fileName: 'bad\u0000name.csv' } },
    upload: 400,
  },
  'a NUL in the mapping': {
    body: file(['Mapped,smb,emea,1,']),
    options: { headers: { 'x-liaison-mapping': encodeMapping({ columns: { 'Na\u0000me': 'Name' } }) } },
    upload: 400,
  },
  'half a surrogate pair in the mapping': {
    body: file(['Mapped,smb,emea,1,']),
    options: { query: { mapping: encodeMapping({ values: { Segment__c: { '\ud800': 'smb' } } }) } },
    upload: 400,
  },
};

describe('malformed uploads', () => {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await counts();
  });

  it.each(Object.entries(CASES))('%s', async (_name, expected) => {
    const tables = await counts();
    const started = await startImport(app, 'accounts', expected.body, expected.options);
    expect(started.status).toBe(expected.upload ?? 202);
    if (started.status !== 202) {
      expect(started.body.error).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await counts()).toEqual(tables);
      return;
    }
    const job = await waitForImport(app, started.body.id);
    expect(job.status).toBe(expected.status);
    expect(job.done).toBe(true);
    if (expected.error) expect(job.error).toMatch(expected.error);
    else expect(job.error).toBeNull();
    const problems = expected.problems ?? [];
    expect(job.errors.sample.map((problem) => [problem.row, problem.column, problem.message])).toEqual(
      problems,
    );
    if (problems.length > 0) {
      // The error file names each row, its column and the reason, after the row's own cells.
      const errors = await download(app, job.errors.file!);
      expect(errors.status).toBe(200);
      for (const row of new Set(problems.map(([number]) => number))) {
        const reasons = problems
          .filter(([number]) => number === row)
          .map(([, column, message]) => `${column}: ${message}`);
        expect(errors.text).toContain(`Row ${row}: ${reasons.join('; ')}`.replaceAll('"', '""'));
      }
      expect(errors.text).not.toContain('\u0000');
    }
    expect(job.rows.created).toBe(expected.created ?? 0);
    if (!expected.created) expect(await counts()).toEqual(tables);
  });

  it('wrote nothing but the rows of the files that completed', async () => {
    const after = await counts();
    const created = Object.values(CASES).reduce((sum, entry) => sum + (entry.created ?? 0), 0);
    expect(after.accounts! - before.accounts!).toBe(created);
    const { rows } = await app.database.pool.query<{ file_name: string }>(
      `SELECT file_name FROM imports WHERE file_name LIKE 'bad%'`,
    );
    expect(rows).toEqual([]);
  });
});
