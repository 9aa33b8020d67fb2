import type { Contact, CustomerUser, IssueResponse, ProjectComment, ProjectIssue } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { changedText, renderCustomerUsers } from './customer-users.ts';
import { commentBody } from './issues.ts';
import {
  commentHeading,
  firstResponseCell,
  renderIssue,
  renderIssues,
  waitingCell,
} from './issues-render.ts';
import { parseIssueNumber, pickContact, pickCustomerUser } from './project-targets.ts';

// The text of `liaison issues` and `customer-users`, without a server: the process test
// (test/projects-cli.test.ts) only checks that the pieces are wired to the API.

const id = (n: number) => `0190c7e2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const meta = { version: 1, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z' };
const tia = { kind: 'staff', userId: id(3), contactId: null, name: 'Tia Tam' } as const;
const cleo = { kind: 'contact', userId: null, contactId: id(4), name: 'Cleo Customer' } as const;

const quiet: IssueResponse = {
  customerOpened: false,
  firstResponseAt: null,
  firstResponseHours: null,
  firstResponseBusinessDays: null,
  waitingSince: null,
  waitingHours: null,
  dueAt: null,
  overdue: false,
};
// Waiting since Monday 09:00; the server answered on Thursday 10:00, past Wednesday 09:00's SLA.
const late: IssueResponse = {
  customerOpened: true,
  firstResponseAt: null,
  firstResponseHours: null,
  firstResponseBusinessDays: null,
  waitingSince: '2026-03-02T09:00:00.000Z',
  waitingHours: 73,
  dueAt: '2026-03-04T09:00:00.000Z',
  overdue: true,
};

function comment(n: number, at: string, fields: Partial<ProjectComment> = {}): ProjectComment {
  return {
    id: id(100 + n),
    ...meta,
    createdAt: at,
    body: `Comment ${n}`,
    bodyHtml: `<p>Comment ${n}</p>`,
    internal: false,
    author: tia,
    externalId: null,
    source: 'liaison',
    ...fields,
  };
}

function issue(fields: Partial<ProjectIssue> = {}): ProjectIssue {
  return {
    id: id(7),
    ...meta,
    projectId: id(1),
    accountId: id(2),
    number: 4,
    title: 'How do we size runners?',
    state: 'open',
    labels: ['question'],
    milestone: null,
    assignee: tia,
    author: cleo,
    commentCount: 0,
    response: late,
    closedAt: null,
    externalId: null,
    source: 'liaison',
    description: 'We have 40 teams.',
    descriptionHtml: '<p>We have 40 teams.</p>',
    comments: [],
    attachments: [],
    can: { edit: true },
    ...fields,
  };
}

describe('issues', () => {
  it("measures from the server's clock, never this machine's", () => {
    // waitingSince + waitingHours is when the server answered: Thursday 10:00, 25 h past due.
    expect(waitingCell(late)).toBe('waiting 3 d 1 h, overdue by 1 d 1 h');
    expect(waitingCell(quiet)).toBe('—');
  });

  it('lists issues with the assignee and how long the customer waits', () => {
    const [, , header, row] = renderIssues([issue()], 'Issues of Lumen Freight (open)').split('\n');
    expect(header).toMatch(/^#\s+TITLE\s+STATE\s+LABELS\s+ASSIGNEE\s+COMMENTS\s+CUSTOMER\s+UPDATED$/);
    expect(row).toMatch(
      /^4\s+How do we size runners\?\s+open\s+question\s+Tia Tam\s+0\s+waiting 3 d 1 h, overdue by 1 d 1 h/,
    );
  });

  it('shows the thread in order with internal notes marked, and the first response', () => {
    const shown = issue({
      response: {
        ...quiet,
        customerOpened: true,
        firstResponseAt: '2026-03-02T13:00:00.000Z',
        firstResponseHours: 4,
        firstResponseBusinessDays: 0.17,
      },
      comments: [
        comment(2, '2026-03-02T13:00:00.000Z'),
        comment(1, '2026-03-02T11:00:00.000Z', { internal: true, body: 'They run 40 teams on 2 runners.' }),
        comment(3, '2026-03-03T08:00:00.000Z', { author: cleo, body: 'Thanks!' }),
      ],
      attachments: [
        {
          id: id(9),
          fileName: 'sizing.pdf',
          contentType: 'application/pdf',
          size: 14_500,
          author: tia,
          createdAt: meta.createdAt,
        },
      ],
    });
    const text = renderIssue(shown, 'Lumen Freight');
    expect(text.split('\n')[0]).toBe('#4 How do we size runners?  (open · Lumen Freight)');
    expect(text).toMatch(/Opened\s+2026-03-02 09:00 UTC by Cleo Customer \(customer\)/);
    expect(text).toMatch(/First response\s+after 4 h \(0\.17 business days\), 2026-03-02 13:00 UTC/);
    expect(text).toMatch(/Customer waiting\s+no/);
    expect(text).toContain('Description\n  We have 40 teams.');
    const thread = text.slice(text.indexOf('Comments (3)'));
    expect(thread.indexOf('They run 40 teams')).toBeLessThan(thread.indexOf('Comment 2'));
    expect(thread.indexOf('Comment 2')).toBeLessThan(thread.indexOf('Thanks!'));
    expect(thread).toContain(
      '  2026-03-02 11:00 UTC · Tia Tam · INTERNAL NOTE (staff only)\n    They run 40 teams',
    );
    expect(thread).toContain('  2026-03-03 08:00 UTC · Cleo Customer (customer)\n    Thanks!');
    expect(text).toMatch(/sizing\.pdf\s+14 KB\s+Tia Tam/);
    expect(commentHeading(comment(5, meta.createdAt))).not.toContain('INTERNAL');
    expect(firstResponseCell(quiet)).toBe('not tracked (opened by staff)');
    expect(firstResponseCell(late)).toBe('none yet');
  });

  it('reads issue numbers as people write them, and a comment from stdin for -', () => {
    expect(parseIssueNumber('#12')).toBe(12);
    expect(() => parseIssueNumber('0')).toThrow('expected an issue number');
    expect(() => parseIssueNumber('three')).toThrow('expected an issue number');
    expect(commentBody('-', () => '  Markdown from a file\n')).toBe('Markdown from a file');
    expect(() => commentBody('   ')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('customer users', () => {
  const user = (fields: Partial<CustomerUser> = {}): CustomerUser => ({
    id: id(20),
    ...meta,
    accountId: id(2),
    contactId: id(4),
    name: 'Cleo Customer',
    email: 'cleo@lumen.example',
    status: 'invited',
    invitedBy: { id: id(3), name: 'Tia Tam' },
    invitedAt: '2026-03-02T09:00:00.000Z',
    activatedAt: null,
    deactivatedAt: null,
    lastSignInAt: null,
    ...fields,
  });

  it('lists them with status and who invited them; says when the caller may only read', () => {
    const text = renderCustomerUsers({ items: [user()], can: { manage: false } }, 'Lumen Freight');
    expect(text).toMatch(/^Customer users of Lumen Freight \(1\)/);
    expect(text).toMatch(
      /Cleo Customer\s+cleo@lumen\.example\s+invited\s+2026-03-02 09:00 UTC\s+Tia Tam\s+—\s+0190c7e2/,
    );
    expect(text).toContain('You may read this list');
    expect(renderCustomerUsers({ items: [], can: { manage: true } }, 'X')).toContain('Nobody is invited');
    expect(changedText(user({ status: 'deactivated' }), 'deactivated')).toBe(
      'Deactivated Cleo Customer <cleo@lumen.example>: their sessions and links ended at once.',
    );
  });

  it('finds a contact or a customer user by e-mail in any case, or says who is missing', () => {
    const contacts = [{ id: id(4), name: 'Cleo Customer', email: 'Cleo@Lumen.example' }] as Contact[];
    expect(pickContact(contacts, 'cleo@lumen.EXAMPLE', 'Lumen').id).toBe(id(4));
    expect(() => pickContact(contacts, 'nobody@lumen.example', 'Lumen')).toThrow(
      'no contact of Lumen has the e-mail address nobody@lumen.example',
    );
    expect(pickCustomerUser([user()], 'CLEO@lumen.example', 'Lumen').id).toBe(id(20));
    expect(pickCustomerUser([user()], id(4), 'Lumen').id).toBe(id(20));
    expect(() => pickCustomerUser([user()], 'x@y.example', 'Lumen')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
