import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { teamMeetings } from '../../db/schema.ts';

export type TeamMeetingRow = typeof teamMeetings.$inferSelect;
type MeetingInsert = Omit<typeof teamMeetings.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export const meetingsStore = {
  async insert(executor: Executor, values: MeetingInsert, now: Date): Promise<TeamMeetingRow> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(teamMeetings)
      .values({ ...values, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async findById(executor: Executor, id: string): Promise<TeamMeetingRow | undefined> {
    const [row] = await executor.select().from(teamMeetings).where(eq(teamMeetings.id, id));
    return row;
  },

  /** The team's latest meeting: the next agenda counts changes from it and carries its open items. */
  async latest(executor: Executor, teamKey: string): Promise<TeamMeetingRow | undefined> {
    const [row] = await executor
      .select()
      .from(teamMeetings)
      .where(eq(teamMeetings.teamKey, teamKey))
      .orderBy(desc(teamMeetings.heldAt), desc(teamMeetings.id))
      .limit(1);
    return row;
  },
};
