import type { ImportJob, ImportObjectName, ImportStatus } from '@liaison/contracts';
import { toIso } from '../../db/client.ts';
import type { ImportErrorRow, ImportRow } from './imports.store.ts';

const TERMINAL: readonly string[] = ['completed', 'validated', 'rejected', 'failed'];

export function isFinished(status: string): boolean {
  return TERMINAL.includes(status);
}

/** `Row 17: ARR__c: "12k" is not a number; CloseDate: required for a new opportunity` */
export function errorText(row: Pick<ImportErrorRow, 'rowNumber' | 'problems'>): string {
  const problems = row.problems as { column: string; message: string }[];
  return `Row ${row.rowNumber}: ${problems
    .map((problem) => (problem.column ? `${problem.column}: ${problem.message}` : problem.message))
    .join('; ')}`;
}

export function presentImport(
  row: ImportRow,
  errors: { count: number; sample: ImportErrorRow[] },
): ImportJob {
  // Phases are measured with a monotonic clock (the running one included).
  const seconds = Object.values(row.phases as Record<string, number>).reduce((sum, value) => sum + value, 0);
  return {
    id: row.id,
    object: row.object as ImportObjectName,
    fileName: row.fileName,
    status: row.status as ImportStatus,
    done: isFinished(row.status),
    dryRun: row.dryRun,
    skipInvalid: row.skipInvalid,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    finishedAt: toIso(row.finishedAt),
    rows: {
      read: row.rowsRead,
      valid: row.rowsValid,
      invalid: row.rowsInvalid,
      created: row.rowsCreated,
      updated: row.rowsUpdated,
      unchanged: row.rowsUnchanged,
    },
    accountsAssessed: row.accountsAssessed,
    seconds: Math.round(seconds * 1000) / 1000,
    rowsPerSecond: seconds > 0 ? Math.round(row.rowsRead / seconds) : 0,
    phases: row.phases as Record<string, number>,
    ignoredColumns: row.ignoredColumns as { header: string; reason: string }[],
    errors: {
      count: errors.count,
      sample: errors.sample.flatMap((error) =>
        (error.problems as { column: string; message: string }[]).map((problem) => ({
          row: error.rowNumber,
          column: problem.column,
          message: problem.message,
        })),
      ),
      file: errors.count > 0 ? `/api/v1/imports/${row.id}/errors.csv` : null,
    },
    error: row.error,
    uploadBytes: row.uploadBytes,
    attempt: row.jobAttempt,
  };
}
