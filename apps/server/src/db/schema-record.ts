import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { day, instant, recordColumns, textArray } from './schema-columns.ts';

// The customer meta-record: accounts and what they own, the team, the timeline, the playbook's
// inputs, and the history of every change (docs/glossary.md).

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

export const accountChildColumns = {
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
