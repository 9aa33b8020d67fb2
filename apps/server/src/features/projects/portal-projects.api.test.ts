import {
  type AccountProjects,
  PortalIssue,
  PortalIssueList,
  PortalProjectList,
  type Project,
  type ProjectIssue,
  type TaskListItem,
  type WaitingIssues,
} from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories, ok } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';
import type { PortalCaller } from './portal.service.ts';

// The portal's service functions (the customer side, docs/projects.md) and response tracking:
// a customer's issue waits on the TAM's list until a public staff answer; an internal note is
// never an answer and never reaches the customer; another account's ids are 404s.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' }); // a Monday
const f = factories(app);
const portal = app.services.portalProjects;

async function customerAccount() {
  const tam = await f.buildUser({ roles: ['tam'] });
  const account = await f.buildAccount({ relationshipStage: 'customer', team: { tam: tam.user } });
  const contact = await f.buildContact(account, { name: `Cleo Customer ${Math.random()}` });
  const project = await ok<Project>('project', tam.post(`/api/v1/accounts/${account.id}/projects`, {}));
  const caller = (): PortalCaller => ({
    accountId: account.id,
    contactId: contact.id,
    now: app.clock(),
    requestId: null,
  });
  return { tam, account, contact, project, caller };
}

const responses = (items: TaskListItem[], accountId: string) =>
  items.filter((item) => item.source === 'customer_response' && item.accountId === accountId);

