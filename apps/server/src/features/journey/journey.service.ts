import type {
  AccountJourney,
  CancelWorkflowRequest,
  DisengagementSummary,
  JourneyOverview,
  SignOffRequest,
  StartWorkflowRequest,
  StepListItem,
  UpdateStepRequest,
  Workflow,
  WorkflowKind,
  WorkflowStep,
} from '@liaison/contracts';
import { DomainError, notFound, WORKFLOW_KINDS } from '@liaison/domain';
import { z } from 'zod';
import type { Database, Executor } from '../../db/client.ts';
import { type AccountChangedHook, noAccountHook } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { decodeCursor, encodeCursor } from '../../kernel/cursor.ts';
import { checkVersion } from '../../kernel/versioning.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { presentWorkflow, type WorkflowParts } from './journey.presenter.ts';
import { journeyOverview, listSteps, workflowsAsOf } from './journey.read-model.ts';
import { journeyStore, type WorkflowInstanceRow } from './journey.store.ts';
import { mayWorkOn, openStepWrite, openWrite, type PlaybookSource, requireActive } from './journey-access.ts';
import { loadParts, requireFacts } from './journey-parts.ts';
import { recordSignOff } from './journey-sign-off.ts';
import { summarise } from './journey-summary.ts';
import { templateStep } from './step-outputs.ts';
import { updateStep } from './step-update.ts';
import { changeInstance, finishWrite, type WorkflowWrite } from './workflow-engine.ts';
import { startWorkflow } from './workflow-start.ts';

const today = (now: Date) => now.toISOString().slice(0, 10);
const stepCursor = z.object({ due: z.iso.date(), id: z.uuid() });

