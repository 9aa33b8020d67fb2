import { notFound } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { authorize, policies } from '../../policies/policies.ts';
import type { PlaybookProvider } from '../playbook/index.ts';
import { usersDirectory } from '../users/index.ts';
import type { AssessmentsService } from './assessments.service.ts';
import {
  readDatedWork,
  readPortfolio,
  readTamBook,
  readTeamOverview,
  readWorklist,
} from './portfolio.read-model.ts';

/** A TAM's book and week, and the managers' team overview, read from fresh stored assessments. */
export function createPortfolioService(
  db: Database,
  assessments: AssessmentsService,
  provider: PlaybookProvider,
) {
  /** The owner's accounts with fresh assessments: one read, plus a refresh of the stale ones if any. */
  async function ownerBook(context: RequestContext, ownerId: string | undefined) {
    const user = await usersDirectory.findById(db, ownerId ?? context.user.id);
    if (!user) throw notFound('User', ownerId ?? context.user.id);
    const active = await provider.active(db);
    let rows = await readTamBook(db, user.id, context.now, active.version);
    const stale = rows.filter((row) => row.stale).map((row) => row.account_id);
    if (stale.length > 0) {
      await assessments.refreshStale(context.now, stale);
      rows = await readTamBook(db, user.id, context.now, active.version);
    }
    return { owner: { id: user.id, name: user.name }, rows, playbook: active.playbook };
  }

  return {
    async portfolio(context: RequestContext, ownerId: string | undefined) {
      const { owner, rows, playbook } = await ownerBook(context, ownerId);
      return readPortfolio(owner, rows, playbook, context.now);
    },

    async worklist(context: RequestContext, ownerId: string | undefined) {
      const { owner, rows } = await ownerBook(context, ownerId);
      return readWorklist(owner, rows, context.now);
    },

    /** What falls due on the owner's book between two days: a calendar feed's window (docs/calendar.md). */
    async datedWork(context: RequestContext, ownerId: string, window: { from: string; to: string }) {
      const { owner, rows } = await ownerBook(context, ownerId);
      return { owner, ...readDatedWork(rows, window.from, window.to) };
    },

    async teamOverview(context: RequestContext) {
      authorize(policies.manageTeam(context.user), 'The team overview is for TAM managers and admins.');
      await assessments.refreshStale(context.now);
      return readTeamOverview(db, context.now);
    },
  };
}

export type PortfolioService = ReturnType<typeof createPortfolioService>;
