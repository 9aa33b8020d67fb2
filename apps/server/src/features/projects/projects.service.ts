import type {
  AccountProjects,
  CreateProjectRequest,
  Project,
  UpdateProjectRequest,
} from '@liaison/contracts';
import {
  DomainError,
  instantiateTemplate,
  notFound,
  type OpportunityStage,
  responsiveness,
  responsivenessColour,
  templateFor,
  trackResponses,
} from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import {
  isTeamMember,
  lockAccount,
  lockOwnedRecord,
  requireAccount,
  requireEditableAccount,
} from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { referencesStore } from '../../kernel/references.store.ts';
import { checkVersion, versionRequired } from '../../kernel/versioning.ts';
import { policies } from '../../policies/policies.ts';
import { issuesStore } from './issues.store.ts';
import type { PlaybookSource } from './project-access.ts';
import { loadProjectFacts } from './project-meta.loader.ts';
import { insertIssue } from './project-writes.ts';
import { issueSnapshot, presentProject, projectSnapshot } from './projects.presenter.ts';
import { accountThreads, staffNames } from './projects.read-model.ts';
import { type ProjectRow, projectsStore } from './projects.store.ts';

const dayAfter = (now: Date, days: number) =>
  new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/** Projects: create from the playbook's template, read, change, and the closed-won move (docs/projects.md). */