export function createJourneyService(
  db: Database,
  options: { playbook: PlaybookSource; onAccountChanged?: AccountChangedHook },
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;

  /** Presents workflows of one account read through `executor` (inside a write: what it wrote). */
  async function present(executor: Executor, accountId: string, instances: WorkflowInstanceRow[], now: Date) {
    const facts = await requireFacts(executor, accountId, now);
    const parts = await loadParts(executor, accountId, instances);
    return {
      facts,
      workflows: instances.map((instance) =>
        presentWorkflow({ ...parts, instance } as WorkflowParts, facts, today(now)),
      ),
    };
  }

  async function presentOne(executor: Executor, instanceId: string, now: Date): Promise<Workflow> {
    const instance = await journeyStore.findInstance(executor, instanceId);
    if (!instance) throw notFound('Workflow', instanceId);
    return (await present(executor, instance.accountId, [instance], now)).workflows[0]!;
  }

  /** Ends a write: history, reassessment when the team changed, the workflow as it is now. */
  async function finish(write: WorkflowWrite, instanceId: string): Promise<Workflow> {
    await finishWrite(write);
    if (write.teamChanged) await onAccountChanged(write.tx, [write.facts.account.id], write.context.now);
    return presentOne(write.tx, instanceId, write.context.now);
  }

  async function canStart(context: RequestContext, accountId: string, running: Set<string>, hasTam: boolean) {
    if (!(await mayWorkOn(db, context, accountId))) return [];
    return WORKFLOW_KINDS.filter(
      (kind) => !running.has(kind) && ((kind !== 'tam_handover' && kind !== 'disengagement') || hasTam),
    );
  }

  return {
    async journey(context: RequestContext, accountId: string, asOf?: Date): Promise<AccountJourney> {
      const at = asOf ?? context.now;
      const rows = asOf ? await workflowsAsOf(db, accountId, asOf) : null;
      const instances = rows ? rows.instances : await journeyStore.listInstances(db, accountId);
      const facts = await requireFacts(db, accountId, at);
      const parts = await loadParts(db, accountId, instances);
      const visible = rows
        ? {
            ...parts,
            steps: rows.steps,
            comments: parts.comments.filter((c) => c.createdAt <= at.toISOString()),
            versions: parts.versions.filter((v) => new Date(v.createdAt) <= at),
            signOffs: parts.signOffs.filter((s) => new Date(s.signedAt) <= at),
            artefacts: parts.artefacts.filter((a) => new Date(a.createdAt) <= at),
          }
        : parts;
      const workflows = instances
        .map((instance) => presentWorkflow({ ...visible, instance }, facts, today(at)))
        .sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active'));
      const running = new Set(workflows.filter((w) => w.status === 'active').map((w) => w.kind));
      const hasTam = facts.team.some((member) => member.role === 'tam');
      return {
        accountId,
        asOf: asOf ? asOf.toISOString() : null,
        workflows,
        disengagementCandidate: facts.disengagementCandidate,
        canStart: asOf ? [] : ((await canStart(context, accountId, running, hasTam)) as WorkflowKind[]),
      };
    },

    workflow: (context: RequestContext, id: string) => presentOne(db, id, context.now),

    async step(context: RequestContext, id: string): Promise<WorkflowStep> {
      const row = await journeyStore.findStep(db, id);
      if (!row) throw notFound('Workflow step', id);
      const workflow = await presentOne(db, row.instanceId, context.now);
      return workflow.steps.find((step) => step.id === id)!;
    },

    async start(context: RequestContext, accountId: string, input: StartWorkflowRequest): Promise<Workflow> {
      return db.transaction(async (tx) => {
        const write = await openWrite(tx, context, accountId, options.playbook);
        const { version } = await options.playbook.active(tx);
        const { instance } = await startWorkflow(write, input, version);
        return finish(write, instance.id);
      });
    },

    async updateStep(
      context: RequestContext,
      id: string,
      input: UpdateStepRequest,
      version: number,
    ): Promise<Workflow> {
      return db.transaction(async (tx) => {
        const { write, instance, row } = await openStepWrite(tx, context, id, options.playbook);
        checkVersion('Workflow step', id, version, row.version);
        requireActive(instance);
        await updateStep(write, instance, row, input);
        return finish(write, instance.id);
      });
    },

    async cancel(
      context: RequestContext,
      id: string,
      input: CancelWorkflowRequest,
      version: number,
    ): Promise<Workflow> {
      return db.transaction(async (tx) => {
        const seen = await journeyStore.findInstance(tx, id);
        if (!seen) throw notFound('Workflow', id);
        const write = await openWrite(tx, context, seen.accountId, options.playbook);
        const instance = (await journeyStore.findInstance(tx, id, true))!;
        checkVersion('Workflow', id, version, instance.version);
        requireActive(instance);
        await changeInstance(write, instance, {
          status: 'cancelled',
          cancelledAt: context.now.toISOString(),
          cancelReason: input.reason,
        });
        return finish(write, id);
      });
    },

    async comment(context: RequestContext, id: string, body: string): Promise<WorkflowStep> {
      return db.transaction(async (tx) => {
        const { write, instance, row } = await openStepWrite(tx, context, id, options.playbook);
        const comment = await journeyStore.insertComment(tx, {
          accountId: row.accountId,
          stepRowId: row.id,
          authorId: context.user.id,
          authorName: context.actor.name,
          body,
          createdAt: context.now.toISOString(),
        });
        write.history.push({
          accountId: row.accountId,
          entityType: 'workflow_comment',
          entityId: comment.id,
          before: null,
          after: { id: comment.id, stepRowId: row.id, stepId: row.stepId, body, author: comment.authorName },
        });
        const workflow = await finish(write, instance.id);
        return workflow.steps.find((step) => step.id === id)!;
      });
    },

    async signOffStep(context: RequestContext, id: string, input: SignOffRequest): Promise<WorkflowStep> {
      return db.transaction(async (tx) => {
        const { write, instance, row } = await openStepWrite(tx, context, id, options.playbook);
        requireActive(instance);
        if (row.state === 'done' || row.state === 'skipped')
          throw new DomainError(
            'INVALID_STATE',
            `Step ${row.stepId} is ${row.state}; it takes no more sign-offs.`,
          );
        const step = templateStep(instance, row.stepId);
        await recordSignOff(write, instance, { step: row }, step.signOff, input);
        const workflow = await finish(write, instance.id);
        return workflow.steps.find((candidate) => candidate.id === id)!;
      });
    },

    async summary(context: RequestContext, id: string): Promise<DisengagementSummary> {
      const instance = await journeyStore.findInstance(db, id);
      if (!instance) throw notFound('Workflow', id);
      const facts = await requireFacts(db, instance.accountId, context.now);
      const steps = await journeyStore.listSteps(db, [id]);
      const { playbook } = await options.playbook.active(db);
      return summarise(instance, steps, facts, playbook, context.now);
    },

    async steps(
      context: RequestContext,
      query: {
        responsible?: string | undefined;
        accountId?: string | undefined;
        open?: boolean | undefined;
        overdue?: boolean | undefined;
        kind?: string | undefined;
        limit: number;
        cursor?: string | undefined;
      },
    ): Promise<{ items: StepListItem[]; nextCursor: string | null }> {
      const page = await listSteps(db, {
        responsibleUserId: query.responsible === 'me' ? context.user.id : query.responsible,
        accountId: query.accountId,
        open: query.open,
        overdue: query.overdue,
        kind: query.kind,
        after: decodeCursor(query.cursor, stepCursor),
        limit: query.limit,
        today: today(context.now),
      });
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    },

    /** The playbook's workflow templates in force (docs/journey.md, API). */
    async templates(_context: RequestContext) {
      const { version, playbook } = await options.playbook.active(db);
      return { playbookVersion: version, ...playbook.journey };
    },

    async overview(
      context: RequestContext,
      query: { region?: string | undefined; segment?: string | undefined },
    ): Promise<JourneyOverview> {
      authorize(policies.manageTeam(context.user), 'Only TAM managers and admins see the journey overview.');
      const { playbook } = await options.playbook.active(db);
      const data = await journeyOverview(db, { ...query, today: today(context.now) });
      return {
        workflows: playbook.journey.templates.map((template) => ({
          kind: template.kind,
          name: template.name,
          running: data.running.find((row) => row.kind === template.kind)?.running ?? 0,
          steps: template.steps.map((step) => {
            const count = data.counts.find((row) => row.kind === template.kind && row.step_id === step.id);
            return {
              stepId: step.id,
              activity: step.activity,
              open: count?.open ?? 0,
              overdue: count?.overdue ?? 0,
            };
          }),
        })),
        byRegion: data.byRegion,
        bySegment: data.bySegment,
        overdueSteps: data.overdueSteps,
      };
    },
  };
}

export type JourneyService = ReturnType<typeof createJourneyService>;
