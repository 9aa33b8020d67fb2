import type { AccountTeam, Agenda, RecordMeetingRequest, TeamMeeting } from '@liaison/contracts';
import {
  type AgendaItem,
  buildAgenda,
  DomainError,
  notFound,
  OBLIGATION_LABELS,
  type ObligationKind,
  type Playbook,
} from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { recordChanges } from '../../kernel/history.store.ts';
import { authorize, policies } from '../../policies/policies.ts';
import type { createActivitiesService } from '../activities/index.ts';
import { checkOwner, insertTask, tasksStore } from '../tasks/index.ts';
import { type GroupedTeam, groupTeams } from './account-teams.ts';
import { agendaMarkdown, presentMeeting, sectionsOf } from './meetings.presenter.ts';
import { meetingsReadModel } from './meetings.read-model.ts';
import { meetingsStore, type TeamMeetingRow } from './meetings.store.ts';

export interface MeetingSources {
  playbook: { active(executor: Executor): Promise<{ version: number; playbook: Playbook }> };
  activities: ReturnType<typeof createActivitiesService>;
}

const day = (instant: Date | string) => new Date(instant).toISOString().slice(0, 10);
// `<owner>~<TAM>`, each a UUID or `none`; anything else names no team (404, never a query).
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const KEY = new RegExp(`^(${UUID}|none)~(${UUID}|none)$`);

/** The account team meeting (docs/meetings.md): teams, the agenda Liaison writes, meetings held. */
export function createMeetingsService(db: Database, sources: MeetingSources) {
  async function teamsAround(executor: Executor, userId: string, now: Date): Promise<AccountTeam[]> {
    const { playbook } = await sources.playbook.active(executor);
    const grouped = groupTeams(
      await meetingsReadModel.seatsAround(executor, userId, now),
      playbook.teamMeeting,
    );
    return Promise.all(grouped.map((team) => withMeetings(executor, team, now)));
  }

  async function withMeetings(executor: Executor, team: GroupedTeam, now: Date): Promise<AccountTeam> {
    const last = await meetingsStore.latest(executor, team.key);
    const next = last ? new Date(Date.parse(last.heldAt) + team.cadence.intervalDays * 86_400_000) : now;
    return {
      ...team,
      lastMeeting: last ? { id: last.id, heldAt: new Date(last.heldAt).toISOString() } : null,
      nextOn: day(next < now ? now : next),
    };
  }

  /** The team a key names, read around its owner or TAM; the caller must be on it or manage teams. */
  async function requireTeam(executor: Executor, context: RequestContext, key: string): Promise<AccountTeam> {
    const match = KEY.exec(key);
    const anchor = match ? (match[1] !== 'none' ? match[1] : match[2] !== 'none' ? match[2] : null) : null;
    const team = anchor
      ? (await teamsAround(executor, anchor, context.now)).find((t) => t.key === key)
      : undefined;
    if (!team) throw notFound('Account team', key);
    const members = [team.owner?.userId, team.tam?.userId, ...team.sas.map((sa) => sa.userId)];
    authorize(
      members.includes(context.user.id) || policies.manageTeam(context.user),
      'Only the account team, TAM managers and admins see this team’s meetings.',
    );
    return team;
  }

  async function agendaItems(
    executor: Executor,
    team: AccountTeam,
    now: Date,
    last: TeamMeetingRow | undefined,
  ) {
    const { playbook } = await sources.playbook.active(executor);
    const since = last
      ? new Date(last.heldAt).toISOString()
      : new Date(now.getTime() - team.cadence.intervalDays * 86_400_000).toISOString();
    const data = await meetingsReadModel.agendaData(
      executor,
      team.accounts.map((a) => a.accountId),
      day(now),
      since,
    );
    const carried = last ? await meetingsReadModel.openTasks(executor, last.taskIds as string[]) : [];
    const items = buildAgenda({
      ...data,
      overdueObligations: data.overdueObligations.map((o) => ({
        ...o,
        label: OBLIGATION_LABELS[o.kind as ObligationKind] ?? o.kind,
      })),
      carriedOver: carried,
      today: day(now),
      settings: playbook.teamMeeting,
    });
    return { since, items };
  }

  async function present(executor: Executor, row: TeamMeetingRow): Promise<TeamMeeting> {
    return presentMeeting(row, await meetingsReadModel.taskLines(executor, row.taskIds as string[]));
  }

  return {
    teams: (context: RequestContext, userId?: string) => {
      if (userId && userId !== context.user.id)
        authorize(
          policies.manageTeam(context.user),
          'Only TAM managers and admins read someone else’s teams.',
        );
      return teamsAround(db, userId ?? context.user.id, context.now);
    },

    async agenda(context: RequestContext, key: string): Promise<Agenda> {
      const team = await requireTeam(db, context, key);
      const { since, items } = await agendaItems(db, team, context.now, await meetingsStore.latest(db, key));
      return { team, since, sections: sectionsOf(items), markdown: agendaMarkdown(team, items, team.nextOn) };
    },

    async get(context: RequestContext, id: string): Promise<TeamMeeting> {
      const row = await meetingsStore.findById(db, id);
      if (!row) throw notFound('Team meeting', id);
      await requireTeam(db, context, row.teamKey);
      return present(db, row);
    },

    /**
     * Records a meeting held: the agenda as written now, the notes per item and the decisions; an
     * activity (a meeting) on each account discussed, carrying that account's action items (which
     * become tasks), and a task for each action item on no account — all in one transaction.
     */
    async record(context: RequestContext, key: string, input: RecordMeetingRequest): Promise<TeamMeeting> {
      return db.transaction(async (tx) => {
        const team = await requireTeam(tx, context, key);
        const heldAt = input.heldAt ?? context.now.toISOString();
        const { items } = await agendaItems(tx, team, context.now, await meetingsStore.latest(tx, key));
        const keys = new Set(items.map((item) => item.key));
        const teamAccounts = new Set(team.accounts.map((a) => a.accountId));
        const problems = [
          ...input.notes.flatMap((note, index) =>
            keys.has(note.itemKey)
              ? []
              : [{ path: `body.notes.${index}.itemKey`, message: 'is not on the agenda' }],
          ),
          ...input.actionItems.flatMap((item, index) =>
            item.accountId && !teamAccounts.has(item.accountId)
              ? [
                  {
                    path: `body.actionItems.${index}.accountId`,
                    message: "is not one of the team's accounts",
                  },
                ]
              : [],
          ),
        ];
        if (problems.length > 0)
          throw new DomainError(
            'VALIDATION_FAILED',
            problems.map((p) => `${p.path}: ${p.message}`).join('; '),
            problems,
          );
        const activityIds: string[] = [];
        const taskIds: string[] = [];
        for (const accountId of discussed(items, input, teamAccounts)) {
          const activity = await sources.activities.create(
            context,
            accountId,
            {
              kind: 'meeting',
              occurredAt: heldAt,
              summary: input.summary ?? 'Account team meeting',
              notes: notesFor(accountId, items, input) || null,
              attendees: { userIds: attendees(team), contactIds: [] },
              actionItems: input.actionItems
                .filter((item) => item.accountId === accountId)
                .map(({ accountId: _account, ...item }) => item),
            },
            { executor: tx },
          );
          activityIds.push(activity.id);
          taskIds.push(...(await tasksStore.lockOfActivity(tx, activity.id, [])).map((task) => task.id));
        }
        for (const [index, item] of input.actionItems.entries()) {
          if (item.accountId) continue;
          await checkOwner(tx, null, item, `body.actionItems.${index}`);
          const task = await insertTask(tx, context, {
            accountId: null,
            title: item.text,
            notes: null,
            ownerUserId: item.ownerUserId ?? null,
            ownerContactId: null,
            dueOn: item.dueDate ?? null,
            status: 'open',
            source: 'meeting',
            createdBy: context.user.id,
            createdByName: context.user.name,
          });
          taskIds.push(task.id);
        }
        const row = await meetingsStore.insert(
          tx,
          {
            teamKey: key,
            ownerUserId: team.owner?.userId ?? null,
            tamUserId: team.tam?.userId ?? null,
            heldAt,
            agenda: items,
            notes: input.notes,
            decisions: input.decisions,
            activityIds,
            taskIds,
            createdBy: context.user.id,
            createdByName: context.user.name,
          },
          context.now,
        );
        const meeting = await present(tx, row);
        const { markdown: _markdown, ...snapshot } = meeting;
        await recordChanges(tx, context, [
          { accountId: null, entityType: 'team_meeting', entityId: row.id, before: null, after: snapshot },
        ]);
        return meeting;
      });
    },
  };
}

