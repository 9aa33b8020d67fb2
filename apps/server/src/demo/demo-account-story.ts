import type { Region } from '@liaison/contracts';
import type { Commercial } from './demo-account-values.ts';
import { seatPrice } from './demo-account-values.ts';
import type { AccountEvent, AccountState, ActorRole, EventKind, Lifecycle } from './demo-model.ts';
import { type Random, roundTo } from './demo-random.ts';
import { NO_SENTIMENT, sentimentChain } from './demo-sentiment.ts';
import { type DemoClock, iso } from './demo-time.ts';

type Undo = (state: AccountState) => Partial<AccountState>;
interface PendingEvent {
  at: Date;
  kind: EventKind;
  by: ActorRole;
  undo: Undo;
}

export interface StoryInput {
  random: Random;
  clock: DemoClock;
  region: Region;
  lifecycle: Lifecycle;
  /** Name, segment, parent, external ids… */
  identity: Pick<
    AccountState,
    'name' | 'industry' | 'segment' | 'region' | 'parentAccountId' | 'externalIds'
  >;
  /** What the account pays (or would pay, for a prospect). */
  paying: Commercial;
  /** Free-tier usage before (or instead of) buying. */
  prospect: Commercial;
  /** Whether someone keeps a sentiment for it (TAM-managed accounts, some others). */
  sentiment: boolean;
  /** Closed-won in the last two months: still onboarding. */
  recentWin: boolean;
  /** Gets its parent during the year (an acquisition). */
  acquired: boolean;
}

export interface Story {
  createdAt: Date;
  imported: boolean;
  qualifiedAt: Date | null;
  wonAt: Date | null;
  churnAt: Date | null;
  onboardingAt: Date | null;
  initial: AccountState;
  final: AccountState;
  events: AccountEvent[];
}

/** Contract start far enough back that the account was a customer at the import. */
function contractStartBefore(clock: DemoClock, random: Random, anchor: string): string {
  let years = 1;
  while (clock.dayOfDate(clock.addYears(anchor, -years)) > -430) years++;
  return clock.addYears(anchor, -(years + (random.chance(0.4) ? random.int(0, 2) : 0)));
}

/** Walks the edits backwards from the final state: each learns its after, the start is what remains. */
function derive(final: AccountState, pending: PendingEvent[]) {
  const ordered = [...pending].sort((left, right) => left.at.getTime() - right.at.getTime());
  let state = final;
  const events: AccountEvent[] = [];
  for (const event of ordered.reverse()) {
    const before = event.undo(state);
    const after = Object.fromEntries(
      Object.keys(before).map((key) => [key, state[key as keyof AccountState]]),
    );
    events.unshift({ at: event.at, kind: event.kind, by: event.by, before, after });
    state = { ...state, ...before };
  }
  return { initial: state, events };
}

