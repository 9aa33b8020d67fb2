import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { installJobSchema } from '../kernel/job-queue.ts';

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

// Any constant works; it only has to be the same for every Liaison server on one database.
const MIGRATION_LOCK_KEY = 7_311_942_001;

interface JournalEntry {
  idx: number;
  tag: string;
}

export interface MigrationResult {
  applied: string[];
}

/**
 * Applies the committed drizzle-kit migrations that this database has not seen, all in one
 * transaction under an advisory lock: two servers starting at once queue up instead of racing,
 * and a failing migration leaves the schema exactly as it was.
 */
export async function migrate(pool: pg.Pool): Promise<MigrationResult> {
  const journal = JSON.parse(
    await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: JournalEntry[];
  };
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS liaison_migrations (
      idx integer PRIMARY KEY,
      tag text NOT NULL,
      sha256 text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await client.query<{ idx: number; sha256: string; tag: string }>(
      'SELECT idx, tag, sha256 FROM liaison_migrations',
    );
    const doneByIdx = new Map(done.rows.map((row) => [row.idx, row]));
    for (const entry of [...journal.entries].sort((left, right) => left.idx - right.idx)) {
      const sqlText = await fs.readFile(path.join(migrationsFolder, `${entry.tag}.sql`), 'utf8');
      const sha256 = createHash('sha256').update(sqlText).digest('hex');
      const previous = doneByIdx.get(entry.idx);
      if (previous) {
        // Migrations are forward-only once merged: an edited one is a bug, not something to re-run.
        if (previous.sha256 !== sha256) {
          throw new Error(
            `Migration ${entry.tag} was edited after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      for (const statement of sqlText.split('--> statement-breakpoint')) {
        if (statement.trim()) await client.query(statement);
      }
      await client.query('INSERT INTO liaison_migrations (idx, tag, sha256) VALUES ($1, $2, $3)', [
        entry.idx,
        entry.tag,
        sha256,
      ]);
      applied.push(entry.tag);
    }
    await client.query('COMMIT');
    // The job queue's own tables, installed and upgraded by pg-boss on this connection under the
    // same lock: a second server starting at once waits, then finds them there.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await installJobSchema({ executeSql: (text, values) => client.query(text, values) });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  return { applied };
}
