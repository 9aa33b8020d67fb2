import type { ThreadPost } from '@liaison/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';
import type { IssueRow } from './issues.store.ts';

// Lists of issues with what response tracking needs (every post's instant, author kind and
// whether it is an internal note), the cross-account "waiting on me" candidates, and the
// upgrade rule's accounts (docs/projects.md). A customer's post is their issue, a comment or a
// file they attached (the screenshot asked for); staff's file alone is never an answer.

export type IssueListRow = IssueRow & {
  commentCount: number;
  posts: ThreadPost[] | null;
  milestoneTitle: string | null;
  assigneeName: string | null;
};

export interface IssueFilters {
  state: 'open' | 'closed' | 'all';
  label?: string | undefined;
  milestoneId?: string | undefined;
  /** A staff user id, or `none` for unassigned. */
  assignee?: string | undefined;
  search?: string | undefined;
  /** The portal: internal notes are not counted. */
  publicOnly?: boolean;
}

/** The issue's own post (its opening), every comment and every customer's file, in time order, as JSON. */
const postsOf = (issue: string) => sql`(
  SELECT jsonb_agg(p ORDER BY p.at) FROM (
    SELECT to_char(${sql.raw(issue)}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
           CASE WHEN ${sql.raw(issue)}.author_kind = 'contact' THEN 'customer' ELSE 'staff' END AS by,
           false AS internal
    UNION ALL
    SELECT to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           CASE WHEN c.author_kind = 'contact' THEN 'customer' ELSE 'staff' END, c.internal
      FROM project_comments c WHERE c.issue_id = ${sql.raw(issue)}.id
    UNION ALL
    SELECT to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'customer', false
      FROM project_attachments f WHERE f.issue_id = ${sql.raw(issue)}.id AND f.author_kind = 'contact'
  ) p)`;

/** The customers' posts after the issue's opening: their public comments and their files. */
const customerPostsOf = (issue: string) => sql`(
  SELECT c.created_at AS at, c.author_name AS name FROM project_comments c
   WHERE c.issue_id = ${sql.raw(issue)}.id AND c.author_kind = 'contact'
  UNION ALL
  SELECT f.created_at, f.author_name FROM project_attachments f
   WHERE f.issue_id = ${sql.raw(issue)}.id AND f.author_kind = 'contact')`;

const issueColumns = sql`i.id, i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt",
  i.account_id AS "accountId", i.project_id AS "projectId", i.external_id AS "externalId", i.source,
  i.author_kind AS "authorKind", i.author_user_id AS "authorUserId", i.author_contact_id AS "authorContactId",
  i.author_name AS "authorName", i.number, i.title, i.description, i.state, i.labels,
  i.milestone_id AS "milestoneId", i.assignee_user_id AS "assigneeUserId",
  i.assignee_contact_id AS "assigneeContactId", i.recurs_from AS "recursFrom", i.closed_at AS "closedAt"`;

export async function listIssues(
  executor: Executor,
  projectId: string,
  filters: IssueFilters,
  onlyIssueId?: string,
): Promise<IssueListRow[]> {
  const conditions: SQL[] = [sql`i.project_id = ${projectId}`];
  if (onlyIssueId) conditions.push(sql`i.id = ${onlyIssueId}`);
  if (filters.state !== 'all') conditions.push(sql`i.state = ${filters.state}`);
  if (filters.label) conditions.push(sql`${filters.label} = ANY(i.labels)`);
  if (filters.milestoneId) conditions.push(sql`i.milestone_id = ${filters.milestoneId}`);
  if (filters.assignee === 'none')
    conditions.push(sql`i.assignee_user_id IS NULL AND i.assignee_contact_id IS NULL`);
  else if (filters.assignee) conditions.push(sql`i.assignee_user_id = ${filters.assignee}`);
  if (filters.search) {
    const like = `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(i.title ILIKE ${like} OR i.description ILIKE ${like})`);
  }
  const result = await executor.execute<IssueListRow & Record<string, unknown>>(sql`
    SELECT ${issueColumns},
      (SELECT count(*)::int FROM project_comments c
         WHERE c.issue_id = i.id ${filters.publicOnly ? sql`AND NOT c.internal` : sql``}) AS "commentCount",
      ${postsOf('i')} AS posts,
      m.title AS "milestoneTitle",
      COALESCE(u.name, ct.name) AS "assigneeName"
    FROM project_issues i
    LEFT JOIN project_milestones m ON m.id = i.milestone_id
    LEFT JOIN users u ON u.id = i.assignee_user_id
    LEFT JOIN contacts ct ON ct.id = i.assignee_contact_id
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY i.number DESC
    LIMIT 500`);
  return result.rows;
}

