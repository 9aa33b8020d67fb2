import type { ImportJob } from '@liaison/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeMapping, importCsv, startImport } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { importSalesforceExports, importTestTools, NOW } from './imports.test-helpers.ts';

// Reading files: real Salesforce exports (headers, references, value maps, multi-line cells),
// the assessments an import recomputes, mapping files, and files that cannot be read.
// All or nothing: imports-all-or-nothing.api.test.ts; history, upserts and references:
// imports-history.api.test.ts.

const app = await createTestApp({ now: NOW });
const { admin, pool, accountBySalesforceId } = importTestTools(app);

let jobs: Record<string, ImportJob> = {};

describe('Salesforce exports import cleanly', () => {
  beforeAll(async () => {
    jobs = await importSalesforceExports(app);
  });

  it('completes every file with every row written', () => {
    expect(
      Object.fromEntries(Object.entries(jobs).map(([object, job]) => [object, [job.status, job.rows]])),
    ).toEqual({
      users: ['completed', { read: 3, valid: 3, invalid: 0, created: 3, updated: 0, unchanged: 0 }],
      accounts: ['completed', { read: 5, valid: 5, invalid: 0, created: 5, updated: 0, unchanged: 0 }],
      contacts: ['completed', { read: 3, valid: 3, invalid: 0, created: 3, updated: 0, unchanged: 0 }],
      opportunities: ['completed', { read: 4, valid: 4, invalid: 0, created: 4, updated: 0, unchanged: 0 }],
      activities: ['completed', { read: 3, valid: 3, invalid: 0, created: 3, updated: 0, unchanged: 0 }],
    });
    expect(jobs.accounts!.ignoredColumns.map((column) => column.header)).toEqual([
      'IsDeleted',
      'BillingStreet',
      'CreatedDate',
    ]);
    expect(jobs.accounts!.errors).toEqual({ count: 0, sample: [], file: null });
  });

  it('reads users from upper-case Data Loader headers; e-mail addresses in lower case', async () => {
    const users = (await admin.get('/api/v1/users')).body.items as {
      email: string;
      name: string;
      roles: string[];
    }[];
    expect(users.map((user) => [user.name, user.email, user.roles])).toEqual(
      expect.arrayContaining([
        ['Ana Alves', 'ana.alves@example.com', ['tam']],
        ['Ben Baker', 'ben.baker@example.com', ['sal', 'ae']],
        ['Carla da Costa', 'carla.costa@example.com', ['tam_manager']],
      ]),
    );
  });

  it('resolves a parent that comes later in the file, by its 15-character Id', async () => {
    const parent = await accountBySalesforceId('001Dn00000AcmeAIAR');
    const child = await accountBySalesforceId('001Dn00000AcmEuIAJ');
    expect(child).toMatchObject({
      name: 'Acme EMEA',
      parentAccountId: parent.id,
      industry: 'Software, Tools',
      segment: 'enterprise',
      region: 'emea',
      plan: 'premium',
      arr: 250_000.5,
      licensedUsers: 500,
      activeUsers: 420,
      stagesAdopted: ['plan', 'create'],
      relationshipStage: 'customer',
      renewalDate: '2026-12-31',
      sentiment: 'green',
      sentimentReason: 'Exec sponsor said "great", renewal likely\r\nNext: EBR in May',
      onboardingStartedAt: '2025-01-15T09:30:00.000Z',
      externalIds: { salesforce: '001Dn00000AcmEuIAJ' },
      createdAt: expect.stringMatching(/^2026-03-01T09:00/),
    });
    // Setting a sentiment without its date stamps the date, as the API does.
    expect(child.sentimentSetAt).toBe(child.createdAt);
    expect(
      child.team.map((member: { role: string; userName: string }) => [member.role, member.userName]),
    ).toEqual([
      ['sal', 'Ben Baker'],
      ['tam', 'Ana Alves'],
    ]);
    const globex = await accountBySalesforceId('001Dn00000GloBxIAJ');
    const europe = await accountBySalesforceId('001Dn00000GloEmIAJ');
    expect(europe).toMatchObject({
      parentAccountId: globex.id,
      segment: 'smb',
      relationshipStage: 'lead',
      plan: 'free',
    });
    expect(globex).toMatchObject({ segment: 'mid_market', region: 'apac', arr: 0, renewalDate: null });
    const northwind = await accountBySalesforceId('001Dn00000NoRtHIAV');
    expect(
      northwind.team.map((member: { role: string; userName: string }) => [member.role, member.userName]),
    ).toEqual([['ae', 'Ben Baker']]);
  });

  it('maps Salesforce stage names and types; closing won turns a prospect into a customer', async () => {
    const { rows } = await pool.query(
      `SELECT external_ids ->> 'salesforce' AS id, stage, type, amount, close_date FROM opportunities ORDER BY 1`,
    );
    expect(rows).toEqual([
      {
        id: '006Dn00000OpP01IAF',
        stage: 'negotiating',
        type: 'renewal',
        amount: 1_200_000,
        close_date: '2027-03-31',
      },
      {
        id: '006Dn00000OpP02IAF',
        stage: 'technical_evaluation',
        type: 'growth',
        amount: 75_000,
        close_date: '2026-06-30',
      },
      {
        id: '006Dn00000OpP03IAF',
        stage: 'closed_won',
        type: 'new_business',
        amount: 30_000,
        close_date: '2026-02-15',
      },
      {
        id: '006Dn00000OpP04IAF',
        stage: 'discovery',
        type: 'new_business',
        amount: 0,
        close_date: '2026-09-30',
      },
    ]);
    const globex = await accountBySalesforceId('001Dn00000GloBxIAJ');
    expect(globex.relationshipStage).toBe('customer');
    const history = (await admin.get(`/api/v1/accounts/${globex.id}/history?entityType=account`)).body.items;
    expect(history[0]).toMatchObject({
      operation: 'update',
      actor: { type: 'import', id: jobs.opportunities!.id, name: 'Import salesforce-opportunities.csv' },
      changes: [{ field: 'relationshipStage', before: 'lead', after: 'customer' }],
    });
  });

  it('reads names, multi-line notes, dates and date-times as real exports write them', async () => {
    const acme = await accountBySalesforceId('001Dn00000AcmeAIAR');
    expect(acme.contacts.map((contact: { name: string }) => contact.name)).toEqual([
      "John O'Neil",
      'Mary Ann Smith',
    ]);
    expect(acme.contacts[1]).toMatchObject({
      title: 'VP, Engineering',
      stakeholderRoles: ['champion', 'economic_buyer'],
      externalIds: { salesforce: '003Dn00000MaRy1IAF' },
    });
    const activities = (await admin.get(`/api/v1/accounts/${acme.id}/activities`)).body.items;
    const ana = (await admin.get('/api/v1/users?q=ana')).body.items[0];
    expect(activities).toEqual([
      expect.objectContaining({
        kind: 'meeting',
        summary: 'Quarterly cadence call',
        occurredAt: '2026-02-10T00:00:00.000Z',
        notes: 'Discussed roadmap, "pipeline" and\r\nnext steps:\r\n- EBR',
        createdByUserId: ana.id,
        attendees: { userIds: [], contactIds: [] },
      }),
    ]);
    const emea = await accountBySalesforceId('001Dn00000AcmEuIAJ');
    const events = (await admin.get(`/api/v1/accounts/${emea.id}/activities`)).body.items;
    expect(events[0]).toMatchObject({ summary: 'EBR', occurredAt: '2026-02-20T14:00:00.000Z', notes: null });
  });

  it('recomputes the assessments of the imported accounts', async () => {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM account_assessments s JOIN accounts a ON a.id = s.account_id
       WHERE a.external_ids ? 'salesforce' AND s.assessed_at >= $1`,
      [NOW],
    );
    expect(rows[0]!.n).toBe(5);
    expect(jobs.accounts!.accountsAssessed).toBe(5);
  });

  it('assesses a big import in chunks exactly as an API write would, Commercial ranks included', async () => {
    const lines = ['Name,Segment__c,Region__c,Plan__c,ARR__c'];
    for (let index = 0; index < 1_200; index++) {
      lines.push(`Ranked ${index},${index % 2 ? 'smb' : 'mid_market'},emea,premium,${50_000 + index * 97}`);
    }
    const job = await importCsv(app, 'accounts', lines.join('\n'));
    expect(job).toMatchObject({ status: 'completed', accountsAssessed: 1_200 });
    const { rows } = await pool.query<{
      account_id: string;
      commercial_rank: number | null;
      document: unknown;
    }>(
      `SELECT s.account_id, s.commercial_rank, s.document FROM account_assessments s JOIN accounts a ON a.id = s.account_id
       WHERE a.name LIKE 'Ranked %' ORDER BY a.arr DESC LIMIT 40`,
    );
    expect(rows.map((row) => row.commercial_rank)).toEqual([
      ...Array.from({ length: 30 }, (_, index) => index + 1),
      ...Array.from({ length: 10 }, () => null),
    ]);
    for (const row of rows.filter((_, index) => index % 4 === 0)) {
      const fresh = await app.services.assessments.assess(row.account_id, new Date(NOW));
      const { obligations, nextDue } = JSON.parse(JSON.stringify(fresh.assessment));
      expect(row.document).toEqual({ obligations, nextDue });
    }
  });
});

describe('mapping files and unreadable files', () => {
  it('reads a mapping file: other headers, value maps, date formats', async () => {
    const mapping = {
      columns: {
        'Account Name': 'Name',
        Revenue: 'arr',
        Tier: 'Segment__c',
        Geo: 'Region__c',
        Renews: 'Renewal_Date__c',
        Notes: null,
      },
      values: { Tier: { Gold: 'enterprise', Silver: 'mid_market' }, Geo: { Europe: 'emea' } },
      dateFormats: { Renews: 'DD/MM/YYYY' },
    };
    const csv =
      'Account Name,Revenue,Tier,Geo,Renews,Notes\r\nMapped Gold,90000,Gold,Europe,31/12/2026,hello\r\nMapped Silver,1000,silver,APAC,01/02/2027,\r\n';
    const job = await importCsv(app, 'accounts', csv, {
      headers: { 'x-liaison-mapping': encodeMapping(mapping) },
    });
    expect(job).toMatchObject({ status: 'completed', rows: { created: 2 } });
    expect(job.ignoredColumns).toEqual([{ header: 'Notes', reason: 'ignored by the mapping' }]);
    const { rows } = await pool.query(
      `SELECT name, arr, segment, region, renewal_date FROM accounts WHERE name LIKE 'Mapped %' ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'Mapped Gold', arr: 90_000, segment: 'enterprise', region: 'emea', renewal_date: '2026-12-31' },
      { name: 'Mapped Silver', arr: 1000, segment: 'mid_market', region: 'apac', renewal_date: '2027-02-01' },
    ]);
    const bad = await startImport(app, 'accounts', csv, {
      query: { mapping: encodeMapping({ columns: { A: 5 } }) },
    });
    expect(bad.status).toBe(400);
  });

  it.each([
    ['an unclosed quote', 'Name,Segment__c,Region__c\n"Broken,smb,emea\n', /not valid CSV/],
    ['an empty file', '', /The file is empty/],
    ['two columns for one field', 'Name,NAME\nA,B\n', /"Name" and "NAME" are both Name/],
  ])('fails on %s, writing nothing', async (_case, csv, message) => {
    const job = await importCsv(app, 'accounts', csv);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(message);
  });
});
