import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { playbooks } from '../../db/schema.ts';

export type PlaybookRow = typeof playbooks.$inferSelect;

export const playbookStore = {
  /** One new version at a time: the version check and the insert must not interleave. */
  async lockVersions(executor: Executor): Promise<void> {
    await executor.execute(sql`LOCK TABLE playbooks IN EXCLUSIVE MODE`);
  },

  async currentVersion(executor: Executor): Promise<number> {
    const result = await executor.execute<{ version: number | null }>(
      sql`SELECT max(version) AS version FROM playbooks`,
    );
    return result.rows[0]?.version ?? 0;
  },

  async find(executor: Executor, version: number): Promise<PlaybookRow | undefined> {
    const [row] = await executor.select().from(playbooks).where(eq(playbooks.version, version));
    return row;
  },

  async list(executor: Executor): Promise<Omit<PlaybookRow, 'document'>[]> {
    return executor
      .select({
        version: playbooks.version,
        createdAt: playbooks.createdAt,
        createdBy: playbooks.createdBy,
        note: playbooks.note,
      })
      .from(playbooks)
      .orderBy(desc(playbooks.version));
  },

  async insert(executor: Executor, row: PlaybookRow): Promise<void> {
    await executor.insert(playbooks).values(row);
  },
};
