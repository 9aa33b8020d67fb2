import { describe, expect, it } from 'vitest';
import { CsvRecordCounter } from './export.ts';

const count = (...chunks: string[]) => {
  const counter = new CsvRecordCounter();
  for (const chunk of chunks) counter.push(Buffer.from(chunk));
  return counter.dataRows();
};

describe('CsvRecordCounter', () => {
  it.each([
    ['header only', ['Id,Name\r\n'], 0],
    ['nothing at all', [''], 0],
    ['two rows, CRLF', ['Id,Name\r\n1,A\r\n2,B\r\n'], 2],
    ['a last row without a line break', ['Id,Name\r\n1,A\r\n2,B'], 2],
    ['a cell with line breaks', ['Id,Street\r\n1,"12 Main St\r\nSuite 4\nBack"\r\n2,x\r\n'], 2],
    ['doubled quotes inside a cell', ['Id,Name\r\n1,"Say ""hi""\r\nthere"\r\n'], 1],
    ['a quoted cell split across chunks', ['Id,Street\r\n1,"12 Main', ' St\r\nSuite 4"\r\n2,', 'x\r\n'], 2],
    ['a CRLF split across chunks', ['Id,Name\r\n1,A\r', '\n2,B\r\n'], 2],
  ])('%s', (_case, chunks, expected) => {
    expect(count(...chunks)).toBe(expected);
  });
});
