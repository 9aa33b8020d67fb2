import { describe, expect, it } from 'vitest';
import { type ImportMapping, type ImportPlan, parseImportMapping, planImport } from './import-mapping.ts';
import type { ImportObject } from './import-objects.ts';

const vocabulary = { plans: ['free', 'premium', 'ultimate'], stages: ['plan', 'create', 'verify'] };

function plan(object: ImportObject, headers: string[], mapping: ImportMapping | null = null): ImportPlan {
  const result = planImport(object, headers, mapping, vocabulary);
  if ('problems' in result) throw new Error(result.problems.join('; '));
  return result.plan;
}

const fields = (value: ImportPlan) => value.columns.map((column) => [column.header, column.spec.field]);

describe('planImport: headers', () => {
  it.each([
    [
      'Salesforce API names, any case',
      'accounts',
      ['ID', 'name', 'ParentId', 'ARR__C', 'Segment__c'],
      [
        ['ID', 'salesforceId'],
        ['name', 'name'],
        ['ParentId', 'parentRef'],
        ['ARR__C', 'arr'],
        ['Segment__c', 'segment'],
      ],
    ],
    [
      'contacts with first and last names',
      'contacts',
      ['Id', 'AccountId', 'FirstName', 'LastName', 'Email'],
      [
        ['Id', 'salesforceId'],
        ['AccountId', 'accountRef'],
        ['FirstName', 'firstName'],
        ['LastName', 'lastName'],
        ['Email', 'email'],
      ],
    ],
    [
      'an alias when the format header is absent',
      'activities',
      ['WhatId', 'Subject', 'ActivityDate'],
      [
        ['WhatId', 'accountRef'],
        ['Subject', 'summary'],
        ['ActivityDate', 'occurredAt'],
      ],
    ],
  ] as const)('%s', (_case, object, headers, expected) => {
    expect(fields(plan(object, [...headers]))).toEqual(expected);
  });

  it('prefers the format header over an alias, which fills in empty cells; ignores unknown columns', () => {
    const result = plan('activities', ['ActivityDate', 'ActivityDateTime', 'IsDeleted', 'Subject', '']);
    expect(fields(result)).toEqual([
      ['ActivityDateTime', 'occurredAt'],
      ['Subject', 'summary'],
    ]);
    expect(result.columns[0]?.fallbacks).toEqual([{ index: 0, header: 'ActivityDate' }]);
    expect(result.ignored).toEqual([{ header: 'IsDeleted', reason: 'not a column of activities' }]);
  });

  it('maps other headers through the mapping file, to a header or a field name', () => {
    const result = plan('accounts', ['Account Name', 'Annual Revenue', 'Tier', 'Name'], {
      columns: { 'Account Name': 'Name', 'annual revenue': 'arr', Tier: null },
    });
    expect(fields(result)).toEqual([
      ['Account Name', 'name'],
      ['Annual Revenue', 'arr'],
    ]);
    expect(result.ignored.map((column) => column.header)).toEqual(['Tier']);
    expect(result.columns[0]?.fallbacks).toEqual([{ index: 3, header: 'Name' }]);
  });

  it.each([
    ['two columns for one field', 'accounts', ['Name', 'NAME'], null, /"Name" and "NAME" are both Name/],
    [
      'a mapping to an unknown column',
      'accounts',
      ['Revenue'],
      { columns: { Revenue: 'Revenue__c' } },
      /not a column of accounts/,
    ],
    [
      'a bad date format',
      'opportunities',
      ['CloseDate'],
      { dateFormats: { CloseDate: 'DD/MM' } },
      /needs YYYY/,
    ],
  ] as const)('refuses %s', (_case, object, headers, mapping, pattern) => {
    const result = planImport(object, [...headers], mapping as ImportMapping | null, vocabulary);
    expect('problems' in result && result.problems.join('; ')).toMatch(pattern);
  });
});

describe('parseImportMapping', () => {
  it('accepts a complete mapping file', () => {
    const value = {
      columns: { Stage: 'StageName' },
      values: { StageName: { Won: 'closed_won', Parked: null } },
      dateFormats: { '*': 'DD/MM/YYYY' },
      ownerRole: 'ae',
    };
    expect(parseImportMapping(value)).toEqual({ mapping: value });
  });
  it('names each bad entry', () => {
    const result = parseImportMapping({ columns: { A: 5 }, ownerRole: 'boss', extra: true });
    expect('problems' in result && result.problems).toEqual([
      expect.stringMatching(/^mapping\.columns\.A: /),
      expect.stringMatching(/^mapping\.ownerRole: /),
      expect.stringMatching(/^mapping: .*extra/),
    ]);
  });
  it('refuses a NUL or half a surrogate pair, which no database stores', () => {
    for (const value of [
      { columns: { 'A\u0000': 'Name' } },
      { values: { Tier: { Gold: 'enter\u0000prise' } } },
      { dateFormats: { '*': 'DD/MM/YYYY\ud800' } },
    ]) {
      const result = parseImportMapping(value);
      expect('problems' in result && result.problems.join('; ')).toMatch(
        /NUL character or half a surrogate pair/,
      );
    }
    expect(parseImportMapping({ columns: { 'A\u0000': 'Name' } })).toEqual({
      problems: ['mapping.columns.A\\0: must not hold a NUL character or half a surrogate pair'],
    });
    expect(parseImportMapping({ columns: { 'Tier 🙂': 'Segment__c' } })).toHaveProperty('mapping');
  });
});

describe('planImport: header limits', () => {
  it('refuses more than 1,000 columns at once, with one problem', () => {
    const headers = Array.from({ length: 100_000 }, (_, index) => `C${index}`);
    expect(planImport('users', headers, null, vocabulary)).toEqual({
      problems: ['the header has 100,000 columns; an import reads at most 1,000'],
    });
    expect(planImport('users', headers.slice(0, 1_000), null, vocabulary)).toHaveProperty('plan');
  });
  it('refuses a header cell with a NUL or longer than 255 characters', () => {
    expect(planImport('accounts', ['Name', 'Seg\u0000ment', 'x'.repeat(256)], null, vocabulary)).toEqual({
      problems: [
        'the header of column 2 holds a NUL character (byte 0x00): the file is damaged or not UTF-8',
        'the header of column 3 has 256 characters; a header has at most 255',
      ],
    });
  });
});
