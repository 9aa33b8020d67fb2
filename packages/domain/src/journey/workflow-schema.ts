import { z } from 'zod';
import { OPPORTUNITY_STAGES, RELATIONSHIP_STAGES } from '../assessment/vocabulary.ts';
import {
  OUTPUT_KINDS,
  PREFILL_SOURCES,
  RACI_ROLES,
  WORKFLOW_EVENTS,
  WORKFLOW_KINDS,
} from './workflow-vocabulary.ts';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9_]*$/);
const role = z.enum(RACI_ROLES);

/** A field of a step's form: what the responsible person confirms or fills in. */
const formField = z.strictObject({
  id,
  label: text,
  /** Multi-line text or a list of lines. */
  kind: z.enum(['text', 'list']),
  /** Where the first value comes from; the person confirms or corrects it. */
  prefill: z.enum(PREFILL_SOURCES).nullable().default(null),
  required: z.boolean().default(false),
});

/**
 * One step of a workflow template: the responsibility matrix's row with its RACI, stages and
 * output, what starts it, how long it may take and who signs it off (docs/journey.md).
 */
export const workflowStepSchema = z.strictObject({
  id,
  activity: text,
  responsible: role,
  accountable: role.nullable().default(null),
  consulted: z.array(role).default([]),
  informed: z.array(role).default([]),
  relationshipStage: z.enum(RELATIONSHIP_STAGES).nullable().default(null),
  opportunityStage: z.enum(OPPORTUNITY_STAGES).nullable().default(null),
  output: z
    .strictObject({ kind: z.enum(OUTPUT_KINDS), description: text.nullable(), required: z.boolean() })
    .nullable()
    .default(null),
  /**
   * What starts it; any one condition is enough. With none, it starts with the workflow.
   * `afterSteps`: when every listed step is done or skipped.
   */
  startsWhen: z
    .strictObject({
      afterSteps: z.array(id).default([]),
      opportunityStage: z.enum(OPPORTUNITY_STAGES).nullable().default(null),
      event: z.enum(WORKFLOW_EVENTS).nullable().default(null),
    })
    .default({ afterSteps: [], opportunityStage: null, event: null }),
  /** Due this many days after it starts. */
  dueDays: z.number().int().min(0).max(365),
  /** Roles that must sign the step off before it is done; `customer`: a contact signs too. */
  signOff: z.array(role).default([]),
  form: z.array(formField).default([]),
});

export const workflowTemplateSchema = z.strictObject({
  kind: z.enum(WORKFLOW_KINDS),
  name: text,
  description: text,
  steps: z.array(workflowStepSchema).min(1).max(60),
});

export const journeySettingsSchema = z.strictObject({
  /**
   * Moving an opportunity past a stage whose required outputs are missing: `ask_reason` records
   * the reason given and lets it through, `block` refuses (docs/journey.md, Gates).
   */
  gates: z.enum(['ask_reason', 'block']),
  /** The SA stays on the team this many days after the TAM accepts a handoff (overlap). */
  saOverlapDays: z.number().int().min(0).max(365),
  templates: z.array(workflowTemplateSchema).length(WORKFLOW_KINDS.length),
});

export type WorkflowStepTemplate = z.output<typeof workflowStepSchema>;
export type WorkflowTemplate = z.output<typeof workflowTemplateSchema>;
export type JourneySettings = z.output<typeof journeySettingsSchema>;
export type WorkflowFormField = WorkflowStepTemplate['form'][number];
