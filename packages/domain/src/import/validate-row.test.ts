import { describe, expect, it } from 'vitest';
import { type ImportMapping, type ImportPlan, planImport } from './import-mapping.ts';
import type { ImportObject } from './import-objects.ts';
import { splitName, validateRow } from './validate-row.ts';

const vocabulary = { plans: ['free', 'premium', 'ultimate'], stages: ['plan', 'create', 'verify'] };

function planFor(object: ImportObject, headers: string[], mapping: ImportMapping | null = null): ImportPlan {
  const result = planImport(object, headers, mapping, vocabulary);
  if ('problems' in result) throw new Error(result.problems.join('; '));
  return result.plan;
}

/** The row's values by field name (only the given ones). */
function parsed(plan: ImportPlan, cells: string[]) {
  const row = validateRow(plan, cells);
  const values: Record<string, unknown> = {};
  plan.staged.forEach((spec, index) => {
    if (row.provided & (2 ** index)) values[spec.field] = row.values[index];
  });
  return { values, problems: row.problems };
}

describe('validateRow: accounts', () => {
  const plan = planFor('accounts', [
    'Id',
    'Name',
    'ParentId',
    'ARR__c',
    'Segment__c',
    'Region__c',
    'Plan__c',
    'Stages_Adopted__c',
    'Renewal_Date__c',
    'Type',
    'At_Risk__c',
    'LAM__c',
  ]);

  it.each([
    [
      'a full Salesforce row',
      [
        '001A0000006Vm9r',
        ' Acme ',
        '0015000000Gv7qJAAR',
        '120000.00',
        'Mid-Market',
        'EMEA',
        'premium',
        'plan;Create',
        '2026-12-31',
        'Customer - Direct',
        'false',
        '5000',
      ],
      {
        salesforceId: '001A0000006Vm9rIAC',
        name: 'Acme',
        parentRef: '0015000000Gv7qJAAR',
        arr: 120_000,
        segment: 'mid_market',
        region: 'emea',
        plan: 'premium',
        stagesAdopted: ['plan', 'create'],
        renewalDate: '2026-12-31',
        relationshipStage: 'customer',
        atRisk: false,
        lam: 5000,
      },
    ],
    [
      'empty cells are not given; #N/A clears',
      ['', 'Beta', '#N/A', '', 'smb', 'noram', '', '#N/A', '#N/A', '', '', '#N/A'],
      {
        name: 'Beta',
        parentRef: null,
        segment: 'smb',
        region: 'noram',
        stagesAdopted: [],
        renewalDate: null,
        lam: null,
      },
    ],
    [
      'a partner account type is ignored',
      ['', 'Gamma', '', '', 'smb', 'apac', '', '', '', 'Technology Partner', '', ''],
      { name: 'Gamma', segment: 'smb', region: 'apac' },
    ],
  ])('%s', (_case, cells, values) => {
    expect(parsed(plan, cells)).toEqual({ values, problems: null });
  });

  it('reports every bad cell with its column', () => {
    const row = validateRow(plan, [
      '001A0000006Vm9rAAA',
      '#N/A',
      'parent',
      '12k',
      'galactic',
      'emea',
      'gold',
      'plan;deploy',
      '2026-02-30',
      '',
      'perhaps',
      '1.5',
    ]);
    expect(row.problems?.map((problem) => problem.column)).toEqual([
      'Id',
      'Name',
      'ParentId',
      'ARR__c',
      'Segment__c',
      'Plan__c',
      'Stages_Adopted__c',
      'Renewal_Date__c',
      'At_Risk__c',
      'LAM__c',
    ]);
    expect(row.problems?.[1]?.message).toBe('cannot be cleared (#N/A)');
    expect(row.problems?.[4]?.message).toMatch(
      /"galactic" is not one of enterprise, mid_market, smb, public_sector/,
    );
  });

  it('flags a row whose cell count differs from the header', () => {
    expect(validateRow(plan, ['', 'Short']).problems).toEqual([
      { column: '', message: 'the row has 2 cells, the header has 12' },
    ]);
  });

  it('reports each cell holding a NUL, and stages nothing from it', () => {
    const row = validateRow(plan, ['', 'Ac\u0000me', '', '1\u0000', 'smb', 'emea', '', '', '', '', '', '']);
    const nul = 'holds a NUL character (byte 0x00): the file is damaged or not UTF-8';
    expect(row.problems).toEqual([
      { column: 'Name', message: nul },
      { column: 'ARR__c', message: nul },
    ]);
    expect(row.values.filter((value) => value !== undefined)).toEqual(['smb', 'emea']);
  });
});

