import type {
  CreateCommentRequest,
  CreateIssueRequest,
  IssueListQuery,
  ProjectIssue,
  ProjectIssueSummary,
  UpdateIssueRequest,
  UploadAttachmentRequest,
} from '@liaison/contracts';
import { notFound, type ResponseSla } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import {
  type AccountChangedHook,
  isTeamMember,
  lockOwnedRecord,
  requireEditableAccount,
} from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { checkVersion, versionRequired } from '../../kernel/versioning.ts';
import { policies } from '../../policies/policies.ts';
import { closeIssue, insertAttachment } from './issue-parts.ts';
import { issuesStore } from './issues.store.ts';
import type { PlaybookSource } from './project-access.ts';
import { reassessWhenMeasured } from './project-health.ts';
import { checkIssueReferences, insertComment, insertIssue, requireIssue } from './project-writes.ts';
import { issueSnapshot, presentIssue, presentIssueSummary } from './projects.presenter.ts';
import { listIssues } from './projects.read-model.ts';
import { projectsStore } from './projects.store.ts';

/**
 * A public staff answer on an issue, for the customers taking part in it (the portal e-mails
 * them: docs/portal.md). Called in the comment's transaction.
 */
export interface StaffReply {
  accountId: string;
  projectId: string;
  issueNumber: number;
  issueTitle: string;
  authorName: string;
  body: string;
  /** The issue's customer author, assignee and commenters. */
  contactIds: string[];
  now: Date;
}

