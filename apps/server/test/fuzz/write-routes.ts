import fc from 'fast-check';
import { describe, it } from 'vitest';
import { factories } from '../factories.ts';
import type { RouteCase, Target } from '../shape/route-table.ts';
import { unknownTarget } from '../shape/route-table.ts';
import { rowFor } from '../shape/routes.ts';
import { createTestApp } from '../test-app.ts';
import { type Baseline, casesFor, Fresh, Live, send } from './cases.ts';
import { checkAnswer, fuzzOptions, RUNS, readsAnswer } from './checks.ts';
import { databaseState } from './database-state.ts';
import { type Operation, operations, WRITE_METHODS } from './openapi.ts';

// Every write route of the OpenAPI document, sent malformed bodies, parameters and headers by an
// admin (so authorization hides nothing): never a 5xx, a refusal changes nothing, and what a
// write accepted every read then returns. docs/security.md, "Input handling", says how to run it.
// The routes are shared between two files (*.fuzz.test.ts) so two workers run them side by side.

// The public routes, which the route table (private routes only) leaves out.
const publicRows: Record<string, RouteCase> = {
  'POST /api/v1/auth/login': {
    route: 'POST /api/v1/auth/login',
    guard: 'signedIn',
    request: () => ({ body: { email: 'nobody@example.com', password: 'not the password' } }),
  },
  'POST /api/v1/auth/logout': { route: 'POST /api/v1/auth/logout', guard: 'signedIn' },
  ...portalPublicRows(),
};

/**
 * The customer portal's public writes, each with a pre-session CSRF token (a cookie and the same
 * value in X-Liaison-CSRF, as a portal page sends them), so the fuzzed bodies reach the route.
 */
function portalPublicRows(): Record<string, RouteCase> {
  const csrf = 'fuzz-csrf-token-0123456789-abcdefghijklmnop';
  const headers = { cookie: `liaison_portal_csrf=${csrf}`, 'x-liaison-csrf': csrf };
  const bodies: Record<string, unknown> = {
    'POST /api/v1/portal/sign-in': { email: 'nobody@example.com', password: 'not the password' },
    'POST /api/v1/portal/magic-link': { email: 'nobody@example.com' },
    'POST /api/v1/portal/magic-link/sign-in': { token: 'not-a-link-token' },
    'POST /api/v1/portal/invitation/accept': {
      token: 'not-a-link-token',
      password: 'a password long enough',
    },
    'POST /api/v1/portal/sign-out': undefined,
  };
  return Object.fromEntries(
    Object.entries(bodies).map(([route, body]) => [
      route,
      { route, guard: 'signedIn', request: () => ({ ...(body === undefined ? {} : { body }), headers }) },
    ]),
  );
}

// The version a baseline carries stands for the target's current one, read when a case is sent.
const VERSION = 7_777_777_777;

function baselineOf(row: RouteCase | undefined): Baseline {
  const target: Target = { id: '{id}', accountId: '{accountId}', userId: '{userId}', version: VERSION };
  const request = () => row?.request?.(target) ?? {};
  const { query, body, headers } = request();
  // What differs between two calls (an e-mail made unique) is made anew for each case sent.
  const other = request().body;
  const live = (value: unknown, again: unknown, at: (body: unknown) => unknown): unknown => {
    if (value === VERSION) return new Live('version');
    if (typeof value === 'string' && value !== again) return new Fresh(() => at(request().body));
    if (Array.isArray(value))
      return value.map((item, index) =>
        live(item, (again as unknown[] | undefined)?.[index], (b) => (at(b) as unknown[])[index]),
      );
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          live(
            item,
            (again as Record<string, unknown> | undefined)?.[key],
            (b) => (at(b) as Record<string, unknown>)[key],
          ),
        ]),
      );
    return value;
  };
  return {
    // The route table's sample values (route-table.ts, fillPath): issue #1, the row's attachment.
    path: { id: '{id}', number: '1', attachmentId: '{userId}' },
    query: (query ? query.split('&') : []).map((pair) => {
      const [key, value = ''] = pair.split('=');
      return [key!, value === String(VERSION) ? '{version}' : value];
    }),
    body: live(body, other, (b) => b),
    headers: headers ?? {},
  };
}

// Routes whose every accepted call costs a whole-book pass (or a password hash, by design) get a
// quarter of the cases, so the suite stays within its time.
const costly = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/portal/sign-in',
  'POST /api/v1/portal/invitation/accept',
  'POST /api/v1/assessments/reassess',
  'PUT /api/v1/playbook',
  'POST /api/v1/playbook/dry-run',
  'POST /api/v1/imports',
]);
// A DELETE that goes through takes its target away; the next cases get a new one, up to this
// many times (after that they meet a record that is gone: a 404 once their input is valid).
const REBUILDS = 10;

/** Fuzzes the write routes `which` picks, on an app and database of their own. */
export async function describeWriteFuzz(which: (operation: Operation) => boolean) {
  const app = await createTestApp();
  const f = factories(app);
  const admin = await f.buildUser({ roles: ['admin'] });
  const state = await databaseState(app.database.pool);
  await app.http.ready();
  const all = operations(app.http);
  const writes = all.filter(
    (operation) => WRITE_METHODS.includes(operation.method.toLowerCase()) && which(operation),
  );

  describe.each(writes.map((operation) => [operation.route, operation] as const))(
    '%s',
    (route, operation) => {
      const runs = costly.has(route) ? Math.ceil(RUNS / 4) : RUNS;
      it(
        `never answers 5xx, and a refusal changes nothing (${runs} cases)`,
        async () => {
          const row = rowFor(route) ?? publicRows[route];
          const setup = { f, app, caller: admin };
          const build = async (): Promise<Target> => ({
            ...unknownTarget(),
            ...(await row?.target?.(setup)),
          });
          let target = await build();
          let rebuilds = 0;
          // What the database holds; a refusal leaves it as it was, an accepted write moves it.
          let before = await state();
          await fc.assert(
            fc.asyncProperty(casesFor(operation, baselineOf(row)), async (sent) => {
              const response = await send(app.http, operation, admin.token, sent, target);
              const accepted = await checkAnswer(response, sent, before, state).catch(
                async (error: unknown) => {
                  before = await state(); // so the shrinking that follows compares with what is there
                  throw error;
                },
              );
              if (!accepted) return;
              const body = accepted.json as { id?: string; version?: unknown } | undefined;
              await row?.settle?.(app, { status: response.statusCode, body, headers: response.headers });
              if (operation.method === 'DELETE' && rebuilds++ < REBUILDS) target = await build();
              // A write to the target itself (not a create beside it) moves the version the next case sends.
              else if (typeof body?.version === 'number' && (body.id ?? target.id) === target.id)
                target.version = body.version;
              before = await state();
            }),
            fuzzOptions(runs),
          );
          // Whatever was accepted on the target's account, every read of that account returns it.
          await readsAnswer(app.http, all, admin.token, target.accountId);
        },
        120_000 + runs * 1_000,
      );
    },
  );

  describe('afterwards', () => {
    it('every read of the whole book answers', async () => {
      await readsAnswer(app.http, all, admin.token, null);
    });
  });
}
