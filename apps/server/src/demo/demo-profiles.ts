import {
  type BusinessProfileFields,
  type Deployment,
  emptyBusinessProfile,
  emptyTechnicalProfile,
  type TechnicalProfileFields,
} from '@liaison/contracts';
import { businessProfiles, technicalProfiles } from '../db/schema.ts';
import {
  type BusinessProfileRow,
  presentBusinessProfile,
  presentTechnicalProfile,
  type TechnicalProfileRow,
} from '../features/profiles/index.ts';
import type { HistoryActor } from '../kernel/context.ts';
import type { People } from './demo-contacts.ts';
import type { AccountPlan } from './demo-model.ts';
import { Random } from './demo-random.ts';
import { rowsOf } from './demo-rows.store.ts';
import { importActor } from './demo-staff.ts';
import type { Team } from './demo-team.ts';
import * as text from './demo-text-profiles.ts';
import { type DemoClock, productVersionAt } from './demo-time.ts';
import type { HistoryLog, Version } from './demo-timeline.ts';
import { materialise } from './demo-timeline.ts';

const unique = (items: string[]) => [...new Set(items)];

interface Edit<F> {
  at: Date;
  actor: HistoryActor;
  change: (fields: F) => F;
}

/** Applies the edits in time order after the first version; an edit before it is dropped. */
function fold<F>(first: Version<F>, edits: Edit<F>[]): Version<F>[] {
  const versions = [first];
  for (const edit of [...edits].sort((left, right) => left.at.getTime() - right.at.getTime())) {
    if (edit.at.getTime() <= first.at.getTime()) continue;
    versions.push({ at: edit.at, actor: edit.actor, fields: edit.change(versions.at(-1)!.fields) });
  }
  return versions;
}

function referenceArchitecture(users: number): string {
  const sizes = [1_000, 2_000, 3_000, 5_000, 10_000, 25_000, 50_000];
  const size = sizes.find((candidate) => users <= candidate) ?? 50_000;
  return `${size / 1_000}K users${size >= 3_000 ? ' (HA)' : ''}`;
}