const attendees = (team: AccountTeam) =>
  [team.owner?.userId, team.tam?.userId, ...team.sas.map((sa) => sa.userId)].filter(
    (id): id is string => !!id,
  );

/** The accounts a meeting discussed: those with a note or an action item, else every account on the agenda. */
function discussed(
  items: readonly AgendaItem[],
  input: RecordMeetingRequest,
  teamAccounts: Set<string>,
): string[] {
  const byKey = new Map(items.map((item) => [item.key, item]));
  const noted = [
    ...input.notes.map((note) => byKey.get(note.itemKey)?.accountId),
    ...input.actionItems.map((item) => item.accountId),
  ].filter((id): id is string => !!id && teamAccounts.has(id));
  const onAgenda = items.map((item) => item.accountId).filter((id): id is string => !!id);
  return [...new Set(noted.length > 0 ? noted : onAgenda)];
}

/** An account's activity notes: its agenda items with what was said, then the decisions. */
function notesFor(accountId: string, items: readonly AgendaItem[], input: RecordMeetingRequest): string {
  const lines: string[] = [];
  for (const item of items.filter((candidate) => candidate.accountId === accountId)) {
    const said = input.notes.filter((note) => note.itemKey === item.key).map((note) => note.text);
    if (said.length > 0) lines.push(`${item.title} (${item.detail}): ${said.join(' ')}`);
  }
  if (input.decisions.length > 0)
    lines.push('Decisions:', ...input.decisions.map((decision) => `- ${decision}`));
  return lines.join('\n');
}

export type MeetingsService = ReturnType<typeof createMeetingsService>;
