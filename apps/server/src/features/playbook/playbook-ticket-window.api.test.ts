import { defaultPlaybook, type Playbook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../../test/http-client.ts';
import { createTestApp } from '../../../test/test-app.ts';
import { playbookStore } from './playbook.store.ts';

// The support-ticket window is the playbook's `health.supportTicketWindowDays` (docs/playbook.md):
// applying a playbook with another window changes what the ticket measure counts.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const admin = httpClient(app.http, app.adminToken);

const withWindow = (days: number): Playbook => {
  const playbook = structuredClone(defaultPlaybook);
  playbook.health.supportTicketWindowDays = days;
  return playbook;
};

interface Measure {
  measure: string;
  colour: string | null;
  explanation: { path: string[]; inputs: Record<string, unknown> };
}

async function ticketMeasure(accountId: string): Promise<Measure> {
  const response = await admin.get(`/api/v1/accounts/${accountId}/assessment`);
  expect(response.status).toBe(200);
  return response.body.health.measures.find((m: Measure) => m.measure === 'support_tickets');
}

/**
 * An account with one ticket opened 10 days before the test clock, and a TAM since long before
 * (health is the TAM's scorecard: without one the account is not scored, docs/playbook.md).
 */
async function accountWithTicket(name: string) {
  const account = (await admin.post('/api/v1/accounts', { name, segment: 'mid_market', region: 'noram' }))
    .body as { id: string };
  const tam = await admin.post('/api/v1/users', {
    name: `TAM of ${name}`,
    email: `tam.${name.replace(/\W/g, '').toLowerCase()}@example.com`,
    roles: ['tam'],
  });
  expect(tam.status).toBe(201);
  const seat = await admin.post(`/api/v1/accounts/${account.id}/team`, {
    userId: tam.body.id,
    role: 'tam',
    startsAt: '2025-01-01T00:00:00Z',
  });
  expect(seat.status).toBe(201);
  const ticket = await admin.post(`/api/v1/accounts/${account.id}/support-tickets`, {
    subject: 'Pipelines stuck',
    openedAt: '2026-02-20T09:00:00Z',
  });
  expect(ticket.status).toBe(201);
  return account;
}

describe('the support-ticket window of the playbook', () => {
  it('counts the tickets of the window in force, and a new window changes the measure', async () => {
    const account = await accountWithTicket('Window Co');
    const current = (await admin.get('/api/v1/playbook')).body;
    expect(current.playbook.health.supportTicketWindowDays).toBe(30);
    expect(await ticketMeasure(account.id)).toMatchObject({
      colour: 'green',
      explanation: {
        path: ['1 ticket(s) opened in the last 30 days, band ≤ 5 → green'],
        inputs: { recentTickets: 1, windowDays: 30 },
      },
    });

    const applied = await admin.put('/api/v1/playbook', {
      playbook: withWindow(7),
      version: current.version,
    });
    expect(applied.status).toBe(200);
    expect(applied.body.playbook.health.supportTicketWindowDays).toBe(7);
    expect(await ticketMeasure(account.id)).toMatchObject({
      colour: 'yellow',
      explanation: {
        path: ['0 ticket(s) opened in the last 7 days, band ≤ 0 → yellow'],
        inputs: { recentTickets: 0, windowDays: 7 },
      },
    });

    // A dry run back to 30 days reads the tickets of the wider window and sees the change.
    const dryRun = await admin.post('/api/v1/playbook/dry-run', { playbook: withWindow(30) });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.changes.map((change: { accountId: string }) => change.accountId)).toContain(
      account.id,
    );
  });

  it('refuses a window outside 1–365 days with the field path', async () => {
    const { version } = (await admin.get('/api/v1/playbook')).body;
    for (const days of [0, 366, 1.5]) {
      const refused = await admin.put('/api/v1/playbook', { playbook: withWindow(days), version });
      expect(refused.status, `${days} days`).toBe(400);
      expect(refused.body.error.details[0].path).toBe('body.playbook.health.supportTicketWindowDays');
    }
  });

  it('reads a version stored before the setting existed with the default window', async () => {
    const account = await accountWithTicket('Older Co');
    const { version } = (await admin.get('/api/v1/playbook')).body;
    const { supportTicketWindowDays: _, ...health } = defaultPlaybook.health;
    await playbookStore.insert(app.database.db, {
      version: version + 1,
      document: { ...defaultPlaybook, health },
      createdAt: '2026-03-02T08:00:00.000Z',
      createdBy: 'Before the window',
      note: null,
    });
    const served = await admin.get('/api/v1/playbook');
    expect(served.status).toBe(200);
    expect(served.body.version).toBe(version + 1);
    expect(served.body.playbook.health.supportTicketWindowDays).toBe(30);
    expect((await ticketMeasure(account.id)).explanation.inputs).toEqual({
      recentTickets: 1,
      windowDays: 30,
    });
  });
});
