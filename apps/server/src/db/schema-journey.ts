import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytes, day, instant, textArray } from './schema-columns.ts';
import { accountChildColumns, accounts } from './schema-record.ts';

// The customer journey's workflows, their steps, artefacts and sign-offs (docs/journey.md).

// Artefact files are bytes kept in PostgreSQL (`bytes`): every server of an installation sees them.

/**
 * A workflow running on an account (docs/journey.md): the journey, a handoff, a handover, a
 * disengagement. `template` is the playbook's template as it was when the instance started, so
 * a running instance keeps its steps when the playbook changes.
 */
export const workflowInstances = pgTable(
  'workflow_instances',
  {
    ...accountChildColumns,
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    playbookVersion: integer('playbook_version').notNull(),
    template: jsonb('template').notNull(),
    startedAt: instant('started_at').notNull(),
    startedBy: text('started_by').notNull(),
    completedAt: instant('completed_at'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    // What the workflow was started with: the TAM a handoff names, a disengagement's reason, …
    context: jsonb('context').notNull().default({}),
    // Events seen (closed_won, disengagement_flag) and the furthest stage reached: start conditions.
    events: textArray('events'),
    furthestStage: text('furthest_stage'),
    // Gates passed with a reason: [{ stage, reason, steps, at, by }].
    gateOverrides: jsonb('gate_overrides').notNull().default([]),
  },
  (table) => [
    index('workflow_instances_account_idx').on(table.accountId, table.startedAt),
    // One running instance of each workflow per account.
    uniqueIndex('workflow_instances_active_key')
      .on(table.accountId, table.kind)
      .where(sql`${table.status} = 'active'`),
  ],
);

/** One step of a running workflow: its state, who is responsible, due date, what it produced. */
export const workflowSteps = pgTable(
  'workflow_steps',
  {
    ...accountChildColumns,
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => workflowInstances.id, { onDelete: 'cascade' }),
    stepId: text('step_id').notNull(),
    position: integer('position').notNull(),
    state: text('state').notNull(),
    openedAt: instant('opened_at'),
    openReason: text('open_reason'),
    startedAt: instant('started_at'),
    completedAt: instant('completed_at'),
    completedBy: uuid('completed_by'),
    dueOn: day('due_on'),
    // Resolved from the account team when the step opened (docs/journey.md, Who is responsible).
    responsibleUserId: uuid('responsible_user_id'),
    responsibleName: text('responsible_name'),
    responsibleExplanation: text('responsible_explanation'),
    data: jsonb('data').notNull().default({}),
    activityId: uuid('activity_id'),
    skipReason: text('skip_reason'),
  },
  (table) => [
    uniqueIndex('workflow_steps_instance_step_key').on(table.instanceId, table.stepId),
    // "Steps I owe": open steps per responsible person.
    index('workflow_steps_responsible_idx')
      .on(table.responsibleUserId, table.dueOn)
      .where(sql`${table.state} IN ('not_started', 'in_progress') AND ${table.openedAt} IS NOT NULL`),
  ],
);

export const workflowComments = pgTable(
  'workflow_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    stepRowId: uuid('step_row_id')
      .notNull()
      .references(() => workflowSteps.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id'),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('workflow_comments_step_idx').on(table.stepRowId, table.createdAt)],
);

/** A document a step produces (blueprint, SOW, PoV plan, success criteria, contract, …). */
export const artefacts = pgTable(
  'artefacts',
  {
    ...accountChildColumns,
    stepRowId: uuid('step_row_id').references(() => workflowSteps.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
  },
  (table) => [
    index('artefacts_account_idx').on(table.accountId),
    index('artefacts_step_idx').on(table.stepRowId),
  ],
);

/** Each version of an artefact: a link, or a file kept in PostgreSQL. */
export const artefactVersions = pgTable(
  'artefact_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    artefactId: uuid('artefact_id')
      .notNull()
      .references(() => artefacts.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    url: text('url'),
    fileName: text('file_name'),
    contentType: text('content_type'),
    size: integer('size'),
    content: bytes('content'),
    note: text('note'),
    createdAt: instant('created_at').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
  },
  (table) => [uniqueIndex('artefact_versions_number_key').on(table.artefactId, table.number)],
);

/**
 * A sign-off: a staff member in a role, or a customer contact recorded by staff, approving a
 * step (the blueprint's validation) or an artefact's version (the success criteria).
 */
export const signOffs = pgTable(
  'sign_offs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    stepRowId: uuid('step_row_id').references(() => workflowSteps.id, { onDelete: 'cascade' }),
    artefactId: uuid('artefact_id').references(() => artefacts.id, { onDelete: 'cascade' }),
    artefactVersion: integer('artefact_version'),
    role: text('role').notNull(),
    userId: uuid('user_id'),
    contactId: uuid('contact_id'),
    signerName: text('signer_name').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name').notNull(),
    signedAt: instant('signed_at').notNull(),
    note: text('note'),
  },
  (table) => [
    index('sign_offs_account_idx').on(table.accountId),
    uniqueIndex('sign_offs_step_role_key')
      .on(table.stepRowId, table.role)
      .where(sql`${table.stepRowId} IS NOT NULL`),
    uniqueIndex('sign_offs_artefact_role_key')
      .on(table.artefactId, table.artefactVersion, table.role)
      .where(sql`${table.artefactId} IS NOT NULL`),
  ],
);
