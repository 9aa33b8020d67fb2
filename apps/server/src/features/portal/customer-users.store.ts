import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { changesAnything } from '../../db/changes.ts';
import type { Executor } from '../../db/client.ts';
import { contacts, customerUsers, users } from '../../db/schema.ts';

export type CustomerUserRecord = typeof customerUsers.$inferSelect;

/** A customer user with what staff see beside it: the contact's name and who invited them. */
export type CustomerUserRow = CustomerUserRecord & { name: string; invitedByName: string | null };

export type CustomerUserChange = Partial<
  Pick<
    CustomerUserRecord,
    'email' | 'status' | 'passwordHash' | 'invitedByUserId' | 'invitedAt' | 'activatedAt' | 'deactivatedAt'
  >
>;

const withNames = {
  ...getTableColumns(customerUsers),
  name: contacts.name,
  invitedByName: users.name,
};

const selectRows = (executor: Executor) =>
  executor
    .select(withNames)
    .from(customerUsers)
    .innerJoin(contacts, eq(contacts.id, customerUsers.contactId))
    .leftJoin(users, eq(users.id, customerUsers.invitedByUserId));

/** The customer users of the portal (docs/portal.md): one per invited contact. */
export const customerUsersStore = {
  async listByAccount(executor: Executor, accountId: string): Promise<CustomerUserRow[]> {
    return selectRows(executor).where(eq(customerUsers.accountId, accountId)).orderBy(asc(contacts.name));
  },

  async findById(executor: Executor, id: string): Promise<CustomerUserRow | undefined> {
    const [row] = await selectRows(executor).where(eq(customerUsers.id, id));
    return row;
  },

  /** Locked for a change, after its account (kernel/account-access.ts, lockOwnedRecord). */
  async lockById(executor: Executor, id: string): Promise<CustomerUserRecord | undefined> {
    const [row] = await executor.select().from(customerUsers).where(eq(customerUsers.id, id)).for('update');
    return row;
  },

  /** The active customer users among these contacts of the account (who hear of staff answers). */
  async activeAmong(
    executor: Executor,
    accountId: string,
    contactIds: readonly string[],
  ): Promise<CustomerUserRow[]> {
    if (contactIds.length === 0) return [];
    return selectRows(executor).where(
      and(
        eq(customerUsers.accountId, accountId),
        eq(customerUsers.status, 'active'),
        inArray(customerUsers.contactId, [...contactIds]),
      ),
    );
  },

  async findByContact(executor: Executor, contactId: string): Promise<CustomerUserRecord | undefined> {
    const [row] = await executor.select().from(customerUsers).where(eq(customerUsers.contactId, contactId));
    return row;
  },

  /** By e-mail, whatever its case (the unique index is on `lower(email)`). */
  async findByEmail(executor: Executor, email: string): Promise<CustomerUserRecord | undefined> {
    const [row] = await executor
      .select()
      .from(customerUsers)
      .where(sql`lower(${customerUsers.email}) = ${email.trim().toLowerCase()}`);
    return row;
  },

  async insert(
    executor: Executor,
    values: Pick<CustomerUserRecord, 'contactId' | 'accountId' | 'email' | 'invitedByUserId'>,
    now: Date,
  ): Promise<CustomerUserRecord> {
    const at = now.toISOString();
    const [row] = await executor
      .insert(customerUsers)
      .values({ ...values, status: 'invited', invitedAt: at, createdAt: at, updatedAt: at })
      .returning();
    return row!;
  },

  async update(executor: Executor, id: string, values: CustomerUserChange, now: Date): Promise<void> {
    await executor
      .update(customerUsers)
      .set({ ...values, version: sql`${customerUsers.version} + 1`, updatedAt: now.toISOString() })
      .where(and(eq(customerUsers.id, id), changesAnything(customerUsers, values)));
  },

  /** Bookkeeping, not a change of the record: no new version, no history entry. */
  async touchSignIn(executor: Executor, id: string, now: Date): Promise<void> {
    await executor
      .update(customerUsers)
      .set({ lastSignInAt: now.toISOString() })
      .where(eq(customerUsers.id, id));
  },
};
