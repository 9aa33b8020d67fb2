import type {
  IssueResponse,
  ProjectComment,
  ProjectIssue,
  ProjectIssueSummary,
  ProjectPerson,
} from '@liaison/contracts';
import { EMPTY, formatFields, formatInstant, formatList, formatTable, indent, plural } from '../output.ts';
import { hoursText, serverNow, slaText } from './projects-render.ts';

/** A project's issues and one issue's thread, as text (docs/projects.md, Response tracking). */

/** `Tia Tam`, or `Cleo Customer (customer)` for one of the account's contacts. */
export function personText(person: ProjectPerson | null): string {
  if (!person) return EMPTY;
  return person.kind === 'contact' ? `${person.name} (customer)` : person.name;
}

/** What the customer is owed now: `waiting 5 h, due in 1 d 19 h`, `waiting 3 d, overdue by 1 d`, or `—`. */
export function waitingCell(response: IssueResponse): string {
  if (!response.waitingSince || response.waitingHours === null) return EMPTY;
  const waiting = `waiting ${hoursText(response.waitingHours)}`;
  if (!response.dueAt) return waiting;
  const now = serverNow({ waitingSince: response.waitingSince, waitingHours: response.waitingHours });
  return `${waiting}, ${slaText(response.dueAt, response.overdue, now)}`;
}

/** The first answer to a customer's issue: `after 4 h (0.17 business days), 2026-03-02 13:00 UTC`. */
export function firstResponseCell(response: IssueResponse): string {
  if (!response.customerOpened) return 'not tracked (opened by staff)';
  if (!response.firstResponseAt) return 'none yet';
  const days = response.firstResponseBusinessDays;
  return `after ${hoursText(response.firstResponseHours)}${days === null ? '' : ` (${days} business days)`}, ${formatInstant(response.firstResponseAt)}`;
}

export function renderIssues(items: readonly ProjectIssueSummary[], heading: string): string {
  if (items.length === 0) return `${heading}\n\nNo issues.`;
  const table = formatTable(
    [
      { header: '#', align: 'right' },
      { header: 'title', max: 48 },
      { header: 'state' },
      { header: 'labels', max: 28 },
      { header: 'assignee', max: 24 },
      { header: 'comments', align: 'right' },
      { header: 'customer' },
      { header: 'updated' },
    ],
    items.map((issue) => [
      String(issue.number),
      issue.title,
      issue.state,
      formatList(issue.labels),
      personText(issue.assignee),
      String(issue.commentCount),
      waitingCell(issue.response),
      formatInstant(issue.updatedAt),
    ]),
  );
  return `${heading}\n\n${table}`;
}

/** A comment's heading line; an internal note says so, loudly, the way the web marks it yellow. */
export function commentHeading(comment: ProjectComment): string {
  const by = personText(comment.author);
  return `${formatInstant(comment.createdAt)} · ${by}${comment.internal ? ' · INTERNAL NOTE (staff only)' : ''}`;
}

const body = (text: string, prefix = '    ') => indent(text.trim() === '' ? EMPTY : text.trim(), prefix);

/** The issue with its response tracking, the description (Markdown source) and every comment in order. */
export function renderIssue(issue: ProjectIssue, accountName: string): string {
  const sections = [
    [
      `#${issue.number} ${issue.title}  (${issue.state} · ${accountName})`,
      `id ${issue.id} · version ${issue.version} · updated ${formatInstant(issue.updatedAt)}`,
    ].join('\n'),
    formatFields([
      ['Opened', `${formatInstant(issue.createdAt)} by ${personText(issue.author)}`],
      ['Closed', issue.closedAt ? formatInstant(issue.closedAt) : EMPTY],
      ['Labels', formatList(issue.labels)],
      ['Milestone', issue.milestone?.title ?? EMPTY],
      ['Assignee', personText(issue.assignee)],
      ['First response', firstResponseCell(issue.response)],
      [
        'Customer waiting',
        issue.response.waitingSince
          ? `since ${formatInstant(issue.response.waitingSince)}: ${waitingCell(issue.response)}${issue.response.dueAt ? ` (due ${formatInstant(issue.response.dueAt)})` : ''}`
          : 'no',
      ],
    ]),
    `Description\n${body(issue.description, '  ')}`,
  ];
  // The server answers the comments oldest first; sorted again so the thread reads in order whatever it sends.
  const comments = [...issue.comments].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id),
  );
  sections.push(
    comments.length === 0
      ? 'Comments\n  none'
      : `Comments (${comments.length})\n${comments
          .map((comment) => `  ${commentHeading(comment)}\n${body(comment.body)}`)
          .join('\n\n')}`,
  );
  if (issue.attachments.length > 0)
    sections.push(
      `Attachments (${issue.attachments.length})\n${indent(
        formatTable(
          [
            { header: 'file', max: 40 },
            { header: 'size', align: 'right' },
            { header: 'by' },
            { header: 'when' },
          ],
          issue.attachments.map((file) => [
            file.fileName,
            sizeText(file.size),
            personText(file.author),
            formatInstant(file.createdAt),
          ]),
        ),
      )}`,
    );
  return sections.join('\n\n');
}

/** `812 B`, `14 KB`, `2.3 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** After a comment: what was posted, and whether the customer sees it. */
export function commentedText(issue: ProjectIssue, internal: boolean): string {
  return internal
    ? `Added an internal note to #${issue.number} "${issue.title}" (staff only: the customer does not see it, and it is no answer to them).`
    : `Commented on #${issue.number} "${issue.title}" (${plural(issue.commentCount, 'comment')}; the customer sees it).`;
}
