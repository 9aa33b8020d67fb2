import type { Task } from '@liaison/contracts';
import type { Factories } from '../factories.ts';
import type { RouteCase, Setup } from './route-table.ts';

// One task list (docs/tasks.md): read by any signed-in staff; made by anyone but viewers; a task
// on an account changed by those who may edit the account (its owner and maker too, which the
// generic callers of the matrix never are); reassigning someone's tasks by managers.

async function freshTask(f: Factories) {
  const account = await f.buildAccount();
  const { status, body } = await f.admin.post<Task>('/api/v1/tasks', {
    title: 'Send the sizing guide',
    accountId: account.id,
    dueOn: '2026-03-20',
  });
  if (status !== 201) throw new Error(`task: ${status} ${JSON.stringify(body)}`);
  return { id: body.id, accountId: account.id, version: body.version };
}

/** An account team (SAL + TAM on one account) and its key; `userId` carries a held meeting's id. */
async function freshTeam(f: Factories, withMeeting = false) {
  const sal = await f.buildUser({ roles: ['sal'] });
  const tam = await f.buildUser({ roles: ['tam'] });
  const account = await f.buildAccount({ team: { sal: sal.user, tam: tam.user } });
  const key = `${sal.user.id}~${tam.user.id}`;
  if (!withMeeting) return { id: key, accountId: account.id };
  const { status, body } = await f.admin.post<{ id: string }>(`/api/v1/account-teams/${key}/meetings`, {});
  if (status !== 201) throw new Error(`meeting: ${status} ${JSON.stringify(body)}`);
  return { id: body.id, accountId: account.id };
}

export const taskRoutes: RouteCase[] = [
  // The account team meeting (docs/meetings.md): the team's own members and managers.
  { route: 'GET /api/v1/account-teams', guard: 'signedIn' },
  {
    route: 'GET /api/v1/account-teams/:key/agenda',
    guard: 'manageTeam',
    target: ({ f }: Setup) => freshTeam(f),
  },
  {
    route: 'POST /api/v1/account-teams/:key/meetings',
    guard: 'manageTeam',
    target: ({ f }: Setup) => freshTeam(f),
    request: () => ({ body: { decisions: ['Review again next week'] } }),
  },
  {
    route: 'GET /api/v1/team-meetings/:id',
    guard: 'manageTeam',
    target: ({ f }: Setup) => freshTeam(f, true),
  },
  // Homes (docs/homes.md): one's own home is any staff's; another's is a manager's (checked in homes.api.test.ts).
  { route: 'GET /api/v1/home', guard: 'signedIn', request: () => ({ query: 'view=viewer' }) },
  { route: 'GET /api/v1/tasks', guard: 'signedIn', request: () => ({ query: 'owner=me' }) },
  {
    route: 'POST /api/v1/tasks',
    guard: 'makeTasks',
    request: () => ({ body: { title: 'Read the renewal terms', dueOn: '2026-04-01' } }),
  },
  { route: 'GET /api/v1/tasks/:id', guard: 'signedIn', target: ({ f }: Setup) => freshTask(f) },
  {
    route: 'PATCH /api/v1/tasks/:id',
    guard: 'editAccount',
    target: ({ f }: Setup) => freshTask(f),
    request: ({ version }) => ({ body: { status: 'done', version } }),
  },
  {
    route: 'POST /api/v1/tasks/reassign',
    guard: 'manageTeam',
    target: async ({ f }: Setup) => {
      const from = await f.buildUser({ roles: ['tam'] });
      const to = await f.buildUser({ roles: ['tam'] });
      return { id: from.user.id, userId: to.user.id };
    },
    request: ({ id, userId }) => ({ body: { fromUserId: id, toUserId: userId } }),
  },
];
