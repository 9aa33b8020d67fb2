import type { Artefact, RaciChip, SignOff, Workflow, WorkflowStep } from '@liaison/contracts';
import { RACI_ROLE_LABELS, type RaciRole, type ResolveContext, resolveRole } from '@liaison/domain';
import { toIso } from '../../db/client.ts';
import type { ArtefactRow, ArtefactVersionRow, SignOffRow } from './artefacts.store.ts';
import type { WorkflowCommentRow, WorkflowInstanceRow, WorkflowStepRow } from './journey.store.ts';
import type { JourneyFacts } from './journey-facts.loader.ts';
import {
  contextOf,
  isSettled,
  outputPresent,
  prefillValue,
  stepSignOffs,
  templateOf,
  templateStep,
} from './step-outputs.ts';

/** Everything one workflow is presented from. */
export interface WorkflowParts {
  instance: WorkflowInstanceRow;
  steps: WorkflowStepRow[];
  comments: WorkflowCommentRow[];
  artefacts: ArtefactRow[];
  versions: ArtefactVersionRow[];
  signOffs: SignOffRow[];
}

export function resolveContextFor(facts: JourneyFacts, instance: WorkflowInstanceRow): ResolveContext {
  return {
    segment: facts.account.segment,
    team: facts.team,
    managers: facts.managers,
    designatedTam: contextOf(instance).tam,
  };
}

function chip(role: RaciRole, context: ResolveContext): RaciChip {
  const { person, explanation } = resolveRole(role, context);
  return { role, label: RACI_ROLE_LABELS[role], person, explanation };
}

export function presentSignOff(row: SignOffRow): SignOff {
  return {
    id: row.id,
    role: row.role as RaciRole,
    signer: {
      kind: row.contactId ? 'contact' : 'staff',
      userId: row.userId,
      contactId: row.contactId,
      name: row.signerName,
    },
    artefactVersion: row.artefactVersion,
    signedAt: toIso(row.signedAt),
    recordedBy: row.recordedByName,
    note: row.note,
  };
}

export function presentArtefact(
  row: ArtefactRow,
  versions: readonly ArtefactVersionRow[],
  signOffs: readonly SignOffRow[],
  requiredRoles: readonly RaciRole[] = [],
): Artefact {
  const current = signOffs.filter(
    (signOff) => signOff.artefactId === row.id && signOff.artefactVersion === row.currentVersion,
  );
  const complete =
    requiredRoles.length > 0 && requiredRoles.every((role) => current.some((s) => s.role === role));
  const last = current.at(-1);
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    stepId: row.stepRowId,
    title: row.title,
    kind: row.kind as Artefact['kind'],
    currentVersion: row.currentVersion,
    versions: versions
      .filter((version) => version.artefactId === row.id)
      .map((version) => ({
        number: version.number,
        url: version.url,
        file:
          version.fileName && version.contentType
            ? { name: version.fileName, contentType: version.contentType, size: version.size ?? 0 }
            : null,
        note: version.note,
        createdAt: toIso(version.createdAt),
        createdBy: version.createdByName,
      })),
    signOffs: current.map(presentSignOff),
    approved: complete && last ? { at: toIso(last.signedAt), by: current.map((s) => s.signerName) } : null,
  };
}

function startsWhenText(step: ReturnType<typeof templateStep>): string {
  const { afterSteps, opportunityStage, event } = step.startsWhen;
  const parts: string[] = [];
  if (afterSteps.length > 0)
    parts.push(`after step${afterSteps.length > 1 ? 's' : ''} ${afterSteps.join(', ')}`);
  if (opportunityStage) parts.push(`when the opportunity reaches ${opportunityStage.replace('_', ' ')}`);
  if (event) parts.push(`at ${event.replace('_', '-')}`);
  return parts.length > 0 ? parts.join(', or ') : 'when the workflow starts';
}

