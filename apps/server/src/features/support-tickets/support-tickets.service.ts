import type { CreateSupportTicketRequest, SupportTicket, SupportTicketListQuery } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import { type Database, type Executor, toIso } from '../../db/client.ts';
import { type AccountChangedHook, type AccountRow, requireAccount } from '../../kernel/account-access.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
import { changeAccount } from '../accounts/index.ts';
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
  await changeAccount(executor, context, account, { supportTicketsTracked: true });
}

export function createSupportTicketsService(
  db: Database,
  options: { onAccountChanged?: AccountChangedHook } = {},
) {
  const owned = createOwnedRecordService(db, {
    entityType: 'support_ticket',
    label: 'Support ticket',
    store: supportTicketsStore,
    present: presentSupportTicket,
    onAccountChanged: options.onAccountChanged,
    checkCreate: (_transaction, input: CreateSupportTicketRequest) =>
      checkClosedAfterOpened(input.openedAt, input.closedAt ?? null),
    checkUpdate: (_transaction, current, changes) =>
      checkClosedAfterOpened(
        changes.openedAt ?? toIso(current.openedAt),
        changes.closedAt !== undefined ? changes.closedAt : toIso(current.closedAt),
      ),
    afterWrite: async ({ executor, context, account }, before) => {
      if (before === null) await markTicketsTracked(executor, context, account);
    },
  });
  return {
    ...owned,
    async list(
      _context: RequestContext,
      accountId: string,
      filter: SupportTicketListQuery,
    ): Promise<SupportTicket[]> {
      await requireAccount(db, accountId);
      return (await supportTicketsStore.listByAccount(db, accountId, filter)).map(presentSupportTicket);
    },
  };
}

export type SupportTicketsService = ReturnType<typeof createSupportTicketsService>;
