import { salesforceChecksum } from '@liaison/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, importCsv } from '../../../test/import-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import * as schema from '../../db/schema.ts';
import { diffSnapshots } from '../../kernel/history.store.ts';
import { presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { presentActivity } from '../activities/activities.presenter.ts';
import { presentContact } from '../contacts/contacts.presenter.ts';
import { presentOpportunity } from '../opportunities/opportunities.presenter.ts';
import { emptyProfiles } from '../profiles/profiles.presenter.ts';
import { presentTeamAssignment } from '../team/team.presenter.ts';
import { presentUser } from '../users/users.presenter.ts';
import { importSalesforceExports, importTestTools, NOW, sf } from './imports.test-helpers.ts';
import { snapshotFields } from './snapshots.store.ts';

// What an import leaves behind: history (actor, snapshots, field changes), upserts by Id, and
// the checks on keys and references.

const app = await createTestApp({ now: NOW });
const { admin, pool, accountBySalesforceId, counts } = importTestTools(app);

describe('Salesforce exports import cleanly: history and upserts', () => {
  beforeAll(async () => {
    await importSalesforceExports(app);
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
        ['team_assignment', 'Import salesforce-accounts.csv'],
        ['contact', 'Import salesforce-contacts.csv'],
        ['opportunity', 'Import salesforce-opportunities.csv'],
        ['activity', 'Import salesforce-activities.csv'],
      ]),
    );
    // No profile rows are written: the account shows the empty profiles the API would have
    // created with it, and so does the account as of any instant since.
    expect(history.map((entry: { entityType: string }) => entry.entityType)).not.toContain(
      'business_profile',
    );
    expect(acme.businessProfile).toEqual(emptyProfiles(acme.createdAt).business);
    expect(acme.technicalProfile).toEqual(emptyProfiles(acme.createdAt).technical);
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
      new Set(['user', 'account', 'team_assignment', 'contact', 'opportunity', 'activity']),
    );
    // jsonb keeps keys in its own order, so compare the changes by field (the order is checked below).
    const byField = (changes: unknown) =>
      [...(changes as { field: string }[])].sort((left, right) => left.field.localeCompare(right.field));
    const latest = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      const key = `${row.entity_type}:${row.entity_id}`;
      // A create stores no field changes (they are its snapshot's fields, derived when read).
      if (row.operation === 'create') expect(row.changes).toBeNull();
      else expect(byField(row.changes)).toEqual(byField(diffSnapshots(latest.get(key)!, row.snapshot)));
      latest.set(key, row.snapshot);
    }
    // … and the API shows a create's changes exactly as the recorder would have stored them.
    const acme = await accountBySalesforceId('001Dn00000AcmeAIAR');
    const created = (
      await admin.get(`/api/v1/accounts/${acme.id}/history?entityType=account&limit=100`)
    ).body.items.at(-1);
    const createdRow = rows.find((row) => row.entity_id === acme.id && row.operation === 'create')!;
    expect(created).toMatchObject({ operation: 'create', changes: diffSnapshots(null, createdRow.snapshot) });
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
        // `can` is what the caller may do now, not part of the record (docs/architecture.md).
        const {
          businessProfile,
          technicalProfile,
          contacts,
          team,
          asOf,
          can: _can,
          ...summary
        } = (await admin.get(`/api/v1/accounts/${id}`)).body;
        expect(snapshot).toEqual(summary);
        expect(businessProfile).toEqual(
          latest.get(`business_profile:${id}`) ?? emptyProfiles(summary.createdAt).business,
        );
        expect(technicalProfile).toEqual(
          latest.get(`technical_profile:${id}`) ?? emptyProfiles(summary.createdAt).technical,
        );
        for (const contact of contacts) expect(latest.get(`contact:${contact.id}`)).toEqual(contact);
        for (const member of team) expect(latest.get(`team_assignment:${member.id}`)).toEqual(member);
      }
    }
  });

  it("lists each snapshot's fields in the order of its presenter (the order of field changes)", async () => {
    const { db } = app.database;
    const [account] = await db.select().from(schema.accounts).limit(1);
    const [contact] = await db.select().from(schema.contacts).limit(1);
    const [opportunity] = await db.select().from(schema.opportunities).limit(1);
    const [activity] = await db.select().from(schema.activities).limit(1);
    const [assignment] = await db.select().from(schema.teamAssignments).limit(1);
    const [user] = await db.select().from(schema.users).limit(1);
    const presented: Record<keyof typeof snapshotFields, object> = {
      account: presentAccountSummary(account!),
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

  it("stores an imported account's profiles at their first edit, from version 1", async () => {
    const globex = await accountBySalesforceId(sf('001Dn00000GloBx'));
    const edited = await admin.patch(`/api/v1/accounts/${globex.id}/business-profile`, {
      whyTheyBought: 'Faster releases',
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, whyTheyBought: 'Faster releases' });
    const [entry] = (await admin.get(`/api/v1/accounts/${globex.id}/history?entityType=business_profile`))
      .body.items;
    expect(entry).toMatchObject({
      operation: 'update',
      changes: [{ field: 'whyTheyBought', before: null, after: 'Faster releases' }],
    });
    const stale = await admin.patch(`/api/v1/accounts/${globex.id}/technical-profile`, {
      hosting: 'AWS',
      version: 2,
    });
    expect(stale.status).toBe(409);
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
});
