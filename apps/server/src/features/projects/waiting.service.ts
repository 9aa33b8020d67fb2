import type { TaskListItem, WaitingIssues, WaitingIssuesQuery } from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { policies } from '../../policies/policies.ts';
import type { PlaybookSource } from './project-access.ts';
import { presalesChecks } from './project-checks.read-model.ts';
import { issueResponse } from './projects.presenter.ts';
import { staffNames, upgradeChecks, waitingIssues } from './projects.read-model.ts';

const GEMSTONES = ['ruby', 'sapphire', 'pearl', 'diamond'] as const;

/** What staff owe customers across accounts: answers, and seed 001's project check (docs/projects.md). */
export function createWaitingService(db: Database, options: { playbook: PlaybookSource }) {
  return {
    /** Customers' posts waiting for an answer, across accounts, soonest due first. */
    async waiting(context: RequestContext, query: WaitingIssuesQuery): Promise<WaitingIssues> {
      const asked = query.responsible ?? 'me';
      const responsible = asked === 'me' ? context.user.id : asked === 'all' ? null : asked;
      if (responsible === null && !policies.manageTeam(context.user))
        throw new DomainError('FORBIDDEN', 'Everyone’s waiting issues are for TAM managers and admins.');
      const rows = await waitingIssues(db, responsible);
      const terms = (await options.playbook.active(db)).playbook.projects.responseSla;
      const items = rows.flatMap((row) => {
        const response = issueResponse(row, terms, context.now);
        if (!response.waitingSince || !response.dueAt) return [];
        return [
          {
            accountId: row.accountId,
            accountName: row.accountName,
            projectId: row.projectId,
            issueId: row.id,
            number: row.number,
            title: row.title,
            customer: row.lastCustomer ?? row.authorName,
            responsible: row.responsibleUserId
              ? { userId: row.responsibleUserId, name: row.responsibleName ?? '' }
              : null,
            waitingSince: response.waitingSince,
            waitingHours: response.waitingHours ?? 0,
            dueAt: response.dueAt,
            overdue: response.overdue,
          },
        ];
      });
      items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.issueId.localeCompare(b.issueId));
      return { items };
    },

    /**
     * What a person owes through projects, as task list items (docs/tasks.md): "Respond to
     * <customer>: <issue>" for each waiting post they answer for, seed 001's upgrade check for
     * the accounts they are TAM of, and seed 000's pre-sales project for the accounts they are SA
     * of. Read where it lives: an answer, or the project, clears it.
     */
    async openWork(context: RequestContext, userId: string, accountId?: string): Promise<TaskListItem[]> {
      const { playbook } = await options.playbook.active(db);
      const waiting = await this.waiting(context, { responsible: userId });
      const responses = waiting.items.map(
        (item): TaskListItem => ({
          key: `response:${item.issueId}`,
          source: 'customer_response',
          title: `Respond to ${item.accountName}: ${item.title}`,
          accountId: item.accountId,
          accountName: item.accountName,
          owner: item.responsible ? { kind: 'staff', contactId: null, ...item.responsible } : null,
          dueOn: item.dueAt.slice(0, 10),
          snoozedUntil: null,
          status: 'open',
          overdue: item.overdue,
          task: null,
          workflowStepId: null,
          workflowId: null,
          obligationKind: null,
          projectIssue: { projectId: item.projectId, number: item.number },
        }),
      );
      const { minimumGemstone, dueDays } = playbook.projects.upgradeCheck;
      const gemstones = GEMSTONES.slice(GEMSTONES.indexOf(minimumGemstone));
      const name = (await staffNames(db, [userId])).get(userId) ?? '';
      const today = context.now.toISOString().slice(0, 10);
      const check = (
        key: string,
        title: string,
        row: { accountId: string; accountName: string },
        dueOn: string,
      ): TaskListItem => ({
        key: `${key}:${row.accountId}`,
        source: 'project_check',
        title,
        accountId: row.accountId,
        accountName: row.accountName,
        owner: { kind: 'staff', userId, contactId: null, name },
        dueOn,
        snoozedUntil: null,
        status: 'open',
        overdue: dueOn < today,
        task: null,
        workflowStepId: null,
        workflowId: null,
        obligationKind: null,
        projectIssue: null,
      });
      const upgrades = (await upgradeChecks(db, userId, gemstones, context.now)).map((row) => {
        const due = new Date(`${row.closedOn}T00:00:00Z`);
        due.setUTCDate(due.getUTCDate() + dueDays);
        return check(
          'project-check',
          `Confirm the collaboration project of ${row.accountName}, or create it`,
          row,
          due.toISOString().slice(0, 10),
        );
      });
      // The SA's part in pre-sales (seed 000): the project, between journey steps 3 and 7.
      const presales = (await presalesChecks(db, userId, context.now)).map((row) =>
        check(
          'project-presales',
          `Create the collaboration project of ${row.accountName} (journey steps 3–7)`,
          row,
          row.dueOn,
        ),
      );
      const checks = [...upgrades, ...presales];
      return [...responses, ...checks].filter((item) => !accountId || item.accountId === accountId);
    },
  };
}

export type WaitingService = ReturnType<typeof createWaitingService>;
