import { z } from 'zod';

// The account team meeting (docs/meetings.md): the SAL-SA-TAM (Enterprise) or AE-TAM
// (Commercial) team reviews its accounts on a recurring basis; Liaison writes each agenda from
// live data. Pure: callers pass the team's data and `today`.

export const teamMeetingSettingsSchema = z.strictObject({
  /** A team with fewer accounts than this meets every two weeks instead of weekly. */
  weeklyFromAccounts: z.number().int().min(1).max(10_000),
  /** A team whose accounts are all in these tiers (low-touch) meets every two weeks. */
  lowTouchTiers: z.array(z.string().min(1).max(40)).max(20),
  /** Customers whose onboarding started within these days are on the agenda's onboarding list. */
  recentCustomerDays: z.number().int().min(1).max(730),
});
export type TeamMeetingSettings = z.output<typeof teamMeetingSettingsSchema>;

export const defaultTeamMeetingSettings: TeamMeetingSettings = {
  weeklyFromAccounts: 6,
  lowTouchTiers: ['tier3', 'digital'],
  recentCustomerDays: 90,
};

export interface MeetingCadence {
  intervalDays: 7 | 14;
  explanation: string;
}

/** Weekly by default; every two weeks when the team's accounts are few or all low-touch. */
export function meetingCadence(
  tiers: readonly (string | null)[],
  settings: TeamMeetingSettings,
): MeetingCadence {
  if (tiers.length < settings.weeklyFromAccounts)
    return {
      intervalDays: 14,
      explanation: `${tiers.length} account(s), fewer than ${settings.weeklyFromAccounts}: every two weeks`,
    };
  if (tiers.every((tier) => tier !== null && settings.lowTouchTiers.includes(tier)))
    return {
      intervalDays: 14,
      explanation: `every account is low-touch (${settings.lowTouchTiers.join(', ')}): every two weeks`,
    };
  return { intervalDays: 7, explanation: `${tiers.length} accounts, not all low-touch: weekly` };
}

export const AGENDA_SECTIONS = [
  'carried_over',
  'not_green',
  'growth',
  'new_business',
  'onboarding',
  'overdue',
  'journey',
  'changes',
] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];

export const AGENDA_SECTION_TITLES: Record<AgendaSection, string> = {
  carried_over: 'Carried over from the last meeting',
  not_green: 'Accounts not green',
  growth: 'Growth, upgrade and renewal opportunities',
  new_business: 'New business',
  onboarding: 'Onboarding of recent customers',
  overdue: 'Overdue obligations and tasks',
  journey: 'Journey steps waiting on the team',
  changes: 'Changes since the last meeting',
};

export interface AgendaItem {
  /** Stable across occurrences: notes are kept per key, open items carry over by it. */
  key: string;
  section: AgendaSection;
  accountId: string | null;
  accountName: string | null;
  title: string;
  detail: string;
}

export interface AgendaAccount {
  id: string;
  name: string;
  relationshipStage: string;
  health: 'green' | 'yellow' | 'red' | null;
  healthReason: string | null;
  atRisk: boolean;
  requiresTriage: boolean;
  onboardingStartedAt: string | null;
  onboardingCompletedAt: string | null;
}

export interface AgendaInput {
  today: string;
  settings: TeamMeetingSettings;
  accounts: readonly AgendaAccount[];
  opportunities: readonly {
    id: string;
    accountId: string;
    name: string;
    type: string;
    stage: string;
    amount: number;
    closeDate: string | null;
  }[];
  overdueObligations: readonly { accountId: string; kind: string; label: string; dueDate: string }[];
  overdueTasks: readonly {
    id: string;
    accountId: string | null;
    title: string;
    owner: string | null;
    dueOn: string;
  }[];
  openSteps: readonly {
    id: string;
    accountId: string;
    activity: string;
    responsible: string | null;
    dueOn: string | null;
  }[];
  changes: readonly { accountId: string; count: number }[];
  /** Action items of the last meeting still open: they lead the next agenda. */
  carriedOver: readonly { id: string; accountId: string | null; title: string; owner: string | null }[];
}

