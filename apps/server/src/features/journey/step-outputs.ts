import {
  isArtefactKind,
  type PrefillSource,
  type RaciRole,
  type WorkflowStepTemplate,
  type WorkflowTemplate,
} from '@liaison/domain';
import type { ArtefactRow, SignOffRow } from './artefacts.store.ts';
import type { WorkflowInstanceRow, WorkflowStepRow } from './journey.store.ts';
import type { JourneyFacts } from './journey-facts.loader.ts';

/** What an instance was started with (docs/journey.md). */
export interface WorkflowContext {
  tam: { userId: string; name: string } | null;
  reason: string | null;
  note: string | null;
  /** Who started a handoff, when an SA: the SA kept on the team through the overlap. */
  startedBySa?: { userId: string; name: string } | null;
}

export const contextOf = (instance: WorkflowInstanceRow): WorkflowContext => ({
  tam: null,
  reason: null,
  note: null,
  ...(instance.context as Partial<WorkflowContext>),
});

export const templateOf = (instance: WorkflowInstanceRow) => instance.template as WorkflowTemplate;

export const isSettled = (state: string) => state === 'done' || state === 'skipped';

export function templateStep(instance: WorkflowInstanceRow, stepId: string): WorkflowStepTemplate {
  const found = templateOf(instance).steps.find((step) => step.id === stepId);
  if (!found) throw new Error(`step ${stepId} is not in the template of workflow ${instance.id}`);
  return found;
}

/**
 * A step's sign-offs: its own, and those of the current version of the artefacts it produced
 * (the success criteria are signed on the document). One per role; complete when every role
 * the template asks for has signed (docs/journey.md, Artefacts and sign-offs).
 */
export function stepSignOffs(
  step: WorkflowStepTemplate,
  row: WorkflowStepRow,
  artefacts: readonly ArtefactRow[],
  signOffs: readonly SignOffRow[],
): { signOffs: SignOffRow[]; complete: boolean; missing: RaciRole[] } {
  const own = artefacts.filter((artefact) => artefact.stepRowId === row.id);
  const relevant = signOffs.filter(
    (signOff) =>
      signOff.stepRowId === row.id ||
      own.some(
        (artefact) =>
          artefact.id === signOff.artefactId && artefact.currentVersion === signOff.artefactVersion,
      ),
  );
  const byRole = new Map<string, SignOffRow>();
  for (const signOff of relevant) if (!byRole.has(signOff.role)) byRole.set(signOff.role, signOff);
  const missing = step.signOff.filter((role) => !byRole.has(role));
  return { signOffs: [...byRole.values()], complete: missing.length === 0, missing };
}

/**
 * Whether the output a step must produce exists: an artefact attached for a document, the logged
 * meeting, complete sign-offs; records and reviews by the step being done (docs/journey.md, Gates).
 */
export function outputPresent(
  step: WorkflowStepTemplate,
  row: WorkflowStepRow,
  artefacts: readonly ArtefactRow[],
  signOffs: readonly SignOffRow[],
): boolean {
  if (!step.output) return true;
  const kind = step.output.kind;
  if (isArtefactKind(kind)) return artefacts.some((artefact) => artefact.stepRowId === row.id);
  if (kind === 'meeting') return row.activityId !== null;
  if (kind === 'sign_off')
    return step.signOff.length > 0 && stepSignOffs(step, row, artefacts, signOffs).complete;
  return row.state === 'done';
}

/** The meta-record's current value for a form field, to confirm or correct. */
export function prefillValue(source: PrefillSource | null, facts: JourneyFacts): string | string[] | null {
  switch (source) {
    case 'account.name':
      return facts.account.name;
    case 'account.industry':
      return facts.account.industry;
    case 'account.stagesAdopted':
      return facts.account.stagesAdopted;
    case 'profile.champion':
      return facts.profile.champion;
    case 'profile.economicBuyer':
      return facts.profile.economicBuyer;
    case 'profile.decisionMaker':
      return facts.profile.decisionMaker;
    case 'profile.whyTheyBought':
      return facts.profile.whyTheyBought;
    case 'profile.desiredBusinessOutcomes':
      return facts.profile.outcomes;
    case 'profile.painPoints':
      return facts.profile.painPoints;
    case 'profile.successMetrics':
      return facts.profile.metrics;
    case 'technical.deployment':
      return facts.technical.deployment;
    case 'technical.architecture':
      return facts.technical.architecture;
    default:
      return null;
  }
}

/** A form value counts when it has text (a list: at least one line). */
export const hasValue = (value: unknown) =>
  Array.isArray(value)
    ? value.some((line) => String(line).trim() !== '')
    : typeof value === 'string' && value.trim() !== '';
