import { eq, lte, sql } from 'drizzle-orm';
import { type Executor, toIso } from '../../db/client.ts';
import { signInAttempts } from '../../db/schema.ts';

export interface AttemptCount {
  key: string;
  /** This attempt's number in its key's window: 1 for the first. */
  attempts: number;
  windowStartedAt: Date;
}

const windowStart = (now: Date, windowMs: number) => new Date(now.getTime() - windowMs).toISOString();

/** The sign-in counters every server shares (docs/security.md, Throttling). */
export const signInThrottleStore = {
  /**
   * Counts one attempt on each key in one statement. PostgreSQL locks each counter row while it
   * increments it, so parallel attempts each get their own number: none of them can all read
   * "9" and all pass. Keys are locked in the order given (the e-mail's first), so two attempts
   * never wait on each other's rows.
   */
  async count(executor: Executor, keys: string[], now: Date, windowMs: number): Promise<AttemptCount[]> {
    const at = now.toISOString();
    const stillOpen = sql`counted.window_started_at > ${windowStart(now, windowMs)}::timestamptz`;
    const result = await executor.execute<{
      key: string;
      attempts: number;
      window_started_at: string | Date;
    }>(
      sql`INSERT INTO sign_in_attempts AS counted (key, window_started_at, attempts)
        VALUES ${sql.join(
          keys.map((key) => sql`(${key}, ${at}::timestamptz, 1)`),
          sql`, `,
        )}
        ON CONFLICT (key) DO UPDATE SET
          attempts = CASE WHEN ${stillOpen} THEN counted.attempts + 1 ELSE 1 END,
          window_started_at = CASE WHEN ${stillOpen} THEN counted.window_started_at ELSE excluded.window_started_at END
        RETURNING key, attempts, window_started_at`,
    );
    return result.rows.map((row) => ({
      key: row.key,
      attempts: Number(row.attempts),
      windowStartedAt: new Date(toIso(row.window_started_at)),
    }));
  },

  /** Forgets a key's attempts (a successful sign-in clears its e-mail's). */
  async clear(executor: Executor, key: string): Promise<void> {
    await executor.delete(signInAttempts).where(eq(signInAttempts.key, key));
  },

  /** Gives one attempt back (a successful sign-in does not count against its client). */
  async giveBack(executor: Executor, key: string): Promise<void> {
    await executor
      .update(signInAttempts)
      .set({ attempts: sql`greatest(${signInAttempts.attempts} - 1, 0)` })
      .where(eq(signInAttempts.key, key));
  },

  /** Drops counters whose window has closed; run on sign-in, so the table stays small. */
  async deleteClosed(executor: Executor, now: Date, windowMs: number): Promise<void> {
    await executor
      .delete(signInAttempts)
      .where(lte(signInAttempts.windowStartedAt, windowStart(now, windowMs)));
  },
};
