import { ISSUE_STATES, PROJECT_PHASES } from '@liaison/domain';
import { z } from 'zod';
import { Id, IsoDate, IsoInstant, LongText, QueryBoolean, RecordMeta, ShortText } from './common.ts';
import { ArtefactFileInput, PersonRef } from './journey.ts';

/**
 * Customer collaboration projects, the staff side (docs/projects.md). The customer portal reads
 * the same records through its own contracts (portal-projects.ts), which leave out what is staff's.
 */

export const ProjectPhase = z.enum(PROJECT_PHASES);
export const IssueState = z.enum(ISSUE_STATES);

/** Who wrote or is given something: a staff member or one of the account's contacts. */
export const ProjectPerson = z.object({
  kind: z.enum(['staff', 'contact']),
  userId: Id.nullable(),
  contactId: Id.nullable(),
  name: z.string(),
});

/** What the mirror of a later issue attaches to: the record's id elsewhere and where that is. */
const Mirror = {
  externalId: z.string().nullable(),
  source: z.string().describe('`liaison` for records made here; a mirror names its system.'),
};

export const ProjectMilestone = z.object({
  id: Id,
  title: z.string(),
  description: z.string().nullable(),
  descriptionHtml: z.string().nullable(),
  dueOn: IsoDate.nullable(),
  state: z.enum(['open', 'closed']),
  openIssues: z.int(),
  closedIssues: z.int(),
});

export const ProjectLabel = z.object({
  id: Id,
  name: z.string(),
  colour: z.string(),
  description: z.string().nullable(),
});

export const IssueTemplate = z.object({
  key: z.string(),
  name: z.string(),
  title: z.string(),
  description: z.string(),
  labels: z.array(z.string()),
});

/** Response tracking of one issue (docs/projects.md, Response tracking). */
export const IssueResponse = z.object({
  customerOpened: z.boolean(),
  firstResponseAt: IsoInstant.nullable(),
  firstResponseHours: z.number().nullable(),
  firstResponseBusinessDays: z.number().nullable(),
  waitingSince: IsoInstant.nullable().describe('The oldest customer post no staff answer followed.'),
  waitingHours: z.number().nullable(),
  dueAt: IsoInstant.nullable().describe('When the answer is due under the playbook’s SLA.'),
  overdue: z.boolean(),
});

export const Responsiveness = z.object({
  medianFirstResponseHours: z.number().nullable(),
  medianFirstResponseBusinessDays: z.number().nullable(),
  answered: z.int(),
  waiting: z.int(),
  overdue: z.int(),
  colour: z
    .enum(['green', 'yellow', 'red'])
    .nullable()
    .describe('As the health measure would read it (the measure is off unless the playbook turns it on).'),
  healthMeasure: z.boolean(),
});

export const Project = RecordMeta.extend({
  accountId: Id,
  accountName: z.string(),
  name: z.string(),
  phase: ProjectPhase,
  owner: PersonRef.nullable(),
  templateKey: z.string(),
  templateName: z.string(),
  templateVersion: z.int().describe('The playbook version the template was copied from.'),
  readme: z.string(),
  readmeHtml: z.string().describe('The README rendered and sanitised.'),
  issueTemplates: z.array(IssueTemplate),
  milestones: z.array(ProjectMilestone),
  labels: z.array(ProjectLabel),
  openIssues: z.int(),
  postSalesAt: IsoInstant.nullable(),
  ...Mirror,
  can: z.object({ edit: z.boolean() }).describe('May the caller change it, open issues and comment.'),
});

export const AccountProjects = z.object({
  items: z.array(Project),
  canCreate: z.boolean(),
  template: z.object({ key: z.string(), name: z.string() }).describe('The template a new project gets.'),
  responsiveness: Responsiveness,
});

export const CreateProjectRequest = z.object({
  name: ShortText.optional().describe('Default: "<account> collaboration project".'),
  templateKey: z.string().max(50).optional().describe('Default: the template of the account’s segment.'),
});

export const UpdateProjectRequest = z.object({
  name: ShortText.optional(),
  readme: LongText.optional(),
  ownerUserId: Id.optional(),
  version: z.int().positive().optional(),
});

export const ProjectComment = RecordMeta.extend({
  body: z.string(),
  bodyHtml: z.string(),
  internal: z.boolean().describe('An internal note: staff only, never an answer to the customer.'),
  author: ProjectPerson,
  ...Mirror,
});

export const ProjectAttachment = z.object({
  id: Id,
  fileName: z.string(),
  contentType: z.string(),
  size: z.int(),
  author: ProjectPerson,
  createdAt: IsoInstant,
});

export const ProjectIssueSummary = RecordMeta.extend({
  projectId: Id,
  accountId: Id,
  number: z.int().positive(),
  title: z.string(),
  state: IssueState,
  labels: z.array(z.string()),
  milestone: z.object({ id: Id, title: z.string() }).nullable(),
  assignee: ProjectPerson.nullable(),
  author: ProjectPerson,
  commentCount: z.int(),
  response: IssueResponse,
  closedAt: IsoInstant.nullable(),
  ...Mirror,
});

