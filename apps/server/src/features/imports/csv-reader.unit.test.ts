import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { planImport } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { csvParser, ImportFileError, type ReadCounters, rowEncoder, unreadableCsv } from './csv-reader.ts';

const vocabulary = { plans: ['free', 'premium'], stages: ['plan', 'create'] };

/** Runs a CSV text through csv-parse and the row encoder; returns the COPY lines as cell arrays. */
async function read(object: 'accounts' | 'contacts', csv: string | Buffer) {
  const counters: ReadCounters = { rows: 0, invalid: 0 };
  let headers: string[] = [];
  let output = '';
  await pipeline(
    Readable.from([csv]),
    csvParser(),
    rowEncoder((row) => {
      headers = row;
      const result = planImport(object, row, null, vocabulary);
      if ('problems' in result) throw new ImportFileError(result.problems.join('; '));
      return result.plan;
    }, counters),
    new Writable({
      write(chunk, _encoding, callback) {
        output += chunk;
        callback();
      },
    }),
  );
  const lines = output
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'));
  return { headers, counters, lines };
}

describe('reading CSV as Salesforce exports write it', () => {
  it.each([
    [
      'UTF-8 with BOM, CRLF, every cell quoted',
      '\uFEFF"Name","Segment__c"\r\n"Acme","smb"\r\n"Beta","smb"\r\n',
    ],
    ['no BOM, LF, bare cells', 'Name,Segment__c\nAcme,smb\nBeta,smb\n'],
    ['no final line break, a blank line', 'Name,Segment__c\r\nAcme,smb\r\n\r\nBeta,smb'],
  ])('%s', async (_case, csv) => {
    const { headers, counters, lines } = await read('accounts', csv);
    expect(headers).toEqual(['Name', 'Segment__c']);
    expect(counters).toEqual({ rows: 2, invalid: 0 });
    expect(lines.map((line) => [line[0], line[1]])).toEqual([
      ['2', '["Acme","smb"]'],
      ['3', '["Beta","smb"]'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted cells, escaped for COPY', async () => {
    const csv = Buffer.from(
      '\uFEFFName,Industry,TAM_Sentiment_Reason__c\r\n"Acme, Inc.","Tools ""Pro""","Line one\r\nLine\ttwo \\ end"\r\n',
    );
    const { lines, counters } = await read('accounts', csv);
    expect(counters.rows).toBe(1);
    const [row] = lines;
    // row_no, raw, problems, provided, then the staged fields in order.
    expect(row![0]).toBe('2');
    expect(JSON.parse(row![1]!.replaceAll('\\\\', '\\'))).toEqual([
      'Acme, Inc.',
      'Tools "Pro"',
      'Line one\r\nLine\ttwo \\ end',
    ]);
    expect(row![2]).toBe('\\N');
    expect(row).toContain('Acme, Inc.');
    expect(row).toContain('Tools "Pro"');
    expect(row).toContain('Line one\\r\\nLine\\ttwo \\\\ end');
  });

  it('numbers rows as a spreadsheet does, even across multi-line cells, and encodes problems', async () => {
    const csv = 'Name,ARR__c\n"Two\nlines",5\nBad,12k\n';
    const { lines, counters } = await read('accounts', csv);
    expect(counters).toEqual({ rows: 2, invalid: 1 });
    expect(lines[1]![0]).toBe('3');
    expect(lines[1]![2]).toBe('{"ARR__c\u001f\\\\"12k\\\\" is not a number"}');
  });

  it('rejects a header that does not fit, and an empty file', async () => {
    await expect(read('accounts', 'Name,NAME\nA,B\n')).rejects.toThrow(/"Name" and "NAME" are both Name/);
    await expect(read('accounts', '')).rejects.toThrow(/The file is empty/);
  });

  it('fails on a quote that never closes', async () => {
    await expect(read('contacts', 'LastName\n"Broken\n')).rejects.toThrow(/Quote Not Closed/i);
  });

  it('says which row csv-parse could not read, numbered as the error file numbers rows', async () => {
    const failure = (csv: string) => read('contacts', csv).then(() => null, unreadableCsv);
    expect((await failure('LastName\nFine\n\n"Broken\nstill open\n'))?.message).toBe(
      'The file is not valid CSV: row 3 opens a quoted cell that is never closed (a quote is missing). Nothing was written.',
    );
    expect((await failure(`LastName\nFine\n"${'x'.repeat(1_100_000)}`))?.message).toBe(
      'The file is not valid CSV: row 3 is longer than 1,048,576 characters (is a quote missing?). Nothing was written.',
    );
    expect(unreadableCsv(new Error('ECONNRESET'))).toBeNull();
  });

  it('stages a row with a NUL as rejected, its cells for the error file without the NUL', async () => {
    const { lines, counters } = await read('accounts', 'Name,Notes\nAc\u0000me,x\u0000y\n');
    expect(counters).toEqual({ rows: 1, invalid: 1 });
    expect(lines[0]![1]).toBe('["Ac\ufffdme","x\ufffdy"]');
    expect(lines[0]!.join('\t')).not.toContain('\u0000');
    expect(lines[0]![2]).toContain('Name\u001fholds a NUL character');
  });
});
