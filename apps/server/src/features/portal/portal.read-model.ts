import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

/**
 * What the portal says about the customer's account: its name and its TAM now. Only these two
 * columns are read, so no staff-only field (health, priority, ARR) can leak into a portal answer
 * through this query.
 */
export const portalReadModel = {
  async accountFace(
    executor: Executor,
    accountId: string,
    now: Date,
  ): Promise<{ accountName: string; tamName: string | null } | undefined> {
    const result = await executor.execute<{ account_name: string; tam_name: string | null }>(
      sql`SELECT a.name AS account_name,
            (SELECT u.name FROM team_assignments t JOIN users u ON u.id = t.user_id
              WHERE t.account_id = a.id AND t.role = 'tam' AND ${heldAt(now, 't')}
              ORDER BY t.starts_at DESC LIMIT 1) AS tam_name
          FROM accounts a WHERE a.id = ${accountId}`,
    );
    const row = result.rows[0];
    return row ? { accountName: row.account_name, tamName: row.tam_name } : undefined;
  },
};
