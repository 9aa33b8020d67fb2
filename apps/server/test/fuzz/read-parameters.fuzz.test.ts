import fc from 'fast-check';
import { describe, it } from 'vitest';
import { factories } from '../factories.ts';
import { fillPath, unknownTarget } from '../shape/route-table.ts';
import { rowFor } from '../shape/routes.ts';
import { createTestApp } from '../test-app.ts';
import { casesFor, send } from './cases.ts';
import { checkAnswer, expectUnchanged, fuzzOptions, RUNS } from './checks.ts';
import { databaseState } from './database-state.ts';
import { operations } from './openapi.ts';
import { valid } from './values.ts';

// Every read of the OpenAPI document, its query and path parameters malformed (NUL, lone
// surrogates, year 0000 or 10000, `+25:00`, numbers that are not): never a 5xx, a coded refusal,
// and a read changes nothing. Reads are cheap to check, so they get a quarter of the cases.

const app = await createTestApp();
const f = factories(app);
const admin = await f.buildUser({ roles: ['admin'] });
const state = await databaseState(app.database.pool);
await app.http.ready();
const reads = operations(app.http).filter((operation) => operation.method === 'GET');
const runs = Math.ceil(RUNS / 4);

describe.each(reads.map((operation) => [operation.route, operation] as const))('%s', (route, operation) => {
  it(
    `never answers 5xx to malformed parameters (${runs} cases)`,
    async () => {
      const row = rowFor(route);
      const target = { ...unknownTarget(), ...(await row?.target?.({ f, app, caller: admin })) };
      const given = row?.request?.(target).query;
      const query: [string, string][] = given
        ? given.split('&').map((pair) => pair.split('=') as [string, string])
        : operation.query
            .filter((parameter) => parameter.required)
            .map((parameter) => [
              parameter.name,
              encodeURIComponent(String(fc.sample(valid(parameter.schema), { numRuns: 1, seed: 7 })[0])),
            ]);
      // The path's own values (`file` of an export, the target's id), as the route table fills them.
      const filled = fillPath(route.split(' ')[1]!, target).split('/');
      const path = Object.fromEntries(
        operation.pathParameters.map((parameter) => {
          const at = operation.path.split('/').indexOf(`{${parameter.name}}`);
          return [parameter.name, filled[at] ?? target.id];
        }),
      );
      const before = await state();
      await fc.assert(
        fc.asyncProperty(casesFor(operation, { path, query, body: undefined, headers: {} }), async (sent) => {
          const response = await send(app.http, operation, admin.token, sent, target);
          if (await checkAnswer(response, sent, before, state))
            expectUnchanged(before, await state(), `${sent.what}: a read (${response.statusCode})`);
        }),
        fuzzOptions(runs),
      );
    },
    60_000 + runs * 500,
  );
});