export function tellStory(input: StoryInput): Story {
  const { random, clock, region, paying, prospect } = input;
  const pending: PendingEvent[] = [];
  const add = (at: Date, kind: EventKind, by: ActorRole, undo: Undo) => pending.push({ at, kind, by, undo });
  const story = {
    createdAt: clock.importAt,
    imported: true,
    qualifiedAt: null as Date | null,
    wonAt: null as Date | null,
    churnAt: null as Date | null,
    onboardingAt: null as Date | null,
  };
  let final: AccountState = {
    ...input.identity,
    ...paying,
    relationshipStage: 'customer',
    renewalDate: null,
    contractStart: null,
    ...NO_SENTIMENT,
    requiresTriage: false,
    onboardingStartedAt: null,
    onboardingCompletedAt: null,
  };
  const addSentiment = (chain: ReturnType<typeof sentimentChain>) => {
    final = { ...final, ...chain.final };
    chain.changes.forEach((change, index) => {
      const previous = index === 0 ? chain.initial : chain.changes[index - 1]!.fields;
      add(change.at, 'sentiment', 'tam', () => previous);
    });
  };
  const historicOnboarding = (contractStart: string) => {
    const startDay = clock.dayOfDate(contractStart);
    final.onboardingStartedAt = iso(clock.on(startDay + 3, region, 10));
    final.onboardingCompletedAt = iso(clock.on(Math.min(startDay + random.int(30, 60), -405), region, 16));
  };

  switch (input.lifecycle) {
    case 'customer': {
      const renewalDay = random.int(1, 540);
      final.renewalDate = clock.date(renewalDay);
      final.contractStart = contractStartBefore(clock, random, final.renewalDate);
      historicOnboarding(final.contractStart);
      if (renewalDay <= 364) {
        const previous = clock.addYears(final.renewalDate, -1);
        const growth = random.chance(0.3) ? 0 : random.float(0.03, 0.3);
        add(clock.on(clock.dayOfDate(previous), region, 11), 'renewal', 'owner', (state) => ({
          renewalDate: previous,
          arr: roundTo(state.arr / (1 + growth), 100),
          licensedUsers: Math.round(state.licensedUsers / (1 + growth)),
        }));
      }
      if (final.plan === 'ultimate' && random.chance(0.25)) {
        const share = random.float(0.5, 0.65);
        add(clock.on(random.int(-330, -20), region, 13), 'plan_upgrade', 'owner', (state) => ({
          plan: 'premium',
          arr: roundTo(state.arr * share, 100),
          stagesAdopted: state.stagesAdopted.filter((stage) => stage !== 'govern'),
        }));
      }
      if (random.chance(0.2)) {
        const share = random.float(0.08, 0.25);
        add(clock.on(random.int(-300, -20), region, 12), 'seat_growth', 'owner', (state) => {
          const seats = Math.max(1, Math.round(state.licensedUsers * share));
          const arr = state.arr - seats * seatPrice(state.plan) * 0.9;
          return { licensedUsers: state.licensedUsers - seats, arr: Math.max(1_000, roundTo(arr, 100)) };
        });
      }
      if (final.stagesAdopted.length >= 3 && random.chance(0.45)) {
        add(clock.on(random.int(-300, -10), region, 14), 'stage_adoption', 'tam', (state) => {
          const dropped = state.stagesAdopted
            .filter((stage) => stage !== 'create' && stage !== 'verify')
            .at(-1);
          return dropped ? { stagesAdopted: state.stagesAdopted.filter((stage) => stage !== dropped) } : {};
        });
      }
      for (let index = random.int(0, 2); index > 0; index--) {
        const share = random.float(0.8, 0.97);
        add(clock.on(random.int(-330, -5), region, 9), 'usage', 'tam', (state) => ({
          activeUsers: Math.round(state.activeUsers * share),
        }));
      }
      if (input.sentiment)
        addSentiment(sentimentChain(random, clock, region, { firstDay: -390, initialNull: false }));
      break;
    }
    case 'new_customer': {
      const wonDay = input.recentWin ? random.int(-58, -12) : random.int(-330, -75);
      let qualifiedDay = wonDay - random.int(30, 100);
      const createdDay = Math.max(-390, qualifiedDay - random.int(10, 45));
      qualifiedDay = Math.max(qualifiedDay, createdDay + 5);
      const onboardingDay = wonDay + random.int(1, 3);
      Object.assign(story, {
        createdAt: clock.on(createdDay, region, 10),
        imported: false,
        qualifiedAt: clock.on(qualifiedDay, region, 14),
        wonAt: clock.on(wonDay, region, 16),
        onboardingAt: clock.on(onboardingDay, region, 9),
      });
      final.contractStart = clock.date(wonDay);
      final.renewalDate = clock.addYears(final.contractStart, 1);
      final.onboardingStartedAt = iso(story.onboardingAt);
      add(story.qualifiedAt!, 'qualified', 'owner', () => ({ relationshipStage: 'lead' }));
      add(story.wonAt!, 'won', 'owner', () => ({
        relationshipStage: 'opportunity',
        ...prospect,
        renewalDate: null,
        contractStart: null,
      }));
      add(story.onboardingAt!, 'onboarding_started', 'tam', () => ({ onboardingStartedAt: null }));
      if (!input.recentWin) {
        const doneDay = onboardingDay + random.int(30, 55);
        const done = clock.on(doneDay, region, 16);
        final.onboardingCompletedAt = iso(done);
        add(done, 'onboarding_completed', 'tam', () => ({ onboardingCompletedAt: null }));
        const share = random.float(0.7, 0.9);
        add(clock.on(random.int(doneDay, -3), region, 9), 'usage', 'tam', (state) => ({
          activeUsers: Math.round(state.activeUsers * share),
        }));
      }
      if (input.sentiment) {
        addSentiment(
          sentimentChain(random, clock, region, {
            firstDay: onboardingDay + random.int(10, 20),
            initialNull: true,
          }),
        );
      }
      break;
    }
    case 'former': {
      const churnDay = random.int(-300, -15);
      const lostRenewal = clock.date(churnDay);
      story.churnAt = clock.on(churnDay, region, 17);
      final = {
        ...final,
        relationshipStage: 'former_customer',
        plan: 'free',
        arr: 0,
        licensedUsers: 0,
        activeUsers: random.int(0, 12),
        contractStart: contractStartBefore(clock, random, lostRenewal),
      };
      historicOnboarding(final.contractStart!);
      const redDay = Math.max(-390, churnDay - random.int(30, 100));
      addSentiment(
        sentimentChain(random, clock, region, {
          firstDay: -390,
          lastDay: redDay,
          final: 'red',
          initialNull: false,
        }),
      );
      final.atRisk = false;
      add(story.churnAt, 'churn', 'owner', () => ({
        relationshipStage: 'customer',
        plan: paying.plan,
        arr: paying.arr,
        licensedUsers: paying.licensedUsers,
        activeUsers: paying.activeUsers,
        renewalDate: lostRenewal,
        atRisk: true,
      }));
      break;
    }
    case 'lead':
    case 'opportunity': {
      const isOpportunity = input.lifecycle === 'opportunity';
      final = { ...final, ...prospect, relationshipStage: input.lifecycle };
      story.imported = random.chance(isOpportunity ? 0.3 : 0.4);
      const createdDay = story.imported ? -400 : random.int(-360, isOpportunity ? -25 : -3);
      if (!story.imported) story.createdAt = clock.on(createdDay, region, 10);
      if (isOpportunity && (!story.imported || random.chance(0.5))) {
        story.qualifiedAt = clock.on(random.int(Math.max(createdDay + 7, -390), -3), region, 14);
        add(story.qualifiedAt, 'qualified', 'owner', () => ({ relationshipStage: 'lead' }));
      }
      break;
    }
  }
  if (input.acquired) {
    add(clock.on(random.int(-280, -60), region, 10), 'acquired', 'owner', () => ({ parentAccountId: null }));
  }
  const { initial, events } = derive(final, pending);
  return { ...story, initial, final, events };
}
