import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workflow } from '@liaison/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { factories } from '../../server/test/factories.ts';
import { createTestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// `liaison journey attach|sign-off`: the outputs steps 9 and 11 need, from the CLI, against the
// real app (see harness.ts); the refusals say which CLI option or command supplies what is missing.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' });
const url = await listen(app);
const f = factories(app);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-journey-outputs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const as = (token: string) => ({ env: { LIAISON_URL: url, LIAISON_TOKEN: token, XDG_CONFIG_HOME: dir } });

describe('liaison journey attach and sign-off', () => {
  it('attaches the blueprint as a file, collects the PSE and TAM sign-offs, and says what is missing on the way', async () => {
    const ae = await f.buildUser({ roles: ['ae'], name: 'Ada Exec' });
    const sa = await f.buildUser({ roles: ['sa'], name: 'Sam Architect' });
    const pse = await f.buildUser({ roles: ['pse'], name: 'Pat Engineer' });
    const tam = await f.buildUser({ roles: ['tam'], name: 'Tia Tam' });
    const account = await f.buildAccount({
      name: 'Blueprint Bank',
      relationshipStage: 'opportunity',
      team: { ae: ae.user, sa: sa.user, pse: pse.user, tam: tam.user },
    });
    let workflow = (await ae.post(`/api/v1/accounts/${account.id}/workflows`, { kind: 'journey' }))
      .body as Workflow;
    // Steps 1–8 skipped through the API: step 9 is what this test is about.
    for (const id of ['1', '2', '3', '4', '5', '6', '7', '8']) {
      const row = workflow.steps.find((step) => step.stepId === id)!;
      const response = await ae.patch(`/api/v1/workflow-steps/${row.id}`, {
        state: 'skipped',
        skipReason: 'Covered before Liaison',
        version: row.version,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      workflow = response.body as Workflow;
    }

    const missing = await liaison(['journey', 'advance', 'Blueprint Bank', '9'], as(sa.token));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /^error: INVALID_STATE: Step 9 .* \(with the CLI: liaison journey attach\)\n$/,
    );

    const file = path.join(dir, 'blueprint.txt');
    fs.writeFileSync(file, 'HA pair, Geo secondary');
    const [both, neither, attached] = await Promise.all([
      liaison(
        [
          'journey',
          'attach',
          'Blueprint Bank',
          '9',
          '--title',
          'x',
          '--kind',
          'blueprint',
          '--file',
          file,
          '--link',
          'https://a.example/b',
        ],
        as(sa.token),
      ),
      liaison(
        ['journey', 'attach', 'Blueprint Bank', '9', '--title', 'x', '--kind', 'blueprint'],
        as(sa.token),
      ),
      liaison(
        [
          'journey',
          'attach',
          'Blueprint Bank',
          '9',
          '--title',
          'Solution blueprint',
          '--kind',
          'blueprint',
          '--file',
          file,
          '--json',
        ],
        as(sa.token),
      ),
    ]);
    expect([both.code, both.stderr]).toEqual([2, 'error: give either --link or --file\n']);
    expect(neither.code).toBe(2);
    expect(attached.code, attached.stderr).toBe(0);
    const artefact = JSON.parse(attached.stdout);
    expect(artefact).toMatchObject({
      title: 'Solution blueprint',
      kind: 'blueprint',
      versions: [
        { number: 1, url: null, file: { name: 'blueprint.txt', contentType: 'text/plain', size: 22 } },
      ],
    });
    const download = await sa.get(`/api/v1/artefacts/${artefact.id}/versions/1/file`);
    expect(download.body).toBe('HA pair, Geo secondary');

    expect((await liaison(['journey', 'advance', 'Blueprint Bank', '9'], as(sa.token))).code).toBe(0);
    expect((await liaison(['journey', 'advance', 'Blueprint Bank', '10'], as(sa.token))).code).toBe(0);

    const [byPse, wrongRole, customerWithoutContact] = await Promise.all([
      liaison(['journey', 'sign-off', 'Blueprint Bank', '11', '--role', 'pse'], as(pse.token)),
      liaison(['journey', 'sign-off', 'Blueprint Bank', '11', '--role', 'tam'], as(sa.token)),
      liaison(['journey', 'sign-off', 'Blueprint Bank', '11', '--role', 'customer'], as(sa.token)),
    ]);
    expect(byPse).toMatchObject({ code: 0, stdout: 'Signed off step 11 as pse; still owed: tam.\n' });
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toMatch(
      /^error: FORBIDDEN: Only the TAM of Blueprint Bank \(Tia Tam\) can sign off as TAM/,
    );
    expect(customerWithoutContact.code).toBe(2);

    const unsigned = await liaison(['journey', 'advance', 'Blueprint Bank', '11'], as(tam.token));
    expect(unsigned.stderr).toMatch(
      /sign-off missing from tam.* \(with the CLI: liaison journey sign-off\)\n$/,
    );
    const byTam = await liaison(
      ['journey', 'sign-off', 'Blueprint Bank', '11', '--role', 'tam'],
      as(tam.token),
    );
    expect(byTam.stdout).toBe('Signed off step 11 as tam; every sign-off is in.\n');
    const done = await liaison(['journey', 'advance', 'Blueprint Bank', '11'], as(tam.token));
    expect(done.stdout).toMatch(/^Step 11 of the Customer journey: done \(11\/21 settled/);
  });
});
