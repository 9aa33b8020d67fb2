import { defaultPlaybook } from '../playbook/playbook-defaults.ts';
import type { Playbook } from '../playbook/playbook-schema.ts';
import type { AccountFacts, ActivityFact } from './account-facts.ts';
import { type AccountView, viewAccount } from './account-view.ts';
import { type Assessment, assessAccount } from './assess-account.ts';
import { buildBookContext } from './book-context.ts';
import { toMillis } from './calendar.ts';
import type { ActivityKind } from './vocabulary.ts';

/** Test clock: 2025-06-15, in FY2026 Q2 (2025-05-01 – 2025-07-31) with a February fiscal year. */
export const NOW = '2025-06-15T12:00:00Z';

const DAY = 86_400_000;

/** `YYYY-MM-DD` of NOW minus `n` days (n may be negative for the future). */
export const daysAgo = (n: number, from: string = NOW): string =>
  new Date(toMillis(from) - n * DAY).toISOString().slice(0, 10);

/** ISO instant at noon UTC, `n` days before NOW. */
export const instantDaysAgo = (n: number, from: string = NOW): string => `${daysAgo(n, from)}T12:00:00.000Z`;

/** Ticket data with `n` tickets opened `ago` days before NOW (inside the default 30-day window). */
export const tickets = (n: number, ago = 5) => ({
  openedAt: Array.from({ length: n }, () => instantDaysAgo(ago)),
});

let seq = 0;
export const activity = (
  kind: ActivityKind,
  ago: number,
  extra: Partial<ActivityFact> = {},
): ActivityFact => ({
  id: `act-${kind}-${ago}-${++seq}`,
  kind,
  occurredAt: instantDaysAgo(ago),
  ...extra,
});

/**
 * A managed US Enterprise account in steady state: premium, $200k ARR (tier 3), a TAM since
 * 2024-01-01, onboarding long done, green sentiment set 10 days ago, a cadence call 10 days ago,
 * an active plan with 3 green objectives, 3 tickets last month.
 */
export function makeFacts(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    id: 'acc-1',
    name: 'Acme',
    segment: 'enterprise',
    region: 'noram',
    plan: 'premium',
    arr: 200_000,
    licensedUsers: 400,
    activeUsers: 300,
    lam: 2000,
    stagesAdopted: ['plan', 'create'],
    relationshipStage: 'customer',
    parentAccountId: null,
    renewalDate: null,
    contractStart: '2023-12-01',
    sentiment: { value: 'green', setAt: instantDaysAgo(10), reason: 'steady' },
    atRisk: false,
    team: [{ userId: 'tam-1', role: 'tam', startsAt: '2024-01-01T00:00:00Z', endsAt: null }],
    onboarding: { startedAt: '2024-01-02T00:00:00Z', completedAt: '2024-02-10T00:00:00Z' },
    opportunities: [],
    activities: [{ id: 'call-10', kind: 'cadence_call', occurredAt: instantDaysAgo(10) }],
    successPlan: {
      status: 'active',
      objectives: [1, 2, 3].map((i) => ({
        id: `obj-${i}`,
        title: `Objective ${i}`,
        status: 'green',
        dueDate: null,
      })),
    },
    supportTickets: tickets(3),
    initiatives: [],
    emeaParameters: [],
    priorityProposal: null,
    qualifyUp: { keyLogo: false, caseStudy: false, channelInitiative: false, triageMoreAttention: false },
    priorityExceptions: [],
    lastPriorityReviewAt: null,
    ...overrides,
  };
}

export const viewAt = (facts: AccountFacts, now: string = NOW): AccountView =>
  viewAccount(facts, toMillis(now));

/** A deep copy of the default playbook with `edit` applied. */
export function playbookWith(edit: (p: Playbook) => void): Playbook {
  const copy = structuredClone(defaultPlaybook);
  edit(copy);
  return copy;
}

/** Assesses one account in a book made of itself plus `others`. */
export function assessIn(
  facts: AccountFacts,
  options: { others?: AccountFacts[]; playbook?: Playbook; now?: string } = {},
): Assessment {
  const playbook = options.playbook ?? defaultPlaybook;
  const now = options.now ?? NOW;
  const book = buildBookContext([facts, ...(options.others ?? [])], playbook, now);
  return assessAccount(facts, playbook, book, now);
}
