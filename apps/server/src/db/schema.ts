import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// Timestamps are instants (timestamptz) read back as ISO strings; business dates are `date`.
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });
const textArray = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

const recordColumns = {
  id: uuid('id').primaryKey().defaultRandom(),
  version: integer('version').notNull().default(1),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
};

export const users = pgTable(
  'users',
  {
    ...recordColumns,
    name: text('name').notNull(),
    email: text('email').notNull(),
    region: text('region'),
    roles: textArray('roles'),
    isActive: boolean('is_active').notNull().default(true),
    passwordHash: text('password_hash'),
    // Ids of the same person in other systems (import: `OwnerId` → user by Salesforce Id).
    externalIds: jsonb('external_ids').notNull().default({}),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    uniqueIndex('users_salesforce_id_key').on(sql`(${table.externalIds} ->> 'salesforce')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // sha-256 of the cookie value: a database leak does not hand out live sessions.
    tokenHash: text('token_hash').primaryKey(),
    // What the history names a session by when it is ended (docs/security.md, Sessions and tokens).
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (table) => [index('sessions_user_idx').on(table.userId), uniqueIndex('sessions_id_key').on(table.id)],
);

/**
 * Sign-in attempts counted per e-mail and per client over a fixed window, in PostgreSQL so that
 * every server of an installation counts the same attempts (docs/security.md, Throttling).
 */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    // `email:<address>` or `client:<address>`.
    key: text('key').primaryKey(),
    windowStartedAt: instant('window_started_at').notNull(),
    attempts: integer('attempts').notNull(),
  },
  (table) => [index('sign_in_attempts_window_idx').on(table.windowStartedAt)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: instant('created_at').notNull(),
    lastUsedAt: instant('last_used_at'),
    expiresAt: instant('expires_at'),
    revokedAt: instant('revoked_at'),
  },
  (table) => [uniqueIndex('api_tokens_hash_key').on(table.tokenHash)],
);

export const accounts = pgTable(
  'accounts',
  {
    ...recordColumns,
    name: text('name').notNull(),
    industry: text('industry'),
    segment: text('segment').notNull(),
    region: text('region').notNull(),
    plan: text('plan').notNull(),
    arr: numeric('arr', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    licensedUsers: integer('licensed_users').notNull().default(0),
    activeUsers: integer('active_users').notNull().default(0),
    lam: integer('lam'),
    stagesAdopted: textArray('stages_adopted'),
    relationshipStage: text('relationship_stage').notNull(),
    parentAccountId: uuid('parent_account_id').references((): AnyPgColumn => accounts.id, {
      onDelete: 'set null',
    }),
    renewalDate: day('renewal_date'),
    contractStart: day('contract_start'),
    externalIds: jsonb('external_ids').notNull().default({}),
    sentiment: text('sentiment'),
    sentimentSetAt: instant('sentiment_set_at'),
    sentimentReason: text('sentiment_reason'),
    atRisk: boolean('at_risk').notNull().default(false),
    // Yellow + Requires Triage: the TAM needs help (docs/playbook.md, At risk).
    requiresTriage: boolean('requires_triage').notNull().default(false),
    onboardingStartedAt: instant('onboarding_started_at'),
    onboardingCompletedAt: instant('onboarding_completed_at'),
    firstValueAt: instant('first_value_at'),
    // Commercial qualify-up considerations (docs/playbook.md, Priority), recorded by the TAM.
    qualifyUp: jsonb('qualify_up')
      .notNull()
      .default({ keyLogo: false, caseStudy: false, channelInitiative: false, triageMoreAttention: false }),
    lastPriorityReviewAt: instant('last_priority_review_at'),
    // Whether support-ticket data is fed for this account; without it the measure is left out.
    supportTicketsTracked: boolean('support_tickets_tracked').notNull().default(false),
  },
  (table) => [
    // Default list order and keyset pagination by name.
    index('accounts_name_idx').on(table.name, table.id),
    index('accounts_parent_idx').on(table.parentAccountId),
    // Upsert by Salesforce Id on import.
    uniqueIndex('accounts_salesforce_id_key').on(sql`(${table.externalIds} ->> 'salesforce')`),
    // The Commercial top N by ARR: one short index scan per ranked segment (ties by name and id
    // in code-unit order, as the domain ranks) instead of a window over the whole book per write.
    index('accounts_commercial_rank_idx').on(
      table.segment,
      table.arr.desc(),
      sql`${table.name} COLLATE "C"`,
      table.id,
    ),
  ],
);

export const businessProfiles = pgTable('business_profiles', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  updatedAt: instant('updated_at').notNull(),
  organisationStructure: text('organisation_structure'),
  championContactId: uuid('champion_contact_id'),
  economicBuyerContactId: uuid('economic_buyer_contact_id'),
  decisionMakerContactId: uuid('decision_maker_contact_id'),
  mostCompellingFeatures: textArray('most_compelling_features'),
  whyTheyBought: text('why_they_bought'),
  objectives: textArray('objectives'),
  painPoints: textArray('pain_points'),
  desiredBusinessOutcomes: textArray('desired_business_outcomes'),
  successMetrics: textArray('success_metrics'),
});

export const technicalProfiles = pgTable('technical_profiles', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  updatedAt: instant('updated_at').notNull(),
  deployment: text('deployment'),
  productVersion: text('product_version'),
  architecture: jsonb('architecture').notNull(),
  hosting: text('hosting'),
  integrations: textArray('integrations'),
  securityCompliance: textArray('security_compliance'),
  environments: textArray('environments'),
  scaleNotes: text('scale_notes'),
});

export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns,
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    title: text('title'),
    phone: text('phone'),
    stakeholderRoles: textArray('stakeholder_roles'),
    externalIds: jsonb('external_ids').notNull().default({}),
  },
  (table) => [
    index('contacts_account_idx').on(table.accountId),
    uniqueIndex('contacts_salesforce_id_key').on(sql`(${table.externalIds} ->> 'salesforce')`),
  ],
);

export const teamAssignments = pgTable(
  'team_assignments',
  {
    ...recordColumns,
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    startsAt: instant('starts_at').notNull(),
    endsAt: instant('ends_at'),
  },
  (table) => [
    index('team_assignments_account_idx').on(table.accountId),
    // "Accounts I am on the team of": the teamMember filter and every portfolio query.
    index('team_assignments_user_idx').on(table.userId, table.accountId),
  ],
);

export const opportunities = pgTable(
  'opportunities',
  {
    ...recordColumns,
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    type: text('type').notNull(),
    stage: text('stage').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
    closeDate: day('close_date').notNull(),
    externalIds: jsonb('external_ids').notNull().default({}),
  },
  (table) => [
    index('opportunities_account_idx').on(table.accountId),
    uniqueIndex('opportunities_salesforce_id_key').on(sql`(${table.externalIds} ->> 'salesforce')`),
  ],
);

export const activities = pgTable(
  'activities',
  {
    ...recordColumns,
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    summary: text('summary').notNull(),
    notes: text('notes'),
    attendees: jsonb('attendees').notNull(),
    actionItems: jsonb('action_items').notNull(),
    externalIds: jsonb('external_ids').notNull().default({}),
    createdByUserId: uuid('created_by_user_id'),
    // Renewal-obligation markers (docs/playbook.md, Obligations): renewal_review, renewal_conversation.
    purposes: textArray('purposes'),
  },
  (table) => [
    // The timeline, newest first, and "last cadence call" look-ups.
    index('activities_account_time_idx').on(table.accountId, table.occurredAt),
    uniqueIndex('activities_salesforce_id_key').on(sql`(${table.externalIds} ->> 'salesforce')`),
  ],
);

/**
 * Every change to customer data, written in the same transaction as the change. `snapshot` is
 * the entity as presented by the API after the change (null after a delete), so the record as of
 * any instant is the latest snapshot per entity at or before it.
 */
export const history = pgTable(
  'history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id'),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    operation: text('operation').notNull(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    // Null for a create written in bulk (an import): its changes are the snapshot's fields, and
    // the read model derives them rather than every import computing and storing them twice.
    changes: jsonb('changes'),
    snapshot: jsonb('snapshot'),
    requestId: text('request_id'),
  },
  (table) => [
    // As-of reconstruction and the account's history page.
    index('history_account_time_idx').on(table.accountId, table.occurredAt, table.id),
    index('history_entity_time_idx').on(table.entityType, table.entityId, table.occurredAt),
  ],
);

const accountChildColumns = {
  ...recordColumns,
  accountId: uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
};

export const successPlans = pgTable('success_plans', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  status: text('status').notNull(),
  strategy: text('strategy'),
  // When the status last changed: the success-plan obligation counts from it (docs/playbook.md).
  statusChangedAt: instant('status_changed_at'),
});

export const successPlanObjectives = pgTable(
  'success_plan_objectives',
  {
    ...accountChildColumns,
    title: text('title').notNull(),
    description: text('description'),
    status: text('status').notNull(),
    dueDate: day('due_date'),
    // When the status last changed (a yellow objective: when it left green), for the success plan's clock.
    statusChangedAt: instant('status_changed_at'),
  },
  (table) => [index('success_plan_objectives_account_idx').on(table.accountId)],
);

export const supportTickets = pgTable(
  'support_tickets',
  {
    ...accountChildColumns,
    subject: text('subject').notNull(),
    severity: text('severity').notNull(),
    openedAt: instant('opened_at').notNull(),
    closedAt: instant('closed_at'),
    externalIds: jsonb('external_ids').notNull().default({}),
  },
  // "Tickets opened in the last 30 days" per account.
  (table) => [index('support_tickets_account_opened_idx').on(table.accountId, table.openedAt)],
);

export const priorityInitiatives = pgTable(
  'priority_initiatives',
  {
    ...accountChildColumns,
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on'),
    hoursPerWeek: numeric('hours_per_week', { precision: 6, scale: 2, mode: 'number' }).notNull(),
  },
  (table) => [index('priority_initiatives_account_idx').on(table.accountId)],
);

export const emeaParameters = pgTable(
  'emea_parameters',
  {
    ...accountChildColumns,
    parameter: text('parameter').notNull(),
    note: text('note'),
    startsOn: day('starts_on').notNull(),
    endsOn: day('ends_on'),
  },
  (table) => [index('emea_parameters_account_idx').on(table.accountId)],
);

/** EMEA: the priority the TAM proposes, counted once a TAM manager approves it. One per account. */
export const priorityProposals = pgTable('priority_proposals', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
  priority: text('priority').notNull(),
  reason: text('reason'),
  proposedBy: uuid('proposed_by').notNull(),
  proposedAt: instant('proposed_at').notNull(),
  approvedBy: uuid('approved_by'),
  approvedAt: instant('approved_at'),
});

export const priorityExceptions = pgTable(
  'priority_exceptions',
  {
    ...accountChildColumns,
    kind: text('kind').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: instant('requested_at').notNull(),
    status: text('status').notNull(),
    approvedBy: uuid('approved_by'),
    approvedByRole: text('approved_by_role'),
    approvedAt: instant('approved_at'),
    expiresAt: instant('expires_at'),
  },
  (table) => [index('priority_exceptions_account_idx').on(table.accountId)],
);

/** Every version of the playbook ever applied; the highest is in force. */
export const playbooks = pgTable('playbooks', {
  version: integer('version').primaryKey(),
  document: jsonb('document').notNull(),
  createdAt: instant('created_at').notNull(),
  createdBy: text('created_by').notNull(),
  note: text('note'),
});

/**
 * The read model of computed assessments, refreshed in the transaction of every write that
 * changes an input, and lazily when a new UTC day starts (every rule counts whole days).
 */
export const accountAssessments = pgTable(
  'account_assessments',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    playbookVersion: integer('playbook_version').notNull(),
    assessedAt: instant('assessed_at').notNull(),
    assessedDay: day('assessed_day').notNull(),
    tier: text('tier').notNull(),
    gemstone: text('gemstone').notNull(),
    priority: text('priority').notNull(),
    // When the stored priority last changed (null: not since this column exists); a new Pr1
    // restarts the success plan's clock (docs/playbook.md, Obligations).
    prioritySince: instant('priority_since'),
    priorityModel: text('priority_model'),
    healthColour: text('health_colour'),
    healthScore: numeric('health_score', { precision: 6, scale: 2, mode: 'number' }),
    tamEligible: boolean('tam_eligible').notNull(),
    needsTam: boolean('needs_tam').notNull(),
    disengagementCandidate: boolean('disengagement_candidate').notNull(),
    tamUserId: uuid('tam_user_id'),
    capacityShare: numeric('capacity_share', { precision: 8, scale: 6, mode: 'number' }).notNull(),
    // Rank by ARR among managed Commercial accounts (null when not ranked): lets a write that
    // moves the top-N boundary find the accounts that left it.
    commercialRank: integer('commercial_rank'),
    nextDueDate: day('next_due_date'),
    nextDueKind: text('next_due_kind'),
    overdueCount: integer('overdue_count').notNull(),
    // The priority review when it is due soon or overdue and not yet done (the team overview).
    reviewDueDate: day('review_due_date'),
    reviewStatus: text('review_status'),
    // What the worklist and portfolio read beyond the columns: the obligations and the next due
    // (the full explanation is computed on demand by GET /accounts/{id}/assessment).
    document: jsonb('document').notNull(),
  },
  (table) => [
    // Portfolio and worklist of one TAM.
    index('account_assessments_tam_idx').on(table.tamUserId, table.priority),
    // Day-rollover refresh finds yesterday's rows.
    index('account_assessments_day_idx').on(table.assessedDay),
    // A write finds the previous Commercial top N without reading the book.
    index('account_assessments_commercial_rank_idx')
      .on(table.commercialRank)
      .where(sql`${table.commercialRank} IS NOT NULL`),
    // The team overview's lists: a few flagged accounts among a million.
    index('account_assessments_flagged_idx')
      .on(table.accountId)
      .where(sql`${table.needsTam} OR ${table.disengagementCandidate} OR ${table.reviewStatus} IS NOT NULL`),
  ],
);

/**
 * CSV import jobs (`POST /imports`): what was imported, by whom, how far it got and how it ended.
 * `updated_at` is the job's heartbeat: a running job that stops beating was interrupted.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    object: text('object').notNull(),
    fileName: text('file_name').notNull(),
    status: text('status').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    skipInvalid: boolean('skip_invalid').notNull().default(false),
    mapping: jsonb('mapping'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    finishedAt: instant('finished_at'),
    headers: textArray('headers'),
    ignoredColumns: jsonb('ignored_columns').notNull().default([]),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsValid: integer('rows_valid').notNull().default(0),
    rowsInvalid: integer('rows_invalid').notNull().default(0),
    rowsCreated: integer('rows_created').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    accountsAssessed: integer('accounts_assessed').notNull().default(0),
    // Seconds spent in each phase (reading, checking, writing, assessing).
    phases: jsonb('phases').notNull().default({}),
    error: text('error'),
  },
  (table) => [index('imports_created_idx').on(table.createdAt)],
);

/** The rows an import rejected, with their original cells: the job's error file. */
export const importErrors = pgTable(
  'import_errors',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    // As a spreadsheet numbers it: the header is row 1, the first data row is row 2.
    rowNumber: integer('row_number').notNull(),
    cells: jsonb('cells').notNull(),
    problems: jsonb('problems').notNull(),
  },
  (table) => [primaryKey({ columns: [table.importId, table.rowNumber] })],
);

/** Bytes kept in PostgreSQL (uploaded artefact files): every server of an installation sees them. */
const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

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

/**
 * One task list (docs/tasks.md): tasks made by hand, the action items of logged activities (one
 * task per item, matched by the item's id) and a meeting's action items. Workflow steps and
 * obligations are listed beside them from their own tables, never copied here.
 */
export const tasks = pgTable(
  'tasks',
  {
    ...recordColumns,
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    notes: text('notes'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    ownerContactId: uuid('owner_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    dueOn: day('due_on'),
    snoozedUntil: day('snoozed_until'),
    status: text('status').notNull(),
    source: text('source').notNull(),
    // An activity's deletion cancels its tasks first (kept in the history); the link then clears.
    activityId: uuid('activity_id').references(() => activities.id, { onDelete: 'set null' }),
    actionItemId: uuid('action_item_id'),
    completedAt: instant('completed_at'),
    completedBy: uuid('completed_by'),
    completedByName: text('completed_by_name'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
  },
  (table) => [
    check('tasks_one_owner', sql`${table.ownerUserId} IS NULL OR ${table.ownerContactId} IS NULL`),
    // My week: a person's open tasks by due date.
    index('tasks_owner_open_idx').on(table.ownerUserId, table.dueOn).where(sql`${table.status} = 'open'`),
    index('tasks_account_idx').on(table.accountId, table.status),
    index('tasks_contact_idx').on(table.ownerContactId).where(sql`${table.ownerContactId} IS NOT NULL`),
    uniqueIndex('tasks_action_item_key')
      .on(table.activityId, table.actionItemId)
      .where(sql`${table.actionItemId} IS NOT NULL`),
  ],
);

/**
 * An account team meeting as held (docs/meetings.md): the agenda Liaison wrote for it, the notes
 * per agenda item, the decisions, and what it created — an activity on each account discussed
 * (its action items are tasks) and the tasks of action items on no account.
 */
export const teamMeetings = pgTable(
  'team_meetings',
  {
    ...recordColumns,
    teamKey: text('team_key').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    tamUserId: uuid('tam_user_id').references(() => users.id, { onDelete: 'set null' }),
    heldAt: instant('held_at').notNull(),
    agenda: jsonb('agenda').notNull(),
    notes: jsonb('notes').notNull(),
    decisions: jsonb('decisions').notNull(),
    activityIds: jsonb('activity_ids').notNull(),
    taskIds: jsonb('task_ids').notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
  },
  // A team's meetings, latest first: the last one starts the next agenda's "since".
  (table) => [index('team_meetings_team_idx').on(table.teamKey, table.heldAt)],
);
