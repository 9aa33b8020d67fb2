import { ApiError, createApiClient } from '@liaison/contracts';
import { defaultPlaybook } from '@liaison/domain';
import { describe, expect, it } from 'vitest';

// The shared client from @liaison/contracts, against a fake fetch (its real use is in test/cli.test.ts).

type Call = { url: string; init: RequestInit };

function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const fetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const user = {
  id: '0190c7e2-0000-7000-8000-000000000001',
  version: 1,
  createdAt: '2026-03-01T09:00:00.000Z',
  updatedAt: '2026-03-01T09:00:00.000Z',
  name: 'Ada',
  email: 'ada@example.com',
  region: 'emea',
  roles: ['tam'],
  isActive: true,
};

describe('createApiClient', () => {
  it('sends the token and the query, and parses the page', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { items: [], nextCursor: null }));
    const client = createApiClient({ baseUrl: 'http://localhost:3000/', token: 'lia_x', fetch });
    await expect(
      client.accounts.list({ segment: 'smb', q: undefined, limit: 10, sort: '-arr' }),
    ).resolves.toEqual({ items: [], nextCursor: null });
    expect(calls[0]!.url).toBe('http://localhost:3000/api/v1/accounts?segment=smb&limit=10&sort=-arr');
    expect((calls[0]!.init.headers as Record<string, string>).authorization).toBe('Bearer lia_x');
  });

  it('turns the error body into an ApiError', async () => {
    const { fetch } = fakeFetch(() =>
      json(404, { error: { code: 'NOT_FOUND', message: 'Account x does not exist', requestId: 'req-7' } }),
    );
    const client = createApiClient({ baseUrl: 'http://localhost:3000', fetch });
    const error = await client.accounts.get(user.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      message: 'Account x does not exist',
      requestId: 'req-7',
      details: [],
    });
  });

  it('says the server cannot be reached when fetch fails', async () => {
    const fetch = (async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
      });
    }) as typeof globalThis.fetch;
    const client = createApiClient({ baseUrl: 'http://localhost:3999', fetch });
    await expect(client.auth.me()).rejects.toMatchObject({
      status: 0,
      code: 'UNREACHABLE',
      message: 'cannot reach Liaison at http://localhost:3999: is the server running? (liaison serve)',
    });
  });

  it('reports a response that does not match the contract', async () => {
    const { fetch } = fakeFetch(() => json(200, { user: { name: 'no id' }, authenticatedBy: 'session' }));
    const client = createApiClient({ baseUrl: 'http://localhost:3000', fetch });
    await expect(client.auth.me()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('keeps the session cookie from login for later calls without a token', async () => {
    const can = {
      manageUsers: false,
      managePlaybook: false,
      viewSystemStatus: false,
      manageMail: false,
      manageTeam: false,
      createAccount: true,
      makeTasks: true,
      importRecords: false,
      importUsers: false,
      manageWebhooks: false,
    };
    const { fetch, calls } = fakeFetch((call) =>
      call.url.endsWith('/auth/login')
        ? json(
            200,
            { user, authenticatedBy: 'session', can },
            { 'set-cookie': 'liaison_session=abc123; Path=/; HttpOnly; SameSite=Lax' },
          )
        : json(200, { user, authenticatedBy: 'session', can }),
    );
    const client = createApiClient({ baseUrl: 'http://localhost:3000', fetch });
    await client.auth.login({ email: 'ada@example.com', password: 'correct horse' });
    await client.auth.me();
    expect((calls[1]!.init.headers as Record<string, string>).cookie).toBe('liaison_session=abc123');
  });

  it('reads assessments, the portfolio and the worklist with their queries', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { items: [] }));
    const client = createApiClient({ baseUrl: 'http://localhost:3000', token: 'lia_x', fetch });
    // An empty body is not a portfolio: the contract is checked.
    await expect(client.assessments.portfolio({ owner: user.id })).rejects.toMatchObject({
      code: 'BAD_RESPONSE',
    });
    await client.assessments.get(user.id, { at: '2026-06-30T00:00:00.000Z' }).catch(() => {});
    await client.assessments.worklist().catch(() => {});
    expect(calls.map((call) => call.url)).toEqual([
      `http://localhost:3000/api/v1/portfolio?owner=${user.id}`,
      `http://localhost:3000/api/v1/accounts/${user.id}/assessment?at=2026-06-30T00%3A00%3A00.000Z`,
      'http://localhost:3000/api/v1/worklist',
    ]);
  });

  it('reassesses the whole book slice by slice, sending back the cursor', async () => {
    const cursor = '0190c7e2-0000-7000-8000-0000000000c1';
    const { fetch, calls } = fakeFetch((call) =>
      JSON.parse(String(call.init.body)).cursor === null
        ? json(200, { accounts: 2, total: 3, nextCursor: cursor, milliseconds: 5 })
        : json(200, { accounts: 1, total: 3, nextCursor: null, milliseconds: 4 }),
    );
    const client = createApiClient({ baseUrl: 'http://localhost:3000', fetch });
    const slices = [];
    for await (const slice of client.assessments.reassessAll({ limit: 2 })) slices.push(slice);
    expect(slices.map((slice) => slice.accounts)).toEqual([2, 1]);
    expect(calls.map((call) => [call.init.method, call.url, JSON.parse(String(call.init.body))])).toEqual([
      ['POST', 'http://localhost:3000/api/v1/assessments/reassess', { limit: 2, cursor: null }],
      ['POST', 'http://localhost:3000/api/v1/assessments/reassess', { limit: 2, cursor }],
    ]);
  });

  it('stops a reassessment whose cursor does not move', async () => {
    const cursor = '0190c7e2-0000-7000-8000-0000000000c1';
    const { fetch } = fakeFetch(() =>
      json(200, { accounts: 0, total: 3, nextCursor: cursor, milliseconds: 1 }),
    );
    const client = createApiClient({ baseUrl: 'http://localhost:3000', fetch });
    const run = async () => {
      for await (const _ of client.assessments.reassessAll()) {
        // drain
      }
    };
    await expect(run()).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });

  it('validates, dry-runs and applies a playbook', async () => {
    const { fetch, calls } = fakeFetch((call) => {
      if (call.url.endsWith('/validate'))
        return json(200, { valid: false, issues: [{ path: 'tiers', message: 'required' }] });
      return json(200, {
        version: 4,
        playbook: defaultPlaybook,
        createdAt: '2026-03-01T09:00:00.000Z',
        createdBy: 'Ada',
        note: 'why',
      });
    });
    const client = createApiClient({ baseUrl: 'http://localhost:3000', fetch });
    await expect(client.playbook.validate({ schemaVersion: 1 })).resolves.toEqual({
      valid: false,
      issues: [{ path: 'tiers', message: 'required' }],
    });
    await expect(
      client.playbook.apply({ playbook: { schemaVersion: 1 }, note: 'why', version: 3 }),
    ).resolves.toMatchObject({ version: 4, createdBy: 'Ada' });
    expect(calls.map((call) => [call.init.method, call.url, JSON.parse(String(call.init.body))])).toEqual([
      ['POST', 'http://localhost:3000/api/v1/playbook/validate', { playbook: { schemaVersion: 1 } }],
      [
        'PUT',
        'http://localhost:3000/api/v1/playbook',
        { playbook: { schemaVersion: 1 }, note: 'why', version: 3 },
      ],
    ]);
  });
});