/** Fills profiles as the account team learns the customer: at the import or over the year. */
export function buildProfileRows(
  plans: AccountPlan[],
  people: People,
  team: Team,
  clock: DemoClock,
  log: HistoryLog,
) {
  const random = new Random('liaison-demo/profiles');
  const businessRow = rowsOf(businessProfiles);
  const technicalRow = rowsOf(technicalProfiles);
  const business: BusinessProfileRow[] = [];
  const technical: TechnicalProfileRow[] = [];

  const whoKnows = (plan: AccountPlan, at: Date): Partial<BusinessProfileFields> => ({
    championContactId: people.withRole(plan.id, 'champion', at)?.id ?? null,
    economicBuyerContactId: people.withRole(plan.id, 'economic_buyer', at)?.id ?? null,
    decisionMakerContactId: people.withRole(plan.id, 'decision_maker', at)?.id ?? null,
  });
  const fullBusiness = (plan: AccountPlan, at: Date): BusinessProfileFields => ({
    ...emptyBusinessProfile,
    ...whoKnows(plan, at),
    organisationStructure: random
      .pick(text.ORG_STRUCTURES)
      .replace('{n}', String(random.int(4, 40)))
      .replace('{m}', String(random.int(6, 120))),
    mostCompellingFeatures: random.sample(text.COMPELLING_FEATURES, random.int(2, 3)),
    whyTheyBought: random.pick(text.WHY_THEY_BOUGHT),
    objectives: random.sample(text.OBJECTIVES, random.int(1, 2)),
    painPoints: random.sample(text.PAIN_POINTS, random.int(1, 2)),
    desiredBusinessOutcomes: random.sample(text.OUTCOMES, 1),
    successMetrics: random.sample(text.SUCCESS_METRICS, random.int(0, 1)),
  });
  const deploymentFor = (plan: AccountPlan): Deployment => {
    if (plan.segment === 'smb') return random.chance(0.8) ? 'saas' : 'self_managed';
    if (plan.segment === 'mid_market')
      return random.weighted([
        ['saas', 55],
        ['self_managed', 40],
        ['dedicated', 5],
      ]);
    return random.weighted([
      ['self_managed', 55],
      ['saas', 30],
      ['dedicated', 15],
    ]);
  };
  const fullTechnical = (plan: AccountPlan, deployment: Deployment, at: Date, lag: number, patch: number) => {
    const users = plan.final.licensedUsers;
    const hosted = deployment !== 'saas';
    const compliance = text.COMPLIANCE_BY_INDUSTRY[plan.industry] ?? [];
    return {
      ...emptyTechnicalProfile,
      deployment,
      productVersion: hosted ? productVersionAt(at, lag, patch) : null,
      architecture: {
        users,
        referenceArchitecture: hosted ? referenceArchitecture(users) : null,
        highAvailability: hosted && (users > 2_000 || plan.tier === 1),
        geo: hosted && plan.tier === 1 && random.chance(0.4),
      },
      hosting: random.pick(text.HOSTING[deployment]),
      integrations: random.sample(text.INTEGRATIONS, random.int(2, 5)),
      securityCompliance: [
        ...random.sample(compliance, random.int(0, 2)),
        ...random.sample(text.GENERAL_COMPLIANCE, random.int(1, 2)),
      ],
      environments: [...random.pick(text.ENVIRONMENT_SETS)],
      scaleNotes: random
        .pick(text.SCALE_NOTES)
        .replace('{projects}', String(Math.max(20, Math.round(users * random.float(1.5, 6)))))
        .replace('{pipelines}', String(random.int(2, 90)))
        .replace('{groups}', String(random.int(3, 40))),
    } satisfies TechnicalProfileFields;
  };

  for (const plan of plans) {
    const creator = plan.imported ? importActor : team.actor(plan, 'sdr', plan.createdAt);
    const bizEdits: Edit<BusinessProfileFields>[] = [];
    const techEdits: Edit<TechnicalProfileFields>[] = [];
    const edit = <F>(edits: Edit<F>[], day: number, role: 'tam' | 'owner', change: (fields: F) => F) => {
      const at = clock.on(day, plan.region, 16, random.int(0, 50));
      edits.push({ at, actor: team.actor(plan, role, at), change });
    };
    const paying = plan.lifecycle === 'customer' || plan.lifecycle === 'former';
    const filledAtImport = plan.imported && paying && random.chance(0.85);
    const deployment = deploymentFor(plan);
    const lag = random.int(2, 8);
    const patch = random.int(0, 6);
    const firstBusiness = filledAtImport ? fullBusiness(plan, plan.createdAt) : emptyBusinessProfile;
    const firstTechnical = filledAtImport
      ? fullTechnical(plan, deployment, plan.createdAt, lag, patch)
      : emptyTechnicalProfile;

    if (plan.lifecycle === 'customer') {
      if (!filledAtImport && plan.tamEligible) {
        const day = random.int(-360, -200);
        const at = clock.on(day, plan.region, 16);
        edit(bizEdits, day, 'tam', () => fullBusiness(plan, at));
        edit(techEdits, day + 1, 'tam', () => fullTechnical(plan, deployment, at, lag, patch));
      }
      if (filledAtImport || plan.tamEligible) {
        for (const day of [random.int(-330, -180), random.int(-170, -20)].slice(0, random.int(0, 2))) {
          const pick = random.int(0, 2);
          edit(bizEdits, day, 'tam', (fields) => {
            if (pick === 0)
              return { ...fields, objectives: unique([...fields.objectives, random.pick(text.OBJECTIVES)]) };
            if (pick === 1) {
              return {
                ...fields,
                successMetrics: unique([...fields.successMetrics, random.pick(text.SUCCESS_METRICS)]),
              };
            }
            return { ...fields, painPoints: [...fields.painPoints.slice(1), random.pick(text.PAIN_POINTS)] };
          });
        }
      }
      if (deployment !== 'saas' && (filledAtImport || plan.tamEligible)) {
        const upgrades = random.int(1, 3);
        for (let index = 0; index < upgrades; index++) {
          const day = -330 + Math.round(((index + random.float(0.2, 0.9)) * 325) / upgrades);
          const at = clock.on(day, plan.region, 16);
          edit(techEdits, day, 'tam', (fields) =>
            fields.deployment
              ? { ...fields, productVersion: productVersionAt(at, lag, random.int(0, 4)) }
              : fields,
          );
        }
      }
      if (random.chance(0.3)) {
        edit(techEdits, random.int(-300, -5), 'tam', (fields) =>
          fields.deployment
            ? { ...fields, integrations: unique([...fields.integrations, random.pick(text.INTEGRATIONS)]) }
            : fields,
        );
      }
    }
    if (plan.qualifiedAt) {
      const day = clock.dayOf(plan.qualifiedAt) + random.int(3, 10);
      if (day <= -1) {
        edit(bizEdits, day, 'owner', (fields) => ({
          ...fields,
          painPoints: random.sample(text.PAIN_POINTS, 2),
          whyTheyBought: plan.wonAt ? random.pick(text.WHY_THEY_BOUGHT) : null,
        }));
        edit(techEdits, day, 'owner', (fields) => ({
          ...fields,
          deployment,
          hosting: random.pick(text.HOSTING[deployment]),
        }));
      }
    }
    if (plan.onboardingAt) {
      const day = clock.dayOf(plan.onboardingAt) + random.int(7, 14);
      const at = clock.on(day, plan.region, 16);
      edit(bizEdits, day, 'tam', (fields) => ({
        ...fullBusiness(plan, at),
        painPoints: fields.painPoints,
        whyTheyBought: fields.whyTheyBought,
      }));
      edit(techEdits, day, 'tam', () => fullTechnical(plan, deployment, at, lag, patch));
    }
    for (const change of people.championChanges.filter((item) => item.accountId === plan.id)) {
      bizEdits.push({
        at: change.at,
        actor: change.actor,
        change: (fields) => ({ ...fields, championContactId: change.newChampionId }),
      });
    }
    const bizVersions = fold({ at: plan.createdAt, actor: creator, fields: firstBusiness }, bizEdits);
    const techVersions = fold({ at: plan.createdAt, actor: creator, fields: firstTechnical }, techEdits);

    const entity = { entityId: plan.id, accountId: plan.id };
    business.push(
      materialise(
        log,
        { entityType: 'business_profile', ...entity },
        bizVersions,
        (fields, meta) =>
          businessRow({ ...fields, accountId: plan.id, version: meta.version, updatedAt: meta.updatedAt }),
        presentBusinessProfile,
      )!,
    );
    technical.push(
      materialise(
        log,
        { entityType: 'technical_profile', ...entity },
        techVersions,
        (fields, meta) =>
          technicalRow({ ...fields, accountId: plan.id, version: meta.version, updatedAt: meta.updatedAt }),
        presentTechnicalProfile,
      )!,
    );
  }
  return { business, technical };
}
