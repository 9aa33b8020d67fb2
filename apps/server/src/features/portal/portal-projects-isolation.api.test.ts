import {
  type AccountProjects,
  PortalIssue,
  PortalIssueList,
  PortalProjectList,
  type ProjectIssue,
} from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { factories, ok, type Staff } from '../../../test/factories.ts';
import { buildCustomer, type PortalClient } from '../../../test/portal-client.ts';
import { routeTable } from '../../../test/shape/routes.ts';
import { createTestApp } from '../../../test/test-app.ts';

// Customers of two accounts in the portal (docs/portal.md, docs/projects.md): every portal route,
// aimed with the other account's project, issue and attachment ids, reads and writes nothing —
// 404, as for ids that do not exist — and every answer a customer gets is exactly its contract's
// fields (strict), with no internal note and nothing staff-only.

const app = await createTestApp();
const f = factories(app);
const tamA = await f.buildUser({ roles: ['tam'], name: 'Alma Ames' });
const tamB = await f.buildUser({ roles: ['tam'], name: 'Bruno Bell' });
const accountA = await f.buildAccount({ name: 'Alpha Analytics', arr: 750_000, team: { tam: tamA.user } });
const accountB = await f.buildAccount({ name: 'Beta Biotech', arr: 120_000, team: { tam: tamB.user } });
const customerA = await buildCustomer(app, accountA, 'Ada Alpha');
const customerB = await buildCustomer(app, accountB, 'Ben Beta');

/** The account's project with a customer question, an internal note, a staff answer and a file. */
async function seeded(accountId: string, tam: Staff, customer: PortalClient, secret: string) {
  await ok('project', f.admin.post(`/api/v1/accounts/${accountId}/projects`, {}));
  const { items } = await ok<AccountProjects>(
    'projects',
    f.admin.get(`/api/v1/accounts/${accountId}/projects`),
  );
  const project = items[0]!;
  const asked = await ok<PortalIssue>(
    'ask',
    customer.post(`/api/v1/portal/projects/${project.id}/issues`, {
      title: 'Runner sizing?',
      labels: ['question'],
    }),
  );
  await ok(
    'note',
    tam.post(`/api/v1/projects/${project.id}/issues/${asked.number}/comments`, {
      body: secret,
      internal: true,
    }),
  );
  await ok(
    'answer',
    tam.post(`/api/v1/projects/${project.id}/issues/${asked.number}/comments`, { body: 'Four runners.' }),
  );
  const file = {
    name: 'sizing.txt',
    contentType: 'text/plain',
    base64: Buffer.from('sizing').toString('base64'),
  };
  const withFile = await ok<ProjectIssue>(
    'attach',
    tam.post(`/api/v1/projects/${project.id}/issues/${asked.number}/attachments`, { file }),
  );
  return { projectId: project.id, number: asked.number, attachmentId: withFile.attachments[0]!.id };
}

const a = await seeded(accountA.id, tamA, customerA.client, 'A-internal: budget is tight');
const b = await seeded(accountB.id, tamB, customerB.client, 'B-internal: renewal at risk');
const portalRows = routeTable.filter((row) => row.guard === 'customer');

/** Account B's issues, comments, files and history, counted: a write through A's session must change nothing. */
async function bCounts() {
  const { rows } = await app.database.pool.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM project_issues WHERE project_id = $1) AS issues,
            (SELECT count(*)::int FROM project_comments c JOIN project_issues i ON i.id = c.issue_id
             WHERE i.project_id = $1) AS comments,
            (SELECT count(*)::int FROM project_attachments WHERE project_id = $1) AS attachments,
            (SELECT count(*)::int FROM history WHERE account_id = $2) AS history`,
    [b.projectId, accountB.id],
  );
  return rows[0]!;
}

const staffOnly =
  /"(internal|version|owner|ownerUserId|templateVersion|externalId|source|accountId|userId|health|priority|arr|tier|assessment|response|sentiment)":/;

describe('a customer aiming at another account’s project', () => {
  it.each(portalRows.filter((row) => row.route.includes(':id')).map((row) => [row.route, row] as const))(
    '%s: 404, nothing read or written',
    async (route, row) => {
      const [method, path] = route.split(' ') as [string, string];
      const url = path
        .replace(':id', b.projectId)
        .replace(':number', String(b.number))
        .replace(':attachmentId', b.attachmentId);
      const before = await bCounts();
      const { body } =
        row.request?.({ id: b.projectId, accountId: accountB.id, userId: b.attachmentId, version: 1 }) ?? {};
      const response = await customerA.client.send(method, url, body);
      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toMatch(/Beta|Runner sizing|Four runners|sizing\.txt/);
      expect(await bCounts()).toEqual(before);
    },
  );

  it('also with its own project id and the other’s issue or file: 404', async () => {
    expect(
      (await customerA.client.get(`/api/v1/portal/projects/${a.projectId}/attachments/${b.attachmentId}`))
        .status,
    ).toBe(404);
    const other = await customerA.client.get(`/api/v1/portal/projects/${b.projectId}/issues`);
    expect(other.status).toBe(404);
  });
});

describe('what a customer reads of their own project', () => {
  it('is exactly the contracts’ fields: no internal note, nothing staff-only, nothing of the other account', async () => {
    const projects = await customerA.client.get('/api/v1/portal/projects');
    const issues = await customerA.client.get(`/api/v1/portal/projects/${a.projectId}/issues?state=all`);
    const issue = await customerA.client.get(`/api/v1/portal/projects/${a.projectId}/issues/${a.number}`);
    expect(PortalProjectList.safeParse(projects.body).error).toBeUndefined();
    expect(PortalIssueList.safeParse(issues.body).error).toBeUndefined();
    expect(PortalIssue.safeParse(issue.body).error).toBeUndefined();
    expect(issue.body.comments.map((comment: { body: string }) => comment.body)).toEqual(['Four runners.']);
    for (const answer of [projects.body, issues.body, issue.body]) {
      const text = JSON.stringify(answer);
      expect(text).not.toMatch(staffOnly);
      expect(text).not.toMatch(/internal: budget|renewal at risk|Beta Biotech|750000|750,000/);
    }
    const file = await customerA.client.get(
      `/api/v1/portal/projects/${a.projectId}/attachments/${a.attachmentId}`,
    );
    expect(file.status).toBe(200);
    expect(String(file.body)).toBe('sizing');
  });
});