describe('validateRow: value maps and date formats', () => {
  it('maps Salesforce stage names and types by default', () => {
    const plan = planFor('opportunities', ['Name', 'StageName', 'Type', 'CloseDate', 'Amount']);
    expect(
      parsed(plan, ['Renewal', 'Negotiation/Review', 'Existing Customer - Upgrade', '2026-06-30', '']).values,
    ).toEqual({
      name: 'Renewal',
      stage: 'negotiating',
      type: 'growth',
      closeDate: '2026-06-30',
    });
    expect(parsed(plan, ['X', 'Id. Decision Makers', 'renewal', '2026-06-30', '-500']).values).toMatchObject({
      stage: 'technical_evaluation',
      type: 'renewal',
      amount: -500,
    });
  });

  it('applies the mapping file’s value maps and date formats first', () => {
    const plan = planFor('opportunities', ['Opportunity', 'Phase', 'Type', 'Close'], {
      columns: { Opportunity: 'Name', Phase: 'StageName', Close: 'CloseDate' },
      values: { Phase: { Won: 'closed_won', Parked: null }, Type: { Upsell: 'growth' } },
      dateFormats: { CloseDate: 'DD/MM/YYYY' },
    });
    expect(parsed(plan, ['A', 'won', 'Upsell', '31/12/2026']).values).toEqual({
      name: 'A',
      stage: 'closed_won',
      type: 'growth',
      closeDate: '2026-12-31',
    });
    expect(parsed(plan, ['B', 'Parked', '', '01/01/2027']).values).toEqual({
      name: 'B',
      closeDate: '2027-01-01',
    });
    expect(parsed(plan, ['C', 'Closed Won', '', '2027-01-01']).problems).toEqual([
      { column: 'Close', message: '"2027-01-01" is not a date in the format DD/MM/YYYY' },
    ]);
  });
});

describe('validateRow: fallback columns', () => {
  it("takes a Task's ActivityDate where an Event's ActivityDateTime is empty", () => {
    const plan = planFor('activities', ['Subject', 'ActivityDate', 'ActivityDateTime']);
    expect(parsed(plan, ['Call', '2026-02-10', '']).values.occurredAt).toBe('2026-02-10T00:00:00.000Z');
    expect(parsed(plan, ['EBR', '2026-02-20', '2026-02-20T14:00:00.000+0000']).values.occurredAt).toBe(
      '2026-02-20T14:00:00.000Z',
    );
    expect(parsed(plan, ['Bad', 'soon', '']).problems).toEqual([
      { column: 'ActivityDate', message: '"soon" is not a date-time (YYYY-MM-DDThh:mm:ss.sssZ)' },
    ]);
  });
});

describe('validateRow: names, references and users', () => {
  it('joins FirstName and LastName into the name', () => {
    const plan = planFor('contacts', ['AccountId', 'FirstName', 'LastName', 'Email', 'Stakeholder_Roles__c']);
    expect(
      parsed(plan, ['001A0000006Vm9r', 'Mary Ann', 'Smith', 'mary@example.com', 'Champion;economic buyer'])
        .values,
    ).toEqual({
      accountRef: '001A0000006Vm9rIAC',
      name: 'Mary Ann Smith',
      email: 'mary@example.com',
      stakeholderRoles: ['champion', 'economic_buyer'],
    });
    expect(parsed(plan, ['001A0000006Vm9r', '', 'Cher', '', '']).values).toMatchObject({ name: 'Cher' });
  });

  it.each([
    ['Mary Ann Smith', ['Mary Ann', 'Smith']],
    ['Cher', ['', 'Cher']],
    ['A  B', ['A ', 'B']],
  ] as const)('splits %j for exports, and joins back to the same name', (name, parts) => {
    expect(splitName(name)).toEqual(parts);
    const plan = planFor('contacts', ['AccountId', 'FirstName', 'LastName']);
    expect(parsed(plan, ['001A0000006Vm9r', ...parts]).values.name).toBe(name);
  });

  it('accepts a Liaison id, a Salesforce Id or an e-mail address as a reference', () => {
    const plan = planFor('activities', ['AccountId', 'OwnerId', 'Subject', 'ActivityDateTime']);
    expect(
      parsed(plan, [
        '0B2C0F5C-1D6A-4D1E-9A43-6B8E2C1F0A11',
        'Ana@Example.com',
        'Call',
        '2026-03-01T09:00:00.000+0000',
      ]).values,
    ).toEqual({
      accountRef: '0b2c0f5c-1d6a-4d1e-9a43-6b8e2c1f0a11',
      ownerRef: 'ana@example.com',
      summary: 'Call',
      occurredAt: '2026-03-01T09:00:00.000Z',
    });
    expect(
      parsed(plan, ['nope', 'nobody', 'x', '2026-03-01']).problems?.map((problem) => problem.column),
    ).toEqual(['AccountId', 'OwnerId']);
  });

  it('lower-cases user e-mail addresses and checks roles', () => {
    const plan = planFor('users', ['Email', 'Roles__c', 'IsActive']);
    expect(parsed(plan, ['Ana@Example.COM', 'TAM;tam_manager', 'TRUE']).values).toEqual({
      email: 'ana@example.com',
      roles: ['tam', 'tam_manager'],
      isActive: true,
    });
    expect(parsed(plan, ['ana@example.com', '#N/A', '']).problems).toEqual([
      { column: 'Roles__c', message: 'cannot be cleared (#N/A)' },
    ]);
  });
});
