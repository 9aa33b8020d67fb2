import type {
  IssueResponse,
  Project,
  ProjectAttachment,
  ProjectComment,
  ProjectIssue,
  ProjectIssueSummary,
  ProjectPerson,
} from '@liaison/contracts';
import { type ProjectIssueTemplate, type ResponseSla, trackResponses } from '@liaison/domain';
import { toIso } from '../../db/client.ts';
import type { AttachmentRow, CommentRow, IssueRow } from './issues.store.ts';
import { renderMarkdown } from './markdown.ts';
import type { IssueListRow } from './projects.read-model.ts';
import type { LabelRow, MilestoneRow, ProjectRow } from './projects.store.ts';

// Rows → the staff API (contracts/projects.ts). The portal's shapes are portal.presenter.ts.

interface Authored {
  authorKind: string;
  authorUserId: string | null;
  authorContactId: string | null;
  authorName: string;
}

export const authorOf = (row: Authored): ProjectPerson => ({
  kind: row.authorKind === 'contact' ? 'contact' : 'staff',
  userId: row.authorUserId,
  contactId: row.authorContactId,
  name: row.authorName,
});

export interface ProjectParts {
  accountName: string;
  ownerName: string | null;
  milestones: MilestoneRow[];
  labels: LabelRow[];
  counts: { milestoneId: string | null; state: string; count: number }[];
  canEdit: boolean;
}

export function presentProject(row: ProjectRow, parts: ProjectParts): Project {
  const count = (milestoneId: string | null, state: string) =>
    parts.counts
      .filter((c) => (milestoneId === null || c.milestoneId === milestoneId) && c.state === state)
      .reduce((sum, c) => sum + c.count, 0);
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    accountId: row.accountId,
    accountName: parts.accountName,
    name: row.name,
    phase: row.phase as Project['phase'],
    owner: row.ownerUserId ? { userId: row.ownerUserId, name: parts.ownerName ?? 'Unknown' } : null,
    templateKey: row.templateKey,
    templateName: row.templateName,
    templateVersion: row.templateVersion,
    readme: row.readme,
    readmeHtml: renderMarkdown(row.readme),
    issueTemplates: (row.issueTemplates as ProjectIssueTemplate[]).map((t) => ({
      key: t.key,
      name: t.name,
      title: t.title,
      description: t.description,
      labels: t.labels,
    })),
    milestones: parts.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      descriptionHtml: m.description === null ? null : renderMarkdown(m.description),
      dueOn: m.dueOn,
      state: m.state as 'open' | 'closed',
      openIssues: count(m.id, 'open'),
      closedIssues: count(m.id, 'closed'),
    })),
    labels: parts.labels.map((l) => ({
      id: l.id,
      name: l.name,
      colour: l.colour,
      description: l.description,
    })),
    openIssues: count(null, 'open'),
    postSalesAt: toIso(row.postSalesAt),
    externalId: row.externalId,
    source: row.source,
    can: { edit: parts.canEdit },
  };
}

export function issueResponse(row: IssueListRow, sla: ResponseSla, now: Date): IssueResponse {
  return trackResponses(row.posts ?? [], row.state as 'open' | 'closed', sla, now.toISOString());
}

export function presentIssueSummary(row: IssueListRow, sla: ResponseSla, now: Date): ProjectIssueSummary {
  return {
    id: row.id,
    version: row.version,
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    projectId: row.projectId,
    accountId: row.accountId,
    number: row.number,
    title: row.title,
    state: row.state as 'open' | 'closed',
    labels: row.labels,
    milestone: row.milestoneId ? { id: row.milestoneId, title: row.milestoneTitle ?? '' } : null,
    assignee: assigneeOf(row),
    author: authorOf(row),
    commentCount: row.commentCount,
    response: issueResponse(row, sla, now),
    closedAt: toIso(row.closedAt),
    externalId: row.externalId,
    source: row.source,
  };
}

function assigneeOf(row: IssueListRow): ProjectPerson | null {
  if (row.assigneeUserId)
    return { kind: 'staff', userId: row.assigneeUserId, contactId: null, name: row.assigneeName ?? '' };
  if (row.assigneeContactId)
    return { kind: 'contact', userId: null, contactId: row.assigneeContactId, name: row.assigneeName ?? '' };
  return null;
}

export const presentComment = (row: CommentRow): ProjectComment => ({
  id: row.id,
  version: row.version,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
  body: row.body,
  bodyHtml: renderMarkdown(row.body),
  internal: row.internal,
  author: authorOf(row),
  externalId: row.externalId,
  source: row.source,
});

export const presentAttachment = (row: AttachmentRow): ProjectAttachment => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: row.size,
  author: authorOf(row),
  createdAt: toIso(row.createdAt),
});

export function presentIssue(
  row: IssueListRow,
  details: { comments: CommentRow[]; attachments: AttachmentRow[]; canEdit: boolean },
  sla: ResponseSla,
  now: Date,
): ProjectIssue {
  return {
    ...presentIssueSummary(row, sla, now),
    description: row.description,
    descriptionHtml: renderMarkdown(row.description),
    comments: details.comments.map(presentComment),
    attachments: details.attachments.map(presentAttachment),
    can: { edit: details.canEdit },
  };
}

/** What the history keeps of a project: the fields a person changes and the lifecycle. */
export const projectSnapshot = (row: ProjectRow) => ({
  name: row.name,
  phase: row.phase,
  ownerUserId: row.ownerUserId,
  templateKey: row.templateKey,
  templateVersion: row.templateVersion,
  readme: row.readme,
  postSalesAt: toIso(row.postSalesAt),
});

export const issueSnapshot = (row: IssueRow) => ({
  projectId: row.projectId,
  number: row.number,
  title: row.title,
  description: row.description,
  state: row.state,
  labels: row.labels,
  milestoneId: row.milestoneId,
  assigneeUserId: row.assigneeUserId,
  assigneeContactId: row.assigneeContactId,
  author: row.authorName,
});

export const commentSnapshot = (row: CommentRow) => ({
  issueId: row.issueId,
  body: row.body,
  internal: row.internal,
  author: row.authorName,
});
