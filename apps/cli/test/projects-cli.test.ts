import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccountProjects, CustomerUserList } from '@liaison/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { factories, ok } from '../../server/test/factories.ts';
import { createTestApp } from '../../server/test/test-app.ts';
import { liaison, listen } from './harness.ts';

// `liaison projects`, `issues` and `customer-users`, as a child process against the real app
// (harness.ts): a TAM creates the project, a customer asks, the TAM sees who waits and leaves an
// internal note, and invites the customer to the portal. One process per command is slow, so
// this file checks the wiring to the API; the text itself is tested in src/commands/
// projects-render.test.ts and issues-render.test.ts.

const app = await createTestApp({ now: '2026-03-02T09:00:00.000Z' }); // a Monday
const url = await listen(app);
const f = factories(app);
const configHome = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-projects-cli-'));
afterAll(() => fs.rmSync(configHome, { recursive: true, force: true }));

const as = (token: string) => ({
  env: { LIAISON_URL: url, LIAISON_TOKEN: token, XDG_CONFIG_HOME: configHome },
});

const tam = await f.buildUser({ roles: ['tam'], name: 'Tia Tam', email: 'tia@vendor.example' });
const account = await f.buildAccount({
  name: 'Lumen Freight',
  segment: 'mid_market',
  relationshipStage: 'customer',
  team: { tam: tam.user },
});
await f.buildAccount({ name: 'Harbour Logistics', relationshipStage: 'customer', team: { tam: tam.user } });
const cleo = await f.buildContact(account, { name: 'Cleo Customer', email: 'cleo@lumen.example' });

describe('liaison projects, issues and customer-users', () => {
  it('creates the project, shows who waits on the TAM, takes an internal note and invites the customer', async () => {
    const created = await liaison(['projects', 'create', 'lumen', '--template', 'commercial'], as(tam.token));
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toMatch(
      /^Created "Lumen Freight collaboration project" \(.+\) from the template "Commercial collaboration project": post-sales, owner Tia Tam\.$/m,
    );

    // The customer asks on Monday 09:00 (through the portal's service); the answer is due
    // Wednesday 09:00, and on Thursday 10:00 it is 25 hours late.
    const { items } = await ok<AccountProjects>(
      'projects',
      tam.get(`/api/v1/accounts/${account.id}/projects`),
    );
    const project = items[0]!;
    const asked = await app.services.portalProjects.openIssue(
      { accountId: account.id, contactId: cleo.id, now: app.clock(), requestId: null },
      project.id,
      { title: 'How do we size runners?', description: 'We have 40 teams.' },
    );
    app.setNow('2026-03-05T10:00:00.000Z');

    const [list, show, waiting] = await Promise.all([
      liaison(['projects', 'list'], as(tam.token)),
      liaison(['projects', 'show', 'Lumen Freight'], as(tam.token)),
      liaison(['issues', 'waiting'], as(tam.token)),
    ]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(
      /^Lumen Freight\s+post-sales\s+Tia Tam\s+3\s+1 waiting \(1 overdue\)\s+commercial\s/m,
    );
    expect(list.stdout).toContain('No project yet (1): Harbour Logistics.');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/Owner\s+Tia Tam/);
    expect(show.stdout).toMatch(/Kick-off\s+2026-03-16\s+open/);
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(
      new RegExp(
        `^2026-03-04 09:00 UTC\\s+overdue by 1 d 1 h\\s+Lumen Freight\\s+#${asked.number} How do we size runners\\?\\s+Cleo Customer\\s+3 d 1 h$`,
        'm',
      ),
    );

    // Independent of each other, so two at a time: each command is a process of its own.
    const [note, invited] = await Promise.all([
      liaison(
        ['issues', 'comment', 'lumen', `#${asked.number}`, 'They run 40 teams on 2 runners.', '--internal'],
        as(tam.token),
      ),
      liaison(['customers', 'invite', 'lumen', 'CLEO@lumen.example'], as(tam.token)),
    ]);
    expect(note).toMatchObject({ code: 0, stderr: '' });
    expect(note.stdout).toMatch(/^Added an internal note to #\d+ "How do we size runners\?"/);
    expect(invited).toMatchObject({ code: 0, stderr: '' });
    expect(invited.stdout).toMatch(/^Invited Cleo Customer <cleo@lumen\.example> to the customer portal/);
    const users = await ok<CustomerUserList>(
      'users',
      tam.get(`/api/v1/accounts/${account.id}/customer-users`),
    );
    expect(users.items).toEqual([expect.objectContaining({ contactId: cleo.id, status: 'invited' })]);

    const [thread, again] = await Promise.all([
      liaison(['issues', 'show', 'lumen', String(asked.number)], as(tam.token)),
      liaison(['customer-users', 'invite', account.id, 'cleo@lumen.example', '--json'], as(tam.token)),
    ]);
    expect(thread.code).toBe(0);
    expect(thread.stdout).toMatch(
      /Tia Tam · INTERNAL NOTE \(staff only\)\n\s+They run 40 teams on 2 runners\./,
    );
    // An internal note is no answer: the customer still waits.
    expect(thread.stdout).toMatch(
      /Customer waiting\s+since 2026-03-02 09:00 UTC: waiting 3 d 1 h, overdue by 1 d 1 h/,
    );
    // The API's refusal comes through with its code: the contact is invited already.
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: ALREADY_EXISTS: /);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'ALREADY_EXISTS', status: 409 } });
  });
});
