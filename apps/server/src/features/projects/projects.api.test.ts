import type { AccountProjects, Project, ProjectIssue, TaskListItem } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories, ok } from '../../../test/factories.ts';
import { createTestApp } from '../../../test/test-app.ts';

// The staff side of collaboration projects (docs/projects.md): created from the playbook's
// template by the SA in pre-sales, moved to post-sales under the TAM at closed-won, issues with
// internal notes and attachments, a later playbook changing new projects only.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' }); // a Monday
const f = factories(app);
const admin = f.admin;

async function teamAccount(fields: Record<string, unknown> = {}) {
  const sa = await f.buildUser({ roles: ['sa'], name: `Ada SA ${Math.random()}` });
  const tam = await f.buildUser({ roles: ['tam'], name: `Tia TAM ${Math.random()}` });
  const sal = await f.buildUser({ roles: ['sal'] });
  const account = await f.buildAccount({
    name: `Acme ${Math.random().toString(36).slice(2, 8)}`,
    relationshipStage: 'opportunity',
    team: { sa: sa.user, tam: tam.user, sal: sal.user },
    ...fields,
  });
  return { sa, tam, sal, account };
}

describe('collaboration projects', () => {
  it('the SA creates a pre-sales project from the Enterprise template; closed-won moves it to the TAM', async () => {
    const { sa, tam, account } = await teamAccount();
    await f.buildSuccessPlan(account, { objectives: ['CI for 40 teams'] });
    const before = await ok<AccountProjects>('list', sa.get(`/api/v1/accounts/${account.id}/projects`));
    expect(before).toMatchObject({ items: [], canCreate: true, template: { key: 'enterprise' } });

    const project = await ok<Project>('create', sa.post(`/api/v1/accounts/${account.id}/projects`, {}));
    expect(project).toMatchObject({
      phase: 'pre_sales',
      owner: { userId: sa.user.id },
      templateKey: 'enterprise',
      templateVersion: 0,
      can: { edit: true },
      source: 'liaison',
      externalId: null,
    });
    expect(project.readme).toContain(`# ${account.name} and our collaboration project`);
    expect(project.readme).toContain('- CI for 40 teams');
    expect(project.readmeHtml).toContain('<h1>');
    expect(project.labels.map((l) => l.name)).toEqual(
      expect.arrayContaining(['question', 'feature request']),
    );
    expect(project.milestones.map((m) => m.title)).toContain('Kick-off');
    const again = await sa.post(`/api/v1/accounts/${account.id}/projects`, {});
    expect(again.status).toBe(409);

    const issues = await ok<{ items: ProjectIssue[] }>(
      'issues',
      sa.get(`/api/v1/projects/${project.id}/issues`),
    );
    const welcome = issues.items.find((i) => i.title === 'Welcome call')!;
    expect(welcome).toMatchObject({ assignee: { userId: sa.user.id }, milestone: { title: 'Kick-off' } });
    expect(issues.items.map((i) => i.title)).toContain('Meeting agenda');

    const opportunity = await f.buildOpportunity(account, { type: 'new_business', stage: 'negotiating' });
    await ok(
      'won',
      admin.patch(`/api/v1/opportunities/${opportunity.id}`, {
        stage: 'closed_won',
        gateReason: 'Signed early',
        version: opportunity.version,
      }),
    );
    const moved = await ok<Project>('moved', tam.get(`/api/v1/projects/${project.id}`));
    expect(moved).toMatchObject({ phase: 'post_sales', owner: { userId: tam.user.id }, version: 2 });
    // The TAM leads the Welcome call from now on: the SA's open issues follow the project.
    const handed = await ok<ProjectIssue>(
      'welcome',
      tam.get(`/api/v1/projects/${project.id}/issues/${welcome.number}`),
    );
    expect(handed.assignee).toMatchObject({ userId: tam.user.id });
    const history = await ok<{ items: { operation: string; changes: { field: string }[] }[] }>(
      'history',
      admin.get(`/api/v1/accounts/${account.id}/history?entityType=project`),
    );
    expect(history.items[0]!.changes.map((c) => c.field)).toEqual(
      expect.arrayContaining(['phase', 'ownerUserId', 'postSalesAt']),
    );
  });

  it('a later playbook changes new projects only', async () => {
    const first = await teamAccount();
    const kept = await ok<Project>(
      'first',
      first.sa.post(`/api/v1/accounts/${first.account.id}/projects`, {}),
    );
    const current = await ok<{ playbook: any; version: number }>('playbook', admin.get('/api/v1/playbook'));
    const playbook = structuredClone(current.playbook);
    playbook.projects.templates[0].readme = '# {{customer}}: the new README';
    playbook.projects.templates[0].issues.push({ title: 'Architecture review', description: 'Yearly.' });
    await ok('apply', admin.put('/api/v1/playbook', { playbook, version: current.version }));

    const second = await teamAccount();
    const fresh = await ok<Project>(
      'second',
      second.sa.post(`/api/v1/accounts/${second.account.id}/projects`, {}),
    );
    expect(fresh.readme).toBe(`# ${second.account.name}: the new README`);
    expect(fresh.templateVersion).toBe(current.version + 1);
    const freshIssues = await ok<{ items: ProjectIssue[] }>(
      'i',
      admin.get(`/api/v1/projects/${fresh.id}/issues`),
    );
    expect(freshIssues.items.map((i) => i.title)).toContain('Architecture review');

    const old = await ok<Project>('old', admin.get(`/api/v1/projects/${kept.id}`));
    expect(old.readme).toBe(kept.readme);
    expect(old.templateVersion).toBe(kept.templateVersion);
    const oldIssues = await ok<{ items: ProjectIssue[] }>(
      'i',
      admin.get(`/api/v1/projects/${kept.id}/issues`),
    );
    expect(oldIssues.items.map((i) => i.title)).not.toContain('Architecture review');
    await ok(
      'restore',
      admin.put('/api/v1/playbook', { playbook: current.playbook, version: current.version + 1 }),
    );
  });

  it('issues: labels, milestones, internal notes, attachments, a recurring agenda; bad input is a 4xx', async () => {
    const { tam, account } = await teamAccount({ relationshipStage: 'customer', segment: 'smb' });
    const project = await ok<Project>('create', tam.post(`/api/v1/accounts/${account.id}/projects`, {}));
    expect(project).toMatchObject({
      phase: 'post_sales',
      templateKey: 'commercial',
      owner: { userId: tam.user.id },
    });
    const base = `/api/v1/projects/${project.id}/issues`;
    const issue = await ok<ProjectIssue>(
      'issue',
      tam.post(base, { title: 'Runner sizing', description: '**How many** runners?', labels: ['question'] }),
    );
    expect(issue).toMatchObject({ number: 3, labels: ['question'], author: { kind: 'staff' } });
    expect(issue.descriptionHtml).toContain('<strong>How many</strong>');

    const unknownLabel = await tam.post(base, { title: 'x', labels: ['urgent'] });
    expect(unknownLabel.status).toBe(422);
    expect(unknownLabel.body.error.details[0].path).toBe('body.labels.0');
    expect((await tam.post(base, { title: '' })).status).toBe(400);
    expect((await tam.get(`${base}/0`)).status).toBe(400);
    expect((await tam.get(`${base}/999`)).status).toBe(404);
    expect((await tam.patch(`${base}/3`, { title: 'No version' })).status).toBe(428);
    expect((await tam.patch(`${base}/3`, { title: 'Stale', version: 7 })).status).toBe(409);

    const noted = await ok<ProjectIssue>(
      'note',
      tam.post(`${base}/3/comments`, { body: 'Check their licence first', internal: true }),
    );
    expect(noted.comments).toMatchObject([{ internal: true, body: 'Check their licence first' }]);

    const file = {
      name: 'sizing.csv',
      contentType: 'text/csv',
      base64: Buffer.from('a,b\n1,2\n').toString('base64'),
    };
    const attached = await ok<ProjectIssue>('attach', tam.post(`${base}/3/attachments`, { file }));
    const attachment = attached.attachments[0]!;
    expect(attachment).toMatchObject({ fileName: 'sizing.csv', size: 8 });
    const download = await tam.get(`/api/v1/projects/${project.id}/attachments/${attachment.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    const page = {
      name: 'x.html',
      contentType: 'text/html',
      base64: Buffer.from('<script>1</script>').toString('base64'),
    };
    const html = await ok<ProjectIssue>('html', tam.post(`${base}/3/attachments`, { file: page }));
    const served = await tam.get(`/api/v1/projects/${project.id}/attachments/${html.attachments[1]!.id}`);
    expect(served.headers['content-type']).toBe('application/octet-stream');
    // Over 3 MB: the body's base64 is refused before it is decoded (400), or after (413).
    const big = { ...file, base64: Buffer.alloc(3_000_001).toString('base64') };
    expect([400, 413]).toContain((await tam.post(`${base}/3/attachments`, { file: big })).status);

    const agenda = (await ok<{ items: ProjectIssue[] }>('list', tam.get(base))).items.find(
      (i) => i.title === 'Meeting agenda',
    )!;
    await ok('close', tam.patch(`${base}/${agenda.number}`, { state: 'closed', version: agenda.version }));
    const open = await ok<{ items: ProjectIssue[] }>('open', tam.get(`${base}?label=meeting`));
    expect(open.items.map((i) => i.title)).toContain('Meeting agenda — March 2026');

    const outsider = await f.buildUser({ roles: ['tam'] });
    expect((await outsider.post(base, { title: 'Not mine' })).status).toBe(403);
    expect((await outsider.get(base)).status).toBe(200);
  });

  it('the upgrade rule: Ruby or higher after an upgrade asks the TAM to confirm the project', async () => {
    const { tam, account } = await teamAccount({
      relationshipStage: 'customer',
      arr: 120_000,
      plan: 'premium',
    });
    const upgrade = await f.buildOpportunity(account, {
      type: 'tier_upgrade',
      stage: 'negotiating',
      closeDate: '2026-03-01',
    });
    await ok(
      'won',
      admin.patch(`/api/v1/opportunities/${upgrade.id}`, { stage: 'closed_won', version: upgrade.version }),
    );
    const list = await ok<{ items: TaskListItem[] }>('tasks', tam.get('/api/v1/tasks?owner=me'));
    const check = list.items.find((item) => item.source === 'project_check' && item.accountId === account.id);
    expect(check).toMatchObject({
      dueOn: '2026-03-15',
      title: expect.stringContaining('collaboration project'),
    });
    await ok('create', tam.post(`/api/v1/accounts/${account.id}/projects`, {}));
    const after = await ok<{ items: TaskListItem[] }>('tasks', tam.get('/api/v1/tasks?owner=me'));
    expect(after.items.some((item) => item.source === 'project_check' && item.accountId === account.id)).toBe(
      false,
    );
  });
});
