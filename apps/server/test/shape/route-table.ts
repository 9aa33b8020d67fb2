import { randomUUID } from 'node:crypto';
import type { StaffRole, TeamRole } from '@liaison/contracts';
import { defaultPlaybook, type ImportObject } from '@liaison/domain';
import { exceptionApproverRole, type PolicyUser, policies } from '../../src/policies/policies.ts';
import type { Client, Factories, Staff } from '../factories.ts';
import type { TestResponse } from '../http-client.ts';
import { importCsv } from '../import-client.ts';
import type { TestApp } from '../test-app.ts';

// The test-side table of every private route: the policy that guards it and a valid call to it.
// The role matrix evaluates the real policy functions for each role and checks the route obeys;
// the anonymous sweep sends the same valid calls without credentials. A route missing from the
// table fails route-table.api.test.ts, so every new route gets classified.

/**
 * What guards a route: a policy of policies.ts, the exception approver rule, only being signed in,
 * or (`customer`) a customer user's portal session, which no staff caller has (routes.portal.ts).
 */
export type Guard = keyof typeof policies | 'exceptionApprover' | 'signedIn' | 'customer';

/** Who calls: their roles, and their seats on the target account's current team. */
export interface Caller {
  user: PolicyUser;
  teamRoles: readonly TeamRole[];
}

/** The ids a call is aimed at; what a row's setup does not give is a random (unknown) id. */
export interface Target {
  id: string;
  accountId: string;
  userId: string;
  version: number;
}

export interface Setup {
  f: Factories;
  app: TestApp;
  caller: Staff;
}

export interface RouteCase {
  /** `METHOD /path`, as `app.routes` lists it. */
  route: string;
  guard: Guard;
  /** For `importRecords`: the object imported. */
  importObject?: ImportObject;
  /** Builds what the call needs, fresh where the call changes it (as an admin, through the API). */
  target?: (setup: Setup) => Promise<Partial<Target>>;
  /** A valid call for the target, so an allowed caller gets a 2xx. */
  request?: (target: Target) => { query?: string; body?: unknown; headers?: Record<string, string> };
  /** Waits for work the call left running. */
  settle?: (app: TestApp, response: TestResponse) => Promise<void>;
  /** `customer` rows: what the call aims at for a signed-in customer user of `accountId`. */
  customerTarget?: (setup: CustomerSetup) => Promise<Partial<Target>>;
}

/** A customer user signed in to the portal, for the `customer` rows (portal-sessions.api.test.ts). */
export interface CustomerSetup {
  f: Factories;
  app: TestApp;
  accountId: string;
  customerUserId: string;
}

/** Each guard evaluated by the real policy functions; the compiler insists every policy is here. */
const evaluate: Record<Guard, (caller: Caller, row: RouteCase) => boolean> = {
  signedIn: () => true,
  // Staff callers never hold a portal session: they get 401 (portal-sessions.api.test.ts).
  customer: () => false,
  manageUsers: ({ user }) => policies.manageUsers(user),
  managePlaybook: ({ user }) => policies.managePlaybook(user),
  viewSystemStatus: ({ user }) => policies.viewSystemStatus(user),
  manageMail: ({ user }) => policies.manageMail(user),
  manageTeam: ({ user }) => policies.manageTeam(user),
  changeAccountTeam: ({ user }) => policies.changeAccountTeam(user),
  createAccount: ({ user }) => policies.createAccount(user),
  makeTasks: ({ user }) => policies.makeTasks(user),
  editAccount: ({ user, teamRoles }) => policies.editAccount(user, teamRoles.length > 0),
  deleteAccount: ({ user }) => policies.deleteAccount(user),
  importRecords: ({ user }, row) => policies.importRecords(user, row.importObject ?? 'accounts'),
  approvePriorityProposal: ({ user }) => policies.approvePriorityProposal(user),
  manageWebhooks: ({ user }) => policies.manageWebhooks(user),
  exceptionApprover: ({ user, teamRoles }) =>
    exceptionApproverRole(user, teamRoles, defaultPlaybook.priority.exceptionApproverRoles) !== null,
};

