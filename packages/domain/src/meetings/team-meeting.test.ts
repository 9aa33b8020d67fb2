import { describe, expect, it } from 'vitest';
import {
  type AgendaAccount,
  type AgendaInput,
  buildAgenda,
  defaultTeamMeetingSettings,
  meetingCadence,
} from './team-meeting.ts';

describe('how often an account team meets', () => {
  it.each([
    [['tier1', 'tier2', 'tier2', 'tier3', 'tier3', 'tier3'], 7],
    [['tier1', 'tier2'], 14], // few accounts
    [['tier3', 'tier3', 'digital', 'tier3', 'digital', 'tier3', 'tier3'], 14], // all low-touch
    [['tier3', 'tier3', 'tier1', 'tier3', 'digital', 'tier3', 'tier3'], 7],
    [[null, 'tier3', 'tier3', 'tier3', 'tier3', 'tier3'], 7], // an unassessed account is not low-touch
  ])('%j → every %i days', (tiers, interval) => {
    expect(meetingCadence(tiers, defaultTeamMeetingSettings).intervalDays).toBe(interval);
  });
});

const account = (id: string, patch: Partial<AgendaAccount> = {}): AgendaAccount => ({
  id,
  name: `Account ${id}`,
  relationshipStage: 'customer',
  health: 'green',
  healthReason: null,
  atRisk: false,
  requiresTriage: false,
  onboardingStartedAt: '2025-01-01T00:00:00Z',
  onboardingCompletedAt: '2025-03-01T00:00:00Z',
  ...patch,
});

const base: AgendaInput = {
  today: '2026-03-10',
  settings: defaultTeamMeetingSettings,
  accounts: [],
  opportunities: [],
  overdueObligations: [],
  overdueTasks: [],
  openSteps: [],
  changes: [],
  carriedOver: [],
};

describe('the agenda written from the team’s data', () => {
  it('selects by rule, section by section, each item saying why', () => {
    const agenda = buildAgenda({
      ...base,
      accounts: [
        account('a', { health: 'yellow', requiresTriage: true, healthReason: 'sentiment yellow' }),
        account('b', { health: 'green' }),
        account('c', { health: 'green', atRisk: true }),
        account('d', {
          health: null,
          onboardingStartedAt: '2026-02-01T00:00:00Z',
          onboardingCompletedAt: null,
        }),
        account('e', {
          onboardingStartedAt: '2026-01-20T00:00:00Z',
          onboardingCompletedAt: '2026-03-01T00:00:00Z',
        }),
        account('f', { relationshipStage: 'lead', onboardingStartedAt: null, onboardingCompletedAt: null }),
      ],
      opportunities: [
        {
          id: 'o1',
          accountId: 'b',
          name: 'More seats',
          type: 'growth',
          stage: 'proposal',
          amount: 40_000,
          closeDate: '2026-04-01',
        },
        {
          id: 'o2',
          accountId: 'f',
          name: 'Platform',
          type: 'new_business',
          stage: 'discovery',
          amount: 120_000,
          closeDate: '2026-06-01',
        },
        {
          id: 'o3',
          accountId: 'b',
          name: 'Renewal',
          type: 'renewal',
          stage: 'negotiating',
          amount: 0,
          closeDate: '2026-03-20',
        },
        {
          id: 'o4',
          accountId: 'b',
          name: 'Won',
          type: 'growth',
          stage: 'closed_won',
          amount: 5_000,
          closeDate: '2026-02-01',
        },
      ],
      overdueObligations: [{ accountId: 'b', kind: 'cadence', label: 'Cadence call', dueDate: '2026-03-01' }],
      overdueTasks: [
        { id: 't1', accountId: 'a', title: 'Send the guide', owner: 'Tia Tam', dueOn: '2026-03-05' },
      ],
      openSteps: [
        { id: 's1', accountId: 'f', activity: '6. Demo', responsible: 'Sam SA', dueOn: '2026-03-12' },
      ],
      changes: [
        { accountId: 'a', count: 3 },
        { accountId: 'b', count: 0 },
      ],
      carriedOver: [{ id: 't0', accountId: 'c', title: 'Plan the EBR', owner: 'Sal' }],
    });
    expect(agenda.map((item) => [item.section, item.key])).toEqual([
      ['carried_over', 'task:t0'],
      ['not_green', 'health:a'],
      ['not_green', 'health:c'],
      ['growth', 'opportunity:o3'],
      ['growth', 'opportunity:o1'],
      ['new_business', 'opportunity:o2'],
      ['onboarding', 'onboarding:d'],
      ['onboarding', 'onboarding:e'],
      ['overdue', 'obligation:b:cadence'],
      ['overdue', 'task:t1'],
      ['journey', 'step:s1'],
      ['changes', 'changes:a'],
    ]);
    expect(agenda.find((item) => item.key === 'health:a')?.detail).toBe(
      'health yellow · requires triage · sentiment yellow',
    );
    expect(agenda.find((item) => item.key === 'onboarding:d')?.detail).toBe(
      'onboarding since 2026-02-01 (37 days), not complete',
    );
    expect(agenda.find((item) => item.key === 'opportunity:o1')).toMatchObject({
      accountName: 'Account b',
      detail: 'growth · proposal · $40,000 · closes 2026-04-01',
    });
  });

  it('is empty for a quiet team', () => {
    expect(buildAgenda({ ...base, accounts: [account('a')] })).toEqual([]);
  });
});
