import { Transform, type TransformCallback } from 'node:stream';
import type { FieldKind, ImportPlan, RowProblem } from '@liaison/domain';
import { IMPORT_LIMITS, validateRow } from '@liaison/domain';
import { CsvError, parse } from 'csv-parse';

/**
 * Reading an upload: the decoder (csv-decoder.ts: UTF-8 checked, UTF-16 and Windows-1252
 * transcoded) → csv-parse (BOM or not, CRLF, LF or CR, quoted cells with commas and line breaks)
 * → one `validateRow` per row → lines of PostgreSQL's COPY text format for the staging table.
 * Everything streams with back-pressure: memory stays flat whatever the size.
 */

/** The CSV dialect of Salesforce exports (and spreadsheets). */
export function csvParser() {
  return parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Records up to 1 MB; a bigger one is a broken file (an unclosed quote), not data.
    max_record_size: IMPORT_LIMITS.recordCharacters,
  });
}

export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
}

/**
 * What to tell the importer about a file csv-parse could not read; null for any other error.
 * The row is numbered as the error file numbers rows (the header is row 1).
 */
export function unreadableCsv(error: unknown): ImportFileError | null {
  if (!(error instanceof CsvError)) return null;
  const records = (error as CsvError & { records?: number }).records ?? 0;
  const row = (records + 1).toLocaleString('en-US');
  const reason =
    error.code === 'CSV_QUOTE_NOT_CLOSED'
      ? `row ${row} opens a quoted cell that is never closed (a quote is missing)`
      : error.code === 'CSV_MAX_RECORD_SIZE'
        ? `row ${row} is longer than ${IMPORT_LIMITS.recordCharacters.toLocaleString('en-US')} characters (is a quote missing?)`
        : `row ${row}: ${error.message}`;
  return new ImportFileError(`The file is not valid CSV: ${reason}. Nothing was written.`);
}

/** COPY text format: backslash, tab and line breaks escaped; `\N` is null. */
function escapeCopy(text: string): string {
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/[\\\t\n\r]/g, (char) =>
        char === '\\' ? '\\\\' : char === '\t' ? '\\t' : char === '\n' ? '\\n' : '\\r',
      )
    : text;
}

const NULL = '\\N';

/** A PostgreSQL array literal of strings (each quoted). */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

type Encoder = (value: unknown) => string;

const encoders: Record<FieldKind, Encoder> = {
  text: (value) => escapeCopy(value as string),
  name: (value) => escapeCopy(value as string),
  email: (value) => escapeCopy(value as string),
  enum: (value) => escapeCopy(value as string),
  list: (value) => escapeCopy(arrayLiteral(value as string[])),
  number: (value) => String(value),
  integer: (value) => String(value),
  boolean: (value) => (value ? 't' : 'f'),
  date: (value) => value as string,
  instant: (value) => value as string,
  salesforceId: (value) => value as string,
  liaisonId: (value) => value as string,
  recordRef: (value) => value as string,
  userRef: (value) => escapeCopy(value as string),
};

export function encodeProblems(problems: readonly RowProblem[]): string {
  return escapeCopy(arrayLiteral(problems.map((problem) => `${problem.column}\u001f${problem.message}`)));
}

export interface ReadCounters {
  /** Data rows read so far. */
  rows: number;
  /** Rows whose cells failed to parse (references are checked later). */
  invalid: number;
}

/**
 * Object-mode rows in (the first is the header), COPY text out. `onHeader` turns the header row
 * into the plan, or throws an `ImportFileError` that stops the upload.
 */
export function rowEncoder(onHeader: (headers: string[]) => ImportPlan, counters: ReadCounters): Transform {
  let plan: ImportPlan | null = null;
  let encode: Encoder[] = [];
  let buffer = '';
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 256,
    transform(record: string[], _encoding, callback: TransformCallback) {
      if (!plan) {
        try {
          plan = onHeader(record);
          encode = plan.staged.map((spec) => encoders[spec.kind]);
        } catch (error) {
          callback(error as Error);
          return;
        }
        callback();
        return;
      }
      counters.rows += 1;
      // Row numbers as a spreadsheet shows them: the header is row 1.
      const rowNumber = counters.rows + 1;
      const row = validateRow(plan, record);
      let raw = JSON.stringify(record);
      // PostgreSQL's json refuses \u0000: the error file shows a NUL (reported) as U+FFFD.
      if (raw.includes('\\u0000'))
        raw = JSON.stringify(record.map((cell) => cell.replaceAll('\u0000', '\ufffd')));
      let line = `${rowNumber}\t${escapeCopy(raw)}\t`;
      if (row.problems) {
        counters.invalid += 1;
        line += encodeProblems(row.problems);
      } else {
        line += NULL;
      }
      line += `\t${row.provided}`;
      const values = row.values;
      for (let index = 0; index < encode.length; index++) {
        const value = values[index];
        line += value === undefined || value === null ? `\t${NULL}` : `\t${encode[index]!(value)}`;
      }
      buffer += `${line}\n`;
      if (buffer.length >= 1 << 16) {
        this.push(buffer);
        buffer = '';
      }
      callback();
    },
    flush(callback: TransformCallback) {
      if (!plan) {
        callback(new ImportFileError('The file is empty: it needs a header row.'));
        return;
      }
      if (buffer) this.push(buffer);
      callback();
    },
  });
}