export const guards = Object.keys(evaluate) as Guard[];

/** Whether the policy table lets this caller through this route. */
export const allows = (row: RouteCase, caller: Caller) => evaluate[row.guard](caller, row);

/** A user holding only `role`, as the policies see them (the id plays no part in any policy). */
export const withRole = (role: StaffRole): PolicyUser => ({ id: randomUUID(), roles: [role] });

/** Syntactically valid values for path parameters, by name; a new name must be added here. */
export function fillPath(path: string, target: Pick<Target, 'id'> & Partial<Target>): string {
  const samples: Record<string, string> = {
    id: target.id,
    // A project attachment (the row's target carries its id in `userId`).
    attachmentId: target.userId ?? target.id,
    key: target.id,
    number: '1',
    file: 'users.csv',
    // A calendar feed's token (`:token.ics`): one nobody was given.
    token: 'lcf_not_a_real_feed',
    '*': 'index.html',
  };
  return path.replace(/:(\w+)|\*/g, (match, name: string | undefined) => {
    const value = samples[name ?? match];
    if (value === undefined) throw new Error(`No sample value for path parameter ${match} in ${path}`);
    return value;
  });
}

export const unknownTarget = (): Target => ({
  id: randomUUID(),
  accountId: randomUUID(),
  userId: randomUUID(),
  version: 1,
});

/** Sends the row's call as `client` (for the sweep: an anonymous one, with an unknown target). */
export function callRoute(client: Client, route: string, row: RouteCase | undefined, target: Target) {
  const [method, path] = route.split(' ') as [string, string];
  const { query, body, headers } = row?.request?.(target) ?? {};
  return client.send(method, fillPath(path, target) + (query ? `?${query}` : ''), body, headers);
}

// Targets. A write gets a fresh account (so a call that succeeds cannot disturb the next); a read
// is aimed at one account built once per app, with a record of each kind.

type Build = (f: Factories, account: { id: string }) => Promise<{ id: string }>;

export const freshAccount = async ({ f }: Setup) => {
  const account = await f.buildAccount();
  return { id: account.id, accountId: account.id };
};

/** A fresh account and a record on it built by `build` (the call's target). */
export const freshRecord =
  (build: Build) =>
  async ({ f }: Setup) => {
    const account = await f.buildAccount();
    return { id: (await build(f, account)).id, accountId: account.id };
  };

/** A fresh account, prepared by `prepare` (e.g. given a success plan); the call aims at the account. */
export const preparedAccount =
  (prepare: (f: Factories, account: { id: string }) => Promise<unknown>) =>
  async ({ f }: Setup) => {
    const account = await f.buildAccount();
    await prepare(f, account);
    return { id: account.id, accountId: account.id };
  };

const sharedByApp = new WeakMap<TestApp, ReturnType<typeof buildShared>>();

async function buildShared(f: Factories, app: TestApp) {
  const user = await f.buildUser({ roles: ['tam'], name: 'Shared Tam' });
  const account = await f.buildAccount({ name: 'Shared Account' });
  await f.buildSuccessPlan(account, { objectives: ['Shared objective'] });
  await f.buildPriorityProposal(account);
  const opportunity = await f.buildOpportunity(account);
  const activity = await f.buildActivity(account);
  const csv = 'Name,Segment__c,Region__c\nShared Import,smb,emea\n';
  const importJob = await importCsv(app, 'accounts', csv);
  return { user: user.user, account, opportunity, activity, importJob };
}

/** The records reads are aimed at, built once per app. */
export function shared({ f, app }: Setup) {
  let built = sharedByApp.get(app);
  if (!built) {
    built = buildShared(f, app);
    sharedByApp.set(app, built);
  }
  return built;
}

export const sharedAccount = async (setup: Setup) => {
  const { account } = await shared(setup);
  return { id: account.id, accountId: account.id };
};
