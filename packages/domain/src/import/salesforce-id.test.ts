import { describe, expect, it } from 'vitest';
import { parseSalesforceId, restoreCase, salesforceChecksum } from './salesforce-id.ts';

describe('Salesforce Id checksum', () => {
  it.each([
    ['001A0000006Vm9r', 'IAC'],
    ['0015000000Gv7qJ', 'AAR'],
    ['003000000000000', 'AAA'],
    ['ABCDEABCDEABCDE', '555'],
    ['abcdeabcdeabcde', 'AAA'],
    ['A0000000000000Z', 'BAQ'],
  ])('%s → suffix %s', (id15, suffix) => {
    expect(salesforceChecksum(id15)).toBe(suffix);
  });
});

describe('parseSalesforceId', () => {
  it.each([
    ['a 15-character Id becomes its 18-character form', '001A0000006Vm9r', '001A0000006Vm9rIAC'],
    ['an 18-character Id with its checksum is kept', '001A0000006Vm9rIAC', '001A0000006Vm9rIAC'],
    ['surrounding blanks are dropped', '  0015000000Gv7qJ ', '0015000000Gv7qJAAR'],
  ])('%s', (_case, input, expected) => {
    expect(parseSalesforceId(input)).toEqual({ id: expected });
  });

  it.each([
    ['a wrong checksum', '001A0000006Vm9rAAA', /checksum AAA does not match IAC/],
    ['an upper-cased Id (case lost)', '001A0000006VM9RIAC', /letter case was changed: 001A0000006Vm9rIAC/],
    ['too short', '001A000', /not a Salesforce Id/],
    ['16 characters', '001A0000006Vm9rI', /not a Salesforce Id/],
    ['punctuation', '001A0000006Vm9-', /not a Salesforce Id/],
    ['empty', '', /not a Salesforce Id/],
  ])('rejects %s', (_case, input, message) => {
    const result = parseSalesforceId(input);
    expect('error' in result && result.error).toMatch(message);
  });

  it('the 15- and 18-character forms of one record are the same Id', () => {
    expect(parseSalesforceId('0015000000Gv7qJ')).toEqual(parseSalesforceId('0015000000Gv7qJAAR'));
  });

  it('restores the letter case from the checksum', () => {
    expect(restoreCase('001a0000006vm9riac')).toBe('001A0000006Vm9rIAC');
    expect(restoreCase('001A0000006Vm9r999')).toBeNull();
  });
});
