import { PortalIssue, type Project, type ProjectIssue, type WaitingIssues } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories, ok } from '../../../test/factories.ts';
import { buildCustomer } from '../../../test/portal-client.ts';
import { createTestApp } from '../../../test/test-app.ts';

// A customer attaches a file to an issue in the portal (docs/portal.md, docs/projects.md), over
// HTTP on PostgreSQL: the file is public, the TAM sees it on the staff issue, the history names
// the contact, and like a comment it is the customer's post (the issue waits for an answer);
// staff's file alone is never that answer. Bad files are coded 4xx refusals that change nothing.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' }); // a Monday
const f = factories(app);
const tam = await f.buildUser({ roles: ['tam'], name: 'Tamsin Reyes' });
const account = await f.buildAccount({ relationshipStage: 'customer', team: { tam: tam.user } });
const project = await ok<Project>('project', tam.post(`/api/v1/accounts/${account.id}/projects`, {}));
const customer = await buildCustomer(app, account, 'Cleo Customer');
const portalIssues = `/api/v1/portal/projects/${project.id}/issues`;

// Bytes that are not UTF-8 text (a PNG's signature), so the download is compared byte for byte.
const screenshot = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
const file = (overrides: Record<string, unknown> = {}) => ({
  file: { name: 'error.png', contentType: 'image/png', base64: screenshot.toString('base64'), ...overrides },
});

const waiting = async () =>
  (await ok<WaitingIssues>('waiting', tam.get('/api/v1/customer-issues/waiting'))).items.filter(
    (item) => item.accountId === account.id,
  );

/** The account's files and history entries: a refused upload changes neither. */
async function counts() {
  const { rows } = await app.database.pool.query<{ files: number; history: number }>(
    `SELECT (SELECT count(*)::int FROM project_attachments WHERE account_id = $1) AS files,
            (SELECT count(*)::int FROM history WHERE account_id = $1) AS history`,
    [account.id],
  );
  return rows[0]!;
}

describe('a customer attaching a file in the portal', () => {
  it('is a public file the TAM sees, in the history as the contact, and the issue waits again', async () => {
    const asked = PortalIssue.parse(
      await ok('ask', customer.client.post(portalIssues, { title: 'Runner crashes on start' })),
    );
    const staffIssue = `/api/v1/projects/${project.id}/issues/${asked.number}`;
    app.setNow('2026-03-02T09:30:00.000Z');
    const log = { name: 'known-issue.txt', contentType: 'text/plain', base64: btoa('see KB-12') };
    await ok('staff file', tam.post(`${staffIssue}/attachments`, { file: log }));
    expect(await waiting()).toHaveLength(1); // staff's file is no answer
    app.setNow('2026-03-02T10:00:00.000Z');
    await ok('answer', tam.post(`${staffIssue}/comments`, { body: 'Could you send a screenshot?' }));
    expect(await waiting()).toEqual([]);

    app.setNow('2026-03-02T11:00:00.000Z');
    const response = await customer.client.post(`${portalIssues}/${asked.number}/attachments`, file());
    expect(response.status).toBe(201);
    const attached = PortalIssue.parse(response.body); // strict: nothing staff-only
    expect(attached).toEqual(response.body);
    expect(attached.attachments.map((a) => [a.fileName, a.size])).toEqual([
      ['known-issue.txt', 9],
      ['error.png', screenshot.length],
    ]);
    expect(attached.updatedAt).toBe('2026-03-02T11:00:00.000Z');

    const read = PortalIssue.parse(await ok('read', customer.client.get(`${portalIssues}/${asked.number}`)));
    expect(read.attachments).toEqual(attached.attachments);
    const download = await app.http.inject({
      method: 'GET',
      url: `/api/v1/portal/projects/${project.id}/attachments/${attached.attachments[1]!.id}`,
      headers: { cookie: customer.client.sessionCookie()! },
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toBe('attachment; filename="error.png"');
    expect(download.rawPayload.equals(screenshot)).toBe(true);

    const staff = await ok<ProjectIssue>('staff issue', tam.get(staffIssue));
    expect(staff.attachments[1]).toMatchObject({
      fileName: 'error.png',
      author: { kind: 'contact', contactId: customer.contact.id, name: 'Cleo Customer' },
    });
    // Like a comment, the file is the customer's post: a follow-up, due in 3 business days.
    expect(await waiting()).toEqual([
      expect.objectContaining({
        number: asked.number,
        customer: 'Cleo Customer',
        waitingSince: '2026-03-02T11:00:00.000Z',
        dueAt: '2026-03-05T11:00:00.000Z',
      }),
    ]);
    const history = await ok<{ items: { actor: { type: string; name: string }; entityId: string }[] }>(
      'history',
      f.admin.get(`/api/v1/accounts/${account.id}/history?entityType=project_attachment`),
    );
    expect(history.items[0]).toMatchObject({
      entityId: attached.attachments[1]!.id,
      actor: { type: 'contact', name: 'Cleo Customer' },
    });

    // A closed issue takes a file as it takes a comment; it waits for nobody.
    await ok('close', tam.patch(staffIssue, { state: 'closed', version: staff.version }));
    const late = await customer.client.post(`${portalIssues}/${asked.number}/attachments`, file());
    expect(late.status).toBe(201);
    expect(await waiting()).toEqual([]);
    app.setNow('2026-03-02T09:00:00.000Z');
  });

  it.each([
    ['an empty file', file({ base64: '' }), 400, 'VALIDATION_FAILED', 'body.file.base64'],
    ['bad base64', file({ base64: 'not base64!' }), 400, 'VALIDATION_FAILED', 'body.file.base64'],
    ['over 3 MB', file({ base64: 'AAAA'.repeat(1_000_001) }), 400, 'VALIDATION_FAILED', 'body.file.base64'],
    ['a line break in the name', file({ name: 'a\nb.png' }), 400, 'VALIDATION_FAILED', 'body.file.name'],
    [
      'a bidi override in the name',
      file({ name: 'x\u202Egnp.exe' }),
      400,
      'VALIDATION_FAILED',
      'body.file.name',
    ],
    ['no name', file({ name: '  ' }), 400, 'VALIDATION_FAILED', 'body.file.name'],
    ['a made-up type', file({ contentType: 'image' }), 400, 'VALIDATION_FAILED', 'body.file.contentType'],
    ['no file', {}, 400, 'VALIDATION_FAILED', 'body.file'],
  ])('refuses %s: coded 4xx, nothing changed', async (_what, body, status, code, path) => {
    const before = await counts();
    const response = await customer.client.post(`${portalIssues}/1/attachments`, body);
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await counts()).toEqual(before);
  });

  it('refuses a missing issue (404) and a write without the CSRF token (403), changing nothing', async () => {
    const before = await counts();
    const missing = await customer.client.post(`${portalIssues}/9999/attachments`, file());
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const forged = await app.http.inject({
      method: 'POST',
      url: `${portalIssues}/1/attachments`,
      headers: { cookie: customer.client.sessionCookie()! },
      payload: file(),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CROSS_SITE_REQUEST');
    expect(await counts()).toEqual(before);
  });
});