/** Staff work on a project's issues (docs/projects.md). */
export function createIssuesService(
  db: Database,
  options: {
    playbook: PlaybookSource;
    onStaffReply?: (executor: Executor, reply: StaffReply) => Promise<void>;
    onAccountChanged?: AccountChangedHook;
  },
) {
  const measured = reassessWhenMeasured(options.playbook, options.onAccountChanged);
  const sla = async (executor: Executor): Promise<ResponseSla> =>
    (await options.playbook.active(executor)).playbook.projects.responseSla;

  async function requireProject(executor: Executor, id: string) {
    const project = await projectsStore.findById(executor, id);
    if (!project) throw notFound('Project', id);
    return project;
  }

  /** The account, then the project, locked for a write by someone who may edit the account. */
  function lockProject(tx: Executor, context: RequestContext, projectId: string) {
    return lockOwnedRecord(tx, 'Project', projectId, projectsStore, (accountId) =>
      requireEditableAccount(tx, context, accountId),
    );
  }

  async function read(executor: Executor, context: RequestContext, projectId: string, number: number) {
    const issue = await requireIssue(executor, projectId, number);
    const [row] = await listIssues(executor, projectId, { state: 'all' }, issue.id);
    const canEdit = policies.editAccount(
      context.user,
      await isTeamMember(executor, context, issue.accountId),
    );
    return presentIssue(
      row!,
      {
        comments: await issuesStore.listComments(executor, [issue.id]),
        attachments: await issuesStore.listAttachments(executor, issue.id),
        canEdit,
      },
      await sla(executor),
      context.now,
    );
  }

  const staff = (context: RequestContext) => ({
    kind: 'staff' as const,
    id: context.user.id,
    name: context.user.name,
  });

  return {
    async list(
      context: RequestContext,
      projectId: string,
      query: IssueListQuery,
    ): Promise<ProjectIssueSummary[]> {
      await requireProject(db, projectId);
      const rows = await listIssues(db, projectId, {
        ...query,
        assignee: query.assignee === 'me' ? context.user.id : query.assignee,
      });
      const terms = await sla(db);
      const items = rows.map((row) => presentIssueSummary(row, terms, context.now));
      return query.waiting ? items.filter((item) => item.response.waitingSince !== null) : items;
    },

    async get(context: RequestContext, projectId: string, number: number): Promise<ProjectIssue> {
      await requireProject(db, projectId);
      return read(db, context, projectId, number);
    },

    async create(
      context: RequestContext,
      projectId: string,
      input: CreateIssueRequest,
    ): Promise<ProjectIssue> {
      return db.transaction(async (tx) => {
        const { current: project } = await lockProject(tx, context, projectId);
        const fields = {
          title: input.title,
          description: input.description ?? '',
          labels: [...new Set(input.labels ?? [])],
          milestoneId: input.milestoneId ?? null,
          assigneeUserId: input.assigneeUserId ?? null,
          assigneeContactId: input.assigneeContactId ?? null,
        };
        await checkIssueReferences(tx, project, fields);
        const issue = await insertIssue(tx, context, project, fields, staff(context));
        return read(tx, context, projectId, issue.number);
      });
    },

    async update(
      context: RequestContext,
      projectId: string,
      number: number,
      input: UpdateIssueRequest,
      version: number | undefined,
    ): Promise<ProjectIssue> {
      if (version === undefined) throw versionRequired();
      return db.transaction(async (tx) => {
        const { current: project } = await lockProject(tx, context, projectId);
        const current = await requireIssue(tx, projectId, number, true);
        checkVersion('Issue', `#${number}`, version, current.version);
        const { version: _read, ...changes } = input;
        if (changes.labels) changes.labels = [...new Set(changes.labels)];
        // A staff assignee replaces a contact and the other way round: one assignee at a time.
        if (changes.assigneeUserId) changes.assigneeContactId ??= null;
        if (changes.assigneeContactId) changes.assigneeUserId ??= null;
        await checkIssueReferences(tx, project, changes);
        const closing = changes.state === 'closed' && current.state === 'open';
        const reopening = changes.state === 'open' && current.state === 'closed';
        const row = await issuesStore.update(
          tx,
          current.id,
          {
            ...changes,
            ...(closing ? { closedAt: context.now.toISOString() } : {}),
            ...(reopening ? { closedAt: null } : {}),
          },
          context.now,
        );
        await recordChanges(tx, context, [
          {
            accountId: row.accountId,
            entityType: 'project_issue',
            entityId: row.id,
            before: issueSnapshot(current),
            after: issueSnapshot(row),
          },
        ]);
        if (closing) await closeIssue(tx, context, project, row, staff(context));
        if (closing || reopening) await measured(tx, row.accountId, context.now);
        return read(tx, context, projectId, number);
      });
    },

    async comment(
      context: RequestContext,
      projectId: string,
      number: number,
      input: CreateCommentRequest,
    ): Promise<ProjectIssue> {
      return db.transaction(async (tx) => {
        await lockProject(tx, context, projectId);
        const issue = await requireIssue(tx, projectId, number, true);
        await insertComment(
          tx,
          context,
          issue,
          { body: input.body, internal: input.internal },
          staff(context),
        );
        if (!input.internal) await measured(tx, issue.accountId, context.now);
        // An internal note is never news for the customer; an answer is.
        if (!input.internal && options.onStaffReply) {
          const comments = await issuesStore.listComments(tx, [issue.id], true);
          const contactIds = [
            issue.authorContactId,
            issue.assigneeContactId,
            ...comments.map((c) => c.authorContactId),
          ];
          await options.onStaffReply(tx, {
            accountId: issue.accountId,
            projectId,
            issueNumber: issue.number,
            issueTitle: issue.title,
            authorName: context.user.name,
            body: input.body,
            contactIds: [...new Set(contactIds.filter((id): id is string => id !== null))],
            now: context.now,
          });
        }
        return read(tx, context, projectId, number);
      });
    },

    async attach(
      context: RequestContext,
      projectId: string,
      number: number,
      input: UploadAttachmentRequest,
    ): Promise<ProjectIssue> {
      return db.transaction(async (tx) => {
        await lockProject(tx, context, projectId);
        const issue = await requireIssue(tx, projectId, number, true);
        // Staff's file is never an answer: the customer waits until a public comment.
        await insertAttachment(tx, context, issue, input.file, staff(context));
        return read(tx, context, projectId, number);
      });
    },

    async file(_context: RequestContext, projectId: string, attachmentId: string) {
      const row = await issuesStore.attachmentFile(db, projectId, attachmentId);
      if (!row) throw notFound('Attachment', attachmentId);
      return row;
    },
  };
}

export type IssuesService = ReturnType<typeof createIssuesService>;
