import type { AccountProjects, PortalIssue } from '@liaison/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { factories, ok } from '../../../test/factories.ts';
import { buildCustomer } from '../../../test/portal-client.ts';
import { startSmtpReceiver } from '../../../test/smtp-receiver.ts';
import { createTestApp } from '../../../test/test-app.ts';

// The messages of a customer's question (docs/portal.md, Messages), over a real SMTP server: the
// TAM hears of the new issue; a public answer is e-mailed to the customers taking part in it,
// never an internal note, never to a customer who takes no part, is deactivated or is another
// account's.

const smtp = await startSmtpReceiver();
const app = await createTestApp({
  mail: {
    smtpUrl: smtp.url,
    from: 'Northwind Cloud <liaison@northwind.example>',
    publicUrl: 'https://liaison.example.com',
  },
  vendorName: 'Northwind Cloud',
});
await app.services.queue.startWorking({ pollingIntervalSeconds: 0.5 });
afterAll(async () => {
  await app.services.queue.stop();
});
const f = factories(app);
const tam = await f.buildUser({ roles: ['tam'], name: 'Tamsin Reyes' });
const account = await f.buildAccount({ name: 'Globex Industries', team: { tam: tam.user } });
const other = await f.buildAccount({ name: 'Initech' });
const asker = await buildCustomer(app, account, 'Nadia Novak');
const bystander = await buildCustomer(app, account, 'Omar Ortiz');
const stranger = await buildCustomer(app, other, 'Pia Park');
await ok('project', tam.post(`/api/v1/accounts/${account.id}/projects`, {}));
const { items } = await ok<AccountProjects>('projects', tam.get(`/api/v1/accounts/${account.id}/projects`));
const projectId = items[0]!.id;

/** The first message to `address` whose subject mentions `text`, waiting for it up to 90 s. */
async function mailAbout(address: string, text: string) {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const found = smtp.received.find(
      (mail) =>
        mail.to &&
        'value' in mail.to &&
        mail.to.value[0]?.address === address &&
        mail.subject?.includes(text),
    );
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Messages queued to `address` of this kind (the outbox: what was and will be sent). */
async function queued(address: string, kind: string): Promise<number> {
  const { rows } = await app.database.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM mail_messages WHERE lower(to_address) = lower($1) AND kind = $2',
    [address, kind],
  );
  return rows[0]!.n;
}

describe('a customer’s question and the answer', () => {
  it('tells the TAM of the question, and the asker — only the asker — of the public answer', async () => {
    const issue = await ok<PortalIssue>(
      'ask',
      asker.client.post(`/api/v1/portal/projects/${projectId}/issues`, {
        title: 'Runner autoscaling limits',
        description: 'We hit the **concurrency** cap at 09:00 each day.',
        labels: ['question'],
      }),
    );
    // Through the event dispatcher, the notification and the delivery job: on busy cores, a while.
    expect(
      await mailAbout(tam.user.email, 'Runner autoscaling'),
      'the TAM’s e-mail about the new issue',
    ).toBeDefined();

    const path = `/api/v1/projects/${projectId}/issues/${issue.number}/comments`;
    await ok('note', tam.post(path, { body: 'Ask PS whether they are on the old plan.', internal: true }));
    expect(await queued(asker.email, 'portal-reply')).toBe(0);

    await ok('answer', tam.post(path, { body: 'Raise `concurrent` to 40; details in the runbook.' }));
    const answer = await mailAbout(asker.email, 'answered “Runner autoscaling limits”');
    expect(answer!.subject).toBe('Northwind Cloud: Tamsin Reyes answered “Runner autoscaling limits”');
    expect(answer!.text).toContain('Raise `concurrent` to 40; details in the runbook.');
    expect(answer!.text).toContain(
      `https://liaison.example.com/portal/projects/${projectId}/issues/${issue.number}`,
    );
    expect(answer!.text).not.toContain('Ask PS');
    expect(answer!.html).not.toContain('<script');
    for (const person of [bystander, stranger]) expect(await queued(person.email, 'portal-reply')).toBe(0);
  });

  it('tells a commenter too, and nobody once deactivated', async () => {
    const issue = await ok<PortalIssue>(
      'ask',
      asker.client.post(`/api/v1/portal/projects/${projectId}/issues`, { title: 'SSO for the portal?' }),
    );
    await ok(
      'chime in',
      bystander.client.post(`/api/v1/portal/projects/${projectId}/issues/${issue.number}/comments`, {
        body: 'We would like this too.',
      }),
    );
    await ok('deactivate', tam.post(`/api/v1/customer-users/${asker.user.id}/deactivate`));
    const before = await queued(asker.email, 'portal-reply');
    await ok(
      'answer',
      tam.post(`/api/v1/projects/${projectId}/issues/${issue.number}/comments`, {
        body: 'On the roadmap for Q3.',
      }),
    );
    expect(await queued(bystander.email, 'portal-reply')).toBe(1);
    expect(await queued(asker.email, 'portal-reply')).toBe(before);
    const mail = await mailAbout(bystander.email, 'SSO for the portal?');
    expect(mail!.subject).toContain('SSO for the portal?');
  });
});
