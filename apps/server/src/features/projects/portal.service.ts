import type {
  PortalCreateCommentRequest,
  PortalCreateIssueRequest,
  PortalIssue,
  PortalIssueList,
  PortalProjectList,
  UploadAttachmentRequest,
} from '@liaison/contracts';
import { notFound } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import { type AccountChangedHook, lockAccount } from '../../kernel/account-access.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { insertAttachment } from './issue-parts.ts';
import { issuesStore } from './issues.store.ts';
import { presentPortalIssue, presentPortalIssueSummary, presentPortalProject } from './portal.presenter.ts';
import type { PlaybookSource } from './project-access.ts';
import { reassessWhenMeasured } from './project-health.ts';
import { customerWrote, insertComment, insertIssue, requireIssue, type Writer } from './project-writes.ts';
import { listIssues } from './projects.read-model.ts';
import { projectsStore } from './projects.store.ts';

/**
 * Who calls from the portal: a customer contact of one account, as the portal's sign-in resolved
 * them. Every read and write is scoped to `accountId`: another account's project, issue or
 * attachment is a 404, the same answer as one that does not exist (nothing to probe).
 */
export interface PortalCaller {
  accountId: string;
  contactId: string;
  now: Date;
  requestId: string | null;
}

/** The customer's side of the collaboration project (docs/projects.md, For the portal). */
export function createPortalProjectsService(
  db: Database,
  options: { playbook?: PlaybookSource; onAccountChanged?: AccountChangedHook } = {},
) {
  const measured = options.playbook
    ? reassessWhenMeasured(options.playbook, options.onAccountChanged)
    : async () => {};
  async function writer(executor: Executor, caller: PortalCaller): Promise<Writer> {
    const contact = await referencesStore.contactOfAccount(executor, caller.accountId, caller.contactId);
    if (!contact) throw notFound('Contact', caller.contactId);
    return { kind: 'contact', id: contact.id, name: contact.name };
  }

  /** The project, only when it is the caller's account's. */
  async function projectOf(executor: Executor, caller: PortalCaller, projectId: string, lock = false) {
    const project = lock
      ? await projectsStore.lockById(executor, projectId)
      : await projectsStore.findById(executor, projectId);
    if (!project || project.accountId !== caller.accountId) throw notFound('Project', projectId);
    return project;
  }

  async function read(executor: Executor, projectId: string, number: number): Promise<PortalIssue> {
    const issue = await requireIssue(executor, projectId, number);
    const [row] = await listIssues(executor, projectId, { state: 'all', publicOnly: true }, issue.id);
    return presentPortalIssue(
      row!,
      await issuesStore.listComments(executor, [issue.id], true),
      await issuesStore.listAttachments(executor, issue.id),
    );
  }

  const context = (caller: PortalCaller, who: Writer) => ({
    actor: { type: 'contact' as const, id: who.id, name: who.name },
    now: caller.now,
    requestId: caller.requestId,
  });

  return {
    /** The account's projects: README (rendered), milestones, labels, issue templates. */
    async listProjects(caller: PortalCaller): Promise<PortalProjectList> {
      await writer(db, caller);
      const rows = await projectsStore.listByAccount(db, caller.accountId);
      const items = [];
      for (const row of rows) {
        const counts = await projectsStore.issueCounts(db, row.id);
        items.push(
          presentPortalProject(row, {
            milestones: await projectsStore.listMilestones(db, row.id),
            labels: await projectsStore.listLabels(db, row.id),
            openIssues: counts.filter((c) => c.state === 'open').reduce((sum, c) => sum + c.count, 0),
          }),
        );
      }
      return { items };
    },

    async listIssues(
      caller: PortalCaller,
      projectId: string,
      query: { state?: 'open' | 'closed' | 'all' } = {},
    ): Promise<PortalIssueList> {
      await writer(db, caller);
      await projectOf(db, caller, projectId);
      const rows = await listIssues(db, projectId, { state: query.state ?? 'open', publicOnly: true });
      return { items: rows.map(presentPortalIssueSummary) };
    },

    async getIssue(caller: PortalCaller, projectId: string, number: number): Promise<PortalIssue> {
      await writer(db, caller);
      await projectOf(db, caller, projectId);
      return read(db, projectId, number);
    },

    /** Opens an issue as the contact; the TAM is told and the response clock starts. */
    async openIssue(
      caller: PortalCaller,
      projectId: string,
      input: PortalCreateIssueRequest,
    ): Promise<PortalIssue> {
      return db.transaction(async (tx) => {
        const who = await writer(tx, caller);
        const account = await lockAccount(tx, caller.accountId);
        const project = await projectOf(tx, caller, projectId, true);
        // Only the project's labels are kept: a customer picks among them, never makes new ones.
        const known = new Set((await projectsStore.listLabels(tx, project.id)).map((l) => l.name));
        const issue = await insertIssue(
          tx,
          context(caller, who),
          project,
          {
            title: input.title,
            description: input.description ?? '',
            labels: [...new Set(input.labels ?? [])].filter((label) => known.has(label)),
            milestoneId: null,
            assigneeUserId: null,
            assigneeContactId: null,
          },
          who,
        );
        await customerWrote(tx, context(caller, who), {
          account,
          project,
          issue,
          comment: null,
          writer: who,
        });
        await measured(tx, caller.accountId, caller.now);
        return read(tx, projectId, issue.number);
      });
    },

    /** A public comment as the contact (never an internal note). */
    async comment(
      caller: PortalCaller,
      projectId: string,
      number: number,
      input: PortalCreateCommentRequest,
    ): Promise<PortalIssue> {
      return db.transaction(async (tx) => {
        const who = await writer(tx, caller);
        const account = await lockAccount(tx, caller.accountId);
        const project = await projectOf(tx, caller, projectId, true);
        const issue = await requireIssue(tx, projectId, number, true);
        const comment = await insertComment(
          tx,
          context(caller, who),
          issue,
          { body: input.body, internal: false },
          who,
        );
        await customerWrote(tx, context(caller, who), { account, project, issue, comment, writer: who });
        await measured(tx, caller.accountId, caller.now);
        return read(tx, projectId, number);
      });
    },

    /**
     * A file attached as the contact (public, like everything they write). Like a comment, it is
     * the customer's post: the issue moves up the lists and waits for the account team's answer.
     */
    async attach(
      caller: PortalCaller,
      projectId: string,
      number: number,
      input: UploadAttachmentRequest,
    ): Promise<PortalIssue> {
      return db.transaction(async (tx) => {
        const who = await writer(tx, caller);
        await lockAccount(tx, caller.accountId);
        await projectOf(tx, caller, projectId, true);
        const issue = await requireIssue(tx, projectId, number, true);
        await insertAttachment(tx, context(caller, who), issue, input.file, who);
        await issuesStore.touch(tx, issue.id, caller.now);
        await measured(tx, caller.accountId, caller.now);
        return read(tx, projectId, number);
      });
    },

    /** An attachment of one of the account's issues, to download. */
    async attachmentFile(caller: PortalCaller, projectId: string, attachmentId: string) {
      await writer(db, caller);
      await projectOf(db, caller, projectId);
      const row = await issuesStore.attachmentFile(db, projectId, attachmentId);
      if (!row) throw notFound('Attachment', attachmentId);
      return row;
    },
  };
}

export type PortalProjectsService = ReturnType<typeof createPortalProjectsService>;
