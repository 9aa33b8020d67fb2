import {
  defaultPlaybook,
  type OpportunityStage,
  type Person,
  resolveRole,
  type StepProgress,
  stageRank,
  stepDueOn,
  stepsToOpen,
  type WorkflowEvent,
  type WorkflowKind,
  type WorkflowStepTemplate,
} from '@liaison/domain';
import { workflowInstances, workflowSteps } from '../db/schema.ts';
import {
  type ArtefactRow,
  instanceSnapshot,
  stepSnapshot,
  type WorkflowContext,
  type WorkflowInstanceRow,
  type WorkflowStepRow,
} from '../features/journey/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import { rowsOf } from './demo-rows.store.ts';
import {
  attachArtefact,
  emptyJourneyRows,
  type JourneyRows,
  type Member,
  type Output,
  type Recorder,
  type RunAccount,
  type RunEnv,
  recordSignOff,
} from './demo-workflow-outputs.ts';

export { emptyJourneyRows, type JourneyRows, type Member, type Output, type RunAccount, type RunEnv };

const instanceRow = rowsOf(workflowInstances);
const stepRow = rowsOf(workflowSteps);
const settled = (state: string) => state === 'done' || state === 'skipped';
const actorOf = (person: Person): HistoryActor => ({ type: 'user', id: person.userId, name: person.name });
const minutesBefore = (at: Date, minutes: number) => new Date(at.getTime() - minutes * 60_000);

/**
 * One workflow instance played forward as the server's engine plays it (workflow-engine.ts):
 * the playbook's template copied on, every step created, steps opened by the domain's
 * `stepsToOpen` with who is responsible resolved by `resolveRole` from the team of that instant
 * and the due date from `stepDueOn`. Each change is a history record at its own instant.
 */
export class WorkflowRun {
  instance: WorkflowInstanceRow;
  private readonly rows = new Map<string, WorkflowStepRow>();
  private readonly template;
  private readonly recorder: Recorder;

  constructor(
    private readonly env: RunEnv,
    private readonly out: JourneyRows,
    private readonly account: RunAccount,
    kind: WorkflowKind,
    at: Date,
    by: Person,
    context: WorkflowContext,
    situation: { furthestStage: OpportunityStage | null; events: WorkflowEvent[] },
  ) {
    const template = defaultPlaybook.journey.templates.find((candidate) => candidate.kind === kind);
    if (!template) throw new Error(`demo: no ${kind} template`);
    this.template = template;
    this.recorder = { env, out, record: (...args) => this.record(...args) };
    const iso = at.toISOString();
    this.instance = instanceRow({
      id: env.ids.uuid(),
      accountId: account.id,
      kind,
      status: 'active',
      playbookVersion: 0,
      template,
      startedAt: iso,
      startedBy: by.name,
      context,
      events: situation.events,
      furthestStage: situation.furthestStage,
      version: 1,
      createdAt: iso,
      updatedAt: iso,
    });
    this.record(at, by, 'workflow_instance', this.instance.id, null, instanceSnapshot(this.instance));
    template.steps.forEach((step, index) => {
      const row = stepRow({
        id: env.ids.uuid(),
        accountId: account.id,
        instanceId: this.instance.id,
        stepId: step.id,
        position: index + 1,
        state: 'not_started',
        version: 1,
        createdAt: iso,
        updatedAt: iso,
      });
      this.rows.set(step.id, row);
      this.record(at, by, 'workflow_step', row.id, null, stepSnapshot(row));
    });
    this.advance(at, by);
  }

  step(stepId: string): WorkflowStepRow {
    const row = this.rows.get(stepId);
    if (!row) throw new Error(`demo: ${this.instance.kind} has no step ${stepId}`);
    return row;
  }

  templateStep(stepId: string): WorkflowStepTemplate {
    return this.template.steps.find((step) => step.id === stepId)!;
  }

  isOpen(stepId: string): boolean {
    const row = this.step(stepId);
    return row.openedAt !== null && !settled(row.state);
  }

  /** The opportunity moved: a later stage (and closed-won's event) may open steps. */
  reach(stage: OpportunityStage, at: Date, by: Person): void {
    const furthest = this.instance.furthestStage as OpportunityStage | null;
    if (furthest && stageRank(stage) <= stageRank(furthest)) return;
    const events = this.instance.events as WorkflowEvent[];
    this.changeInstance(at, by, {
      furthestStage: stage,
      events: stage === 'closed_won' && !events.includes('closed_won') ? [...events, 'closed_won'] : events,
    });
    this.advance(at, by);
  }

  /** The TAM engaged before the sale, named on the workflow (who answers for TAM steps until on the team). */
  nameTam(tam: Person, at: Date, by: Person): void {
    this.changeInstance(at, by, {
      context: { ...(this.instance.context as WorkflowContext), tam: { userId: tam.userId, name: tam.name } },
    });
  }

