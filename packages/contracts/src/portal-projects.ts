import { z } from 'zod';
import { Id, IsoDate, IsoInstant } from './common.ts';
import { IssueState } from './projects.ts';

/**
 * What a customer sees of their collaboration project through the portal (docs/projects.md,
 * For the portal). Separate from the staff contracts on purpose: each field here is one a
 * customer may read. No internal notes, no staff-only fields (owner's user id, template version,
 * response tracking, mirror ids), nothing of the account's assessment, health, priority or ARR.
 * Objects are strict so that a field added to a staff record never leaks here by accident.
 */

/** A person as the customer sees them: a name, and whether they are the vendor's or theirs. */
export const PortalPerson = z.strictObject({
  kind: z.enum(['staff', 'contact']),
  name: z.string(),
});

export const PortalMilestone = z.strictObject({
  id: Id,
  title: z.string(),
  descriptionHtml: z.string().nullable(),
  dueOn: IsoDate.nullable(),
  state: z.enum(['open', 'closed']),
});

export const PortalLabel = z.strictObject({ name: z.string(), colour: z.string() });

export const PortalIssueTemplate = z.strictObject({
  key: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
});

export const PortalProject = z.strictObject({
  id: Id,
  name: z.string(),
  readmeHtml: z.string(),
  milestones: z.array(PortalMilestone),
  labels: z.array(PortalLabel),
  issueTemplates: z.array(PortalIssueTemplate),
  openIssues: z.int(),
});

export const PortalComment = z.strictObject({
  id: Id,
  body: z.string(),
  bodyHtml: z.string(),
  author: PortalPerson,
  createdAt: IsoInstant,
});

export const PortalAttachment = z.strictObject({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  createdAt: IsoInstant,
});

export const PortalIssueSummary = z.strictObject({
  id: Id,
  projectId: Id,
  number: z.int().positive(),
  title: z.string(),
  state: IssueState,
  labels: z.array(z.string()),
  milestone: z.strictObject({ id: Id, title: z.string() }).nullable(),
  author: PortalPerson,
  assignee: PortalPerson.nullable(),
  commentCount: z.int().describe('Public comments only.'),
  createdAt: IsoInstant,
  updatedAt: IsoInstant,
});

export const PortalIssue = PortalIssueSummary.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  comments: z.array(PortalComment),
  attachments: z.array(PortalAttachment),
});

export const PortalIssueList = z.strictObject({ items: z.array(PortalIssueSummary) });
export const PortalProjectList = z.strictObject({ items: z.array(PortalProject) });

export const PortalCreateIssueRequest = z.strictObject({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(20_000).optional(),
  /** Only the project's labels are kept; the customer picks, e.g., "question". */
  labels: z.array(z.string().trim().min(1).max(50)).max(10).optional(),
});

export const PortalCreateCommentRequest = z.strictObject({ body: z.string().trim().min(1).max(20_000) });

export type PortalPerson = z.infer<typeof PortalPerson>;
export type PortalProject = z.infer<typeof PortalProject>;
export type PortalProjectList = z.infer<typeof PortalProjectList>;
export type PortalIssueSummary = z.infer<typeof PortalIssueSummary>;
export type PortalIssue = z.infer<typeof PortalIssue>;
export type PortalIssueList = z.infer<typeof PortalIssueList>;
export type PortalComment = z.infer<typeof PortalComment>;
export type PortalAttachment = z.infer<typeof PortalAttachment>;
export type PortalCreateIssueRequest = z.infer<typeof PortalCreateIssueRequest>;
export type PortalCreateCommentRequest = z.infer<typeof PortalCreateCommentRequest>;
