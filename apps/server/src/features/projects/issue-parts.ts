import { DomainError, type ProjectIssueTemplate } from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { IssueRow } from './issues.store.ts';
import { insertIssue, type WriteContext, type Writer } from './project-writes.ts';
import type { ProjectRow } from './projects.store.ts';

/** Attachments are kept in PostgreSQL; a bigger file belongs behind a link in a comment. */
export const MAX_ATTACHMENT_BYTES = 3_000_000;

/** The bytes of an upload (sent base64), or 413 when they are too many. */
export function attachmentContent(file: { base64: string }): Buffer {
  const content = Buffer.from(file.base64, 'base64');
  if (content.length > MAX_ATTACHMENT_BYTES)
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `body.file: ${content.length} bytes; at most ${MAX_ATTACHMENT_BYTES} (link larger files in a comment)`,
      [{ path: 'body.file.base64', message: `must decode to at most ${MAX_ATTACHMENT_BYTES} bytes` }],
    );
  return content;
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