function presentStep(
  parts: WorkflowParts,
  row: WorkflowStepRow,
  facts: JourneyFacts,
  today: string,
  resolve: ResolveContext,
): WorkflowStep {
  const { instance } = parts;
  const step = templateStep(instance, row.stepId);
  const artefacts = parts.artefacts.filter((artefact) => artefact.stepRowId === row.id);
  const signOff = stepSignOffs(step, row, parts.artefacts, parts.signOffs);
  const open = row.openedAt !== null && !isSettled(row.state);
  const data = row.data as Record<string, string | string[]>;
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    workflowId: instance.id,
    workflowKind: instance.kind as Workflow['kind'],
    stepId: row.stepId,
    position: row.position,
    activity: step.activity,
    state: row.state as WorkflowStep['state'],
    open,
    openedAt: toIso(row.openedAt),
    openReason: row.openReason,
    startsWhen: startsWhenText(step),
    startedAt: toIso(row.startedAt),
    completedAt: toIso(row.completedAt),
    dueOn: row.dueOn,
    overdue: open && row.dueOn !== null && row.dueOn < today,
    // Who is responsible was resolved when the step opened; until then, who it would be now.
    responsible: row.openedAt
      ? {
          role: step.responsible,
          label: RACI_ROLE_LABELS[step.responsible],
          person: row.responsibleUserId
            ? { userId: row.responsibleUserId, name: row.responsibleName ?? '' }
            : null,
          explanation: row.responsibleExplanation ?? '',
        }
      : chip(step.responsible, resolve),
    accountable: step.accountable ? chip(step.accountable, resolve) : null,
    consulted: step.consulted.map((role) => chip(role, resolve)),
    informed: step.informed.map((role) => chip(role, resolve)),
    relationshipStage: step.relationshipStage,
    opportunityStage: step.opportunityStage,
    output: step.output
      ? { ...step.output, present: outputPresent(step, row, parts.artefacts, parts.signOffs) }
      : null,
    signOff: {
      roles: step.signOff,
      signOffs: signOff.signOffs.map(presentSignOff),
      complete: signOff.complete,
    },
    form: step.form.map((field) => ({
      id: field.id,
      label: field.label,
      kind: field.kind,
      required: field.required,
      prefill: field.prefill,
      value: data[field.id] ?? null,
      suggested: prefillValue(field.prefill, facts),
    })),
    activityId: row.activityId,
    skipReason: row.skipReason,
    artefacts: artefacts.map((artefact) =>
      presentArtefact(artefact, parts.versions, parts.signOffs, step.signOff),
    ),
    comments: parts.comments
      .filter((comment) => comment.stepRowId === row.id)
      .map((comment) => ({
        id: comment.id,
        author: comment.authorName,
        body: comment.body,
        createdAt: toIso(comment.createdAt),
      })),
  };
}

/** A workflow with its steps; `today` (YYYY-MM-DD) decides what is overdue. */
export function presentWorkflow(parts: WorkflowParts, facts: JourneyFacts, today: string): Workflow {
  const { instance } = parts;
  const template = templateOf(instance);
  const resolve = resolveContextFor(facts, instance);
  const steps = parts.steps
    .filter((row) => row.instanceId === instance.id)
    .map((row) => presentStep(parts, row, facts, today, resolve));
  const context = contextOf(instance);
  const current = steps.find((step) => step.open) ?? null;
  return {
    id: instance.id,
    version: instance.version,
    createdAt: toIso(instance.createdAt),
    updatedAt: toIso(instance.updatedAt),
    accountId: instance.accountId,
    kind: instance.kind as Workflow['kind'],
    name: template.name,
    description: template.description,
    status: instance.status as Workflow['status'],
    playbookVersion: instance.playbookVersion,
    startedAt: toIso(instance.startedAt),
    startedBy: instance.startedBy,
    completedAt: toIso(instance.completedAt),
    cancelledAt: toIso(instance.cancelledAt),
    cancelReason: instance.cancelReason,
    context: { tam: context.tam, reason: context.reason, note: context.note },
    furthestStage: instance.furthestStage as Workflow['furthestStage'],
    gateOverrides: instance.gateOverrides as Workflow['gateOverrides'],
    progress: {
      settled: steps.filter((step) => step.state === 'done' || step.state === 'skipped').length,
      total: steps.length,
      current: current ? `${current.stepId}. ${current.activity}` : null,
    },
    steps,
  };
}

/** What the history keeps of an instance (its template is kept on the row, which never changes). */
export function instanceSnapshot(row: WorkflowInstanceRow) {
  const { template: _template, createdAt: _c, updatedAt: _u, ...rest } = row;
  return {
    ...rest,
    startedAt: toIso(row.startedAt),
    completedAt: toIso(row.completedAt),
    cancelledAt: toIso(row.cancelledAt),
  };
}

/** What the history keeps of a step. */
export function stepSnapshot(row: WorkflowStepRow) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return {
    ...rest,
    openedAt: toIso(row.openedAt),
    startedAt: toIso(row.startedAt),
    completedAt: toIso(row.completedAt),
  };
}