describe('the playbook inputs in the shared client', () => {
  const accountId = '0190c7e2-0000-7000-8000-0000000000aa';
  const ticket = {
    id: '0190c7e2-0000-7000-8000-0000000000bb',
    version: 2,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    accountId,
    subject: 'Runners time out',
    severity: 'high',
    openedAt: '2026-03-01T09:00:00.000Z',
    closedAt: null,
    externalIds: {},
  };

  it('lists, creates, updates and deletes tickets at their paths, with the version to delete', async () => {
    const { fetch, calls } = fakeFetch((call) =>
      call.init.method === 'DELETE'
        ? new Response(null, { status: 204 })
        : json(200, call.init.method === 'GET' ? { items: [ticket] } : ticket),
    );
    const client = createApiClient({ baseUrl: 'http://localhost:3000', token: 'lia_x', fetch });
    expect(await client.supportTickets.list(accountId, { openedFrom: '2026-01-01T00:00:00Z' })).toEqual([
      ticket,
    ]);
    await client.supportTickets.create(accountId, {
      subject: 'Runners time out',
      severity: 'high',
      openedAt: '2026-03-01T09:00:00Z',
    });
    await client.supportTickets.update(ticket.id, { closedAt: '2026-03-02T00:00:00Z', version: 2 });
    await client.supportTickets.delete(ticket.id, 3);
    expect(
      calls.map((call) => `${call.init.method} ${call.url.replace('http://localhost:3000/api/v1', '')}`),
    ).toEqual([
      `GET /accounts/${accountId}/support-tickets?openedFrom=2026-01-01T00%3A00%3A00Z`,
      `POST /accounts/${accountId}/support-tickets`,
      `PATCH /support-tickets/${ticket.id}`,
      `DELETE /support-tickets/${ticket.id}?version=3`,
    ]);
  });

  it('reads a success plan or proposal an account does not have yet as null, and other errors as errors', async () => {
    const notFound = json(404, { error: { code: 'NOT_FOUND', message: 'none yet', requestId: 'r' } });
    const { fetch } = fakeFetch((call) =>
      call.url.endsWith('/success-plan')
        ? notFound.clone()
        : json(403, { error: { code: 'FORBIDDEN', message: 'no', requestId: 'r' } }),
    );
    const client = createApiClient({ baseUrl: 'http://localhost:3000', token: 'lia_x', fetch });
    await expect(client.successPlans.get(accountId)).resolves.toBeNull();
    await expect(client.priorityProposals.get(accountId)).rejects.toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
    });
  });

  it('decides an exception with the decision and the version read', async () => {
    const { fetch, calls } = fakeFetch(() =>
      json(400, { error: { code: 'VALIDATION_FAILED', message: 'x' } }),
    );
    const client = createApiClient({ baseUrl: 'http://localhost:3000', token: 'lia_x', fetch });
    await client.priorityExceptions
      .decide('0190c7e2-0000-7000-8000-0000000000cc', { decision: 'approve', version: 4 })
      .catch(() => {});
    expect(calls[0]!.url).toBe(
      'http://localhost:3000/api/v1/priority-exceptions/0190c7e2-0000-7000-8000-0000000000cc/decision',
    );
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ decision: 'approve', version: 4 });
  });
});
