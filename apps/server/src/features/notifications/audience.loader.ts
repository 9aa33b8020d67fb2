import type { NotificationPreferences, TeamRole } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

// The facts the audiences of a batch of events are resolved from (docs/notifications.md): the
// accounts' regions and teams now, and the people who may be told, with their preferences.

export type AccountAudienceRow = {
  id: string;
  region: string;
  team: { userId: string; role: TeamRole }[];
};

export type PersonRow = {
  id: string;
  name: string;
  email: string;
  region: string | null;
  roles: string[];
  /** The person's stored choices (domain `effectivePreferences` fills the rest); null: none. */
  stored: StoredPreferences | null;
};

export type StoredPreferences = Partial<Omit<NotificationPreferences, 'channels'>> & {
  channels?: Record<string, NotificationPreferences['channels'][keyof NotificationPreferences['channels']]>;
};

/** `notification_preferences` columns → the domain's shape (SQL alias `p`). */
export const storedPreferencesJson = sql`CASE WHEN p.user_id IS NULL THEN NULL ELSE json_build_object(
  'channels', p.channels,
  'quietHours', CASE WHEN p.quiet_start IS NULL THEN NULL ELSE json_build_object('start', p.quiet_start, 'end', p.quiet_end) END,
  'timeZone', p.time_zone, 'digestHour', p.digest_hour, 'digest', p.digest) END`;

export const audienceLoader = {
  async accounts(executor: Executor, ids: string[], now: Date): Promise<AccountAudienceRow[]> {
    if (ids.length === 0) return [];
    const result = await executor.execute<AccountAudienceRow>(sql`
      SELECT a.id, a.region,
        coalesce((SELECT json_agg(json_build_object('userId', t.user_id, 'role', t.role) ORDER BY t.starts_at, t.id)
          FROM team_assignments t WHERE t.account_id = a.id AND ${heldAt(now, 't')}), '[]') AS team
      FROM accounts a WHERE a.id = ANY(${sql.param(ids)}::uuid[])`);
    return result.rows;
  },

  /**
   * Active users who may be in an audience: those named or on a team (`ids`), every TAM manager
   * (the regional lists), and the leadership lists' e-mails. A deactivated user is never loaded,
   * so never told.
   */
  async people(executor: Executor, ids: string[], emails: string[]): Promise<PersonRow[]> {
    const result = await executor.execute<PersonRow>(sql`
      SELECT u.id, u.name, u.email, u.region, u.roles, ${storedPreferencesJson} AS stored
      FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE u.is_active AND (u.id = ANY(${sql.param(ids)}::uuid[]) OR 'tam_manager' = ANY(u.roles)
        OR lower(u.email) = ANY(${sql.param(emails)}::text[]))`);
    return result.rows;
  },
};
