import {
  ArtefactKind,
  RACI_ROLE_LABELS,
  type User,
  type Workflow,
  type WorkflowStep,
} from '@liaison/contracts';
import { ApiError } from './api.ts';

// The customer journey's words and the small decisions the Journey tab makes from what the
// server answers (docs/journey.md). Who may do what stays the server's: these only read it.

export const workflowKindLabels: Record<string, string> = {
  journey: 'Customer journey',
  sa_tam_handoff: 'SA→TAM handoff',
  welcome_call: 'Welcome call',
  tam_handover: 'TAM-to-TAM handover',
  disengagement: 'Disengagement',
  sa_overlap: 'SA involvement after the sale',
};

export const stepStateLabels: Record<string, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};

/** The RACI roles as the handbook names them (the server's chips carry the same labels). */
export const raciRoleLabels: Record<string, string> = RACI_ROLE_LABELS;

export const workflowStatusLabels: Record<string, string> = {
  active: 'Running',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const outputKindLabels: Record<string, string> = {
  blueprint: 'Blueprint',
  sow: 'SOW',
  pov_plan: 'PoV plan',
  success_criteria: 'Success criteria',
  contract: 'Contract',
  kick_off_plan: 'Kick-off plan',
  implementation_plan: 'Implementation plan',
  other: 'Document',
  meta_record: 'Meta-record',
  business_profile: 'Business profile',
  technical_profile: 'Technical profile',
  review: 'Review',
  sign_off: 'Sign-off',
  meeting: 'Logged meeting',
  summary: 'Generated summary',
  team_change: 'Team change',
};

/** Documents a step can produce (the artefact kinds of the contracts). */
export const artefactKinds = ArtefactKind.options;

export const disengagementReasonLabels: Record<string, string> = {
  below_threshold_downgrade: 'Below the alignment threshold after a downgrade',
  below_threshold_churn: 'Below the alignment threshold: churn',
  unsuccessful_strategic_engagement: 'Unsuccessful strategic engagement (e.g. a tier upgrade)',
  other: 'Other',
};

export const overlapTriggerLabels: Record<string, string> = {
  new_evaluation: 'A new PoV or evaluation',
  licence_expansion: 'A licence-expansion opportunity',
  professional_services: 'Professional Services or SOW talk',
  expansion_planning: 'Expansion planning',
  tam_over_capacity: 'The TAM is over capacity',
  onsite_evangelism: 'On-site evangelism',
};

export const stateColour = (step: Pick<WorkflowStep, 'state' | 'open' | 'overdue'>): string =>
  step.state === 'done'
    ? 'teal'
    : step.state === 'skipped'
      ? 'gray'
      : step.overdue
        ? 'red'
        : step.state === 'in_progress'
          ? 'blue'
          : step.open
            ? 'brand'
            : 'gray';

/** A step that is someone's work now: open, not yet done or skipped. */
export const isActionable = (step: Pick<WorkflowStep, 'state' | 'open'>): boolean =>
  step.open && step.state !== 'done' && step.state !== 'skipped';

/**
 * Whether the signed-in user may work on this step: whoever may edit the account (the server
 * says so in `account.can.edit`), the person the step names, and the TAM a handoff or handover
 * brings in before they join the team. The server decides again on every write.
 */
export function mayWork(
  step: Pick<WorkflowStep, 'responsible'>,
  workflow: Pick<Workflow, 'context'>,
  me: Pick<User, 'id' | 'roles'>,
  canEditAccount: boolean,
): boolean {
  if (canEditAccount) return true;
  if (me.roles.every((role) => role === 'viewer')) return false;
  return step.responsible.person?.userId === me.id || workflow.context.tam?.userId === me.id;
}

/** The step that completes a handoff is its TAM's acceptance: it gets its own words. */
export const isAcceptance = (workflow: Pick<Workflow, 'kind'>, step: Pick<WorkflowStep, 'stepId'>) =>
  workflow.kind === 'sa_tam_handoff' && step.stepId === 'accept';

/** Steps on which the TAM is named: the handoff's first step, any step of the journey. */
export const namesTam = (workflow: Pick<Workflow, 'kind'>, step: Pick<WorkflowStep, 'stepId'>) =>
  workflow.kind === 'journey' || (workflow.kind === 'sa_tam_handoff' && step.stepId === 'align_tam');

/** The steps someone owes, overdue first, then by due date (no date last), then by account. */
export function byUrgency<T extends { overdue: boolean; dueOn: string | null; accountName: string }>(
  items: readonly T[],
): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31') ||
      a.accountName.localeCompare(b.accountName),
  );
}

export interface GateRefusal {
  /** One line per step that misses its output, as the server words it. */
  problems: string[];
  /** The playbook's gates ask for a reason (retry with `gateReason`) rather than block. */
  asksReason: boolean;
  message: string;
}

/**
 * A stage move the journey's gate refused (422 GATE_BLOCKED). The server names the field to
 * fix: `body.gateReason` when a reason lets the move through, `body.stage` when the gate blocks.
 */
export function gateRefusal(error: unknown): GateRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'GATE_BLOCKED') return null;
  return {
    problems: error.details.map((detail) => detail.message),
    asksReason: error.details.some((detail) => detail.path === 'body.gateReason'),
    message: error.message,
  };
}

/** A form field's value as the user edits it: a list is one item per line. */
export function fieldText(value: string | readonly string[] | null | undefined): string {
  if (value == null) return '';
  return typeof value === 'string' ? value : value.join('\n');
}

/** The edited text back into the field's shape: a list drops blank lines. */
export function fieldValue(kind: 'text' | 'list', text: string): string | string[] {
  if (kind === 'text') return text.trim();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** What the field holds now: the confirmed value, else the meta-record's suggestion. */
export const initialFieldText = (field: {
  value: string | readonly string[] | null;
  suggested: string | readonly string[] | null;
}) => fieldText(field.value ?? field.suggested);

/** Bytes as a reader says them: `812 B`, `14 kB`, `2.4 MB`. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export type MarkdownBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

/**
 * The Markdown the server generates (headings, paragraphs, `-` lists, **bold**, _italic_) in
 * blocks to render: enough for the disengagement summary without a Markdown library.
 */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (const chunk of markdown.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    const heading = /^(#{1,3})\s+(.*)$/.exec(lines[0]!);
    if (heading && lines.length === 1) {
      blocks.push({ kind: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: heading[2]! });
    } else if (lines.every((line) => /^\s*[-*]\s+/.test(line))) {
      blocks.push({ kind: 'list', items: lines.map((line) => line.replace(/^\s*[-*]\s+/, '')) });
    } else {
      blocks.push({ kind: 'paragraph', text: lines.join(' ') });
    }
  }
  return blocks;
}

export type InlinePart = { text: string; bold?: boolean; italic?: boolean };

/** `**bold**` and `_italic_` runs of one line. */
export function inlineParts(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  const pattern = /\*\*(.+?)\*\*|(?<![\w])_(.+?)_(?![\w])/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push(match[1] !== undefined ? { text: match[1], bold: true } : { text: match[2]!, italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
