import type { Executor } from '../../db/client.ts';
import type { StaffReply } from '../projects/index.ts';
import { customerUsersStore } from './customer-users.store.ts';
import type { PortalMail, PortalSettings } from './portal-links.ts';
import { replyMail } from './portal-mail.ts';

/**
 * Tells the customers taking part in an issue — its author, assignee and commenters who use the
 * portal — that their account team answered (docs/portal.md, Messages): one e-mail each, queued
 * in the answer's transaction. Deactivated and invited-only customer users hear nothing.
 */
export function createReplyMailer(deps: { mail: PortalMail; settings: PortalSettings }) {
  return async (executor: Executor, reply: StaffReply): Promise<void> => {
    const link = `${deps.settings.publicUrl()}/portal/projects/${reply.projectId}/issues/${reply.issueNumber}`;
    for (const user of await customerUsersStore.activeAmong(executor, reply.accountId, reply.contactIds)) {
      await deps.mail.queue(
        executor,
        replyMail({
          to: user.email,
          name: user.name,
          vendorName: deps.settings.vendorName,
          authorName: reply.authorName,
          issueTitle: reply.issueTitle,
          issueNumber: reply.issueNumber,
          body: reply.body,
          link,
        }),
      );
    }
  };
}
