import { DomainError, notFound } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { AccountRow } from '../../kernel/account-access.ts';
import type { HistoryActor } from '../../kernel/context.ts';
import { recordEvent } from '../../kernel/events.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { type CommentRow, type IssueRow, issuesStore } from './issues.store.ts';
import { commentSnapshot, issueSnapshot } from './projects.presenter.ts';
import { type ProjectRow, projectsStore } from './projects.store.ts';

// What staff writes and portal writes share: opening an issue, commenting, and telling the
// project's people when the customer wrote (docs/projects.md). Callers hold the account's lock.

/** Who writes: a staff member, or a customer contact (through the portal). */
export interface Writer {
  kind: 'staff' | 'contact';
  id: string;
  name: string;
}

/** What a write records with: its actor, instant and request (history's and events' context). */
export interface WriteContext {
  actor: HistoryActor;
  now: Date;
  requestId: string | null;
}

/** The author columns an issue, comment or attachment row keeps of its writer. */
export const authorColumns = (writer: Writer) => ({
  authorKind: writer.kind,
  authorUserId: writer.kind === 'staff' ? writer.id : null,
  authorContactId: writer.kind === 'contact' ? writer.id : null,
  authorName: writer.name,
});

export interface IssueFields {
  title: string;
  description: string;
  labels: string[];
  milestoneId: string | null;
  assigneeUserId: string | null;
  assigneeContactId: string | null;
  recursFrom?: string | null;
}

/** Refuses labels, a milestone or an assignee the project does not know (422, with the field's path). */
export async function checkIssueReferences(
  tx: Executor,
  project: ProjectRow,
  fields: Partial<IssueFields>,
): Promise<void> {
  const details: { path: string; message: string }[] = [];
  if (fields.labels?.length) {
    const known = new Set((await projectsStore.listLabels(tx, project.id)).map((l) => l.name));
    fields.labels.forEach((label, i) => {
      if (!known.has(label))
        details.push({ path: `body.labels.${i}`, message: `"${label}" is not a label of the project` });
    });
  }
  if (fields.milestoneId && !(await projectsStore.findMilestone(tx, project.id, fields.milestoneId)))
    details.push({ path: 'body.milestoneId', message: 'is not a milestone of the project' });
  if (fields.assigneeUserId && fields.assigneeContactId)
    details.push({ path: 'body.assigneeContactId', message: 'give a staff member or a contact, not both' });
  if (
    fields.assigneeUserId &&
    (await referencesStore.existingUserIds(tx, [fields.assigneeUserId])).size === 0
  )
    details.push({ path: 'body.assigneeUserId', message: 'is not a staff user' });
  if (
    fields.assigneeContactId &&
    (await referencesStore.contactIdsOfAccount(tx, project.accountId, [fields.assigneeContactId])).size === 0
  )
    details.push({ path: 'body.assigneeContactId', message: 'is not a contact of the account' });
  if (details.length > 0)
    throw new DomainError(
      'INVALID_REFERENCE',
      details.map((d) => `${d.path} ${d.message}`).join('; '),
      details,
    );
}

export async function insertIssue(
  tx: Executor,
  context: WriteContext,
  project: ProjectRow,
  fields: IssueFields,
  writer: Writer,
): Promise<IssueRow> {
  const number = await projectsStore.takeIssueNumber(tx, project.id);
  const row = await issuesStore.insert(
    tx,
    {
      accountId: project.accountId,
      projectId: project.id,
      number,
      ...fields,
      recursFrom: fields.recursFrom ?? null,
      ...authorColumns(writer),
    },
    context.now,
  );
  await recordChanges(tx, context, [
    {
      accountId: project.accountId,
      entityType: 'project_issue',
      entityId: row.id,
      before: null,
      after: issueSnapshot(row),
    },
  ]);
  return row;
}

export async function insertComment(
  tx: Executor,
  context: WriteContext,
  issue: IssueRow,
  input: { body: string; internal: boolean },
  writer: Writer,
): Promise<CommentRow> {
  // A customer never writes an internal note: the portal cannot ask for one, and this holds it.
  const internal = writer.kind === 'staff' && input.internal;
  const row = await issuesStore.insertComment(
    tx,
    {
      accountId: issue.accountId,
      projectId: issue.projectId,
      issueId: issue.id,
      body: input.body,
      internal,
      ...authorColumns(writer),
    },
    context.now,
  );
  await issuesStore.touch(tx, issue.id, context.now);
  await recordChanges(tx, context, [
    {
      accountId: issue.accountId,
      entityType: 'project_comment',
      entityId: row.id,
      before: null,
      after: commentSnapshot(row),
    },
  ]);
  return row;
}

/**
 * The customer wrote: the person who answers (the staff assignee, else the project's owner) is
 * told, and the playbook's audience (the TAM by default) hears too (docs/notifications.md).
 */
export async function customerWrote(
  tx: Executor,
  context: WriteContext,
  what: {
    account: AccountRow;
    project: ProjectRow;
    issue: IssueRow;
    comment: CommentRow | null;
    writer: Writer;
  },
): Promise<void> {
  const { account, project, issue, comment, writer } = what;
  const responsible = issue.assigneeUserId ?? project.ownerUserId;
  await recordEvent(tx, {
    type: comment ? 'project.comment_added' : 'project.issue_opened',
    now: context.now,
    account: { id: account.id, name: account.name },
    actor: { id: writer.id, name: writer.name },
    title: comment
      ? `${writer.name} (${account.name}) commented on #${issue.number}: ${issue.title}`
      : `${writer.name} (${account.name}) opened #${issue.number}: ${issue.title}`,
    summary: (comment?.body ?? issue.description).slice(0, 280),
    link: `/accounts/${account.id}?tab=project&issue=${issue.number}`,
    recipientIds: responsible ? [responsible] : [],
    data: { projectId: project.id, issueId: issue.id, number: issue.number, commentId: comment?.id ?? null },
  });
}

/** The issue `number` of a project, or 404 (a number of another project is not this one's). */
export async function requireIssue(tx: Executor, projectId: string, number: number, lock = false) {
  const issue = await issuesStore.findByNumber(tx, projectId, number, lock);
  if (!issue) throw notFound('Issue', `#${number}`);
  return issue;
}
