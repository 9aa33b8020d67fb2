import type { ImportJob } from '@liaison/contracts';
import { salesforceChecksum } from '@liaison/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { download, encodeMapping, fixture, importCsv, startImport } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import * as schema from '../../db/schema.ts';
import { presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { presentActivity } from '../activities/activities.presenter.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { diffSnapshots } from '../history/history.recorder.ts';
import { presentOpportunity } from '../opportunities/opportunities.presenter.ts';
import { presentBusinessProfile, presentTechnicalProfile } from '../profiles/profiles.presenter.ts';
import { presentTeamAssignment } from '../team/team.presenter.ts';
import { presentUser } from '../users/users.presenter.ts';
import { snapshotFields } from './snapshots.store.ts';

const NOW = '2026-03-01T09:00:00.000Z';
const app = await createTestApp({ now: NOW });
const admin = httpClient(app.http, app.adminToken);
const pool = app.database.pool;
/** The 18-character form of a 15-character Salesforce Id. */
const sf = (id15: string) => `${id15}${salesforceChecksum(id15)}`;

async function count(table: string): Promise<number> {
  return (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
}

async function accountBySalesforceId(id: string) {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM accounts WHERE external_ids ->> 'salesforce' = $1`,
    [id],
  );
  if (!rows[0]) throw new Error(`no account ${id}`);
  return (await admin.get(`/api/v1/accounts/${rows[0].id}`)).body;
}

const TABLES = [
  'accounts',
  'business_profiles',
  'technical_profiles',
  'contacts',
  'opportunities',
  'activities',
  'team_assignments',
  'users',
  'history',
  'account_assessments',
];
async function counts(): Promise<Record<string, number>> {
  return Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await count(table)])));
}

const jobs: Record<string, ImportJob> = {};

describe('Salesforce exports import cleanly', () => {
  beforeAll(async () => {
    for (const object of ['users', 'accounts', 'contacts', 'opportunities', 'activities']) {
      jobs[object] = await importCsv(app, object, fixture(`salesforce-${object}.csv`), {
        query: { fileName: `salesforce-${object}.csv` },
      });
    }
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

  it('records every change with the import as the actor; as-of shows the record exactly as the API does', async () => {
    const acme = await accountBySalesforceId('001Dn00000AcmeAIAR');
    const history = (await admin.get(`/api/v1/accounts/${acme.id}/history?limit=100`)).body.items;
    expect(
      history.map((entry: { entityType: string; actor: { name: string } }) => [
        entry.entityType,
        entry.actor.name,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['account', 'Import salesforce-accounts.csv'],
        ['business_profile', 'Import salesforce-accounts.csv'],
        ['technical_profile', 'Import salesforce-accounts.csv'],
        ['team_assignment', 'Import salesforce-accounts.csv'],
        ['contact', 'Import salesforce-contacts.csv'],
        ['opportunity', 'Import salesforce-opportunities.csv'],
        ['activity', 'Import salesforce-activities.csv'],
      ]),
    );
    const later = new Date(Date.parse(NOW) + 60_000).toISOString();
    const asOf = (await admin.get(`/api/v1/accounts/${acme.id}?asOf=${later}`)).body;
    expect({ ...asOf, asOf: null }).toEqual(acme);
  });

  it('writes snapshots and field changes exactly as the presenters and the recorder would', async () => {
    const { rows } = await pool.query<{
      entity_type: string;
      entity_id: string;
      operation: string;
      changes: unknown;
      snapshot: Record<string, unknown>;
    }>(
      `SELECT entity_type, entity_id, operation, changes, snapshot FROM history WHERE actor_type = 'import' ORDER BY id`,
    );
    expect(new Set(rows.map((row) => row.entity_type))).toEqual(
      new Set([
        'user',
        'account',
        'business_profile',
        'technical_profile',
        'team_assignment',
        'contact',
        'opportunity',
        'activity',
      ]),
    );
    // jsonb keeps keys in its own order, so compare the changes by field (the order is checked below).
    const byField = (changes: unknown) =>
      [...(changes as { field: string }[])].sort((left, right) => left.field.localeCompare(right.field));
    const latest = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      const key = `${row.entity_type}:${row.entity_id}`;
      const expected = diffSnapshots(row.operation === 'create' ? null : latest.get(key)!, row.snapshot);
      expect(byField(row.changes)).toEqual(byField(expected));
      latest.set(key, row.snapshot);
    }
    // Each entity's last snapshot is what the API shows now.
    for (const [key, snapshot] of latest) {
      const [type, id] = key.split(':');
      const path: Record<string, string> = {
        user: `/api/v1/users/${id}`,
        opportunity: `/api/v1/opportunities/${id}`,
        activity: `/api/v1/activities/${id}`,
      };
      if (path[type!]) expect(snapshot).toEqual((await admin.get(path[type!]!)).body);
      if (type === 'account') {
        const { businessProfile, technicalProfile, contacts, team, asOf, ...summary } = (
          await admin.get(`/api/v1/accounts/${id}`)
        ).body;
        expect(snapshot).toEqual(summary);
        expect(latest.get(`business_profile:${id}`)).toEqual(businessProfile);
        expect(latest.get(`technical_profile:${id}`)).toEqual(technicalProfile);
        for (const contact of contacts) expect(latest.get(`contact:${contact.id}`)).toEqual(contact);
        for (const member of team) expect(latest.get(`team_assignment:${member.id}`)).toEqual(member);
      }
    }
  });

  it("lists each snapshot's fields in the order of its presenter (the order of field changes)", async () => {
    const { db } = app.database;
    const [account] = await db.select().from(schema.accounts).limit(1);
    const [business] = await db.select().from(schema.businessProfiles).limit(1);
    const [technical] = await db.select().from(schema.technicalProfiles).limit(1);
    const [contact] = await db.select().from(schema.contacts).limit(1);
    const [opportunity] = await db.select().from(schema.opportunities).limit(1);
    const [activity] = await db.select().from(schema.activities).limit(1);
    const [assignment] = await db.select().from(schema.teamAssignments).limit(1);
    const [user] = await db.select().from(schema.users).limit(1);
    const presented: Record<keyof typeof snapshotFields, object> = {
      account: presentAccountSummary(account!),
      business_profile: presentBusinessProfile(business!),
      technical_profile: presentTechnicalProfile(technical!),
      contact: presentContact(contact!),
      opportunity: presentOpportunity(opportunity!),
      activity: presentActivity(activity!),
      team_assignment: presentTeamAssignment({ ...assignment!, userName: 'x' }),
      user: presentUser(user!),
    };
    for (const [entity, value] of Object.entries(presented)) {
      expect(snapshotFields[entity as keyof typeof snapshotFields].map(([key]) => key)).toEqual(
        Object.keys(value),
      );
    }
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

  it('importing the same file again changes only what the file says; 15- and 18-character Ids are the same record', async () => {
    const globex = await accountBySalesforceId(sf('001Dn00000GloBx'));
    const again = await importCsv(app, 'accounts', fixture('salesforce-accounts.csv'));
    // Closing won made Globex a customer; the file still says "Prospect".
    expect(again.rows).toMatchObject({ read: 5, created: 0, updated: 1, unchanged: 4 });
    const [reverted] = (await admin.get(`/api/v1/accounts/${globex.id}/history?entityType=account`)).body
      .items;
    expect(reverted.changes).toEqual([{ field: 'relationshipStage', before: 'customer', after: 'lead' }]);
    const before = await counts();
    expect((await importCsv(app, 'accounts', fixture('salesforce-accounts.csv'))).rows).toMatchObject({
      updated: 0,
      unchanged: 5,
    });
    expect(await counts()).toEqual(before);
    const fifteen = await importCsv(
      app,
      'accounts',
      'Id,ARR__c,Segment__c\r\n001Dn00000AcmeA,1300000,Enterprise\r\n',
    );
    expect(fifteen.rows).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    expect(await counts()).toEqual({ ...before, history: before.history! + 1 });
    const acme = await accountBySalesforceId('001Dn00000AcmeAIAR');
    expect(acme).toMatchObject({ arr: 1_300_000, version: 2 });
    const [latest] = (await admin.get(`/api/v1/accounts/${acme.id}/history?entityType=account`)).body.items;
    expect(latest.changes).toEqual([{ field: 'arr', before: 1_200_000, after: 1_300_000 }]);
  });
});

describe('all or nothing', () => {
  function accountsFile(rows: number, bad?: { row: number; arr: string }) {
    const lines = ['Id,Name,ARR__c,Segment__c,Region__c,Plan__c'];
    for (let index = 0; index < rows; index++) {
      const arr = bad && index + 2 === bad.row ? bad.arr : String(1000 + index);
      lines.push(`,Bulk Account ${index},${arr},smb,noram,premium`);
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  it('rejects a file with one bad row among thousands, writes nothing, and names the row', async () => {
    const before = await counts();
    const job = await importCsv(app, 'accounts', accountsFile(3_000, { row: 1_735, arr: '12k' }), {
      query: { fileName: 'bulk.csv' },
    });
    expect(job).toMatchObject({
      status: 'rejected',
      done: true,
      rows: { read: 3_000, valid: 2_999, invalid: 1, created: 0, updated: 0, unchanged: 0 },
      errors: {
        count: 1,
        sample: [{ row: 1_735, column: 'ARR__c', message: '"12k" is not a number' }],
        file: `/api/v1/imports/${job.id}/errors.csv`,
      },
    });
    expect(await counts()).toEqual(before);
    const errors = await download(app, job.errors.file!);
    expect(errors.type).toContain('text/csv');
    expect(errors.text).toBe(
      'Id,Name,ARR__c,Segment__c,Region__c,Plan__c,ERROR\r\n' +
        ',Bulk Account 1733,12k,smb,noram,premium,"Row 1735: ARR__c: ""12k"" is not a number"\r\n',
    );
  });

  it('with skipInvalid, writes the valid rows and reports the rest, children of rejected rows included', async () => {
    const csv = [
      'Id,Name,ParentId,Segment__c,Region__c',
      '0015000000Skp01,Skip Parent,,enterprise,emea',
      '0015000000Skp02,Skip Bad,,galactic,emea',
      '0015000000Skp03,Skip Child Of Bad,0015000000Skp02,smb,emea',
      '0015000000Skp04,Skip Child Of Good,0015000000Skp01,smb,emea',
    ].join('\n');
    const job = await importCsv(app, 'accounts', csv, { query: { skipInvalid: 'true' } });
    expect(job).toMatchObject({
      status: 'completed',
      rows: { read: 4, valid: 2, invalid: 2, created: 2 },
      errors: {
        count: 2,
        sample: [
          { row: 3, column: 'Segment__c', message: expect.stringContaining('"galactic" is not one of') },
          { row: 4, column: 'ParentId', message: 'row 3 is rejected, so this row is too' },
        ],
      },
    });
    const child = await accountBySalesforceId(sf('0015000000Skp04'));
    expect(child.name).toBe('Skip Child Of Good');
  });

  it('a dry run validates and counts, and writes nothing', async () => {
    const before = await counts();
    const job = await importCsv(app, 'accounts', accountsFile(50), { query: { dryRun: 'true' } });
    expect(job).toMatchObject({ status: 'validated', rows: { read: 50, valid: 50, created: 50 } });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['the connection is killed after the accounts are written', 'accounts inserted', 'kill'],
    ['the connection is killed after their history is written', 'account history written', 'kill'],
    ['an error is thrown just before the commit', 'before commit', 'throw'],
  ] as const)('leaves no trace when %s', async (_case, step, how) => {
    const before = await counts();
    const stop = app.services.imports.onCheckpoint(async (event) => {
      if (event.step !== step) return;
      if (how === 'throw') throw new Error('simulated crash');
      await pool.query('SELECT pg_terminate_backend($1)', [event.backendPid]);
    });
    try {
      const job = await importCsv(app, 'accounts', accountsFile(500));
      expect(job).toMatchObject({ status: 'failed', rows: { read: 500, created: 0, updated: 0 } });
      expect(job.error).toMatch(/Nothing was written/);
    } finally {
      stop();
    }
    expect(await counts()).toEqual(before);
    const { rows } = await pool.query(`SELECT 1 FROM accounts WHERE name LIKE 'Bulk Account %'`);
    expect(rows).toEqual([]);
  });
});

describe('references, keys and checks', () => {
  it('resolves references within the file in any order, and against existing records by Id or Liaison id', async () => {
    const existing = await accountBySalesforceId('001Dn00000NoRtHIAV');
    const csv = [
      'Id,Name,ParentId,Segment__c,Region__c',
      '0015000000Chn03,Chain Grandchild,0015000000Chn02,smb,emea',
      '0015000000Chn02,Chain Child,0015000000Chn01,smb,emea',
      `0015000000Chn01,Chain Root,${existing.id},smb,emea`,
      '0015000000Chn04,Chain Sibling,001Dn00000NoRtH,smb,emea',
    ].join('\r\n');
    const job = await importCsv(app, 'accounts', csv);
    expect(job.status).toBe('completed');
    const root = await accountBySalesforceId(sf('0015000000Chn01'));
    const child = await accountBySalesforceId(sf('0015000000Chn02'));
    const grandchild = await accountBySalesforceId(sf('0015000000Chn03'));
    expect([root.parentAccountId, child.parentAccountId, grandchild.parentAccountId]).toEqual([
      existing.id,
      root.id,
      child.id,
    ]);
    expect((await accountBySalesforceId(sf('0015000000Chn04'))).parentAccountId).toBe(existing.id);
  });

  it.each([
    [
      'a circular hierarchy',
      'Id,Name,ParentId,Segment__c,Region__c\n0015000000Cyc01,Cycle A,0015000000Cyc02,smb,emea\n0015000000Cyc02,Cycle B,0015000000Cyc01,smb,emea',
      [
        { row: 2, column: 'ParentId', message: 'would make the account hierarchy circular' },
        { row: 3, column: 'ParentId', message: 'would make the account hierarchy circular' },
      ],
    ],
    [
      'an unknown parent, a missing required field and a duplicate',
      `Id,Name,ParentId,Segment__c,Region__c\n0015000000Unk01,Orphan,0015000000Nope1,smb,emea\n0015000000Unk02,,,smb,emea\n${sf('0015000000Unk02')},Twice,,smb,emea`,
      [
        {
          row: 2,
          column: 'ParentId',
          message: `no account with the Id ${sf('0015000000Nope1')} in this file or in Liaison`,
        },
        { row: 3, column: 'Name', message: 'required for a new account' },
        { row: 4, column: 'Id', message: 'the same account as row 3' },
      ],
    ],
    [
      'a bad checksum and a bad owner',
      'Id,Name,OwnerId,Segment__c,Region__c\n0015000000Bad01ZZZ,Bad,nobody@example.com,smb,emea',
      [
        {
          row: 2,
          column: 'Id',
          message: expect.stringContaining(
            `the checksum ZZZ does not match ${salesforceChecksum('0015000000Bad01')}`,
          ),
        },
        {
          row: 2,
          column: 'OwnerId',
          message: 'no user with the Salesforce Id or e-mail address nobody@example.com',
        },
      ],
    ],
  ])('rejects %s', async (_case, csv, sample) => {
    const job = await importCsv(app, 'accounts', csv);
    expect(job.status).toBe('rejected');
    expect(job.errors.sample).toEqual(sample);
  });

  it('refuses to move a contact to another account, and a contact of an unknown account', async () => {
    const csv = [
      'Id,AccountId,LastName',
      '003Dn00000MaRy1IAF,001Dn00000NoRtHIAV,Smith',
      ',001Dn00000Nope1,Nobody',
      ',,Lost',
    ].join('\n');
    const job = await importCsv(app, 'contacts', csv);
    expect(job.errors.sample).toEqual([
      {
        row: 2,
        column: 'AccountId',
        message: 'the contact belongs to another account; an import does not move records between accounts',
      },
      { row: 3, column: 'AccountId', message: `no account with the Id ${sf('001Dn00000Nope1')}` },
      { row: 4, column: 'AccountId', message: 'required for a new contact' },
    ]);
  });

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

  it('lets TAM managers import accounts but not users; viewers nothing', async () => {
    for (const [roles, object, status] of [
      [['viewer'], 'accounts', 403],
      [['tam_manager'], 'users', 403],
      [['tam_manager'], 'accounts', 202],
    ] as const) {
      const email = `${roles[0]}-${object}@example.com`;
      await admin.post('/api/v1/users', { name: email, email, roles, password: 'correct horse battery' });
      const login = await httpClient(app.http).post('/api/v1/auth/login', {
        email,
        password: 'correct horse battery',
      });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const token = (await httpClient(app.http).post('/api/v1/auth/tokens', { name: 't' }, { cookie })).body
        .token;
      const response = await startImport(app, object, 'Name\n', { token });
      expect(response.status).toBe(status);
      if (status === 202) await app.services.imports.wait(response.body.id);
    }
  });
});