export const ProjectIssue = ProjectIssueSummary.extend({
  description: z.string(),
  descriptionHtml: z.string(),
  comments: z.array(ProjectComment),
  attachments: z.array(ProjectAttachment),
  can: z.object({ edit: z.boolean() }),
});

export const ProjectIssueList = z.object({ items: z.array(ProjectIssueSummary) });

export const IssueListQuery = z.object({
  state: z.enum(['open', 'closed', 'all']).default('open'),
  label: z.string().max(50).optional(),
  milestoneId: Id.optional(),
  assignee: z.union([z.literal('me'), z.literal('none'), Id]).optional(),
  waiting: QueryBoolean.optional().describe('Only issues waiting for a staff answer.'),
  search: z.string().max(200).optional(),
});

export const IssueParams = z.object({ id: Id, number: z.coerce.number().int().min(1).max(1_000_000) });
export const AttachmentParams = z.object({ id: Id, attachmentId: Id });

const Assignee = {
  assigneeUserId: Id.nullable().optional(),
  assigneeContactId: Id.nullable().optional().describe('A contact of the project’s account.'),
};

export const CreateIssueRequest = z.object({
  title: ShortText,
  description: LongText.optional(),
  labels: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  milestoneId: Id.nullable().optional(),
  ...Assignee,
});

export const UpdateIssueRequest = z.object({
  title: ShortText.optional(),
  description: LongText.optional(),
  labels: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  milestoneId: Id.nullable().optional(),
  ...Assignee,
  state: IssueState.optional(),
  version: z.int().positive().optional(),
});

export const CreateCommentRequest = z.object({
  body: z.string().trim().min(1).max(20_000),
  internal: z.boolean().default(false).describe('An internal note, seen by staff only.'),
});

// A name with a control character (a line break, a bell) or a bidirectional override (which can
// show `gpj.exe` as `exe.jpg`) misleads whoever reads the file list: staff and customers alike.
const READABLE_NAME = /^[^\p{Cc}\u202a-\u202e\u2066-\u2069]*$/u;

/** An issue's attachment: a file sent inline, with a name a person can read and some bytes. */
export const AttachmentFileInput = ArtefactFileInput.extend({
  name: ArtefactFileInput.shape.name.regex(READABLE_NAME, 'must not contain control characters'),
  base64: ArtefactFileInput.shape.base64.min(1, 'is empty: an empty file has nothing to attach'),
});

export const UploadAttachmentRequest = z.object({ file: AttachmentFileInput });

/** A customer's post waiting for staff, across accounts ("Customer issues waiting on me"). */
export const WaitingIssue = z.object({
  accountId: Id,
  accountName: z.string(),
  projectId: Id,
  issueId: Id,
  number: z.int(),
  title: z.string(),
  customer: z.string().describe('Who waits: the contact who wrote last.'),
  responsible: PersonRef.nullable(),
  waitingSince: IsoInstant,
  waitingHours: z.number(),
  dueAt: IsoInstant,
  overdue: z.boolean(),
});

export const WaitingIssuesQuery = z.object({
  responsible: z.union([z.literal('me'), z.literal('all'), Id]).default('me'),
});
export const WaitingIssues = z.object({ items: z.array(WaitingIssue) });

export type ProjectPerson = z.infer<typeof ProjectPerson>;
export type Project = z.infer<typeof Project>;
export type AccountProjects = z.infer<typeof AccountProjects>;
export type CreateProjectRequest = z.infer<typeof CreateProjectRequest>;
export type UpdateProjectRequest = z.infer<typeof UpdateProjectRequest>;
export type ProjectIssueSummary = z.infer<typeof ProjectIssueSummary>;
export type ProjectIssue = z.infer<typeof ProjectIssue>;
export type ProjectComment = z.infer<typeof ProjectComment>;
export type ProjectAttachment = z.infer<typeof ProjectAttachment>;
export type IssueListQuery = z.infer<typeof IssueListQuery>;
export type CreateIssueRequest = z.infer<typeof CreateIssueRequest>;
export type UpdateIssueRequest = z.infer<typeof UpdateIssueRequest>;
export type CreateCommentRequest = z.infer<typeof CreateCommentRequest>;
export type UploadAttachmentRequest = z.infer<typeof UploadAttachmentRequest>;
export type IssueResponse = z.infer<typeof IssueResponse>;
export type Responsiveness = z.infer<typeof Responsiveness>;
export type WaitingIssue = z.infer<typeof WaitingIssue>;
export type WaitingIssues = z.infer<typeof WaitingIssues>;
export type WaitingIssuesQuery = z.input<typeof WaitingIssuesQuery>;
export type IssueTemplate = z.infer<typeof IssueTemplate>;
