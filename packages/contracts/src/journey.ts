import {
  ARTEFACT_KINDS,
  DISENGAGEMENT_REASONS,
  OUTPUT_KINDS,
  OVERLAP_TRIGGERS,
  RACI_ROLES,
  STEP_STATES,
  WORKFLOW_KINDS,
  WORKFLOW_STATUSES,
  workflowTemplateSchema,
} from '@liaison/domain';
import { z } from 'zod';
import { Id, IsoDate, IsoInstant, LongText, PageQuery, page, QueryBoolean, ShortText } from './common.ts';
import { OpportunityStage, Region, RelationshipStage, Segment } from './enums.ts';

/** The customer journey and its workflows (docs/journey.md). */

/** How the handbook names each RACI role; the server's chips carry the same labels. */
export { RACI_ROLE_LABELS } from '@liaison/domain';

export const WorkflowKind = z.enum(WORKFLOW_KINDS);
export const RaciRole = z.enum(RACI_ROLES);
export const StepState = z.enum(STEP_STATES);
export const WorkflowStatus = z.enum(WORKFLOW_STATUSES);
export const ArtefactKind = z.enum(ARTEFACT_KINDS);
export const OutputKind = z.enum(OUTPUT_KINDS);
export const DisengagementReason = z.enum(DISENGAGEMENT_REASONS);
export const OverlapTrigger = z.enum(OVERLAP_TRIGGERS);

export const PersonRef = z.object({ userId: Id, name: z.string() });

/** A RACI role on a step and the person it resolves to on this account (null: nobody holds it). */
export const RaciChip = z.object({
  role: RaciRole,
  label: z.string().describe('SAL/AE, SA, TAM, TAM manager, Customer, …'),
  person: PersonRef.nullable(),
  explanation: z.string(),
});

export const SignOff = z.object({
  id: Id,
  role: RaciRole,
  signer: z.object({
    kind: z.enum(['staff', 'contact']),
    userId: Id.nullable(),
    contactId: Id.nullable(),
    name: z.string(),
  }),
  artefactVersion: z.int().nullable(),
  signedAt: IsoInstant,
  recordedBy: z.string().describe('Who recorded it (a contact’s sign-off is recorded by staff).'),
  note: z.string().nullable(),
});

export const ArtefactVersion = z.object({
  number: z.int().positive(),
  url: z.string().nullable(),
  file: z.object({ name: z.string(), contentType: z.string(), size: z.int() }).nullable(),
  note: z.string().nullable(),
  createdAt: IsoInstant,
  createdBy: z.string(),
});

export const Artefact = z.object({
  id: Id,
  version: z.int().positive(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  accountId: Id,
  stepId: Id.nullable().describe('The workflow step (row id) it is the output of.'),
  title: z.string(),
  kind: ArtefactKind,
  currentVersion: z.int().positive(),
  versions: z.array(ArtefactVersion).describe('Newest first.'),
  signOffs: z.array(SignOff).describe('Sign-offs of the current version.'),
  approved: z
    .object({ at: IsoInstant, by: z.array(z.string()) })
    .nullable()
    .describe('When every sign-off the step asks for was given on the current version.'),
});

export const StepComment = z.object({
  id: Id,
  author: z.string(),
  body: z.string(),
  createdAt: IsoInstant,
});

export const FormFieldValue = z.union([z.string().max(20_000), z.array(z.string().max(2_000)).max(100)]);

export const StepFormField = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'list']),
  required: z.boolean(),
  prefill: z.string().nullable().describe('The meta-record field it was prefilled from.'),
  value: FormFieldValue.nullable().describe('What was confirmed or entered; null until then.'),
  suggested: FormFieldValue.nullable().describe('The meta-record’s current value, to confirm or correct.'),
});

