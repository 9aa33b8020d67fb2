import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestInput, notificationMail } from './digest.ts';

// The words Liaison sends (docs/notifications.md, The daily digest).

const base: DigestInput = {
  name: 'Tove',
  today: '2026-03-02',
  publicUrl: 'https://liaison.example.com/',
  work: [],
  changes: [],
};
const overdue = {
  title: 'Cadence call',
  accountName: 'Acme',
  dueOn: '2026-02-20',
  overdue: true,
  link: '/accounts/a',
};
const soon = {
  title: 'Send the <guide>',
  accountName: null,
  dueOn: '2026-03-05',
  overdue: false,
  link: '/week',
};
const change = {
  title: 'Health turned red: Acme',
  summary: 'Health went from yellow to red.',
  link: '/accounts/a',
};

describe('the daily digest', () => {
  it.each([
    ['nothing to say: no digest', {}, null],
    ['overdue only', { work: [overdue] }, 'Your week in Liaison: 1 overdue'],
    [
      'soon and changes',
      { work: [soon], changes: [change, change] },
      'Your week in Liaison: 1 due soon, 2 changes',
    ],
    [
      'all three',
      { work: [overdue, soon], changes: [change] },
      'Your week in Liaison: 1 overdue, 1 due soon, 1 change',
    ],
  ] as const)('%s', (_name, patch, subject) => {
    expect(buildDigest({ ...base, ...patch })?.subject ?? null).toBe(subject);
  });

  it('lists each line with its link, in sections, and escapes everything in the HTML', () => {
    const digest = buildDigest({ ...base, work: [overdue, soon], changes: [change] })!;
    expect(digest.text).toContain(
      'Overdue\n- Cadence call · Acme · due 2026-02-20\n  https://liaison.example.com/accounts/a',
    );
    expect(digest.text).toContain(
      'Due soon\n- Send the <guide> · due 2026-03-05\n  https://liaison.example.com/week',
    );
    expect(digest.text).toContain(
      'What changed in your book since yesterday\n- Health turned red: Acme — Health went from yellow to red.',
    );
    expect(digest.html).toContain('Send the &lt;guide&gt;');
    expect(digest.html).not.toContain('<guide>');
    expect(digest.html).toContain('<a href="https://liaison.example.com/accounts/a">');
  });
});

describe('one notification by e-mail', () => {
  it('is the title, the summary and the link, escaped in HTML', () => {
    const mail = notificationMail({
      title: 'Health turned red: <Acme & Co>',
      summary: 'Health went from "yellow" to red.',
      accountName: '<Acme & Co>',
      link: '/accounts/a',
      publicUrl: 'http://localhost:3000',
    });
    expect(mail.subject).toBe('Health turned red: <Acme & Co>');
    expect(mail.text).toContain('Open: http://localhost:3000/accounts/a');
    expect(mail.html).toContain('&lt;Acme &amp; Co&gt;');
    expect(mail.html).toContain('&quot;yellow&quot;');
  });
});
