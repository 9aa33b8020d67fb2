import type { ImportPlan } from '@liaison/domain';
import type pg from 'pg';

/** What every phase of one import knows. */
export interface ImportContext {
  plan: ImportPlan;
  importId: string;
  /** The user running the import. */
  importerId: string;
  skipInvalid: boolean;
}

export interface WriteContext extends ImportContext {
  /** The instant every record and history row of the import carries (ISO). */
  now: string;
  actor: { id: string; name: string };
  requestId: string | null;
  /** The plan a new account gets when the file gives none (the playbook's first). */
  defaultPlan: string;
  /** The team role an account's OwnerId fills; null: SAL for enterprise and public sector, else AE. */
  ownerRole: string | null;
  /** Test hook: called between statements of the write transaction. */
  checkpoint: (step: string) => Promise<void>;
}

export interface WriteCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The SQL of one object. `check` turns the staged rows (`import_rows`) into `import_checked`:
 * each row with its record's id (existing or new), its resolved references and every problem
 * (`problems text[]`, `column<US>message`). `write` runs inside the import's one transaction:
 * it upserts the valid rows set-based, records their history and fills `import_touched` with
 * the accounts whose assessment may have changed.
 */
export interface ObjectImporter {
  check(client: pg.PoolClient, context: ImportContext): Promise<void>;
  write(client: pg.PoolClient, context: WriteContext): Promise<WriteCounts>;
}
