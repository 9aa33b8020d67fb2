import { inArray, sql } from 'drizzle-orm';
import type { DatabaseHandle, Executor } from '../../db/client.ts';
import {
  accounts,
  activities,
  businessProfiles,
  contacts,
  history,
  opportunities,
  teamAssignments,
  technicalProfiles,
  users,
} from '../../db/schema.ts';
import { hashPassword } from '../auth/secrets.ts';
import { planAccounts } from './demo-account-plans.ts';
import { buildAccountRows } from './demo-account-rows.ts';
import { buildActivityRows } from './demo-activities.ts';
import { buildContactRows, planContacts } from './demo-contacts.ts';
import { buildOpportunityRows } from './demo-opportunities.ts';
import { buildProfileRows } from './demo-profiles.ts';
import { Random } from './demo-random.ts';
import { insertInChunks } from './demo-rows.ts';
import { buildStaff, buildUserRows, DEMO_PASSWORD } from './demo-staff.ts';
import { buildTeamRows, planTeams } from './demo-team.ts';
import { DemoClock } from './demo-time.ts';
import { HistoryLog } from './demo-timeline.ts';

export interface DemoLogin {
  email: string;
  password: string;
  roles: string[];
}

/**
 * The whole demo organisation as rows, built in memory: a pure function of `now` (and of the
 * password hash, which is salted): the same `now` gives the same organisation, ids included.
 */
export async function buildDemoData(now: Date, passwordHash: string) {
  const clock = new DemoClock(now);
  const log = new HistoryLog();
  const staff = buildStaff(clock, new Random('liaison-demo/staff'));
  const { rows: userRows, logins } = buildUserRows(staff, log, passwordHash);
  const plans = planAccounts(clock);
  const team = planTeams(plans, staff, clock);
  const people = planContacts(plans, team, clock);
  const data = {
    users: userRows,
    accounts: buildAccountRows(plans, team, log),
    teamAssignments: buildTeamRows(team, plans, staff, log).map(({ userName: _name, ...row }) => row),
    contacts: buildContactRows(people, log),
    ...buildProfileRows(plans, people, team, clock, log),
    opportunities: buildOpportunityRows(plans, team, clock, log),
    activities: buildActivityRows(plans, team, people, clock, log),
  };
  return { ...data, history: await log.rows(), logins };
}

async function hasAccounts(executor: Executor): Promise<boolean> {
  const [row] = await executor.select({ id: accounts.id }).from(accounts).limit(1);
  return row !== undefined;
}

/**
 * Seeds the demo organisation on an empty database (no account yet), in one transaction, and
 * returns the demo logins; returns null and changes nothing otherwise. Every date is relative to
 * `now` (default: the current time), so the book always looks current.
 */
export async function seedDemo(
  database: DatabaseHandle,
  options: { now?: Date } = {},
): Promise<{ logins: DemoLogin[] } | null> {
  const { db } = database;
  if (await hasAccounts(db)) return null;
  const data = await buildDemoData(options.now ?? new Date(), await hashPassword(DEMO_PASSWORD));
  const seeded = await db.transaction(async (tx) => {
    // Two servers starting on one empty database: one seeds, the other finds the accounts.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('liaison.demo-seed'))`);
    if (await hasAccounts(tx)) return false;
    // Demo users left behind after every account was deleted: not ours to overwrite.
    const emails = data.users.map((user) => user.email);
    if (
      (await tx.select({ id: users.id }).from(users).where(inArray(users.email, emails)).limit(1)).length > 0
    ) {
      return false;
    }
    await insertInChunks(data.users, (chunk) => tx.insert(users).values(chunk));
    await insertInChunks(data.accounts, (chunk) => tx.insert(accounts).values(chunk));
    await insertInChunks(data.business, (chunk) => tx.insert(businessProfiles).values(chunk));
    await insertInChunks(data.technical, (chunk) => tx.insert(technicalProfiles).values(chunk));
    await insertInChunks(data.contacts, (chunk) => tx.insert(contacts).values(chunk));
    await insertInChunks(data.teamAssignments, (chunk) => tx.insert(teamAssignments).values(chunk));
    await insertInChunks(data.opportunities, (chunk) => tx.insert(opportunities).values(chunk));
    await insertInChunks(data.activities, (chunk) => tx.insert(activities).values(chunk));
    await insertInChunks(data.history, (chunk) => tx.insert(history).values(chunk));
    return true;
  });
  return seeded ? { logins: data.logins } : null;
}
