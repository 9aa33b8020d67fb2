import type {
  Account,
  Activity,
  Contact,
  CreateAccountRequest,
  CreateActivityRequest,
  CreateContactRequest,
  CreateEmeaParameterRequest,
  CreateInitiativeRequest,
  CreateObjectiveRequest,
  CreateOpportunityRequest,
  CreateSupportTicketRequest,
  EmeaParameter,
  Initiative,
  Objective,
  Opportunity,
  PriorityException,
  PriorityProposal,
  Region,
  StaffRole,
  SuccessPlan,
  SupportTicket,
  TeamAssignment,
  TeamRole,
  User,
} from '@liaison/contracts';
import { httpClient, type TestResponse } from './http-client.ts';
import type { TestApp } from './test-app.ts';

// The records tests need, built through the public HTTP API as an admin would build them (or,
// for the API token of a user without a password, through the auth service). Each builder
// fails loudly when the API refuses, so a test never runs on a half-built fixture.

export type Client = ReturnType<typeof httpClient>;

/** A staff user and a client that calls the API as them (Bearer token; `cookie` when signed in). */
export type Staff = Client & { user: User; token: string; cookie: string | null };

export interface UserSpec {
  roles: StaffRole[];
  name?: string;
  email?: string;
  region?: Region | null;
  /** With a password the user signs in (`cookie`) and makes their token themselves. */
  password?: string;
}

export type AccountSpec = Partial<CreateAccountRequest> & {
  /** People put on the account team, by team role, as an admin does it. */
  team?: Partial<Record<TeamRole, { id: string }>>;
  /** When the team assignments start (default: the app's now). */
  teamStartsAt?: string;
};

/** The body of a 2xx response; anything else throws with the status and the error body. */
function created<T>(what: string, response: TestResponse): T {
  if (response.status < 200 || response.status > 299)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as T;
}

/** The body of a 2xx answer to `response`; anything else throws with the status and the body. */
export async function ok<T = any>(what: string, response: Promise<TestResponse<T>>): Promise<T> {
  return created<T>(what, await response);
}

