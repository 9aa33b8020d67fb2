import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { day, instant, recordColumns, textArray } from './schema-columns.ts';
import { accountChildColumns, accounts, contacts } from './schema-record.ts';

// Customer collaboration projects (docs/projects.md): a project per account copied from a playbook
// template, its milestones, labels, issues, comments (internal notes among them) and attachments.
// `external_id` + `source` let a later mirror (GitLab) attach to each record; `source` is
// `liaison` for what Liaison created.

/** Bytes kept in PostgreSQL (attachments): every server of an installation sees them, none on disk. */
const bytes = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

const mirrorColumns = {
  externalId: text('external_id'),
  source: text('source').notNull().default('liaison'),
};

/** Who wrote something: a staff user or a customer contact (a portal user is a contact). */
const authorColumns = {
  // Kept apart from the ids: a deleted contact's post stays the customer's (response tracking).
  authorKind: text('author_kind').notNull(),
  authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
  authorContactId: uuid('author_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
  // Kept as written: the name stays when the person is deleted.
  authorName: text('author_name').notNull(),
};

export const projects = pgTable(
  'projects',
  {
    ...accountChildColumns,
    ...mirrorColumns,
    name: text('name').notNull(),
    phase: text('phase').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    templateKey: text('template_key').notNull(),
    templateName: text('template_name').notNull(),
    // The playbook version the template was copied from: later versions change new projects only.
    templateVersion: integer('template_version').notNull(),
    readme: text('readme').notNull(),
    // The issue templates copied with the project (meeting agenda, feature request, …).
    issueTemplates: jsonb('issue_templates').notNull().default([]),
    nextIssueNumber: integer('next_issue_number').notNull().default(1),
    postSalesAt: instant('post_sales_at'),
  },
  (table) => [
    // One collaboration project per account (docs/projects.md); a mirror attaches to it.
    uniqueIndex('projects_account_key').on(table.accountId),
    index('projects_owner_idx').on(table.ownerUserId),
    uniqueIndex('projects_external_key')
      .on(table.source, table.externalId)
      .where(sql`${table.externalId} IS NOT NULL`),
  ],
);

const projectChild = {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id')
    .notNull()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  projectId: uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'cascade' }),
};

export const projectMilestones = pgTable(
  'project_milestones',
  {
    ...projectChild,
    ...mirrorColumns,
    title: text('title').notNull(),
    description: text('description'),
    dueOn: day('due_on'),
    state: text('state').notNull().default('open'),
    position: integer('position').notNull(),
  },
  (table) => [uniqueIndex('project_milestones_title_key').on(table.projectId, table.title)],
);

export const projectLabels = pgTable(
  'project_labels',
  {
    ...projectChild,
    name: text('name').notNull(),
    colour: text('colour').notNull(),
    description: text('description'),
    position: integer('position').notNull(),
  },
  (table) => [uniqueIndex('project_labels_name_key').on(table.projectId, table.name)],
);

/** Issues are customer-visible; what is for staff only goes in an internal comment. */
export const projectIssues = pgTable(
  'project_issues',
  {
    ...recordColumns,
    ...projectChild,
    ...mirrorColumns,
    ...authorColumns,
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    state: text('state').notNull().default('open'),
    labels: textArray('labels'),
    milestoneId: uuid('milestone_id').references(() => projectMilestones.id, { onDelete: 'set null' }),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
    assigneeContactId: uuid('assignee_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    // The issue template a new one is opened from when this one closes (the monthly agenda).
    recursFrom: text('recurs_from'),
    closedAt: instant('closed_at'),
  },
  (table) => [
    uniqueIndex('project_issues_number_key').on(table.projectId, table.number),
    index('project_issues_account_idx').on(table.accountId, table.state),
  ],
);

export const projectComments = pgTable(
  'project_comments',
  {
    ...recordColumns,
    ...projectChild,
    ...mirrorColumns,
    ...authorColumns,
    issueId: uuid('issue_id')
      .notNull()
      .references(() => projectIssues.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    // An internal note: staff only, never shown to the customer, never an answer to them.
    internal: boolean('internal').notNull().default(false),
  },
  (table) => [index('project_comments_issue_idx').on(table.issueId, table.createdAt)],
);

export const projectAttachments = pgTable(
  'project_attachments',
  {
    ...projectChild,
    ...authorColumns,
    issueId: uuid('issue_id')
      .notNull()
      .references(() => projectIssues.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytes('content').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (table) => [index('project_attachments_issue_idx').on(table.issueId)],
);