export function createProjectsService(db: Database, options: { playbook: PlaybookSource }) {
  async function present(executor: Executor, context: RequestContext, row: ProjectRow, canEdit?: boolean) {
    const facts = await loadProjectFacts(executor, row.accountId, context.now);
    const names = await staffNames(executor, [row.ownerUserId]);
    return presentProject(row, {
      accountName: facts?.accountName ?? '',
      ownerName: row.ownerUserId ? (names.get(row.ownerUserId) ?? null) : null,
      milestones: await projectsStore.listMilestones(executor, row.id),
      labels: await projectsStore.listLabels(executor, row.id),
      counts: await projectsStore.issueCounts(executor, row.id),
      canEdit:
        canEdit ?? policies.editAccount(context.user, await isTeamMember(executor, context, row.accountId)),
    });
  }

  /** The owner of a new project: the SA before the sale, the TAM after it; else whoever creates it. */
  function ownerFor(phase: string, holders: Record<string, { userId: string } | undefined>, creator: string) {
    return (phase === 'pre_sales' ? holders.sa : holders.tam)?.userId ?? creator;
  }

  async function lockProject(tx: Executor, context: RequestContext, id: string) {
    return lockOwnedRecord(tx, 'Project', id, projectsStore, (accountId) =>
      requireEditableAccount(tx, context, accountId),
    );
  }

  return {
    async listForAccount(context: RequestContext, accountId: string): Promise<AccountProjects> {
      await requireAccount(db, accountId);
      const { playbook } = await options.playbook.active(db);
      const facts = await loadProjectFacts(db, accountId, context.now);
      const canEdit = policies.editAccount(context.user, await isTeamMember(db, context, accountId));
      const rows = await projectsStore.listByAccount(db, accountId);
      const items = await Promise.all(rows.map((row) => present(db, context, row, canEdit)));
      const figure = responsiveness(
        (await accountThreads(db, accountId)).map((thread) =>
          trackResponses(
            thread.posts ?? [],
            thread.state,
            playbook.projects.responseSla,
            context.now.toISOString(),
          ),
        ),
      );
      const template = templateFor(playbook.projects, facts!.meta.segment);
      return {
        items,
        canCreate: canEdit && rows.length === 0,
        template: { key: template.key, name: template.name },
        responsiveness: {
          ...figure,
          colour: responsivenessColour(figure, playbook.projects.responsiveness),
          healthMeasure: playbook.projects.responsiveness.healthMeasure,
        },
      };
    },

    async get(context: RequestContext, id: string): Promise<Project> {
      const row = await projectsStore.findById(db, id);
      if (!row) throw notFound('Project', id);
      return present(db, context, row);
    },

    /**
     * Creates the account's project from the template of its segment (or the one named): the
     * template as the playbook in force has it, filled from the meta-record, copied onto the
     * project — a later playbook changes new projects only.
     */
    async create(context: RequestContext, accountId: string, input: CreateProjectRequest): Promise<Project> {
      return db.transaction(async (tx) => {
        const account = await requireEditableAccount(tx, context, accountId);
        if ((await projectsStore.listByAccount(tx, accountId)).length > 0)
          throw new DomainError('ALREADY_EXISTS', `${account.name} has a collaboration project already.`);
        const { playbook, version } = await options.playbook.active(tx);
        const facts = (await loadProjectFacts(tx, accountId, context.now))!;
        const template = input.templateKey
          ? playbook.projects.templates.find((t) => t.key === input.templateKey)
          : templateFor(playbook.projects, facts.meta.segment);
        if (!template)
          throw new DomainError(
            'INVALID_REFERENCE',
            `body.templateKey: "${input.templateKey}" is not a project template`,
            [
              {
                path: 'body.templateKey',
                message: `must be one of ${playbook.projects.templates.map((t) => t.key).join(', ')}`,
              },
            ],
          );
        const copy = instantiateTemplate(template, facts.meta);
        const phase = account.relationshipStage === 'customer' ? 'post_sales' : 'pre_sales';
        const ownerUserId = ownerFor(phase, facts.holders, context.user.id);
        const row = await projectsStore.insert(
          tx,
          {
            accountId,
            name: input.name ?? `${account.name} collaboration project`,
            phase,
            ownerUserId,
            templateKey: template.key,
            templateName: template.name,
            templateVersion: version,
            readme: copy.readme,
            issueTemplates: copy.issueTemplates,
            postSalesAt: phase === 'post_sales' ? context.now.toISOString() : null,
          },
          context.now,
        );
        await recordChanges(tx, context, [
          { accountId, entityType: 'project', entityId: row.id, before: null, after: projectSnapshot(row) },
        ]);
        const milestones = await projectsStore.insertMilestones(
          tx,
          copy.milestones.map((m, position) => ({
            accountId,
            projectId: row.id,
            title: m.title,
            description: m.description,
            dueOn: m.dueDays === null ? null : dayAfter(context.now, m.dueDays),
            position,
          })),
        );
        await projectsStore.insertLabels(
          tx,
          copy.labels.map((l, position) => ({ accountId, projectId: row.id, ...l, position })),
        );
        const writer = { kind: 'staff' as const, id: context.user.id, name: context.user.name };
        for (const issue of copy.issues)
          await insertIssue(
            tx,
            context,
            row,
            {
              title: issue.title,
              description: issue.description,
              labels: issue.labels,
              milestoneId: milestones.find((m) => m.title === issue.milestone)?.id ?? null,
              assigneeUserId: issue.assignToOwner ? ownerUserId : null,
              assigneeContactId: null,
              recursFrom: issue.recursFrom,
            },
            writer,
          );
        return present(tx, context, (await projectsStore.findById(tx, row.id))!, true);
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateProjectRequest,
      version: number | undefined,
    ) {
      if (version === undefined) throw versionRequired();
      return db.transaction(async (tx) => {
        const { current } = await lockProject(tx, context, id);
        checkVersion('Project', id, version, current.version);
        const { version: _read, ...changes } = input;
        if (
          changes.ownerUserId &&
          (await referencesStore.existingUserIds(tx, [changes.ownerUserId])).size === 0
        )
          throw new DomainError('INVALID_REFERENCE', 'body.ownerUserId is not a staff user', [
            { path: 'body.ownerUserId', message: 'is not a staff user' },
          ]);
        const row = await projectsStore.update(tx, id, changes, context.now);
        await recordChanges(tx, context, [
          {
            accountId: row.accountId,
            entityType: 'project',
            entityId: id,
            before: projectSnapshot(current),
            after: projectSnapshot(row),
          },
        ]);
        return present(tx, context, row, true);
      });
    },

    /**
     * Closed-won (an opportunity's write, in its transaction, the account locked): the account's
     * pre-sales projects move to post-sales and the TAM on the team becomes their owner (seeds
     * 000/001: "the project is then moved … to post-sales") and takes over the owner's open issues
     * (the Welcome call). Without a TAM yet the owner stays.
     */
    async onOpportunityWritten(
      tx: Executor,
      context: RequestContext,
      accountId: string,
      before: { stage: OpportunityStage } | null,
      after: { stage: OpportunityStage } | null,
    ): Promise<void> {
      if (after?.stage !== 'closed_won' || before?.stage === 'closed_won') return;
      await lockAccount(tx, accountId);
      const pending = (await projectsStore.listByAccount(tx, accountId)).filter(
        (p) => p.phase === 'pre_sales',
      );
      if (pending.length === 0) return;
      const facts = await loadProjectFacts(tx, accountId, context.now);
      const tam = facts?.holders.tam?.userId;
      for (const project of pending) {
        const current = (await projectsStore.lockById(tx, project.id))!;
        const row = await projectsStore.update(
          tx,
          project.id,
          {
            phase: 'post_sales',
            postSalesAt: context.now.toISOString(),
            ownerUserId: tam ?? current.ownerUserId,
          },
          context.now,
        );
        await recordChanges(tx, context, [
          {
            accountId,
            entityType: 'project',
            entityId: row.id,
            before: projectSnapshot(current),
            after: projectSnapshot(row),
          },
        ]);
        // The TAM leads the Welcome call and owns the project from now on: the SA's open issues follow.
        if (tam && current.ownerUserId && current.ownerUserId !== tam)
          for (const issue of await issuesStore.listOpenAssignedTo(tx, project.id, current.ownerUserId)) {
            const moved = await issuesStore.update(tx, issue.id, { assigneeUserId: tam }, context.now);
            await recordChanges(tx, context, [
              {
                accountId,
                entityType: 'project_issue',
                entityId: issue.id,
                before: issueSnapshot(issue),
                after: issueSnapshot(moved),
              },
            ]);
          }
      }
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
