import { z } from 'zod';
import { Id, IsoInstant, QueryBoolean } from './common.ts';

/** What `POST /imports` and `GET /exports/{object}.csv` work on. */
export const ImportObjectName = z.enum(['accounts', 'contacts', 'opportunities', 'activities', 'users']);

export const ImportStatus = z
  .enum([
    'uploading',
    'queued',
    'reading',
    'checking',
    'writing',
    'assessing',
    'completed',
    'validated',
    'rejected',
    'failed',
  ])
  .describe(
    'uploading: the file is being received and stored; queued: waiting for a server to run it (or to run it again ' +
      'after a failed attempt, whose reason is in `error`); reading: validating rows; checking: keys and references; writing: the one transaction; assessing: ' +
      'recomputing assessments (same transaction); completed: written; validated: a dry run found no errors (nothing ' +
      'written); rejected: rows had errors, nothing written; failed: the file could not be read or the job stopped ' +
      '(nothing written).',
  );

export const ImportQuery = z.object({
  object: ImportObjectName,
  dryRun: QueryBoolean.optional().describe('Validate and count, write nothing.'),
  skipInvalid: QueryBoolean.optional().describe(
    'Write the valid rows; the invalid ones go to the error file.',
  ),
  fileName: z.string().max(200).optional().describe('Shown in the history as "Import <file name>".'),
  mapping: z
    .string()
    .max(16_000)
    .optional()
    .describe('A mapping file as base64url-encoded JSON (or send it in the x-liaison-mapping header).'),
});

export const ImportRowProblem = z.object({
  row: z.int().describe('As a spreadsheet numbers it: the header is row 1, the first data row is row 2.'),
  column: z.string().describe('The header of the offending column; empty for the row as a whole.'),
  message: z.string(),
});

export const ImportJob = z.object({
  id: Id,
  object: ImportObjectName,
  fileName: z.string(),
  status: ImportStatus,
  done: z.boolean(),
  dryRun: z.boolean(),
  skipInvalid: z.boolean(),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
  finishedAt: IsoInstant.nullable(),
  rows: z.object({
    read: z.int(),
    valid: z.int(),
    invalid: z.int(),
    created: z.int().describe('With dryRun: would be created.'),
    updated: z.int(),
    unchanged: z.int(),
  }),
  accountsAssessed: z.int(),
  seconds: z.number().describe('Since the job started (until it finished).'),
  rowsPerSecond: z.number().describe('Rows read per second.'),
  phases: z.record(z.string(), z.number()).describe('Seconds per finished phase.'),
  ignoredColumns: z.array(z.object({ header: z.string(), reason: z.string() })),
  errors: z.object({
    count: z.int(),
    sample: z.array(ImportRowProblem).describe('The first problems, in row order.'),
    file: z.string().nullable().describe('Where to download the error file (original columns + ERROR).'),
  }),
  error: z
    .string()
    .nullable()
    .describe('Why the job failed, when it did (or why its last attempt did, when queued).'),
  uploadBytes: z.int().describe('Bytes of the file stored so far (as UTF-8).'),
  attempt: z
    .int()
    .describe('Which attempt of the job ran it last (0 before the first; retries follow a failed run).'),
});

export const ExportParams = z.object({
  file: z
    .enum(['accounts.csv', 'contacts.csv', 'opportunities.csv', 'activities.csv', 'users.csv'])
    .describe('`<object>.csv`'),
});

export const ExportQuery = z.object({
  protectFormulas: QueryBoolean.optional().describe(
    "Prefix with ' every cell a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR; " +
      'plain numbers excepted). Off by default: a protected file does not import back unchanged.',
  ),
});

export type ImportObjectName = z.infer<typeof ImportObjectName>;
export type ImportStatus = z.infer<typeof ImportStatus>;
export type ImportQuery = z.infer<typeof ImportQuery>;
export type ExportQuery = z.infer<typeof ExportQuery>;
export type ImportJob = z.infer<typeof ImportJob>;
export type ImportRowProblem = z.infer<typeof ImportRowProblem>;
