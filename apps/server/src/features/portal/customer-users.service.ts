import type { CustomerUser, CustomerUserList, InviteCustomerUserRequest } from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import {
  type AccountRow,
  isTeamMember,
  lockOwnedRecord,
  requireAccount,
  requireEditableAccount,
} from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { policies } from '../../policies/policies.ts';
import { contactsStore } from '../contacts/index.ts';
import { customerUserSnapshot, presentCustomerUser } from './customer-users.presenter.ts';
import {
  type CustomerUserChange,
  type CustomerUserRecord,
  customerUsersStore,
} from './customer-users.store.ts';
import { mailLink, type PortalMail, type PortalSettings } from './portal-links.ts';
import { invitationMail } from './portal-mail.ts';
import { portalSessionsStore } from './portal-sessions.store.ts';

const LABEL = 'Customer user';

function invalid(
  code: 'VALIDATION_FAILED' | 'INVALID_REFERENCE' | 'ALREADY_EXISTS',
  path: string,
  message: string,
) {
  return new DomainError(code, message, [{ path, message }]);
}

const wrongState = (message: string) => new DomainError('INVALID_STATE', message);

/** The history's snapshot of a customer user, read in the transaction. */
async function snapshotOf(executor: Executor, id: string) {
  const row = await customerUsersStore.findById(executor, id);
  return row ? customerUserSnapshot(row) : null;
}

/**
 * Staff's side of the customer portal (docs/portal.md): an account's customer users, invited,
 * re-invited, deactivated and reactivated by whoever may edit the account (its team, TAM managers,
 * admins: `editAccount`; viewers read only). Every change is in the account's history.
 */
export function createCustomerUsersService(
  db: Database,
  deps: { mail: PortalMail; settings: PortalSettings },
) {
  const read = async (executor: Executor, id: string): Promise<CustomerUser> => {
    const row = await customerUsersStore.findById(executor, id);
    if (!row) throw notFound(LABEL, id);
    return presentCustomerUser(row);
  };

  /** Mails a fresh invitation link in the caller's transaction (the previous one stops working). */
  async function invite(
    executor: Executor,
    context: RequestContext,
    record: CustomerUserRecord,
    account: AccountRow,
  ) {
    const { name } = (await customerUsersStore.findById(executor, record.id))!;
    await mailLink(executor, deps, record.id, 'invitation', context.now, (link) =>
      invitationMail({
        ...link,
        to: record.email,
        name,
        accountName: account.name,
        vendorName: deps.settings.vendorName,
        inviterName: context.user.name,
      }),
    );
  }

  /** Locks the account (as editable) and then the customer user, the one lock order of writes. */
  const lockForChange = (tx: Executor, context: RequestContext, id: string) =>
    lockOwnedRecord(tx, LABEL, id, customerUsersStore, (accountId) =>
      requireEditableAccount(tx, context, accountId),
    );

  /** Applies a change to a locked customer user and records it. */
  async function change(tx: Executor, context: RequestContext, id: string, values: CustomerUserChange) {
    const before = await snapshotOf(tx, id);
    await customerUsersStore.update(tx, id, values, context.now);
    const after = await snapshotOf(tx, id);
    await recordChanges(tx, context, [
      { accountId: after!.accountId, entityType: 'customer_user', entityId: id, before, after },
    ]);
  }

  return {
    async list(context: RequestContext, accountId: string): Promise<CustomerUserList> {
      await requireAccount(db, accountId);
      const rows = await customerUsersStore.listByAccount(db, accountId);
      const member = await isTeamMember(db, context, accountId);
      return {
        items: rows.map(presentCustomerUser),
        can: { manage: policies.editAccount(context.user, member) },
      };
    },

    /** Invites a contact of the account: a customer user `invited`, and the invitation mailed. */
    async invite(
      context: RequestContext,
      accountId: string,
      request: InviteCustomerUserRequest,
    ): Promise<CustomerUser> {
      return db.transaction(async (tx) => {
        const account = await requireEditableAccount(tx, context, accountId);
        const contact = await contactsStore.findById(tx, request.contactId);
        if (contact?.accountId !== accountId)
          throw invalid(
            'INVALID_REFERENCE',
            'body.contactId',
            `${account.name} has no contact ${request.contactId}.`,
          );
        if (await customerUsersStore.findByContact(tx, contact.id))
          throw invalid(
            'ALREADY_EXISTS',
            'body.contactId',
            `${contact.name} is already invited to the customer portal: re-send the invitation or reactivate them.`,
          );
        const email = request.email ?? contact.email?.toLowerCase() ?? null;
        if (!email)
          throw invalid(
            'VALIDATION_FAILED',
            'body.email',
            `${contact.name} has no e-mail: give the address to invite.`,
          );
        if (await customerUsersStore.findByEmail(tx, email))
          throw invalid(
            'ALREADY_EXISTS',
            'body.email',
            'Another customer user already signs in with this e-mail.',
          );
        const record = await customerUsersStore.insert(
          tx,
          { contactId: contact.id, accountId, email, invitedByUserId: context.user.id },
          context.now,
        );
        await invite(tx, context, record, account);
        const after = await snapshotOf(tx, record.id);
        await recordChanges(tx, context, [
          { accountId, entityType: 'customer_user', entityId: record.id, before: null, after },
        ]);
        return read(tx, record.id);
      });
    },

    /** A new invitation link for someone who has not accepted yet; the earlier link stops working. */
    async resendInvitation(context: RequestContext, id: string): Promise<CustomerUser> {
      return db.transaction(async (tx) => {
        const { account, current } = await lockForChange(tx, context, id);
        if (current.status !== 'invited')
          throw wrongState(
            current.status === 'active'
              ? 'This customer user has already accepted the invitation: they sign in at /portal.'
              : 'This customer user is deactivated: reactivate them first.',
          );
        await change(tx, context, id, {
          invitedAt: context.now.toISOString(),
          invitedByUserId: context.user.id,
        });
        await invite(tx, context, current, account);
        return read(tx, id);
      });
    },

    /** Ends the customer user's access at once: their sessions and unused links with it. */
    async deactivate(context: RequestContext, id: string): Promise<CustomerUser> {
      return db.transaction(async (tx) => {
        const { current } = await lockForChange(tx, context, id);
        if (current.status === 'deactivated') throw wrongState('This customer user is already deactivated.');
        await change(tx, context, id, { status: 'deactivated', deactivatedAt: context.now.toISOString() });
        await portalSessionsStore.deleteSessionsOf(tx, id);
        await portalSessionsStore.retireTokens(tx, id, context.now);
        return read(tx, id);
      });
    },

    /** Back to `active` (a password was set) or `invited` (then re-send the invitation). */
    async reactivate(context: RequestContext, id: string): Promise<CustomerUser> {
      return db.transaction(async (tx) => {
        const { current } = await lockForChange(tx, context, id);
        if (current.status !== 'deactivated') throw wrongState('This customer user is not deactivated.');
        await change(tx, context, id, {
          status: current.passwordHash ? 'active' : 'invited',
          deactivatedAt: null,
        });
        return read(tx, id);
      });
    },
  };
}

export type CustomerUsersService = ReturnType<typeof createCustomerUsersService>;
