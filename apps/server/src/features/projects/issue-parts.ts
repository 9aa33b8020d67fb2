import { MAX_UPLOAD_BYTES, type UploadAttachmentRequest } from '@liaison/contracts';
import { DomainError, type ProjectIssueTemplate } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { type AttachmentRow, type IssueRow, issuesStore } from './issues.store.ts';
import { authorColumns, insertIssue, type WriteContext, type Writer } from './project-writes.ts';
import type { ProjectRow } from './projects.store.ts';

/** Attachments are kept in PostgreSQL; a bigger file belongs behind a link in a comment. */
export const MAX_ATTACHMENT_BYTES = MAX_UPLOAD_BYTES;

/**
 * The bytes of an upload (sent base64): 413 when they are too many, 400 when there are none. The
 * contract refuses both before a request gets here; this holds for any other caller.
 */
export function attachmentContent(file: { base64: string }): Buffer {
  const content = Buffer.from(file.base64, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `body.file: ${content.length} bytes; at most ${MAX_ATTACHMENT_BYTES} (link larger files in a comment)`,
      [{ path: 'body.file.base64', message: `must decode to at most ${MAX_ATTACHMENT_BYTES} bytes` }],
    );
  if (content.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'body.file: the file is empty; there is nothing to attach', [
      { path: 'body.file.base64', message: 'is empty' },
    ]);
  return content;
}

/**
 * A file attached to an issue by staff or by a customer (the portal), with its history entry.
 * Attachments are always public: the customer sees every file of their issue.
 */
export async function insertAttachment(
  tx: Executor,
  context: WriteContext,
  issue: IssueRow,
  file: UploadAttachmentRequest['file'],
  writer: Writer,
): Promise<AttachmentRow> {
  const content = attachmentContent(file);
  const row = await issuesStore.insertAttachment(tx, {
    accountId: issue.accountId,
    projectId: issue.projectId,
    issueId: issue.id,
    ...authorColumns(writer),
    fileName: file.name,
    contentType: file.contentType,
    size: content.length,
    content,
    createdAt: context.now.toISOString(),
  });
  await recordChanges(tx, context, [
    {
      accountId: issue.accountId,
      entityType: 'project_attachment',
      entityId: row.id,
      before: null,
      after: { issueId: issue.id, fileName: row.fileName, contentType: row.contentType, size: row.size },
    },
  ]);
  return row;
}

/**
 * A recurring issue closed (the monthly meeting agenda): the next one opens from the project's
 * copy of its issue template, dated, in the same write.
 */
export async function closeIssue(
  tx: Executor,
  context: WriteContext,
  project: ProjectRow,
  issue: IssueRow,
  writer: Writer,
): Promise<IssueRow | null> {
  if (!issue.recursFrom) return null;
  const template = (project.issueTemplates as ProjectIssueTemplate[]).find((t) => t.key === issue.recursFrom);
  if (!template) return null;
  const month = context.now.toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return insertIssue(
    tx,
    context,
    project,
    {
      title: `${template.title || template.name} — ${month}`,
      description: template.description,
      labels: template.labels,
      milestoneId: null,
      assigneeUserId: issue.assigneeUserId,
      assigneeContactId: null,
      recursFrom: issue.recursFrom,
    },
    writer,
  );
}
