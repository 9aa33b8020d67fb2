import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-02-01T00:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

describe('the customer meta-record', () => {
  it('keeps profiles, contacts and their links, and shows them as they were at any instant', async () => {
    const account = await f.buildAccount({ name: 'Profile GmbH' });
    app.setNow('2026-02-10T00:00:00.000Z');
    const champion = await admin.post(`/api/v1/accounts/${account.id}/contacts`, {
      name: 'Chris Champion',
      email: 'chris@profile.example',
      stakeholderRoles: ['champion', 'technical_contact'],
    });
    expect(champion.status).toBe(201);
    app.setNow('2026-02-20T00:00:00.000Z');
    const business = await admin.patch(`/api/v1/accounts/${account.id}/business-profile`, {
      championContactId: champion.body.id,
      objectives: ['Ship weekly instead of quarterly'],
      whyTheyBought: 'Consolidate five tools into one',
      version: 1,
    });
    expect(business.status).toBe(200);
    expect(business.body.version).toBe(2);
    app.setNow('2026-03-01T00:00:00.000Z');
    const technical = await admin.patch(`/api/v1/accounts/${account.id}/technical-profile`, {
      deployment: 'self_managed',
      productVersion: '17.2',
      architecture: { users: 3000, highAvailability: true },
      version: 1,
    });
    expect(technical.body.architecture).toEqual({
      users: 3000,
      referenceArchitecture: null,
      highAvailability: true,
      geo: false,
    });
    app.setNow('2026-03-10T00:00:00.000Z');
    expect((await admin.delete(`/api/v1/contacts/${champion.body.id}?version=1`)).status).toBe(204);

    const feb15 = (await admin.get(`/api/v1/accounts/${account.id}?asOf=2026-02-15T00:00:00Z`)).body;
    expect(feb15.contacts.map((c: { name: string }) => c.name)).toEqual(['Chris Champion']);
    expect(feb15.businessProfile.objectives).toEqual([]);
    const mar5 = (await admin.get(`/api/v1/accounts/${account.id}?asOf=2026-03-05T00:00:00Z`)).body;
    expect(mar5.businessProfile).toMatchObject({
      championContactId: champion.body.id,
      whyTheyBought: 'Consolidate five tools into one',
    });
    expect(mar5.technicalProfile).toMatchObject({ deployment: 'self_managed', productVersion: '17.2' });
    const now = (await admin.get(`/api/v1/accounts/${account.id}`)).body;
    expect(now.contacts).toEqual([]);
    // The deleted contact is nobody's champion any more; the rest of the profile stays.
    expect(now.businessProfile).toMatchObject({
      championContactId: null,
      whyTheyBought: 'Consolidate five tools into one',
      version: 3,
    });
    const profileHistory = (await admin.get(`/api/v1/accounts/${account.id}/history`)).body.items.filter(
      (entry: { entityType: string }) => entry.entityType === 'business_profile',
    );
    expect(profileHistory[0]).toMatchObject({
      changes: [{ field: 'championContactId', before: champion.body.id, after: null }],
    });

    const diff = (
      await admin.get(`/api/v1/accounts/${account.id}/diff?from=2026-02-15T00:00:00Z&to=2026-03-15T00:00:00Z`)
    ).body;
    expect(
      diff.entities.map((e: { entityType: string; change: string }) => `${e.entityType}:${e.change}`),
    ).toEqual(['business_profile:changed', 'technical_profile:changed', 'contact:removed']);
  });

  it('refuses a champion who is not a contact of the account', async () => {
    const account = await f.buildAccount({ name: 'Links Ltd' });
    const other = await f.buildAccount({ name: 'Other Ltd' });
    const stranger = await f.buildContact(other, { name: 'Stranger' });
    const response = await admin.patch(`/api/v1/accounts/${account.id}/business-profile`, {
      championContactId: stranger.id,
      version: 1,
    });
    expect(response.status).toBe(422);
    expect(response.body.error.details[0].path).toBe('body.championContactId');
  });

  it('turns a lead into a customer when an opportunity closes won', async () => {
    const account = await f.buildAccount({ name: 'Prospect Co', relationshipStage: 'lead' });
    const opportunity = await admin.post(`/api/v1/accounts/${account.id}/opportunities`, {
      name: 'First deal',
      type: 'new_business',
      stage: 'negotiating',
      amount: 150_000,
      closeDate: '2026-03-31',
    });
    expect(opportunity.status).toBe(201);
    expect((await admin.get(`/api/v1/accounts/${account.id}`)).body.relationshipStage).toBe('lead');
    const won = await admin.patch(`/api/v1/opportunities/${opportunity.body.id}`, {
      stage: 'closed_won',
      version: 1,
    });
    expect(won.status).toBe(200);
    expect((await admin.get(`/api/v1/accounts/${account.id}`)).body.relationshipStage).toBe('customer');
    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=account`)).body.items;
    expect(history[0].changes).toEqual([{ field: 'relationshipStage', before: 'lead', after: 'customer' }]);
  });

  it('logs activities on the timeline with known attendees only', async () => {
    const account = await f.buildAccount({ name: 'Timeline AG' });
    const contact = await f.buildContact(account, { name: 'Tess Tech' });
    for (const [index, day] of ['2026-01-05', '2026-01-20', '2026-02-03'].entries()) {
      const logged = await admin.post(`/api/v1/accounts/${account.id}/activities`, {
        kind: 'cadence_call',
        summary: `Cadence call ${index + 1}`,
        occurredAt: `${day}T15:00:00Z`,
        notes: 'Discussed the CI migration.',
        attendees: { contactIds: [contact.id] },
        actionItems: [{ text: 'Send the runner sizing guide', dueDate: '2026-02-10' }],
      });
      expect(logged.status).toBe(201);
      expect(logged.body.actionItems[0]).toEqual({
        id: expect.any(String),
        text: 'Send the runner sizing guide',
        ownerUserId: null,
        ownerContactId: null,
        dueDate: '2026-02-10',
        done: false,
      });
    }
    const page1 = await admin.get(`/api/v1/accounts/${account.id}/activities?limit=2`);
    expect(page1.body.items.map((a: { summary: string }) => a.summary)).toEqual([
      'Cadence call 3',
      'Cadence call 2',
    ]);
    const page2 = await admin.get(
      `/api/v1/accounts/${account.id}/activities?limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((a: { summary: string }) => a.summary)).toEqual(['Cadence call 1']);
    const me = (await admin.get('/api/v1/auth/me')).body.user.id;
    expect(page1.body.items[0].createdByUserId).toBe(me);

    // What a request leaves out gets its default; an edit's attendees are checked as a new one's.
    const quick = await admin.post(`/api/v1/accounts/${account.id}/activities`, {
      kind: 'meeting',
      summary: 'Quick sync',
    });
    expect(quick.body).toMatchObject({
      occurredAt: quick.body.createdAt,
      notes: null,
      purposes: [],
      attendees: { userIds: [], contactIds: [] },
      createdByUserId: me,
    });
    const badEdit = await admin.patch(`/api/v1/activities/${quick.body.id}`, {
      attendees: { userIds: ['00000000-0000-4000-8000-000000000000'], contactIds: [] },
      version: 1,
    });
    expect(badEdit.status).toBe(422);
    expect(badEdit.body.error.details[0].path).toBe('body.attendees.userIds.0');
    expect((await admin.delete(`/api/v1/activities/${quick.body.id}?version=1`)).status).toBe(204);

    const strangerContact = await admin.post(`/api/v1/accounts/${account.id}/activities`, {
      kind: 'meeting',
      summary: 'Who?',
      attendees: { contactIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(strangerContact.status).toBe(422);
    expect(strangerContact.body.error.details[0].path).toBe('body.attendees.contactIds.0');
    expect((await admin.get(`/api/v1/accounts/${account.id}/activities`)).body.items).toHaveLength(3);
  });

  it('refuses parent cycles and deletes an account with its records (managers only)', async () => {
    const parent = await f.buildAccount({ name: 'Parent Holdings' });
    const child = await f.buildAccount({ name: 'Child Subsidiary', parentAccountId: parent.id });
    const cycle = await admin.patch(`/api/v1/accounts/${parent.id}`, {
      parentAccountId: child.id,
      version: 1,
    });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.details[0].path).toBe('body.parentAccountId');
    const children = await admin.get(`/api/v1/accounts?parentAccountId=${parent.id}`);
    expect(children.body.items.map((a: { name: string }) => a.name)).toEqual(['Child Subsidiary']);

    expect((await admin.delete(`/api/v1/accounts/${parent.id}`, { 'if-match': '1' })).status).toBe(204);
    expect((await admin.get(`/api/v1/accounts/${parent.id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/accounts/${child.id}`)).body.parentAccountId).toBeNull();
    const childHistory = (await admin.get(`/api/v1/accounts/${child.id}/history`)).body.items;
    expect(childHistory[0].changes).toEqual([{ field: 'parentAccountId', before: parent.id, after: null }]);
    const history = (await admin.get(`/api/v1/accounts/${parent.id}/history`)).body.items;
    expect(history[0].operation).toBe('delete');
  });
});
