import type { Home, HomeView, OpportunityStage, TaskListItem } from '@liaison/contracts';
import { daysUntil, HOME_VIEW_LABELS, homeViewsFor, notFound, OPPORTUNITY_STAGES } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { authorize, policies } from '../../policies/policies.ts';
import type { AssessmentsService } from '../assessments/index.ts';
import { workflowProgress } from '../journey/index.ts';
import { usersDirectory } from '../users/index.ts';
import { type AccountRow, type HomeScope, homeAccount, homesReadModel } from './homes.read-model.ts';

/** What a home reads besides its own queries: the person's open work (the task list). */
export interface HomeSources {
  assessments: AssessmentsService;
  work(context: RequestContext, userId: string): Promise<TaskListItem[]>;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

const empty = {
  myAccounts: null,
  renewals: null,
  pipeline: null,
  notGreen: null,
  presales: null,
  handoffs: null,
  arrAtRisk: null,
  needingTam: null,
  book: null,
  work: null,
} satisfies Partial<Home>;

function renewalsOf(
  read: Awaited<ReturnType<typeof homesReadModel.renewals>>,
  day: string,
): Home['renewals'] {
  return {
    windows: read.windows.map((window) => ({
      days: window.days,
      accounts: window.accounts,
      arr: Number(window.arr),
    })),
    accounts: read.rows.map((row: AccountRow) => ({
      ...homeAccount(row),
      daysLeft: daysUntil(day, row.renewal_date!),
      renewalObligations: (row.obligations ?? [])
        .filter((o) => o.kind === 'renewal_review' || o.kind === 'renewal_conversation')
        .map((o) => ({
          kind: o.kind as 'renewal_review' | 'renewal_conversation',
          dueDate: o.dueDate,
          status: o.status as 'ok' | 'due_soon' | 'overdue',
          fulfilled: o.fulfilled,
        })),
    })),
  };
}

const stageOrder = (stage: string) => OPPORTUNITY_STAGES.indexOf(stage as OpportunityStage);

/** A home for every role (docs/homes.md): each view's sections, read from live data. */
export function createHomesService(db: Database, sources: HomeSources) {
  return {
    async home(
      context: RequestContext,
      query: { view?: HomeView | undefined; userId?: string | undefined },
    ): Promise<Home> {
      const readOnly = !!query.userId && query.userId !== context.user.id;
      if (readOnly)
        authorize(
          policies.manageTeam(context.user),
          'Only TAM managers and admins read someone else’s home.',
        );
      // The person's roles and region from their record (a manager's home is their region's).
      const user = await usersDirectory.findById(db, query.userId ?? context.user.id);
      if (!user) throw notFound('User', query.userId ?? context.user.id);
      const views = homeViewsFor(user.roles);
      const view = query.view ?? views[0]!;
      authorize(views.includes(view), `${user.name}'s roles do not give the view "${view}".`);
      const day = today(context.now);

      const team = (roles: string[]): HomeScope => ({
        kind: 'team',
        userId: user.id,
        roles,
        at: context.now,
      });
      const wide: HomeScope =
        user.region && !user.roles.includes('admin')
          ? { kind: 'region', region: user.region }
          : { kind: 'book' };
      const sections: Partial<Home> = {};
      if (view === 'account_owner' || view === 'tam' || view === 'sa') {
        const scope = team(view === 'account_owner' ? ['sal', 'ae'] : [view]);
        // Stale assessments (a day rollover) of this person's accounts only: the landing page of
        // every role must not refresh the whole book.
        sections.myAccounts = await homesReadModel.accounts(db, scope);
        const ids = sections.myAccounts.map((account) => account.accountId);
        if (ids.length > 0 && (await sources.assessments.refreshStale(context.now, ids)) > 0)
          sections.myAccounts = await homesReadModel.accounts(db, scope);
        sections.renewals = renewalsOf(await homesReadModel.renewals(db, scope, day), day);
        sections.notGreen = await homesReadModel.notGreen(db, scope);
        if (view !== 'tam') {
          const pipeline = await homesReadModel.pipeline(db, scope);
          sections.pipeline = {
            byStage: pipeline.byStage
              .map((row) => ({ ...row, stage: row.stage as OpportunityStage, amount: Number(row.amount) }))
              .sort((l, r) => stageOrder(l.stage) - stageOrder(r.stage)),
            byType: pipeline.byType.map((row) => ({ ...row, amount: Number(row.amount) })) as never,
            open: pipeline.open as never,
          };
        }
        if (view === 'sa') {
          const ids = sections.myAccounts.map((account) => account.accountId);
          const progress = await workflowProgress(db, ids, ['journey', 'sa_tam_handoff', 'sa_overlap']);
          const journeys = new Map(progress.filter((p) => p.kind === 'journey').map((p) => [p.accountId, p]));
          sections.presales = sections.myAccounts
            .filter(
              (account) =>
                account.relationshipStage === 'lead' || account.relationshipStage === 'opportunity',
            )
            .map((account) => {
              const journey = journeys.get(account.accountId);
              return { ...account, journey: journey ? progressOf(journey) : null };
            });
          sections.handoffs = progress
            .filter((p) => p.kind !== 'journey')
            .map((p) => ({ accountId: p.accountId, accountName: p.accountName, progress: progressOf(p) }));
        }
      }
      // The region's or the book's figures: stale assessments refreshed first, as the team overview does.
      if (view === 'manager' || view === 'viewer') await sources.assessments.refreshStale(context.now);
      if (view === 'manager') {
        sections.renewals = renewalsOf(await homesReadModel.renewals(db, wide, day), day);
        sections.arrAtRisk = await homesReadModel.arrAtRisk(db, wide);
        sections.notGreen = await homesReadModel.notGreen(db, wide);
        sections.needingTam = await homesReadModel.needingTam(db, wide);
      }
      if (view === 'viewer') {
        sections.book = await homesReadModel.book(db, { kind: 'book' });
        sections.renewals = renewalsOf(await homesReadModel.renewals(db, { kind: 'book' }, day), day);
      }
      if (view !== 'viewer') sections.work = await sources.work(context, user.id);
      return {
        ...empty,
        ...sections,
        view,
        views: views.map((v) => ({ view: v, label: HOME_VIEW_LABELS[v] })),
        user: { id: user.id, name: user.name },
        evaluatedAt: context.now.toISOString(),
        readOnly,
        region: view === 'manager' && wide.kind === 'region' ? (wide.region as Home['region']) : null,
      };
    },
  };
}

function progressOf(row: {
  workflowId: string;
  kind: string;
  settled: number;
  total: number;
  current: string | null;
}) {
  return {
    workflowId: row.workflowId,
    kind: row.kind,
    settled: row.settled,
    total: row.total,
    current: row.current,
  };
}

export type HomesService = ReturnType<typeof createHomesService>;
