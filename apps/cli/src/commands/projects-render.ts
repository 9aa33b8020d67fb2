import { hoursText } from '@liaison/domain';

// Shared with the other client (docs/projects.md); callers here import it from this module.
export { hoursText };

import type { AccountProjects, Project, Responsiveness, WaitingIssue } from '@liaison/contracts';
import {
  EMPTY,
  formatCount,
  formatDate,
  formatFields,
  formatInstant,
  formatTable,
  indent,
  plural,
} from '../output.ts';
import { accountWord } from './project-targets.ts';

/** Collaboration projects and the customers waiting on staff, as text (docs/projects.md). */

export const PHASE_LABELS: Record<Project['phase'], string> = {
  pre_sales: 'pre-sales',
  post_sales: 'post-sales',
};

const HOUR_MS = 3_600_000;

/**
 * The server's clock when it answered: `waitingHours` is counted from `waitingSince` to the
 * server's now. "Due in" and "overdue by" are measured from it rather than from this machine's
 * clock, so they always agree with the server's `overdue` (a skewed laptop, a test clock).
 */
export function serverNow(waiting: { waitingSince: string; waitingHours: number }): number {
  return Date.parse(waiting.waitingSince) + waiting.waitingHours * HOUR_MS;
}

/** `due in 5 h`, `overdue by 1 d 2 h`; the server's `overdue` decides which, the clocks only how much. */
export function slaText(dueAt: string, overdue: boolean, now: number): string {
  const hours = Math.abs(Date.parse(dueAt) - now) / HOUR_MS;
  return overdue ? `overdue by ${hoursText(hours)}` : `due in ${hoursText(hours)}`;
}

/** `2 waiting (1 overdue)`, `none waiting`. */
export function waitingText(responsiveness: Responsiveness): string {
  if (responsiveness.waiting === 0) return 'none waiting';
  return `${formatCount(responsiveness.waiting)} waiting${responsiveness.overdue > 0 ? ` (${formatCount(responsiveness.overdue)} overdue)` : ''}`;
}

/** The median first response: `4 h (0.17 business days) over 3 answered`, or `—`. */
export function firstResponseText(responsiveness: Responsiveness): string {
  if (responsiveness.medianFirstResponseHours === null) return EMPTY;
  const days = responsiveness.medianFirstResponseBusinessDays;
  return `${hoursText(responsiveness.medianFirstResponseHours)}${days === null ? '' : ` (${days} business days)`} over ${plural(responsiveness.answered, 'answered issue')}`;
}

export interface ProjectRow {
  project: Project;
  responsiveness: Responsiveness;
}

/** One line per project; `without`: the accounts listed that have none yet, named under the table. */
export function renderProjects(rows: readonly ProjectRow[], without: readonly string[] = []): string {
  const parts: string[] = [];
  if (rows.length === 0) parts.push('No collaboration projects.');
  else
    parts.push(
      formatTable(
        [
          { header: 'account', max: 32 },
          { header: 'phase' },
          { header: 'owner', max: 24 },
          { header: 'open issues', align: 'right' },
          { header: 'customers' },
          { header: 'template' },
          { header: 'id' },
        ],
        rows.map(({ project, responsiveness }) => [
          project.accountName,
          PHASE_LABELS[project.phase],
          project.owner?.name ?? EMPTY,
          formatCount(project.openIssues),
          waitingText(responsiveness),
          project.templateKey,
          project.id,
        ]),
      ),
    );
  if (without.length > 0)
    parts.push(
      `No project yet (${formatCount(without.length)}): ${without.join(', ')}. Create one with "liaison projects create <account>".`,
    );
  return parts.join('\n\n');
}

/** An account's project in full (no README: the web shows it), or what a new one would be. */
export function renderAccountProjects(answer: AccountProjects, accountName: string): string {
  const project = answer.items[0];
  if (!project)
    return [
      `${accountName} has no collaboration project yet.`,
      `A new one gets the template "${answer.template.name}" (${answer.template.key}).`,
      answer.canCreate
        ? `Create it with "liaison projects create ${accountWord({ id: '', name: accountName }, accountName)}".`
        : 'Its team, TAM managers and admins may create it.',
    ].join('\n');
  const responsiveness = answer.responsiveness;
  const sections = [
    [
      `${project.name}  (${PHASE_LABELS[project.phase]} · ${project.accountName})`,
      `id ${project.id} · version ${project.version} · updated ${formatInstant(project.updatedAt)}`,
    ].join('\n'),
    `Project\n${formatFields([
      ['Owner', project.owner?.name ?? EMPTY],
      ['Phase', PHASE_LABELS[project.phase]],
      // Only a project moved at closed-won has the instant; one created post-sales never had a pre-sales.
      ...(project.postSalesAt
        ? [['Post-sales since', formatInstant(project.postSalesAt)] as [string, string]]
        : []),
      [
        'Template',
        `${project.templateName} (${project.templateKey}, playbook version ${project.templateVersion})`,
      ],
      ['Open issues', formatCount(project.openIssues)],
      ['Labels', project.labels.map((label) => label.name).join(', ')],
      ['You may edit', project.can.edit ? 'yes' : 'no'],
    ])}`,
    `Responsiveness\n${formatFields([
      ['Customers', waitingText(responsiveness)],
      ['First response', firstResponseText(responsiveness)],
      [
        'As health',
        `${responsiveness.colour ?? EMPTY}${responsiveness.healthMeasure ? '' : ' (the measure is off in the playbook)'}`,
      ],
    ])}`,
  ];
  sections.push(
    project.milestones.length === 0
      ? 'Milestones\n  none'
      : `Milestones (${project.milestones.length})\n${indent(
          formatTable(
            [
              { header: 'milestone', max: 40 },
              { header: 'due' },
              { header: 'state' },
              { header: 'open', align: 'right' },
              { header: 'closed', align: 'right' },
            ],
            project.milestones.map((milestone) => [
              milestone.title,
              formatDate(milestone.dueOn),
              milestone.state,
              formatCount(milestone.openIssues),
              formatCount(milestone.closedIssues),
            ]),
          ),
        )}`,
  );
  return sections.join('\n\n');
}

/** Customers waiting on staff, soonest due first (the server's order), with how late. */
export function renderWaiting(
  items: readonly WaitingIssue[],
  heading: string,
  withResponsible: boolean,
): string {
  if (items.length === 0) return `${heading}\n\nNobody is waiting.`;
  const table = formatTable(
    [
      { header: 'due' },
      { header: 'sla' },
      { header: 'account', max: 28 },
      { header: 'issue', max: 48 },
      { header: 'customer', max: 24 },
      { header: 'waiting' },
      ...(withResponsible ? [{ header: 'responsible', max: 24 }] : []),
    ],
    items.map((item) => [
      formatInstant(item.dueAt),
      slaText(item.dueAt, item.overdue, serverNow(item)),
      item.accountName,
      `#${item.number} ${item.title}`,
      item.customer,
      hoursText(item.waitingHours),
      ...(withResponsible ? [item.responsible?.name ?? EMPTY] : []),
    ]),
  );
  const late = items.filter((item) => item.overdue).length;
  return `${heading}\n\n${table}\n\n${plural(items.length, 'customer post')} waiting${late > 0 ? `, ${formatCount(late)} past the SLA` : ''}.`;
}
