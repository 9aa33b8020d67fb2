import type { AccountProjects, Project, Responsiveness, WaitingIssue } from '@liaison/contracts';
import { describe, expect, it } from 'vitest';
import { accountWord, projectOf } from './project-targets.ts';
import { renderAccountProjects, renderProjects, renderWaiting, slaText } from './projects-render.ts';

// The text of `liaison projects` and `issues waiting`, without a server: the process test
// (test/projects-cli.test.ts) only checks that the pieces are wired to the API.

const id = (n: number) => `0190c7e2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const meta = { version: 1, createdAt: '2026-03-02T09:00:00.000Z', updatedAt: '2026-03-02T09:00:00.000Z' };

const calm: Responsiveness = {
  medianFirstResponseHours: 4,
  medianFirstResponseBusinessDays: 0.17,
  answered: 3,
  waiting: 2,
  overdue: 1,
  colour: 'yellow',
  healthMeasure: false,
};

function project(fields: Partial<Project> = {}): Project {
  return {
    id: id(1),
    ...meta,
    accountId: id(2),
    accountName: 'Lumen Freight',
    name: 'Lumen Freight collaboration project',
    phase: 'post_sales',
    owner: { userId: id(3), name: 'Tia Tam' },
    templateKey: 'enterprise',
    templateName: 'Enterprise',
    templateVersion: 0,
    readme: '# Lumen',
    readmeHtml: '<h1>Lumen</h1>',
    issueTemplates: [],
    milestones: [
      {
        id: id(5),
        title: 'Kick-off',
        description: null,
        descriptionHtml: null,
        dueOn: '2026-03-16',
        state: 'open',
        openIssues: 1,
        closedIssues: 0,
      },
    ],
    labels: [{ id: id(6), name: 'question', colour: '#1c7ed6', description: null }],
    openIssues: 3,
    postSalesAt: '2026-03-01T12:00:00.000Z',
    externalId: null,
    source: 'liaison',
    can: { edit: true },
    ...fields,
  };
}

describe('durations and the SLA', () => {
  it('measures due times from the server’s clock', () => {
    const now = Date.parse('2026-03-05T10:00:00.000Z');
    expect(slaText('2026-03-04T09:00:00.000Z', true, now)).toBe('overdue by 1 d 1 h');
    expect(slaText('2026-03-05T15:00:00.000Z', false, now)).toBe('due in 5 h');
  });
});

describe('projects', () => {
  it('lists one line per project with its customers waiting, and the accounts without one', () => {
    const text = renderProjects([{ project: project(), responsiveness: calm }], ['Harbour Logistics']);
    const [header, row, , footer] = text.split('\n');
    expect(header).toMatch(/^ACCOUNT\s+PHASE\s+OWNER\s+OPEN ISSUES\s+CUSTOMERS\s+TEMPLATE\s+ID$/);
    expect(row).toMatch(
      /^Lumen Freight\s+post-sales\s+Tia Tam\s+3\s+2 waiting \(1 overdue\)\s+enterprise\s+0190c7e2/,
    );
    expect(footer).toBe(
      'No project yet (1): Harbour Logistics. Create one with "liaison projects create <account>".',
    );
  });

  it('shows a project with its milestones and responsiveness, or what a new one would be', () => {
    const answer: AccountProjects = {
      items: [project()],
      canCreate: false,
      template: { key: 'enterprise', name: 'Enterprise' },
      responsiveness: calm,
    };
    const text = renderAccountProjects(answer, 'Lumen Freight');
    expect(text).toContain('Lumen Freight collaboration project  (post-sales · Lumen Freight)');
    expect(text).toMatch(/Owner\s+Tia Tam/);
    expect(text).toMatch(/Template\s+Enterprise \(enterprise, playbook version 0\)/);
    expect(text).toMatch(/Customers\s+2 waiting \(1 overdue\)/);
    expect(text).toMatch(/First response\s+4 h \(0\.17 business days\) over 3 answered issues/);
    expect(text).toMatch(/As health\s+yellow \(the measure is off in the playbook\)/);
    expect(text).toMatch(/Kick-off\s+2026-03-16\s+open\s+1\s+0/);
    expect(text).not.toContain('# Lumen');
    const none = renderAccountProjects({ ...answer, items: [], canCreate: true }, 'Harbour');
    expect(none).toContain(
      'Harbour has no collaboration project yet.\nA new one gets the template "Enterprise" (enterprise)',
    );
    expect(none).toContain('Create it with "liaison projects create Harbour".');
  });

  it('refuses an account without a project with a code and the way out', () => {
    const answer = { items: [], canCreate: true, template: { key: 'x', name: 'X' }, responsiveness: calm };
    expect(() => projectOf(answer, { id: id(2), name: 'Harbour Logistics' }, 'harb')).toThrow(
      expect.objectContaining({
        code: 'NOT_FOUND',
        message: `Harbour Logistics has no collaboration project yet (create it with "liaison projects create 'Harbour Logistics'")`,
      }),
    );
    expect(accountWord({ id: id(2), name: null }, id(2))).toBe(id(2));
    expect(accountWord({ id: id(2), name: "O'Brien & Sons" }, 'obrien')).toBe('"O\'Brien & Sons"');
  });
});

describe('customers waiting', () => {
  const waiting = (n: number, fields: Partial<WaitingIssue> = {}): WaitingIssue => ({
    accountId: id(2),
    accountName: 'Lumen Freight',
    projectId: id(1),
    issueId: id(10 + n),
    number: n,
    title: `Question ${n}`,
    customer: 'Cleo Customer',
    responsible: { userId: id(3), name: 'Tia Tam' },
    waitingSince: '2026-03-02T09:00:00.000Z',
    waitingHours: 73,
    dueAt: '2026-03-04T09:00:00.000Z',
    overdue: true,
    ...fields,
  });

  it('lists soonest due first with how late, the responsible person only when it is not you', () => {
    const items = [
      waiting(1),
      waiting(2, {
        waitingSince: '2026-03-05T08:00:00.000Z',
        waitingHours: 2,
        dueAt: '2026-03-10T08:00:00.000Z',
        overdue: false,
      }),
    ];
    const lines = renderWaiting(items, 'Customers waiting on you', false).split('\n');
    expect(lines[2]).toMatch(/^DUE\s+SLA\s+ACCOUNT\s+ISSUE\s+CUSTOMER\s+WAITING$/);
    expect(lines[3]).toMatch(
      /^2026-03-04 09:00 UTC\s+overdue by 1 d 1 h\s+Lumen Freight\s+#1 Question 1\s+Cleo Customer\s+3 d 1 h$/,
    );
    expect(lines[4]).toMatch(/^2026-03-10 08:00 UTC\s+due in 4 d 22 h\s+Lumen Freight\s+#2 Question 2/);
    expect(lines.at(-1)).toBe('2 customer posts waiting, 1 past the SLA.');
    expect(renderWaiting(items, 'x', true).split('\n')[2]).toMatch(/WAITING\s+RESPONSIBLE$/);
    expect(renderWaiting([], 'Customers waiting on you', false)).toContain('Nobody is waiting.');
  });
});
