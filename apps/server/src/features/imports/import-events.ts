import type { Database } from '../../db/client.ts';
import { recordEvent } from '../../kernel/events.ts';
import { importsStore } from './imports.store.ts';

/**
 * An import that ends tells the person who started it (docs/messages.md): finished — with its
 * counts — or failed, with the reason. A dry run is a check, not news; the importer sees it.
 */
export async function announceImportEnd(db: Database, importId: string, now: Date): Promise<void> {
  const row = await importsStore.findById(db, importId);
  if (!row || row.dryRun || !row.createdBy) return;
  const failed = row.status === 'failed' || row.status === 'rejected';
  if (!failed && row.status !== 'completed') return;
  const counts = `${row.rowsCreated ?? 0} created, ${row.rowsUpdated ?? 0} updated, ${row.rowsUnchanged ?? 0} unchanged`;
  await recordEvent(db, {
    type: failed ? 'import.failed' : 'import.finished',
    now,
    account: null,
    actor: null,
    title: failed ? `Import failed: ${row.fileName}` : `Import finished: ${row.fileName}`,
    summary: failed
      ? row.status === 'rejected'
        ? `${row.rowsInvalid ?? 0} row(s) are invalid; nothing was written. Download the error file to fix them.`
        : (row.error ?? 'The import failed; nothing was written.')
      : `${row.object}: ${counts}.`,
    link: '/accounts',
    recipientIds: [row.createdBy],
    data: { importId: row.id, object: row.object, status: row.status, rowsInvalid: row.rowsInvalid ?? 0 },
    // Once per attempt that ended it: an import an admin reruns after a failure is news again.
    dedupeKey: `import:${row.id}:${row.jobAttempt}`,
  });
}