  /** The step done by `by` at `at`, with what it must produce made a few minutes before. */
  complete(stepId: string, at: Date, by: Person, output: Output = {}): void {
    const row = this.step(stepId);
    if (!this.isOpen(stepId)) throw new Error(`demo: step ${stepId} of ${this.instance.kind} is not open`);
    const step = this.templateStep(stepId);
    let artefact: ArtefactRow | null = null;
    if (output.artefact)
      artefact = attachArtefact(this.recorder, row, step, output.artefact, minutesBefore(at, 90), by);
    for (const [index, signOff] of (output.signOffs ?? []).entries())
      recordSignOff(this.recorder, row, artefact, signOff, minutesBefore(at, 30 - index), by);
    this.changeStep(row, at, by, {
      state: 'done',
      startedAt: row.startedAt ?? at.toISOString(),
      completedAt: at.toISOString(),
      completedBy: by.userId,
      ...(output.data ? { data: output.data } : {}),
      ...(output.activityId ? { activityId: output.activityId } : {}),
    });
    this.advance(at, by);
  }

  /** Work begun on an open step: in progress (as `PATCH … state: in_progress` records it). */
  begin(stepId: string, at: Date, by: Person): void {
    const row = this.step(stepId);
    if (!this.isOpen(stepId) || row.state !== 'not_started') return;
    this.changeStep(row, at, by, { state: 'in_progress', startedAt: row.startedAt ?? at.toISOString() });
  }

  /**
   * Open steps long overdue were re-planned by the person responsible (a new due date, as the
   * API allows): the demo shows a few overdue steps, none forgotten for months.
   */
  replanOverdue(now: Date, fallback: Person, days = 21): void {
    const today = now.toISOString().slice(0, 10);
    for (const row of this.rows.values()) {
      if (!this.isOpen(row.stepId) || !row.dueOn) continue;
      const late = (Date.parse(today) - Date.parse(row.dueOn)) / 86_400_000;
      if (late <= days) continue;
      const at = new Date(now.getTime() - (((row.position * 7) % 20) + 10) * 86_400_000);
      const dueOn = new Date(at.getTime() + 21 * 86_400_000).toISOString().slice(0, 10);
      const by = row.responsibleUserId
        ? { userId: row.responsibleUserId, name: row.responsibleName ?? '' }
        : fallback;
      this.changeStep(row, at, by, { dueOn });
    }
  }

  /** Rows as they are now, added to `out` once the run is over. */
  finish(): void {
    this.out.instances.push(this.instance);
    this.out.steps.push(...[...this.rows.values()].sort((a, b) => a.position - b.position));
  }

  /** workflow-engine.ts `advance`: open what may start, then complete the workflow when all is settled. */
  private advance(at: Date, by: Person): void {
    if (this.instance.status !== 'active') return;
    const iso = at.toISOString();
    const context = this.instance.context as WorkflowContext;
    const resolve = {
      segment: this.account.segment,
      team: this.env.teamAt(this.account.id, at),
      managers: this.env.managers(this.account.region),
      designatedTam: context.tam ?? null,
    };
    for (let round = 0; round <= this.template.steps.length; round++) {
      const progress = new Map<string, StepProgress>(
        [...this.rows.values()].map((row) => [
          row.stepId,
          { stepId: row.stepId, state: row.state as StepProgress['state'], openedAt: row.openedAt },
        ]),
      );
      const opening = stepsToOpen(this.template, progress, {
        opportunityStage: this.instance.furthestStage as OpportunityStage | null,
        events: this.instance.events as WorkflowEvent[],
      });
      for (const { stepId, reason } of opening) {
        const step = this.templateStep(stepId);
        const { person, explanation } = resolveRole(step.responsible, resolve);
        // A handoff that names its TAM has aligned one (workflow-engine.ts, completesItself).
        const selfDone = this.instance.kind === 'sa_tam_handoff' && stepId === 'align_tam' && context.tam;
        this.changeStep(this.step(stepId), at, by, {
          openedAt: iso,
          openReason: reason,
          dueOn: stepDueOn(step, iso),
          responsibleUserId: person?.userId ?? null,
          responsibleName: person?.name ?? null,
          responsibleExplanation: explanation,
          ...(selfDone
            ? {
                state: 'done',
                completedAt: iso,
                data: { ...(this.step(stepId).data as object), tam: context.tam!.name },
              }
            : {}),
        });
      }
      if (opening.length === 0) break;
    }
    if ([...this.rows.values()].every((row) => settled(row.state)))
      this.changeInstance(at, by, { status: 'completed', completedAt: iso });
  }

  private changeStep(row: WorkflowStepRow, at: Date, by: Person, patch: Partial<WorkflowStepRow>): void {
    const after = { ...row, ...patch, version: row.version + 1, updatedAt: at.toISOString() };
    this.rows.set(row.stepId, after);
    this.record(at, by, 'workflow_step', row.id, stepSnapshot(row), stepSnapshot(after));
  }

  private changeInstance(at: Date, by: Person, patch: Partial<WorkflowInstanceRow>): void {
    const before = this.instance;
    this.instance = { ...before, ...patch, version: before.version + 1, updatedAt: at.toISOString() };
    this.record(
      at,
      by,
      'workflow_instance',
      before.id,
      instanceSnapshot(before),
      instanceSnapshot(this.instance),
    );
  }

  private record(
    at: Date,
    by: Person,
    entityType: 'workflow_instance' | 'workflow_step' | 'artefact' | 'sign_off',
    entityId: string,
    before: object | null,
    after: object,
  ): void {
    this.env.log.add(at, actorOf(by), {
      accountId: this.account.id,
      entityType,
      entityId,
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown>,
    });
  }
}