export type WaitingRow = IssueListRow & {
  accountName: string;
  responsibleUserId: string | null;
  responsibleName: string | null;
  lastCustomer: string | null;
};

/**
 * Open issues where a customer wrote after the last public staff post: who answers is the staff
 * assignee, else the project's owner. `responsibleUserId` null: everyone's.
 */
export async function waitingIssues(
  executor: Executor,
  responsibleUserId: string | null,
): Promise<WaitingRow[]> {
  const result = await executor.execute<WaitingRow & Record<string, unknown>>(sql`
    WITH open_issues AS (
      SELECT i.*, COALESCE(i.assignee_user_id, p.owner_user_id) AS responsible_user_id
        FROM project_issues i JOIN projects p ON p.id = i.project_id
       WHERE i.state = 'open'
    ), last_staff AS (
      SELECT o.id, GREATEST(
          CASE WHEN o.author_kind = 'staff' THEN o.created_at END,
          (SELECT max(c.created_at) FROM project_comments c
            WHERE c.issue_id = o.id AND c.author_kind = 'staff' AND NOT c.internal)) AS at
        FROM open_issues o
    )
    SELECT ${issueColumns}, 0 AS "commentCount", ${postsOf('i')} AS posts, null AS "milestoneTitle",
      null AS "assigneeName", a.name AS "accountName", i.responsible_user_id AS "responsibleUserId",
      u.name AS "responsibleName",
      (SELECT c.name FROM ${customerPostsOf('i')} c ORDER BY c.at DESC LIMIT 1) AS "lastCustomer"
      FROM open_issues i
      JOIN last_staff s ON s.id = i.id
      JOIN accounts a ON a.id = i.account_id
      LEFT JOIN users u ON u.id = i.responsible_user_id
     WHERE (${responsibleUserId}::uuid IS NULL OR i.responsible_user_id = ${responsibleUserId}::uuid)
       AND ((i.author_kind = 'contact' AND s.at IS NULL)
         OR EXISTS (SELECT 1 FROM ${customerPostsOf('i')} c WHERE s.at IS NULL OR c.at > s.at))
     ORDER BY i.created_at
     LIMIT 1000`);
  return result.rows;
}

/**
 * The issues of the account aliased `account`, each with its state and posts, as JSON (null
 * without any): what the responsiveness health measure reads (the assessments' facts loader).
 */
export const accountThreadsJson = (account: string) => sql`(
  SELECT json_agg(json_build_object('state', i.state, 'posts', ${postsOf('i')}))
    FROM project_issues i WHERE i.account_id = ${sql.identifier(account)}.id)`;

/** Every issue of an account's projects with its posts: the account's responsiveness. */
export async function accountThreads(executor: Executor, accountId: string) {
  const result = await executor.execute<{ state: 'open' | 'closed'; posts: ThreadPost[] }>(
    sql`SELECT i.state, ${postsOf('i')} AS posts FROM project_issues i WHERE i.account_id = ${accountId}`,
  );
  return result.rows;
}

/**
 * Seed 001's upgrade rule: the accounts whose TAM (now) is `userId`, that closed a tier upgrade
 * won, whose stored gemstone is one of `gemstones`, and that have no project yet; with the day
 * the upgrade closed (the clock of the check).
 */
export async function upgradeChecks(
  executor: Executor,
  userId: string,
  gemstones: readonly string[],
  now: Date,
): Promise<{ accountId: string; accountName: string; closedOn: string }[]> {
  const result = await executor.execute<{ accountId: string; accountName: string; closedOn: string }>(sql`
    SELECT a.id AS "accountId", a.name AS "accountName", to_char(max(o.close_date), 'YYYY-MM-DD') AS "closedOn"
      FROM accounts a
      JOIN team_assignments t ON t.account_id = a.id AND t.role = 'tam' AND t.user_id = ${userId}
           AND ${heldAt(now, 't')}
      JOIN account_assessments s ON s.account_id = a.id
      JOIN opportunities o ON o.account_id = a.id AND o.type = 'tier_upgrade' AND o.stage = 'closed_won'
     WHERE s.gemstone IN (${sql.join(
       gemstones.map((g) => sql`${g}`),
       sql`, `,
     )})
       AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.account_id = a.id)
     GROUP BY a.id, a.name`);
  return result.rows;
}

/** Staff users' names by id (owners, assignees), and whether each may still be given work. */
export async function staffNames(executor: Executor, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, string>();
  const result = await executor.execute<{ id: string; name: string }>(
    sql`SELECT id, name FROM users WHERE id IN (${sql.join(
      wanted.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(result.rows.map((row) => [row.id, row.name]));
}