export function factories(app: TestApp) {
  const admin = httpClient(app.http, app.adminToken);
  const anonymous = httpClient(app.http);
  let sequence = 0;
  const next = () => ++sequence;

  /** Signs in with e-mail and password; the session cookie (`name=value`). */
  async function signIn(email: string, password: string): Promise<string> {
    const response = await anonymous.post('/api/v1/auth/login', { email, password });
    created('sign in', response);
    return String(response.headers['set-cookie']).split(';')[0]!;
  }

  async function buildUser(spec: UserSpec): Promise<Staff> {
    const n = next();
    const name = spec.name ?? `${spec.roles.join(' ')} ${n}`;
    const email = spec.email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${n}@example.com`;
    const user = created<User>(
      'POST /users',
      await admin.post('/api/v1/users', {
        name,
        email,
        roles: spec.roles,
        ...(spec.region !== undefined ? { region: spec.region } : {}),
        ...(spec.password ? { password: spec.password } : {}),
      }),
    );
    let cookie: string | null = null;
    let token: string;
    if (spec.password) {
      cookie = await signIn(user.email, spec.password);
      const made = await anonymous.post('/api/v1/auth/tokens', { name: 'test' }, { cookie });
      token = created<{ token: string }>('POST /auth/tokens', made).token;
    } else {
      token = (await app.services.auth.createToken(user.id, 'test', null, new Date())).token;
    }
    return { ...httpClient(app.http, token), user, token, cookie };
  }

  async function assign(
    account: { id: string },
    user: { id: string },
    role: TeamRole,
    period: { startsAt?: string; endsAt?: string | null } = {},
  ): Promise<TeamAssignment> {
    const response = await admin.post(`/api/v1/accounts/${account.id}/team`, {
      userId: user.id,
      role,
      ...period,
    });
    return created('POST /accounts/:id/team', response);
  }

  /** An Enterprise account in EMEA unless told otherwise, with its team. */
  async function buildAccount(spec: AccountSpec = {}): Promise<Account> {
    const { team = {}, teamStartsAt, ...fields } = spec;
    const account = created<Account>(
      'POST /accounts',
      await admin.post('/api/v1/accounts', {
        name: `Account ${next()}`,
        segment: 'enterprise',
        region: 'emea',
        ...fields,
      }),
    );
    for (const [role, user] of Object.entries(team)) {
      await assign(account, user, role as TeamRole, teamStartsAt ? { startsAt: teamStartsAt } : {});
    }
    return account;
  }

  /** POSTs a record the account owns, as an admin unless `by` is given. */
  const owned =
    <T, Input>(path: string, defaults: () => Input) =>
    async (account: { id: string }, fields: Partial<Input> = {}, by: Client = admin): Promise<T> =>
      created<T>(
        `POST /accounts/:id/${path}`,
        await by.post(`/api/v1/accounts/${account.id}/${path}`, { ...defaults(), ...fields }),
      );

  const buildContact = owned<Contact, CreateContactRequest>('contacts', () => ({
    name: `Contact ${next()}`,
  }));
  const buildOpportunity = owned<Opportunity, CreateOpportunityRequest>('opportunities', () => ({
    name: `Opportunity ${next()}`,
    type: 'growth',
    closeDate: '2026-12-31',
  }));
  const buildActivity = owned<Activity, CreateActivityRequest>('activities', () => ({
    kind: 'cadence_call',
    summary: `Call ${next()}`,
  }));
  const buildTicket = owned<SupportTicket, CreateSupportTicketRequest>('support-tickets', () => ({
    subject: `Ticket ${next()}`,
    openedAt: '2026-01-15T09:00:00Z',
  }));
  const buildInitiative = owned<Initiative, CreateInitiativeRequest>('initiatives', () => ({
    kind: 'stage_adoption',
    description: `Initiative ${next()}`,
    startsOn: '2026-01-01',
    hoursPerWeek: 2,
  }));
  const buildEmeaParameter = owned<EmeaParameter, CreateEmeaParameterRequest>('emea-parameters', () => ({
    parameter: 'tam_handover',
    startsOn: '2026-01-01',
  }));
  const buildObjective = owned<Objective, CreateObjectiveRequest>('success-plan/objectives', () => ({
    title: `Objective ${next()}`,
  }));

  /** The account's success plan, with one objective per title given. */
  async function buildSuccessPlan(
    account: { id: string },
    { status = 'active', objectives = [] }: { status?: SuccessPlan['status']; objectives?: string[] } = {},
  ): Promise<SuccessPlan> {
    const plan = created<SuccessPlan>(
      'PUT /accounts/:id/success-plan',
      await admin.put(`/api/v1/accounts/${account.id}/success-plan`, { status }),
    );
    for (const title of objectives) plan.objectives.push(await buildObjective(account, { title }));
    return plan;
  }

  async function buildPriorityProposal(account: { id: string }, by: Client = admin) {
    const response = await by.put(`/api/v1/accounts/${account.id}/priority-proposal`, { priority: 'pr1' });
    return created<PriorityProposal>('PUT /accounts/:id/priority-proposal', response);
  }

  async function buildPriorityException(account: { id: string }, by: Client = admin) {
    const response = await by.post(`/api/v1/accounts/${account.id}/priority-exceptions`, {
      kind: 'p1',
      reason: 'Executive escalation',
    });
    return created<PriorityException>('POST /accounts/:id/priority-exceptions', response);
  }

  return {
    admin,
    anonymous,
    signIn,
    buildUser,
    buildAccount,
    assign,
    buildContact,
    buildOpportunity,
    buildActivity,
    buildTicket,
    buildInitiative,
    buildEmeaParameter,
    buildSuccessPlan,
    buildObjective,
    buildPriorityProposal,
    buildPriorityException,
  };
}

export type Factories = ReturnType<typeof factories>;
