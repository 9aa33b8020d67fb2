import type { Artefact, Workflow } from '@liaison/contracts';
import type { Factories } from '../factories.ts';
import { type RouteCase, type Setup, sharedAccount } from './route-table.ts';

// The customer journey (docs/journey.md): read by any signed-in staff, worked on by the account's
// team, TAM managers and admins (editAccount; the person a step names may act too, which the
// generic callers of the matrix never are), the overview for managers.

async function ok<T>(what: string, response: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await response;
  if (status < 200 || status > 299) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body as T;
}

/** A fresh account with a contact, and its journey started by an admin. */
async function journeyOn(f: Factories, kind: 'journey' | 'disengagement' = 'journey') {
  const tam = await f.buildUser({ roles: ['tam'] });
  const account = await f.buildAccount(kind === 'disengagement' ? { team: { tam: tam.user } } : {});
  const contact = await f.buildContact(account);
  const body = kind === 'disengagement' ? { kind, reason: 'below_threshold_churn' } : { kind };
  const workflow = await ok<Workflow>(
    'start',
    f.admin.post(`/api/v1/accounts/${account.id}/workflows`, body),
  );
  return { account, contact, workflow };
}

const freshWorkflow = async ({ f }: Setup) => {
  const { account, workflow } = await journeyOn(f);
  return { id: workflow.id, accountId: account.id, version: workflow.version };
};

/** A step of a fresh journey; `userId` carries the account's contact (a customer sign-off names one). */
const freshStep =
  (stepId: string) =>
  async ({ f }: Setup) => {
    const { account, contact, workflow } = await journeyOn(f);
    const step = workflow.steps.find((candidate) => candidate.stepId === stepId)!;
    return { id: step.id, accountId: account.id, version: step.version, userId: contact.id };
  };

/** An artefact (a file) on a fresh account; `userId` carries a contact of the account. */
const freshArtefact = async ({ f }: Setup) => {
  const account = await f.buildAccount();
  const contact = await f.buildContact(account);
  const artefact = await ok<Artefact>(
    'artefact',
    f.admin.post(`/api/v1/accounts/${account.id}/artefacts`, {
      title: 'Blueprint',
      kind: 'blueprint',
      file: { name: 'b.txt', contentType: 'text/plain', base64: Buffer.from('x').toString('base64') },
    }),
  );
  return { id: artefact.id, accountId: account.id, version: artefact.version, userId: contact.id };
};

export const journeyRoutes: RouteCase[] = [
  { route: 'GET /api/v1/accounts/:id/journey', guard: 'signedIn', target: sharedAccount },
  {
    route: 'POST /api/v1/accounts/:id/workflows',
    guard: 'editAccount',
    target: async ({ f }) => {
      const account = await f.buildAccount();
      return { id: account.id, accountId: account.id };
    },
    request: () => ({ body: { kind: 'journey' } }),
  },
  { route: 'GET /api/v1/workflow-templates', guard: 'signedIn' },
  { route: 'GET /api/v1/workflows/:id', guard: 'signedIn', target: freshWorkflow },
  {
    route: 'POST /api/v1/workflows/:id/cancel',
    guard: 'editAccount',
    target: freshWorkflow,
    request: ({ version }) => ({ body: { reason: 'Not pursued', version } }),
  },
  {
    route: 'GET /api/v1/workflows/:id/summary',
    guard: 'signedIn',
    target: async ({ f }) => {
      const { account, workflow } = await journeyOn(f, 'disengagement');
      return { id: workflow.id, accountId: account.id };
    },
  },
  { route: 'GET /api/v1/workflow-steps', guard: 'signedIn' },
  { route: 'GET /api/v1/workflow-steps/:id', guard: 'signedIn', target: freshStep('1') },
  {
    route: 'PATCH /api/v1/workflow-steps/:id',
    guard: 'editAccount',
    target: freshStep('1'),
    request: ({ version }) => ({ body: { state: 'in_progress', version } }),
  },
  {
    route: 'POST /api/v1/workflow-steps/:id/comments',
    guard: 'editAccount',
    target: freshStep('1'),
    request: () => ({ body: { body: 'Called the champion' } }),
  },
  {
    route: 'POST /api/v1/workflow-steps/:id/sign-offs',
    guard: 'editAccount',
    target: freshStep('15'),
    request: ({ userId }) => ({ body: { role: 'customer', contactId: userId } }),
  },
  { route: 'GET /api/v1/journey/overview', guard: 'manageTeam' },
  {
    route: 'POST /api/v1/accounts/:id/artefacts',
    guard: 'editAccount',
    target: async ({ f }) => {
      const account = await f.buildAccount();
      return { id: account.id, accountId: account.id };
    },
    request: () => ({ body: { title: 'SOW', kind: 'sow', url: 'https://docs.example.com/sow' } }),
  },
  { route: 'GET /api/v1/artefacts/:id', guard: 'signedIn', target: freshArtefact },
  {
    route: 'POST /api/v1/artefacts/:id/versions',
    guard: 'editAccount',
    target: freshArtefact,
    request: ({ version }) => ({ body: { url: 'https://docs.example.com/v2', version } }),
  },
  {
    route: 'POST /api/v1/artefacts/:id/sign-offs',
    guard: 'editAccount',
    target: freshArtefact,
    request: ({ userId }) => ({ body: { role: 'customer', contactId: userId } }),
  },
  { route: 'GET /api/v1/artefacts/:id/versions/:number/file', guard: 'signedIn', target: freshArtefact },
];