const money = (amount: number) => `$${Math.round(amount).toLocaleString('en-US')}`;
const CLOSED = new Set(['closed_won', 'closed_lost']);
const days = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The agenda of an account team meeting, section by section in seed 004's order of topics (after
 * what the last meeting left open); each item says why it is there (docs/meetings.md).
 */
export function buildAgenda(input: AgendaInput): AgendaItem[] {
  const names = new Map(input.accounts.map((account) => [account.id, account.name]));
  const item = (
    section: AgendaSection,
    key: string,
    accountId: string | null,
    title: string,
    detail: string,
  ): AgendaItem => ({
    key,
    section,
    accountId,
    accountName: accountId ? (names.get(accountId) ?? null) : null,
    title,
    detail,
  });
  const items: AgendaItem[] = [];
  for (const open of input.carriedOver)
    items.push(
      item(
        'carried_over',
        `task:${open.id}`,
        open.accountId,
        open.title,
        open.owner ? `owner: ${open.owner}` : 'no owner yet',
      ),
    );
  const byName = [...input.accounts].sort((l, r) => l.name.localeCompare(r.name));
  for (const account of byName) {
    const notGreen = account.health === 'yellow' || account.health === 'red' || account.atRisk;
    if (!notGreen) continue;
    const state = [
      account.health ? `health ${account.health}` : 'health not scored',
      account.atRisk ? 'at risk' : null,
      account.requiresTriage ? 'requires triage' : null,
      account.healthReason,
    ].filter(Boolean);
    items.push(item('not_green', `health:${account.id}`, account.id, account.name, state.join(' · ')));
  }
  const open = input.opportunities
    .filter((opportunity) => !CLOSED.has(opportunity.stage))
    .sort((l, r) => (l.closeDate ?? '9999').localeCompare(r.closeDate ?? '9999') || l.id.localeCompare(r.id));
  for (const opportunity of open) {
    const section = opportunity.type === 'new_business' ? 'new_business' : 'growth';
    const detail = `${opportunity.type.replaceAll('_', ' ')} · ${opportunity.stage.replaceAll('_', ' ')} · ${money(opportunity.amount)}${opportunity.closeDate ? ` · closes ${opportunity.closeDate}` : ''}`;
    items.push(
      item(section, `opportunity:${opportunity.id}`, opportunity.accountId, opportunity.name, detail),
    );
  }
  for (const account of byName) {
    if (account.relationshipStage !== 'customer' || !account.onboardingStartedAt) continue;
    const started = account.onboardingStartedAt.slice(0, 10);
    const done = account.onboardingCompletedAt?.slice(0, 10) ?? null;
    if (days(started, input.today) > input.settings.recentCustomerDays && done) continue;
    const detail = done
      ? `onboarded on ${done} (started ${started})`
      : `onboarding since ${started} (${days(started, input.today)} days), not complete`;
    items.push(item('onboarding', `onboarding:${account.id}`, account.id, account.name, detail));
  }
  for (const obligation of [...input.overdueObligations].sort((l, r) => l.dueDate.localeCompare(r.dueDate)))
    items.push(
      item(
        'overdue',
        `obligation:${obligation.accountId}:${obligation.kind}`,
        obligation.accountId,
        obligation.label,
        `due ${obligation.dueDate}`,
      ),
    );
  for (const task of [...input.overdueTasks].sort((l, r) => l.dueOn.localeCompare(r.dueOn)))
    items.push(
      item(
        'overdue',
        `task:${task.id}`,
        task.accountId,
        task.title,
        `due ${task.dueOn}${task.owner ? ` · ${task.owner}` : ''}`,
      ),
    );
  for (const step of input.openSteps)
    items.push(
      item(
        'journey',
        `step:${step.id}`,
        step.accountId,
        step.activity,
        `${step.responsible ?? 'nobody yet'}${step.dueOn ? ` · due ${step.dueOn}` : ''}`,
      ),
    );
  for (const change of [...input.changes].sort((l, r) =>
    (names.get(l.accountId) ?? '').localeCompare(names.get(r.accountId) ?? ''),
  ))
    if (change.count > 0)
      items.push(
        item(
          'changes',
          `changes:${change.accountId}`,
          change.accountId,
          names.get(change.accountId) ?? '',
          `${change.count} change(s) in the record`,
        ),
      );
  return items;
}
