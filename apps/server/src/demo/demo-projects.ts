import type { AccountSegment } from '@liaison/domain';
import { defaultPlaybook, instantiateTemplate, type ProjectMeta, templateFor } from '@liaison/domain';
import { projectComments, projectIssues, projectLabels, projectMilestones, projects } from '../db/schema.ts';
import { commentSnapshot, issueSnapshot, projectSnapshot } from '../features/projects/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { PortalPerson } from './demo-portal.ts';
import { derivedUuid } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import type { HistoryLog } from './demo-timeline.ts';

// A few collaboration projects (docs/projects.md, In the demo): post-sales projects on customers
// of the demo TAMs, with customers' questions — one answered within hours, one waiting, one
// waiting past the SLA — and a pre-sales project the demo SA owns on a prospect.

interface Inputs {
  now: Date;
  log: HistoryLog;
  accounts: { id: string; name: string; segment: string; relationshipStage: string }[];
  teamAssignments: {
    accountId: string;
    userId: string;
    role: string;
    startsAt: string;
    endsAt: string | null;
  }[];
  users: { id: string; name: string; email: string }[];
  contacts: { id: string; accountId: string; name: string; email: string | null }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const newProject = rowsOf(projects);
const newMilestone = rowsOf(projectMilestones);
const newLabel = rowsOf(projectLabels);
const newIssue = rowsOf(projectIssues);
const newComment = rowsOf(projectComments);

/** A weekday `days` calendar days back at `hour` UTC (a weekend moves to the Friday before). */
function weekdayBack(now: Date, days: number, hour: number): Date {
  const at = new Date(now.getTime() - days * DAY);
  at.setUTCHours(hour, 0, 0, 0);
  while (at.getUTCDay() === 0 || at.getUTCDay() === 6) at.setTime(at.getTime() - DAY);
  return at;
}

type Story = 'overdue' | 'answered' | 'follow_up' | 'pre_sales';

export function buildProjectRows({ now, log, accounts, teamAssignments, users, contacts }: Inputs) {
  const held = (a: Inputs['teamAssignments'][number]) =>
    Date.parse(a.startsAt) <= now.getTime() && (a.endsAt === null || Date.parse(a.endsAt) > now.getTime());
  const userOf = (id: string) => users.find((u) => u.id === id)!;
  const holder = (accountId: string, role: string) =>
    teamAssignments.find((a) => a.accountId === accountId && a.role === role && held(a));
  const byEmail = (prefix: string) => users.find((u) => u.email.startsWith(prefix));
  const pick = (userId: string | undefined, stage: string, role: string, count: number) =>
    accounts
      .filter((a) => a.relationshipStage === stage && holder(a.id, role)?.userId === userId)
      .filter((a) => contacts.some((c) => c.accountId === a.id) && !a.name.includes('('))
      .sort((x, y) => x.name.localeCompare(y.name))
      .slice(0, count);
  const priya = byEmail('priya')?.id;
  const sofia = byEmail('sofia')?.id;
  const elliot = byEmail('elliot')?.id;
  const chosen: [Inputs['accounts'][number], Story][] = [
    ...pick(priya, 'customer', 'tam', 2).map(
      (a, i) => [a, i === 0 ? 'overdue' : 'answered'] as [typeof a, Story],
    ),
    ...pick(sofia, 'customer', 'tam', 1).map((a) => [a, 'follow_up'] as [typeof a, Story]),
    ...pick(elliot, 'opportunity', 'sa', 1).map((a) => [a, 'pre_sales'] as [typeof a, Story]),
  ];
  const rows = {
    projects: [] as object[],
    milestones: [] as object[],
    labels: [] as object[],
    issues: [] as object[],
    comments: [] as object[],
    /** The post-sales projects' asking contacts, who use the portal (demo-portal.ts). */
    portalPeople: [] as PortalPerson[],
  };

  for (const [account, story] of chosen) {
    const ownerRole = story === 'pre_sales' ? 'sa' : 'tam';
    const owner = userOf(holder(account.id, ownerRole)!.userId);
    const actor: HistoryActor = { type: 'user', id: owner.id, name: owner.name };
    const team = Object.fromEntries(
      ['sal', 'ae', 'sa', 'tam', 'pse'].flatMap((role) => {
        const found = holder(account.id, role);
        return found ? [[role, userOf(found.userId).name]] : [];
      }),
    );
    const meta: ProjectMeta = {
      customer: account.name,
      team,
      segment: account.segment as AccountSegment,
      successPlan: null,
    };
    const template = templateFor(defaultPlaybook.projects, meta.segment);
    const copy = instantiateTemplate(template, meta);
    const created = weekdayBack(now, story === 'pre_sales' ? 12 : 40, 10);
    const at = (date: Date) => date.toISOString();
    const id = derivedUuid(`project:${account.id}`);
    const project = newProject({
      id,
      accountId: account.id,
      version: 1,
      createdAt: at(created),
      updatedAt: at(created),
      name: `${account.name} collaboration project`,
      phase: story === 'pre_sales' ? 'pre_sales' : 'post_sales',
      ownerUserId: owner.id,
      templateKey: template.key,
      templateName: template.name,
      templateVersion: 0,
      readme: copy.readme,
      issueTemplates: copy.issueTemplates,
      postSalesAt: story === 'pre_sales' ? null : at(created),
    });
    rows.projects.push(project);
    log.add(created, actor, {
      accountId: account.id,
      entityType: 'project',
      entityId: id,
      before: null,
      after: projectSnapshot(project),
    });
    const milestoneIds = copy.milestones.map((m, position) => {
      const milestone = newMilestone({
        id: derivedUuid(`milestone:${id}:${position}`),
        accountId: account.id,
        projectId: id,
        title: m.title,
        description: m.description,
        dueOn: m.dueDays === null ? null : at(new Date(created.getTime() + m.dueDays * DAY)).slice(0, 10),
        position,
      });
      rows.milestones.push(milestone);
      return { title: m.title, id: milestone.id };
    });
    for (const [position, l] of copy.labels.entries())
      rows.labels.push(
        newLabel({
          id: derivedUuid(`label:${id}:${position}`),
          accountId: account.id,
          projectId: id,
          ...l,
          position,
        }),
      );
    const contact = contacts.find((c) => c.accountId === account.id)!;
    if (story !== 'pre_sales') rows.portalPeople.push({ contact, invitedBy: owner, projectCreated: created });
    let number = 0;
    const issue = (
      fields: {
        title: string;
        description: string;
        labels: string[];
        milestone?: string | null;
        recursFrom?: string | null;
      },
      opened: Date,
      by: 'staff' | 'contact',
      closedAt: Date | null = null,
    ) => {
      number += 1;
      const row = newIssue({
        id: derivedUuid(`issue:${id}:${number}`),
        accountId: account.id,
        projectId: id,
        version: closedAt ? 2 : 1,
        createdAt: at(opened),
        updatedAt: at(closedAt ?? opened),
        number,
        title: fields.title,
        description: fields.description,
        state: closedAt ? 'closed' : 'open',
        labels: fields.labels,
        milestoneId: milestoneIds.find((m) => m.title === fields.milestone)?.id ?? null,
        assigneeUserId: by === 'staff' ? owner.id : null,
        recursFrom: fields.recursFrom ?? null,
        closedAt: closedAt ? at(closedAt) : null,
        authorKind: by,
        authorUserId: by === 'staff' ? owner.id : null,
        authorContactId: by === 'contact' ? contact.id : null,
        authorName: by === 'staff' ? owner.name : contact.name,
      });
      rows.issues.push(row);
      const who: HistoryActor =
        by === 'staff' ? actor : { type: 'contact', id: contact.id, name: contact.name };
      log.add(opened, who, {
        accountId: account.id,
        entityType: 'project_issue',
        entityId: row.id,
        before: null,
        after: issueSnapshot(row),
      });
      return row;
    };
    const comment = (
      issueRow: { id: string },
      body: string,
      posted: Date,
      by: 'staff' | 'contact',
      internal = false,
    ) => {
      const row = newComment({
        id: derivedUuid(`comment:${issueRow.id}:${posted.getTime()}`),
        accountId: account.id,
        projectId: id,
        issueId: issueRow.id,
        version: 1,
        createdAt: at(posted),
        updatedAt: at(posted),
        body,
        internal,
        authorKind: by,
        authorUserId: by === 'staff' ? owner.id : null,
        authorContactId: by === 'contact' ? contact.id : null,
        authorName: by === 'staff' ? owner.name : contact.name,
      });
      rows.comments.push(row);
      const who: HistoryActor =
        by === 'staff' ? actor : { type: 'contact', id: contact.id, name: contact.name };
      log.add(posted, who, {
        accountId: account.id,
        entityType: 'project_comment',
        entityId: row.id,
        before: null,
        after: commentSnapshot(row),
      });
    };
    for (const preloaded of copy.issues) {
      const welcome = preloaded.title === 'Welcome call' && story !== 'pre_sales';
      issue(preloaded, created, 'staff', welcome ? new Date(created.getTime() + 9 * DAY) : null);
    }
    if (story === 'overdue') {
      const asked = issue(
        {
          title: 'How should we size our CI runners?',
          description:
            'We run **40 teams** on shared runners; builds queue at 9am. What sizing do you recommend?',
          labels: ['question'],
        },
        weekdayBack(now, 6, 9),
        'contact',
      );
      comment(
        asked,
        'Waiting on the reference architecture team before answering.',
        weekdayBack(now, 5, 15),
        'staff',
        true,
      );
    } else if (story === 'answered') {
      const asked = issue(
        {
          title: 'Feature request: merge train metrics',
          description: 'We would like merge train durations per project.',
          labels: ['feature request'],
        },
        weekdayBack(now, 20, 9),
        'contact',
        weekdayBack(now, 12, 11),
      );
      comment(
        asked,
        'Thanks! I logged it with the product team and linked your use case.',
        weekdayBack(now, 20, 13),
        'staff',
      );
    } else if (story === 'follow_up') {
      const asked = issue(
        {
          title: 'Upgrade path to the next major version',
          description: 'Can we skip a version when upgrading?',
          labels: ['upgrade'],
        },
        weekdayBack(now, 8, 9),
        'contact',
      );
      comment(
        asked,
        'Yes, through the required stops; here is the upgrade path tool.',
        weekdayBack(now, 8, 14),
        'staff',
      );
      comment(
        asked,
        'Great — do we need downtime for the database migration?',
        new Date(now.getTime() - 5 * HOUR),
        'contact',
      );
    }
    // The seeded issues took numbers 1…n: the next one opened (by the TAM or through the portal)
    // is n + 1, as `takeIssueNumber` would have left it.
    project.nextIssueNumber = number + 1;
  }
  return rows;
}
