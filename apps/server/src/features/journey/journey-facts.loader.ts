import type { OpportunityStage, TeamRole } from '@liaison/contracts';
import { type AccountSegment, type Person, stageRank } from '@liaison/domain';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { heldAt } from '../../kernel/team-at.sql.ts';

/** What the journey reads about an account: who is on its team, its meta-record, its stage. */
export interface JourneyFacts {
  account: {
    id: string;
    name: string;
    industry: string | null;
    segment: AccountSegment;
    region: string;
    plan: string;
    arr: number;
    relationshipStage: string;
    stagesAdopted: string[];
  };
  team: (Person & { role: TeamRole; assignmentId: string; email: string })[];
  /** TAM managers of the account's region, then every other TAM manager. */
  managers: Person[];
  profile: {
    champion: string | null;
    economicBuyer: string | null;
    decisionMaker: string | null;
    whyTheyBought: string | null;
    outcomes: string[];
    painPoints: string[];
    metrics: string[];
  };
  technical: { deployment: string | null; architecture: string | null };
  /** The furthest stage a new-business opportunity of the account has reached (closed-lost aside). */
  furthestStage: OpportunityStage | null;
  disengagementCandidate: boolean;
}

type FactsRow = {
  account: JourneyFacts['account'];
  team: JourneyFacts['team'] | null;
  managers: Person[] | null;
  profile: JourneyFacts['profile'] | null;
  technical: { deployment: string | null; architecture: Record<string, unknown> | null } | null;
  stages: OpportunityStage[] | null;
  candidate: boolean | null;
};

function describeArchitecture(architecture: Record<string, unknown> | null): string | null {
  if (!architecture) return null;
  const parts: string[] = [];
  if (architecture.referenceArchitecture) parts.push(String(architecture.referenceArchitecture));
  if (typeof architecture.users === 'number')
    parts.push(`sized for ${architecture.users.toLocaleString('en-US')} users`);
  if (architecture.highAvailability) parts.push('high availability');
  if (architecture.geo) parts.push('Geo');
  return parts.length > 0 ? parts.join(', ') : null;
}

/** One statement: the account, its team now, TAM managers, profiles, stages, the TAM flag. */
export async function loadJourneyFacts(
  executor: Executor,
  accountId: string,
  now: Date,
): Promise<JourneyFacts | null> {
  const contactName = (column: string) =>
    sql.raw(`(SELECT c.name FROM contacts c WHERE c.id = bp.${column})`);
  const result = await executor.execute<FactsRow>(sql`
    SELECT
      json_build_object('id', a.id, 'name', a.name, 'industry', a.industry, 'segment', a.segment,
        'region', a.region, 'plan', a.plan, 'arr', a.arr::float8, 'relationshipStage', a.relationship_stage,
        'stagesAdopted', a.stages_adopted) AS account,
      (SELECT json_agg(json_build_object('userId', u.id, 'name', u.name, 'email', u.email, 'role', t.role,
          'assignmentId', t.id) ORDER BY t.starts_at)
        FROM team_assignments t JOIN users u ON u.id = t.user_id
        WHERE t.account_id = a.id AND ${heldAt(now, 't')}) AS team,
      (SELECT json_agg(json_build_object('userId', u.id, 'name', u.name) ORDER BY (u.region = a.region) DESC NULLS LAST, u.name)
        FROM users u WHERE u.is_active AND 'tam_manager' = ANY(u.roles)) AS managers,
      (SELECT json_build_object('champion', ${contactName('champion_contact_id')},
          'economicBuyer', ${contactName('economic_buyer_contact_id')},
          'decisionMaker', ${contactName('decision_maker_contact_id')},
          'whyTheyBought', bp.why_they_bought, 'outcomes', bp.desired_business_outcomes,
          'painPoints', bp.pain_points, 'metrics', bp.success_metrics)
        FROM business_profiles bp WHERE bp.account_id = a.id) AS profile,
      (SELECT json_build_object('deployment', tp.deployment, 'architecture', tp.architecture)
        FROM technical_profiles tp WHERE tp.account_id = a.id) AS technical,
      (SELECT json_agg(DISTINCT o.stage) FROM opportunities o
        WHERE o.account_id = a.id AND o.type = 'new_business') AS stages,
      (SELECT s.disengagement_candidate FROM account_assessments s WHERE s.account_id = a.id) AS candidate
    FROM accounts a WHERE a.id = ${accountId}`);
  const row = result.rows[0];
  if (!row) return null;
  const ranked = (row.stages ?? []).filter((stage) => stageRank(stage) >= 0);
  const furthestStage = ranked.sort((x, y) => stageRank(y) - stageRank(x))[0] ?? null;
  return {
    account: row.account,
    team: row.team ?? [],
    managers: row.managers ?? [],
    profile: row.profile ?? {
      champion: null,
      economicBuyer: null,
      decisionMaker: null,
      whyTheyBought: null,
      outcomes: [],
      painPoints: [],
      metrics: [],
    },
    technical: {
      deployment: row.technical?.deployment ?? null,
      architecture: describeArchitecture(row.technical?.architecture ?? null),
    },
    furthestStage,
    disengagementCandidate: row.candidate ?? false,
  };
}

/** Whether `activityId` is an activity of the account (a step's logged meeting). */
export async function isActivityOf(
  executor: Executor,
  accountId: string,
  activityId: string,
): Promise<boolean> {
  const result = await executor.execute(
    sql`SELECT 1 FROM activities WHERE id = ${activityId} AND account_id = ${accountId}`,
  );
  return result.rows.length > 0;
}

/** An active staff member by id, with their roles (the TAM a handoff names). */
export async function findStaff(
  executor: Executor,
  userId: string,
): Promise<{ userId: string; name: string; roles: string[]; isActive: boolean } | null> {
  const result = await executor.execute<{ userId: string; name: string; roles: string[]; isActive: boolean }>(
    sql`SELECT id AS "userId", name, roles, is_active AS "isActive" FROM users WHERE id = ${userId}`,
  );
  return result.rows[0] ?? null;
}
