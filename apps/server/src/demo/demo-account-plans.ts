import type { Region, Segment } from '@liaison/contracts';
import { tellStory } from './demo-account-story.ts';
import {
  arrFor,
  commercialFor,
  drawBand,
  type Identity,
  LIFECYCLE_WEIGHTS,
  Namer,
  prospectValues,
  REGION_WEIGHTS,
  SEGMENT_WEIGHTS,
} from './demo-account-values.ts';
import type { AccountPlan, Lifecycle, Tier } from './demo-model.ts';
import { tierOf } from './demo-model.ts';
import { Random, roundTo, salesforceId } from './demo-random.ts';
import type { DemoClock } from './demo-time.ts';

const TOP_LEVEL_ACCOUNTS = 250;
const PARENT_ACCOUNTS = 30;
/** Children (by position) that were standalone at the import and acquired during the year. */
const ACQUIRED_CHILDREN = new Set([4, 19]);
/** Customers whose last renewal took them below the TAM threshold, the TAM still on them. */
const CONTRACTIONS = 4;

interface Draft {
  id: string;
  identity: Identity;
  segment: Segment;
  region: Region;
  lifecycle: Lifecycle;
  band: Tier;
  parentId: string | null;
  acquired: boolean;
  arr?: number;
}

const isPaying = (lifecycle: Lifecycle) =>
  lifecycle === 'customer' || lifecycle === 'new_customer' || lifecycle === 'former';

/** Exact engagement-tier boundaries, so the "≥" in every rule is visible in the demo. */
function pinBoundaries(drafts: Draft[]) {
  const pins: [Segment, Tier, number][] = [
    ['enterprise', 1, 500_000],
    ['public_sector', 2, 250_000],
    ['mid_market', 3, 100_000],
    ['enterprise', 3, 100_000],
  ];
  for (const [segment, band, arr] of pins) {
    const draft = drafts.find(
      (candidate) =>
        candidate.segment === segment &&
        candidate.lifecycle === 'customer' &&
        candidate.arr === undefined &&
        candidate.parentId === null,
    );
    if (draft) Object.assign(draft, { band, arr });
  }
}

/** The book: ~250 companies, 30 of them parents of 1–4 subsidiaries, each with its story. */
export function planAccounts(clock: DemoClock): AccountPlan[] {
  const random = new Random('liaison-demo/accounts');
  const ids = new Random('liaison-demo/account-ids');
  const namer = new Namer(random);
  const drafts: Draft[] = [];
  for (let index = 0; index < TOP_LEVEL_ACCOUNTS; index++) {
    const segment = random.weighted(SEGMENT_WEIGHTS);
    const region = random.weighted(REGION_WEIGHTS);
    const lifecycle = random.weighted(LIFECYCLE_WEIGHTS);
    drafts.push({
      id: ids.uuid(),
      identity: namer.company(segment, region),
      segment,
      region,
      lifecycle,
      band: drawBand(random, lifecycle === 'new_customer' || lifecycle === 'former' ? 'child' : segment),
      parentId: null,
      acquired: false,
    });
  }
  const parents = random
    .shuffle(
      drafts.filter(
        (draft) =>
          draft.lifecycle === 'customer' &&
          (draft.segment === 'enterprise' || draft.segment === 'public_sector'),
      ),
    )
    .sort((left, right) => Number(left.band === 0) - Number(right.band === 0))
    .slice(0, PARENT_ACCOUNTS);
  let childIndex = 0;
  for (const parent of parents) {
    for (let count = random.int(1, 4); count > 0; count--, childIndex++) {
      const region = random.chance(0.6) ? parent.region : random.weighted(REGION_WEIGHTS);
      const acquired = ACQUIRED_CHILDREN.has(childIndex);
      drafts.push({
        id: ids.uuid(),
        identity: acquired
          ? namer.company(parent.segment, region)
          : namer.subsidiary(parent.identity, parent.segment, region),
        segment: parent.segment,
        region,
        lifecycle: acquired || random.chance(0.85) ? 'customer' : 'lead',
        band: drawBand(random, 'child'),
        parentId: parent.id,
        acquired,
      });
    }
  }
  pinBoundaries(drafts);

  const plans = drafts.map((draft, index): AccountPlan => {
    const paying = commercialFor(
      random,
      draft.segment,
      draft.band,
      draft.arr ?? arrFor(random, draft.segment, draft.band),
    );
    const prospect = prospectValues(random, draft.lifecycle !== 'lead');
    const tamEligible = isPaying(draft.lifecycle) && draft.band !== 0;
    const story = tellStory({
      random,
      clock,
      region: draft.region,
      lifecycle: draft.lifecycle,
      identity: {
        name: draft.identity.name,
        industry: draft.identity.industry,
        segment: draft.segment,
        region: draft.region,
        parentAccountId: draft.parentId,
        externalIds: { salesforce: salesforceId('001', index + 1) },
      },
      paying,
      prospect,
      sentiment: tamEligible || random.chance(0.25),
      recentWin: random.chance(0.4),
      acquired: draft.acquired,
    });
    return {
      id: draft.id,
      serial: index + 1,
      name: draft.identity.name,
      domain: draft.identity.domain,
      segment: draft.segment,
      region: draft.region,
      industry: draft.identity.industry,
      lifecycle: draft.lifecycle,
      parentId: draft.parentId,
      ...story,
      tier: isPaying(draft.lifecycle) ? draft.band : 0,
      tamEligible,
      neglected: tamEligible && draft.lifecycle === 'customer' && random.chance(0.08),
    };
  });
  contract(plans);
  return plans;
}

/**
 * A few customers renewed below $100k this year (fewer seats): still TAM-aligned in the plan (the
 * TAM stays on), no longer eligible by the rules — the disengagement candidates of the dashboard.
 * Only a renewal that is the account's last ARR change is rewritten, so the story stays whole.
 */
function contract(plans: AccountPlan[]) {
  const random = new Random('liaison-demo/contractions');
  const lastRenewal = (plan: AccountPlan) => {
    const changes = plan.events.filter((event) => 'arr' in event.after || 'licensedUsers' in event.after);
    const last = changes.at(-1);
    return last?.kind === 'renewal' && (last.before.arr ?? 0) >= 100_000 ? last : null;
  };
  const candidates = plans.filter(
    (plan) => plan.lifecycle === 'customer' && plan.tier === 3 && plan.parentId === null && lastRenewal(plan),
  );
  for (const plan of random.sample(candidates, CONTRACTIONS)) {
    const renewal = lastRenewal(plan)!;
    const arr = roundTo(random.float(64_000, 96_000), 500);
    const licensedUsers = Math.max(5, Math.round((plan.final.licensedUsers * arr) / plan.final.arr));
    renewal.after = { ...renewal.after, arr, licensedUsers };
    plan.final = { ...plan.final, arr, licensedUsers };
    plan.tier = tierOf(arr);
  }
}
