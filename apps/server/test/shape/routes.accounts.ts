import type { Factories } from '../factories.ts';
import {
  freshAccount,
  freshRecord,
  preparedAccount,
  type RouteCase,
  type Setup,
  shared,
  sharedAccount,
} from './route-table.ts';

// The account and the records it owns: read by any signed-in staff, written by the account's
// team, TAM managers and admins (editAccount); the team itself changed by managers.

type Build = (f: Factories, account: { id: string }) => Promise<{ id: string }>;

/** The four routes of an owned record (http/owned-record-routes.ts), each with a valid call. */
function ownedRecordRoutes(options: {
  collection: string;
  item: string;
  build: Build;
  create: Record<string, unknown>;
  update: Record<string, unknown>;
  /** Prepares a fresh account before a create (objectives need a success plan). */
  prepare?: (f: Factories, account: { id: string }) => Promise<unknown>;
  list?: boolean;
}): RouteCase[] {
  const { collection, item, build, prepare = async () => {} } = options;
  return [
    ...(options.list === false
      ? []
      : [
          {
            route: `GET /api/v1/accounts/:id/${collection}`,
            guard: 'signedIn' as const,
            target: sharedAccount,
          },
        ]),
    {
      route: `POST /api/v1/accounts/:id/${collection}`,
      guard: 'editAccount',
      target: preparedAccount(prepare),
      request: () => ({ body: options.create }),
    },
    {
      route: `PATCH /api/v1/${item}/:id`,
      guard: 'editAccount',
      target: freshRecord(build),
      request: ({ version }) => ({ body: { ...options.update, version } }),
    },
    {
      route: `DELETE /api/v1/${item}/:id`,
      guard: 'editAccount',
      target: freshRecord(build),
      request: ({ version }) => ({ query: `version=${version}` }),
    },
  ];
}

/** A fresh account, and a TAM to put on its team. */
const freshAccountAndTam = async (setup: Setup) => ({
  ...(await freshAccount(setup)),
  userId: (await shared(setup)).user.id,
});

/** A fresh account with a TAM on its team: the assignment is the target. */
const freshAssignment = async (setup: Setup) => {
  const account = await setup.f.buildAccount();
  const assignment = await setup.f.assign(account, (await shared(setup)).user, 'tam');
  return { id: assignment.id, accountId: account.id };
};

export const accountRoutes: RouteCase[] = [
  { route: 'GET /api/v1/accounts', guard: 'signedIn' },
  {
    route: 'POST /api/v1/accounts',
    guard: 'createAccount',
    request: () => ({ body: { name: 'Matrix Co', segment: 'smb', region: 'apac' } }),
  },
  { route: 'GET /api/v1/accounts/:id', guard: 'signedIn', target: sharedAccount },
  {
    route: 'PATCH /api/v1/accounts/:id',
    guard: 'editAccount',
    target: freshAccount,
    request: ({ version }) => ({ body: { industry: 'Retail', version } }),
  },
  {
    route: 'DELETE /api/v1/accounts/:id',
    guard: 'deleteAccount',
    target: freshAccount,
    request: ({ version }) => ({ query: `version=${version}` }),
  },
  {
    route: 'PATCH /api/v1/accounts/:id/business-profile',
    guard: 'editAccount',
    target: freshAccount,
    request: ({ version }) => ({ body: { whyTheyBought: 'One platform', version } }),
  },
  {
    route: 'PATCH /api/v1/accounts/:id/technical-profile',
    guard: 'editAccount',
    target: freshAccount,
    request: ({ version }) => ({ body: { deployment: 'saas', version } }),
  },

  { route: 'GET /api/v1/accounts/:id/team', guard: 'signedIn', target: sharedAccount },
  {
    route: 'POST /api/v1/accounts/:id/team',
    guard: 'changeAccountTeam',
    target: freshAccountAndTam,
    request: ({ userId }) => ({ body: { userId, role: 'tam' } }),
  },
  {
    route: 'PATCH /api/v1/team-assignments/:id',
    guard: 'changeAccountTeam',
    target: freshAssignment,
    request: ({ version }) => ({ body: { endsAt: '2026-12-31T00:00:00Z', version } }),
  },
  {
    route: 'DELETE /api/v1/team-assignments/:id',
    guard: 'changeAccountTeam',
    target: freshAssignment,
    request: ({ version }) => ({ query: `version=${version}` }),
  },

  ...ownedRecordRoutes({
    collection: 'contacts',
    item: 'contacts',
    build: (f, account) => f.buildContact(account),
    create: { name: 'Casey Contact', stakeholderRoles: ['champion'] },
    update: { title: 'CTO' },
  }),
  ...ownedRecordRoutes({
    collection: 'opportunities',
    item: 'opportunities',
    build: (f, account) => f.buildOpportunity(account),
    create: { name: 'Expansion', type: 'growth', closeDate: '2026-12-31' },
    update: { amount: 5_000 },
  }),
  {
    route: 'GET /api/v1/opportunities/:id',
    guard: 'signedIn',
    target: async (setup) => ({ id: (await shared(setup)).opportunity.id }),
  },
  ...ownedRecordRoutes({
    collection: 'activities',
    item: 'activities',
    build: (f, account) => f.buildActivity(account),
    create: { kind: 'cadence_call', summary: 'Monthly call' },
    update: { summary: 'Monthly call, rescheduled' },
  }),
  {
    route: 'GET /api/v1/activities/:id',
    guard: 'signedIn',
    target: async (setup) => ({ id: (await shared(setup)).activity.id }),
  },
  ...ownedRecordRoutes({
    collection: 'support-tickets',
    item: 'support-tickets',
    build: (f, account) => f.buildTicket(account),
    create: { subject: 'Runner outage', openedAt: '2026-02-01T09:00:00Z' },
    update: { severity: 'high' },
  }),
  ...ownedRecordRoutes({
    collection: 'initiatives',
    item: 'initiatives',
    build: (f, account) => f.buildInitiative(account),
    create: { kind: 'stage_adoption', description: 'Adopt secure', startsOn: '2026-02-01', hoursPerWeek: 3 },
    update: { hoursPerWeek: 4 },
  }),
  ...ownedRecordRoutes({
    collection: 'emea-parameters',
    item: 'emea-parameters',
    build: (f, account) => f.buildEmeaParameter(account),
    create: { parameter: 'organisational_change', startsOn: '2026-02-01' },
    update: { note: 'Reorganised' },
  }),
  ...ownedRecordRoutes({
    collection: 'success-plan/objectives',
    item: 'objectives',
    build: async (f, account) =>
      (await f.buildSuccessPlan(account, { objectives: ['Go live'] })).objectives[0]!,
    prepare: (f, account) => f.buildSuccessPlan(account),
    create: { title: 'Adopt CI' },
    update: { status: 'red' },
    list: false, // the objectives come with the success plan
  }),
];
