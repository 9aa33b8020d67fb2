import { describe, expect, it } from 'vitest';
import { factories } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

const app = await createTestApp({ now: '2026-03-01T00:00:00.000Z' });
const f = factories(app);
const admin = f.admin;

const newAccount = (name: string) => f.buildAccount({ name, segment: 'mid_market', region: 'noram' });

describe('support tickets', () => {
  it('records tickets newest first and turns ticket tracking on with the first one', async () => {
    const account = await newAccount('Tickets Inc');
    expect(account.supportTicketsTracked).toBe(false);
    const opened = ['2026-02-27T10:00:00Z', '2026-01-15T08:00:00Z', '2026-02-10T12:30:00Z'];
    const created = [];
    for (const [index, openedAt] of opened.entries()) {
      const response = await admin.post(`/api/v1/accounts/${account.id}/support-tickets`, {
        subject: `Runner outage ${index + 1}`,
        openedAt,
        ...(index === 0 ? { severity: 'urgent', externalIds: { zendesk: '4711' } } : {}),
      });
      expect(response.status).toBe(201);
      created.push(response.body);
    }
    expect(created[0]).toMatchObject({
      severity: 'urgent',
      openedAt: '2026-02-27T10:00:00.000Z',
      closedAt: null,
      externalIds: { zendesk: '4711' },
      version: 1,
    });
    expect(created[1].severity).toBe('normal');

    const all = await admin.get(`/api/v1/accounts/${account.id}/support-tickets`);
    expect(all.body.items.map((t: { subject: string }) => t.subject)).toEqual([
      'Runner outage 1',
      'Runner outage 3',
      'Runner outage 2',
    ]);
    const window = await admin.get(
      `/api/v1/accounts/${account.id}/support-tickets?openedFrom=2026-02-01T00:00:00Z&openedTo=2026-02-27T10:00:00Z`,
    );
    expect(window.body.items.map((t: { subject: string }) => t.subject)).toEqual([
      'Runner outage 1',
      'Runner outage 3',
    ]);

    const refreshed = (await admin.get(`/api/v1/accounts/${account.id}`)).body;
    expect(refreshed.supportTicketsTracked).toBe(true);
    const accountHistory = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=account`)).body
      .items;
    expect(accountHistory).toHaveLength(2);
    expect(accountHistory[0].changes).toEqual([
      { field: 'supportTicketsTracked', before: false, after: true },
    ]);
    const ticketHistory = (
      await admin.get(`/api/v1/accounts/${account.id}/history?entityType=support_ticket`)
    ).body.items;
    expect(ticketHistory.map((e: { operation: string }) => e.operation)).toEqual([
      'create',
      'create',
      'create',
    ]);
  });

  it('closes, edits and deletes tickets with versions, each change in the history', async () => {
    const account = await newAccount('Closures Ltd');
    const ticket = (
      await admin.post(`/api/v1/accounts/${account.id}/support-tickets`, {
        subject: 'Slow merge requests',
        openedAt: '2026-02-20T09:00:00Z',
      })
    ).body;
    app.setNow('2026-03-02T00:00:00.000Z');
    const closed = await admin.patch(`/api/v1/support-tickets/${ticket.id}`, {
      closedAt: '2026-03-01T17:00:00Z',
      severity: 'high',
      version: 1,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ closedAt: '2026-03-01T17:00:00.000Z', severity: 'high', version: 2 });
    expect(
      (await admin.patch(`/api/v1/support-tickets/${ticket.id}`, { severity: 'low' }, { 'if-match': '1' }))
        .status,
    ).toBe(409);
    expect((await admin.patch(`/api/v1/support-tickets/${ticket.id}`, { severity: 'low' })).status).toBe(428);
    const backwards = await admin.patch(`/api/v1/support-tickets/${ticket.id}`, {
      closedAt: '2026-02-01T00:00:00Z',
      version: 2,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].path).toBe('body.closedAt');

    app.setNow('2026-03-03T00:00:00.000Z');
    expect((await admin.delete(`/api/v1/support-tickets/${ticket.id}?version=1`)).status).toBe(409);
    expect((await admin.delete(`/api/v1/support-tickets/${ticket.id}?version=2`)).status).toBe(204);
    expect((await admin.get(`/api/v1/accounts/${account.id}/support-tickets`)).body.items).toEqual([]);
    // Tracking stays on: "no tickets" is data too (0 tickets → yellow), unlike "no data".
    expect((await admin.get(`/api/v1/accounts/${account.id}`)).body.supportTicketsTracked).toBe(true);

    const history = (await admin.get(`/api/v1/accounts/${account.id}/history?entityType=support_ticket`)).body
      .items;
    expect(history.map((e: { operation: string }) => e.operation)).toEqual(['delete', 'update', 'create']);
    expect(history[1].changes).toEqual([
      { field: 'severity', before: 'normal', after: 'high' },
      { field: 'closedAt', before: null, after: '2026-03-01T17:00:00.000Z' },
    ]);
    const diff = await admin.get(
      `/api/v1/accounts/${account.id}/diff?from=2026-03-02T12:00:00Z&to=2026-03-04T00:00:00Z`,
    );
    expect(diff.body.entities).toMatchObject([
      { entityType: 'support_ticket', label: 'Ticket: Slow merge requests', change: 'removed' },
    ]);
  });

  it('validates with field paths and lets only the account team write', async () => {
    const account = await newAccount('Strict Co');
    const invalid = await admin.post(`/api/v1/accounts/${account.id}/support-tickets`, {
      subject: '',
      severity: 'blocker',
      openedAt: 'yesterday',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.openedAt',
      'body.severity',
      'body.subject',
    ]);
    const badQuery = await admin.get(`/api/v1/accounts/${account.id}/support-tickets?openedFrom=last-week`);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.error.details[0].path).toBe('query.openedFrom');
    const reversed = await admin.post(`/api/v1/accounts/${account.id}/support-tickets`, {
      subject: 'Time travel',
      openedAt: '2026-02-10T00:00:00Z',
      closedAt: '2026-02-09T00:00:00Z',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0].path).toBe('body.closedAt');

    const viewer = await f.buildUser({ roles: ['viewer'] });
    expect((await viewer.get(`/api/v1/accounts/${account.id}/support-tickets`)).status).toBe(200);
    const denied = await viewer.post(`/api/v1/accounts/${account.id}/support-tickets`, {
      subject: 'Nope',
      openedAt: '2026-02-10T00:00:00Z',
    });
    expect(denied.status).toBe(403);
    const tam = await f.buildUser({ roles: ['tam'] });
    await f.assign(account, tam.user, 'tam');
    const allowed = await tam.post(`/api/v1/accounts/${account.id}/support-tickets`, {
      subject: 'From the TAM',
      openedAt: '2026-02-28T00:00:00Z',
    });
    expect(allowed.status).toBe(201);
    expect((await viewer.delete(`/api/v1/support-tickets/${allowed.body.id}?version=1`)).status).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin.get(`/api/v1/accounts/${unknown}/support-tickets`)).status).toBe(404);
    expect((await admin.delete(`/api/v1/support-tickets/${unknown}?version=1`)).status).toBe(404);
    expect((await f.anonymous.get(`/api/v1/accounts/${account.id}/support-tickets`)).status).toBe(401);
  });
});
