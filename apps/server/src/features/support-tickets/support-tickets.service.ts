import type {
  CreateSupportTicketRequest,
  SupportTicket,
  SupportTicketListQuery,
  UpdateSupportTicketRequest,
} from '@liaison/contracts';
import { DomainError, notFound } from '@liaison/domain';
import type { RequestContext } from '../../context.ts';
import type { Database, Executor } from '../../db/client.ts';
import { checkVersion } from '../../http/versioning.ts';
import {
  type AccountChangedHook,
  noAccountHook,
  requireEditableAccount,
} from '../accounts/account-access.ts';
import { type AccountRow, presentAccountSummary } from '../accounts/accounts.presenter.ts';
import { accountsStore } from '../accounts/accounts.store.ts';
import { recordChanges } from '../history/history.recorder.ts';
import { presentSupportTicket } from './support-tickets.presenter.ts';
import { supportTicketsStore } from './support-tickets.store.ts';

function checkClosedAfterOpened(openedAt: string, closedAt: string | null) {
  if (closedAt !== null && new Date(closedAt) < new Date(openedAt)) {
    throw new DomainError('VALIDATION_FAILED', 'closedAt must not be before openedAt', [
      { path: 'body.closedAt', message: 'must not be before openedAt' },
    ]);
  }
}

/** The first ticket fed for an account turns the support-ticket health measure on. */
async function markTicketsTracked(executor: Executor, context: RequestContext, account: AccountRow) {
  if (account.supportTicketsTracked) return;
  const updated = await accountsStore.update(
    executor,
    account.id,
    { supportTicketsTracked: true },
    context.now,
  );
  await recordChanges(executor, context, [
    {
      accountId: account.id,
      entityType: 'account',
      entityId: account.id,
      before: presentAccountSummary(account),
      after: presentAccountSummary(updated),
    },
  ]);
}

export function createSupportTicketsService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const onAccountChanged = options.onAccountChanged ?? noAccountHook;
  return {
    async list(
      _context: RequestContext,
      accountId: string,
      filter: SupportTicketListQuery,
    ): Promise<SupportTicket[]> {
      if (!(await accountsStore.findById(db, accountId))) throw notFound('Account', accountId);
      return (await supportTicketsStore.listByAccount(db, accountId, filter)).map(presentSupportTicket);
    },

    async create(
      context: RequestContext,
      accountId: string,
      input: CreateSupportTicketRequest,
    ): Promise<SupportTicket> {
      checkClosedAfterOpened(input.openedAt, input.closedAt ?? null);
      return db.transaction(async (tx) => {
        const account = await requireEditableAccount(tx, context, accountId);
        const ticket = presentSupportTicket(
          await supportTicketsStore.insert(tx, accountId, input, context.now),
        );
        await recordChanges(tx, context, [
          { accountId, entityType: 'support_ticket', entityId: ticket.id, before: null, after: ticket },
        ]);
        await markTicketsTracked(tx, context, account);
        await onAccountChanged(tx, [accountId], context.now);
        return ticket;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateSupportTicketRequest,
      version: number,
    ): Promise<SupportTicket> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const current = await supportTicketsStore.lockById(tx, id);
        if (!current) throw notFound('Support ticket', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Support ticket', id, version, current.version);
        const before = presentSupportTicket(current);
        checkClosedAfterOpened(
          changes.openedAt ?? before.openedAt,
          changes.closedAt !== undefined ? changes.closedAt : before.closedAt,
        );
        const after = presentSupportTicket(await supportTicketsStore.update(tx, id, changes, context.now));
        await recordChanges(tx, context, [
          { accountId: current.accountId, entityType: 'support_ticket', entityId: id, before, after },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
        return after;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await supportTicketsStore.lockById(tx, id);
        if (!current) throw notFound('Support ticket', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Support ticket', id, version, current.version);
        await supportTicketsStore.delete(tx, id);
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'support_ticket',
            entityId: id,
            before: presentSupportTicket(current),
            after: null,
          },
        ]);
        await onAccountChanged(tx, [current.accountId], context.now);
      });
    },
  };
}

export type SupportTicketsService = ReturnType<typeof createSupportTicketsService>;
