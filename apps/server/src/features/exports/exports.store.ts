import { asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { accounts, activities, contacts, opportunities, users } from '../../db/schema.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

/**
 * Keyset pages of each exported object, with the references an export writes: the referenced
 * record's Salesforce Id when it has one, else its Liaison id (a user: else the e-mail address).
 */

const userRef = (table: { externalIds: AnyPgColumn; email: AnyPgColumn }) =>
  sql<string | null>`coalesce(${table.externalIds} ->> 'salesforce', ${table.email})`;
const accountRef = (table: { externalIds: AnyPgColumn; id: AnyPgColumn }) =>
  sql<string | null>`coalesce(${table.externalIds} ->> 'salesforce', ${table.id}::text)`;

/** The user currently holding `role` on the account (the latest to start). */
function roleHolder(role: SQL, now: string): SQL<string | null> {
  return sql<string | null>`(SELECT coalesce(u.external_ids ->> 'salesforce', u.email)
    FROM team_assignments t JOIN users u ON u.id = t.user_id
    WHERE t.account_id = ${accounts.id} AND t.role = ${role} AND ${heldAt(now, 't')}
    ORDER BY t.starts_at DESC, t.id LIMIT 1)`;
}

const parents = alias(accounts, 'parent');
const owners = alias(users, 'owner');

export const exportsStore = {
  async accounts(executor: Executor, after: string | null, limit: number, now: string) {
    const ownerRole = sql`CASE WHEN ${accounts.segment} IN ('enterprise', 'public_sector') THEN 'sal' ELSE 'ae' END`;
    return executor
      .select({
        account: accounts,
        parentRef: accountRef(parents),
        ownerRef: roleHolder(ownerRole, now),
        tamRef: roleHolder(sql`'tam'`, now),
      })
      .from(accounts)
      .leftJoin(parents, eq(parents.id, accounts.parentAccountId))
      .where(after === null ? undefined : gt(accounts.id, after))
      .orderBy(asc(accounts.id))
      .limit(limit);
  },

  async contacts(executor: Executor, after: string | null, limit: number) {
    return executor
      .select({ contact: contacts, accountRef: accountRef(accounts) })
      .from(contacts)
      .innerJoin(accounts, eq(accounts.id, contacts.accountId))
      .where(after === null ? undefined : gt(contacts.id, after))
      .orderBy(asc(contacts.id))
      .limit(limit);
  },

  async opportunities(executor: Executor, after: string | null, limit: number) {
    return executor
      .select({ opportunity: opportunities, accountRef: accountRef(accounts) })
      .from(opportunities)
      .innerJoin(accounts, eq(accounts.id, opportunities.accountId))
      .where(after === null ? undefined : gt(opportunities.id, after))
      .orderBy(asc(opportunities.id))
      .limit(limit);
  },

  async activities(executor: Executor, after: string | null, limit: number) {
    return executor
      .select({ activity: activities, accountRef: accountRef(accounts), ownerRef: userRef(owners) })
      .from(activities)
      .innerJoin(accounts, eq(accounts.id, activities.accountId))
      .leftJoin(owners, eq(owners.id, activities.createdByUserId))
      .where(after === null ? undefined : gt(activities.id, after))
      .orderBy(asc(activities.id))
      .limit(limit);
  },

  /** Users by e-mail address: ids differ between installations, addresses do not. */
  async users(executor: Executor, after: string | null, limit: number) {
    return executor
      .select({ user: users })
      .from(users)
      .where(after === null ? undefined : gt(users.email, after))
      .orderBy(asc(users.email))
      .limit(limit);
  },
};