export const WorkflowStep = z.object({
  id: Id,
  version: z.int().positive(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  accountId: Id,
  workflowId: Id,
  workflowKind: WorkflowKind,
  stepId: z.string().describe('The template’s step id: "1"–"21" in the journey.'),
  position: z.int().positive(),
  activity: z.string(),
  state: StepState,
  open: z.boolean().describe('Its start condition has held: it is someone’s work until done or skipped.'),
  openedAt: IsoInstant.nullable(),
  openReason: z.string().nullable(),
  startsWhen: z.string().describe('What starts it, in words.'),
  startedAt: IsoInstant.nullable(),
  completedAt: IsoInstant.nullable(),
  dueOn: IsoDate.nullable(),
  overdue: z.boolean(),
  responsible: RaciChip,
  accountable: RaciChip.nullable(),
  consulted: z.array(RaciChip),
  informed: z.array(RaciChip),
  relationshipStage: RelationshipStage.nullable(),
  opportunityStage: OpportunityStage.nullable(),
  output: z
    .object({
      kind: OutputKind,
      description: z.string().nullable(),
      required: z.boolean(),
      present: z.boolean(),
    })
    .nullable(),
  signOff: z.object({ roles: z.array(RaciRole), signOffs: z.array(SignOff), complete: z.boolean() }),
  form: z.array(StepFormField),
  activityId: Id.nullable().describe('The logged meeting that is this step’s output.'),
  skipReason: z.string().nullable(),
  artefacts: z.array(Artefact),
  comments: z.array(StepComment),
});

export const Workflow = z.object({
  id: Id,
  version: z.int().positive(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  accountId: Id,
  kind: WorkflowKind,
  name: z.string(),
  description: z.string(),
  status: WorkflowStatus,
  playbookVersion: z.int().describe('The playbook whose template it runs.'),
  startedAt: IsoInstant,
  startedBy: z.string(),
  completedAt: IsoInstant.nullable(),
  cancelledAt: IsoInstant.nullable(),
  cancelReason: z.string().nullable(),
  context: z.object({
    tam: PersonRef.nullable().describe('Handoff: the TAM who accepts. Handover: the incoming TAM.'),
    reason: z.string().nullable().describe('Disengagement reason, or the SA overlap trigger.'),
    note: z.string().nullable(),
  }),
  furthestStage: OpportunityStage.nullable(),
  gateOverrides: z.array(
    z.object({
      stage: OpportunityStage,
      reason: z.string(),
      steps: z.array(z.string()),
      at: IsoInstant,
      by: z.string(),
    }),
  ),
  progress: z.object({ settled: z.int(), total: z.int(), current: z.string().nullable() }),
  steps: z.array(WorkflowStep),
});

export const AccountJourney = z.object({
  accountId: Id,
  asOf: IsoInstant.nullable(),
  workflows: z.array(Workflow).describe('Running first, then finished, newest first.'),
  disengagementCandidate: z.boolean(),
  canStart: z.array(WorkflowKind).describe('Workflows the caller may start now.'),
});

export const JourneyQuery = z.object({
  asOf: IsoInstant.optional().describe('The journey exactly as it was at this instant.'),
});

export const StartWorkflowRequest = z.object({
  kind: WorkflowKind,
  tamUserId: Id.optional().describe('Handoff: the TAM who will accept. Handover: the incoming TAM.'),
  reason: z
    .union([DisengagementReason, OverlapTrigger])
    .optional()
    .describe('Disengagement: why (required). SA overlap: the trigger (required).'),
  note: LongText.optional(),
});

export const UpdateStepRequest = z.object({
  state: StepState.optional(),
  skipReason: z.string().trim().min(1).max(2_000).optional().describe('Required to skip.'),
  data: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/), FormFieldValue).optional(),
  activityId: Id.nullable().optional(),
  dueOn: IsoDate.optional(),
  version: z.int().positive().optional(),
});

export const CancelWorkflowRequest = z.object({
  reason: z.string().trim().min(1).max(2_000),
  version: z.int().positive().optional(),
});

export const CreateStepCommentRequest = z.object({ body: z.string().trim().min(1).max(20_000) });

export const SignOffRequest = z.object({
  role: RaciRole,
  contactId: Id.optional().describe('For the customer role: the contact who signed.'),
  note: z.string().trim().max(2_000).optional(),
});

/**
 * The most a file sent inline may hold: 3 MB. Files are kept in PostgreSQL; a bigger one belongs
 * behind a link. Clients read it to refuse a file before sending it.
 */
export const MAX_UPLOAD_BYTES = 3_000_000;