describe('the customer side of a project and response tracking', () => {
  it('a customer opens an issue; it waits on the TAM’s list until a public answer; the figure is on the account', async () => {
    const { tam, account, project, caller } = await customerAccount();
    const projects = PortalProjectList.parse(await portal.listProjects(caller()));
    expect(projects.items).toHaveLength(1);
    expect(projects.items[0]!.readmeHtml).toContain('<h1>');

    const opened = await portal.openIssue(caller(), project.id, {
      title: 'How do we size runners?',
      description: 'We have <script>alert(1)</script> 40 teams',
      labels: ['question', 'made-up'],
    });
    expect(PortalIssue.parse(opened)).toMatchObject({ labels: ['question'], author: { kind: 'contact' } });
    expect(opened.descriptionHtml).not.toContain('<script>');

    const waiting = await ok<WaitingIssues>('waiting', tam.get('/api/v1/customer-issues/waiting'));
    expect(waiting.items).toEqual([
      expect.objectContaining({
        accountId: account.id,
        number: opened.number,
        dueAt: '2026-03-04T09:00:00.000Z',
        overdue: false,
        responsible: { userId: tam.user.id, name: tam.user.name },
      }),
    ]);
    const list = await ok<{ items: TaskListItem[] }>('tasks', tam.get('/api/v1/tasks?owner=me'));
    expect(responses(list.items, account.id)).toEqual([
      expect.objectContaining({
        title: `Respond to ${account.name}: How do we size runners?`,
        dueOn: '2026-03-04',
        projectIssue: { projectId: project.id, number: opened.number },
      }),
    ]);

    await app.services.events.dispatchPending(app.clock());
    const centre = await ok<{ items: { title: string }[] }>('centre', tam.get('/api/v1/notifications'));
    expect(centre.items[0]!.title).toContain(`opened #${opened.number}: How do we size runners?`);

    app.setNow('2026-03-05T10:00:00.000Z'); // Thursday: past the 2 business days
    const late = await ok<WaitingIssues>('late', tam.get('/api/v1/customer-issues/waiting'));
    expect(late.items[0]).toMatchObject({ overdue: true, waitingHours: 73 });

    const issuePath = `/api/v1/projects/${project.id}/issues/${opened.number}`;
    await ok('note', tam.post(`${issuePath}/comments`, { body: 'Ask PS about sizing', internal: true }));
    expect((await ok<WaitingIssues>('still', tam.get('/api/v1/customer-issues/waiting'))).items).toHaveLength(
      1,
    );
    const seen = PortalIssue.parse(await portal.getIssue(caller(), project.id, opened.number));
    expect(seen.comments).toEqual([]);
    expect(JSON.stringify(seen)).not.toContain('Ask PS about sizing');

    app.setNow('2026-03-05T12:00:00.000Z');
    await ok('answer', tam.post(`${issuePath}/comments`, { body: 'One runner per 10 teams.' }));
    expect((await ok<WaitingIssues>('none', tam.get('/api/v1/customer-issues/waiting'))).items).toEqual([]);
    const after = await ok<{ items: TaskListItem[] }>('tasks', tam.get('/api/v1/tasks?owner=me'));
    expect(responses(after.items, account.id)).toEqual([]);
    const issue = await ok<ProjectIssue>('issue', tam.get(issuePath));
    expect(issue.response).toMatchObject({
      firstResponseHours: 75,
      firstResponseBusinessDays: 3.13,
      waitingSince: null,
    });
    const figure = await ok<AccountProjects>('account', tam.get(`/api/v1/accounts/${account.id}/projects`));
    expect(figure.responsiveness).toMatchObject({
      medianFirstResponseHours: 75,
      answered: 1,
      waiting: 0,
      colour: 'red',
      healthMeasure: false,
    });

    // The customer follows up: the follow-up SLA (3 business days) and the TAM is told again.
    app.setNow('2026-03-05T13:00:00.000Z');
    const followed = await portal.comment(caller(), project.id, opened.number, {
      body: 'Thanks! And for Geo?',
    });
    expect(followed.comments.map((c) => c.author.kind)).toEqual(['staff', 'contact']);
    const again = await ok<WaitingIssues>('again', tam.get('/api/v1/customer-issues/waiting'));
    expect(again.items[0]).toMatchObject({ dueAt: '2026-03-10T13:00:00.000Z' });
    const history = await ok<{ items: { actor: { type: string } }[] }>(
      'history',
      f.admin.get(`/api/v1/accounts/${account.id}/history?entityType=project_comment`),
    );
    expect(history.items[0]!.actor.type).toBe('contact');

    // Turned on in the playbook, responsiveness is a health measure of the account (off by default).
    const offByDefault = await ok<{ health: { measures: { measure: string }[] } }>(
      'assessment',
      tam.get(`/api/v1/accounts/${account.id}/assessment`),
    );
    expect(offByDefault.health.measures.map((m) => m.measure)).not.toContain('responsiveness');
    const current = await ok<{ playbook: any; version: number }>('playbook', f.admin.get('/api/v1/playbook'));
    const playbook = structuredClone(current.playbook);
    playbook.projects.responsiveness.healthMeasure = true;
    await ok('apply', f.admin.put('/api/v1/playbook', { playbook, version: current.version }));
    const turnedOn = await ok<{ health: { measures: { measure: string; colour: string | null }[] } }>(
      'assessment',
      tam.get(`/api/v1/accounts/${account.id}/assessment`),
    );
    expect(turnedOn.health.measures.find((m) => m.measure === 'responsiveness')).toMatchObject({
      colour: 'red',
    });
    // From now on an answer is an input like any other: the stored assessment is recomputed in
    // its transaction (off, nothing is: the measure is not part of health).
    const assessedAt = async () =>
      (
        await app.database.pool.query<{ at: string }>(
          'SELECT assessed_at::text AS at FROM account_assessments WHERE account_id = $1',
          [account.id],
        )
      ).rows[0]!.at;
    const before = await assessedAt();
    app.setNow('2026-03-05T14:00:00.000Z'); // the same day: no day-rollover refresh
    await ok('answer again', tam.post(`${issuePath}/comments`, { body: 'Geo: one per site.' }));
    expect(await assessedAt()).not.toBe(before);
    await ok(
      'restore',
      f.admin.put('/api/v1/playbook', { playbook: current.playbook, version: current.version + 1 }),
    );
    app.setNow('2026-03-02T09:00:00.000Z');
  });

  it('a customer never reaches another account’s project, issue or attachment', async () => {
    const mine = await customerAccount();
    const theirs = await customerAccount();
    const file = {
      name: 'secret.txt',
      contentType: 'text/plain',
      base64: Buffer.from('s').toString('base64'),
    };
    const attached = await ok<ProjectIssue>(
      'attach',
      theirs.tam.post(`/api/v1/projects/${theirs.project.id}/issues/1/attachments`, { file }),
    );
    const attempts = [
      () => portal.listIssues(mine.caller(), theirs.project.id),
      () => portal.getIssue(mine.caller(), theirs.project.id, 1),
      () => portal.openIssue(mine.caller(), theirs.project.id, { title: 'Hi' }),
      () => portal.comment(mine.caller(), theirs.project.id, 1, { body: 'Hi' }),
      () => portal.attachmentFile(mine.caller(), theirs.project.id, attached.attachments[0]!.id),
      () => portal.attachmentFile(mine.caller(), mine.project.id, attached.attachments[0]!.id),
      // A contact of another account claiming this account.
      () => portal.listProjects({ ...mine.caller(), contactId: theirs.contact.id }),
      () =>
        portal.openIssue({ ...mine.caller(), contactId: theirs.contact.id }, mine.project.id, {
          title: 'Hi',
        }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const own = PortalIssueList.parse(await portal.listIssues(mine.caller(), mine.project.id));
    expect(own.items.map((i) => i.title)).toContain('Welcome call');
    const theirsIssues = await ok<{ items: unknown[] }>(
      'theirs',
      theirs.tam.get(`/api/v1/projects/${theirs.project.id}/issues?state=all`),
    );
    expect(theirsIssues.items.length).toBe(own.items.length); // nothing was added to theirs
  });

  it('portal payloads carry only the portal contract’s fields, none of the staff’s', async () => {
    const { tam, project, caller } = await customerAccount();
    await ok(
      'note',
      tam.post(`/api/v1/projects/${project.id}/issues/1/comments`, { body: 'internal', internal: true }),
    );
    const payloads = [
      [PortalProjectList, await portal.listProjects(caller())],
      [PortalIssueList, await portal.listIssues(caller(), project.id)],
      [PortalIssue, await portal.getIssue(caller(), project.id, 1)],
    ] as const;
    const staffOnly =
      /"(internal|version|owner|templateVersion|externalId|source|response|accountId|userId|contactId|arr|health|priority)":/;
    for (const [schema, payload] of payloads) {
      expect(schema.parse(payload)).toEqual(payload); // strict: an extra field fails
      expect(JSON.stringify(payload)).not.toMatch(staffOnly);
    }
  });
});
