import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './schema-auth.ts';
import { bytes, day, instant, textArray } from './schema-columns.ts';
import { accounts } from './schema-record.ts';

// The playbook, its stored verdicts on each account, and CSV imports (docs/playbook.md, docs/import-export.md).

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
    // The run is a job in the queue (decision 0009): its id, and the attempt that last ran it
    // (the sweep tells a dead attempt from one just starting).
    jobId: uuid('job_id'),
    jobAttempt: integer('job_attempt').notNull().default(0),
    uploadBytes: bigint('upload_bytes', { mode: 'number' }).notNull().default(0),
  },
  (table) => [index('imports_created_idx').on(table.createdAt)],
);

/**
 * The uploaded file, decoded to UTF-8, in chunks: stored before the job runs, so any server can
 * run it, and run it again after a crash (docs/import-export.md#jobs). Dropped once the import
 * has an outcome that a rerun would not change.
 */
export const importUploads = pgTable(
  'import_uploads',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytes('data').notNull(),
  },
  (table) => [primaryKey({ columns: [table.importId, table.seq] })],
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