/** A file sent inline (base64: 4 characters for every 3 bytes), kept by Liaison in PostgreSQL. */
export const ArtefactFileInput = z.object({
  name: z.string().trim().min(1).max(200),
  contentType: z
    .string()
    .regex(/^[\w.+-]+\/[\w.+-]+$/)
    .max(100),
  base64: z
    .base64()
    .max(
      (MAX_UPLOAD_BYTES / 3) * 4,
      `must decode to at most ${MAX_UPLOAD_BYTES} bytes (3 MB); link a larger file`,
    ),
});

const ArtefactSource = {
  url: z
    .url({ protocol: /^https?$/ })
    .max(2_000)
    .optional(),
  file: ArtefactFileInput.optional(),
  note: z.string().trim().max(2_000).optional(),
};

export const CreateArtefactRequest = z.object({
  title: ShortText,
  kind: ArtefactKind,
  stepId: Id.optional().describe('The workflow step (row id) it is the output of.'),
  ...ArtefactSource,
});

export const AddArtefactVersionRequest = z.object({
  ...ArtefactSource,
  version: z.int().positive().optional(),
});

export const DisengagementSummary = z.object({
  workflowId: Id,
  markdown: z.string(),
  generatedAt: IsoInstant,
});

export const StepListQuery = PageQuery.extend({
  responsible: z.union([z.literal('me'), Id]).optional(),
  accountId: Id.optional(),
  open: QueryBoolean.optional().describe('Only open steps (not done, not skipped).'),
  overdue: QueryBoolean.optional(),
  kind: WorkflowKind.optional(),
});

export const StepListItem = z.object({
  id: Id,
  accountId: Id,
  accountName: z.string(),
  workflowId: Id,
  workflowKind: WorkflowKind,
  stepId: z.string(),
  activity: z.string(),
  state: StepState,
  responsible: PersonRef.nullable(),
  dueOn: IsoDate.nullable(),
  overdue: z.boolean(),
});

export const JourneyOverviewQuery = z.object({
  region: Region.optional(),
  segment: Segment.optional(),
});

export const JourneyOverview = z.object({
  workflows: z.array(
    z.object({
      kind: WorkflowKind,
      name: z.string(),
      running: z.int(),
      steps: z.array(
        z.object({
          stepId: z.string(),
          activity: z.string(),
          open: z.int().describe('Accounts with this step open.'),
          overdue: z.int().describe('Open longer than the template allows.'),
        }),
      ),
    }),
  ),
  byRegion: z.array(z.object({ region: Region, running: z.int(), overdue: z.int() })),
  bySegment: z.array(z.object({ segment: Segment, running: z.int(), overdue: z.int() })),
  overdueSteps: z.array(StepListItem).describe('The oldest overdue steps, at most 50.'),
});

/** The workflow templates of the playbook in force (written through the playbook, dry-run first). */
export const WorkflowTemplates = z.object({
  playbookVersion: z.int(),
  gates: z.enum(['ask_reason', 'block']),
  saOverlapDays: z.int(),
  templates: z.array(workflowTemplateSchema),
});

export type WorkflowKind = z.infer<typeof WorkflowKind>;
export type RaciRole = z.infer<typeof RaciRole>;
export type StepState = z.infer<typeof StepState>;
export type RaciChip = z.infer<typeof RaciChip>;
export type SignOff = z.infer<typeof SignOff>;
export type Artefact = z.infer<typeof Artefact>;
export type ArtefactVersion = z.infer<typeof ArtefactVersion>;
export type StepComment = z.infer<typeof StepComment>;
export type StepFormField = z.infer<typeof StepFormField>;
export type WorkflowStep = z.infer<typeof WorkflowStep>;
export type Workflow = z.infer<typeof Workflow>;
export type AccountJourney = z.infer<typeof AccountJourney>;
export type StartWorkflowRequest = z.infer<typeof StartWorkflowRequest>;
export type UpdateStepRequest = z.infer<typeof UpdateStepRequest>;
export type CancelWorkflowRequest = z.infer<typeof CancelWorkflowRequest>;
export type SignOffRequest = z.infer<typeof SignOffRequest>;
export type CreateArtefactRequest = z.infer<typeof CreateArtefactRequest>;
export type AddArtefactVersionRequest = z.infer<typeof AddArtefactVersionRequest>;
export type DisengagementSummary = z.infer<typeof DisengagementSummary>;
export type StepListItem = z.infer<typeof StepListItem>;
export type JourneyOverview = z.infer<typeof JourneyOverview>;
export const stepPage = page(StepListItem);
