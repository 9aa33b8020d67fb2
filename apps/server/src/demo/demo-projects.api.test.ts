import type { WaitingIssues } from '@liaison/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { httpClient } from '../../test/http-client.ts';
import { demoAdminSession, rows, seededDemoDatabase } from './demo-seed.test-helpers.ts';

// Collaboration projects in the demo (docs/projects.md, In the demo): post-sales projects of the
// demo TAMs with customers' questions — one past its SLA — and the demo SA's pre-sales project.
const seeded = await seededDemoDatabase();

describe('collaboration projects on the demo book', () => {
  const session = demoAdminSession(seeded);

  it('has pre- and post-sales projects and a customer waiting past the SLA', async () => {
    const projects = await rows<{ phase: string; owner: string }>(
      seeded.database.db,
      sql`SELECT p.phase, u.email AS owner FROM projects p JOIN users u ON u.id = p.owner_user_id ORDER BY u.email`,
    );
    expect(projects.map((p) => p.phase).sort()).toEqual([
      'post_sales',
      'post_sales',
      'post_sales',
      'pre_sales',
    ]);
    const response = await httpClient(session.app().http).get(
      '/api/v1/customer-issues/waiting?responsible=all',
      {
        cookie: session.cookie(),
      },
    );
    expect(response.status).toBe(200);
    const waiting = (response.body as WaitingIssues).items;
    expect(waiting.filter((item) => item.overdue)).toHaveLength(1);
    expect(waiting.filter((item) => !item.overdue)).toHaveLength(1);
  });

  it('numbers the next issue after the seeded ones (a new issue must not collide with #1)', async () => {
    const projects = await rows<{ next: number; last: number }>(
      seeded.database.db,
      sql`SELECT p.next_issue_number AS next, max(i.number) AS last
          FROM projects p JOIN project_issues i ON i.project_id = p.id GROUP BY p.id`,
    );
    expect(projects.length).toBeGreaterThan(0);
    for (const project of projects) expect(project.next).toBe(project.last + 1);
  });
});
