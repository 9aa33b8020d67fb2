import { describe, expect, it } from 'vitest';
import { formatExportValue, protectFormula } from './export-cells.ts';

describe('protectFormula (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["+1+cmd|' /C calc'!A0", `'+1+cmd|' /C calc'!A0`],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['- EBR next week', "'- EBR next week"],
  ])('prefixes %j with a quote', (cell, expected) => {
    expect(protectFormula(cell)).toBe(expected);
  });

  it.each([
    'Acme, Inc.',
    '',
    "'already text",
    ' =1 (a leading space is text to a spreadsheet)',
    'a=b',
    '-1500.5',
    '+42',
    '-1e5',
    '2026-03-01T09:00:00.000Z',
  ])('leaves %j as it is', (cell) => {
    expect(protectFormula(cell)).toBe(cell);
  });

  it('protects what formatExportValue writes, lists included', () => {
    expect(protectFormula(formatExportValue(['=cmd', 'b']))).toBe("'=cmd;b");
    expect(protectFormula(formatExportValue(-0.5))).toBe('-0.5');
  });
});
