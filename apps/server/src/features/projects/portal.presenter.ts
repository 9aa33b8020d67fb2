import type {
  PortalAttachment,
  PortalComment,
  PortalIssue,
  PortalIssueSummary,
  PortalPerson,
  PortalProject,
} from '@liaison/contracts';
import type { ProjectIssueTemplate } from '@liaison/domain';
import { toIso } from '../../db/client.ts';
import type { AttachmentRow, CommentRow } from './issues.store.ts';
import { renderMarkdown } from './markdown.ts';
import type { IssueListRow } from './projects.read-model.ts';
import type { LabelRow, MilestoneRow, ProjectRow } from './projects.store.ts';

// Rows → what a customer sees (contracts/portal-projects.ts). Every field is picked by name, so a
// column added to a table reaches the portal only when someone writes it here.

const person = (kind: string, name: string): PortalPerson => ({
  kind: kind === 'contact' ? 'contact' : 'staff',
  name,
});

export function presentPortalProject(
  row: ProjectRow,
  parts: { milestones: MilestoneRow[]; labels: LabelRow[]; openIssues: number },
): PortalProject {
  return {
    id: row.id,
    name: row.name,
    readmeHtml: renderMarkdown(row.readme),
    milestones: parts.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      descriptionHtml: m.description === null ? null : renderMarkdown(m.description),
      dueOn: m.dueOn,
      state: m.state as 'open' | 'closed',
    })),
    labels: parts.labels.map((l) => ({ name: l.name, colour: l.colour })),
    issueTemplates: (row.issueTemplates as ProjectIssueTemplate[]).map((t) => ({
      key: t.key,
      name: t.name,
      title: t.title,
      description: t.description,
    })),
    openIssues: parts.openIssues,
  };
}

export function presentPortalIssueSummary(row: IssueListRow): PortalIssueSummary {
  return {
    id: row.id,
    projectId: row.projectId,
    number: row.number,
    title: row.title,
    state: row.state as 'open' | 'closed',
    labels: row.labels,
    milestone: row.milestoneId ? { id: row.milestoneId, title: row.milestoneTitle ?? '' } : null,
    author: person(row.authorKind, row.authorName),
    assignee: row.assigneeUserId
      ? person('staff', row.assigneeName ?? '')
      : row.assigneeContactId
        ? person('contact', row.assigneeName ?? '')
        : null,
    commentCount: row.commentCount,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

const presentPortalComment = (row: CommentRow): PortalComment => ({
  id: row.id,
  body: row.body,
  bodyHtml: renderMarkdown(row.body),
  author: person(row.authorKind, row.authorName),
  createdAt: toIso(row.createdAt),
});

const presentPortalAttachment = (row: AttachmentRow): PortalAttachment => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  createdAt: toIso(row.createdAt),
});

/** `comments` must be the public ones only (the store's `publicOnly`); internal notes never pass. */
export function presentPortalIssue(
  row: IssueListRow,
  comments: CommentRow[],
  attachments: AttachmentRow[],
): PortalIssue {
  return {
    ...presentPortalIssueSummary(row),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    comments: comments.filter((c) => !c.internal).map(presentPortalComment),
    attachments: attachments.map(presentPortalAttachment),
  };
}
