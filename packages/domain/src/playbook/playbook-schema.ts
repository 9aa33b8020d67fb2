import { z } from 'zod';
import {
  ACCOUNT_SEGMENTS,
  ACTIVITY_KINDS,
  EXCEPTION_APPROVER_ROLES,
  HEALTH_COLOURS,
  PRIORITY_MODELS,
} from '../assessment/vocabulary.ts';
import { defaultJourneySettings } from '../journey/default-workflows.ts';
import { journeySettingsSchema } from '../journey/workflow-schema.ts';
import { defaultTeamMeetingSettings, teamMeetingSettingsSchema } from '../meetings/team-meeting.ts';
import { defaultNotificationSettings, notificationSettingsSchema } from '../notifications/audiences.ts';
import { defaultProjectSettings } from '../projects/default-projects.ts';
import { projectSettingsSchema } from '../projects/project-schema.ts';
import { playbookCrossFieldIssues } from './playbook-validation.ts';

/** USD amount. */
const usd = z.number().min(0);
/** A whole number of days, at least 1. */
const days = z.number().int().min(1);
/** A whole number of days, 0 allowed. */
const daysOrZero = z.number().int().min(0);
const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z][a-z0-9_]*$/);
const colour = z.enum(HEALTH_COLOURS);
const model = z.enum(PRIORITY_MODELS);

/**
 * One ARR-based TAM engagement model, with the practices the TAM follows (docs/playbook.md,
 * Engagement tier).
 */
const tierSchema = z.strictObject({
  id,
  name: text,
  /** Minimum ARR in USD, inclusive. */
  minArr: usd,
  /** How many accounts of this tier one TAM can carry. */
  accountsPerTam: z.number().int().min(1),
  customerIntro: text,
  onboarding: text,
  newUserOnboarding: text,
  successPlanReview: text.nullable(),
  roadmap: text.nullable(),
  content: text.nullable(),
});

/** Thresholds of one gemstone (docs/playbook.md, Gemstone); every comparison is strict (`>`). */
const gemstoneRuleSchema = z.strictObject({
  usersAbove: z.number().int().min(0),
  ultimateUsersAbove: z.number().int().min(0).nullable(),
  arrAbove: usd,
});

const regionModels = z.strictObject({ noram: model, latam: model, emea: model, apac: model });

const modelIntervals = z.strictObject({ pr1: days, pr2: days });

/** Engagement-recency band: applies when ARR ≥ minArr (bands ordered by minArr, highest first). */
const recencyBand = z.strictObject({ minArr: usd, greenMaxDays: daysOrZero, yellowMaxDays: daysOrZero });
const recencyBands = z.array(recencyBand).min(1);

/** Support-ticket band: tickets opened in the window (`supportTicketWindowDays`) ≤ upTo (null = no upper bound). */
const ticketBand = z.strictObject({ upTo: z.number().int().min(0).nullable(), colour });

/** Success-plan standard of a priority: objectives of the plan in force (draft or active). */
const successPlanRequirement = z.strictObject({
  minObjectives: z.number().int().min(0),
  allGreen: z.boolean(),
  /** Only an active plan counts (a draft does not). */
  requireActive: z.boolean(),
});

const playbookObject = z.strictObject({
  schemaVersion: z.literal(1),
  /** Plans from lowest to highest. */
  plans: z.array(id).min(1),
  /** Vocabulary of "stages adopted". */
  stages: z.array(id).min(1),
  /** Month (1–12) the fiscal year starts in; quarters are three months from there. */
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  /** Engagement tiers, highest minimum ARR first. Below the last one: digital. */
  tiers: z.array(tierSchema).min(1).max(10),
  digital: z.strictObject({ name: text, description: text }),
  tamAlignment: z.strictObject({ minimumPlan: id, minimumArr: usd }),
  gemstones: z.strictObject({
    ultimatePlan: id,
    diamond: gemstoneRuleSchema,
    pearl: gemstoneRuleSchema,
    sapphire: gemstoneRuleSchema,
    ruby: gemstoneRuleSchema,
  }),
  priority: z.strictObject({
    modelBySegment: z.strictObject({
      enterprise: regionModels,
      mid_market: regionModels,
      smb: regionModels,
      public_sector: regionModels,
    }),
    usEnterprise: z.strictObject({
      tierUpgradeWindowDays: days,
      initiativeHoursPerWeekAbove: z.number().min(0),
      onboardingWindowDays: days,
      p1ShareTarget: z.number().gt(0).lt(1),
      p1ShareTolerance: z.number().min(0).lt(1),
    }),
    emeaEnterprise: z.strictObject({
      parameters: z.array(z.strictObject({ id, label: text, example: text })).min(1),
      p1CountMin: z.number().int().min(0),
      p1CountMax: z.number().int().min(0),
    }),
    commercial: z.strictObject({
      topN: z.number().int().min(0),
      topNSegments: z.array(z.enum(ACCOUNT_SEGMENTS)).min(1),
      p2BelowArr: usd,
      p2MinStagesAdopted: z.number().int().min(1),
      qualifyUpTierUpgradeWindowDays: days,
    }),
    exceptionApproverRoles: z.array(z.enum(EXCEPTION_APPROVER_ROLES)).min(1),
    /**
     * "At risk of contraction or churn", the models' input (docs/playbook.md, At risk): the
     * at-risk flag, a health colour listed here, or yellow with "requires triage" set. Added
     * after the format's first release: a document without it takes the default.
     */
    atRisk: z
      .strictObject({
        healthColours: z.array(z.enum(['yellow', 'red'])),
        yellowWithTriage: z.boolean(),
      })
      .default({ healthColours: ['red'], yellowWithTriage: true }),
  }),
  obligations: z.strictObject({
    dueSoonDays: daysOrZero,
    /**
     * Obligations a TAM owes exist only while the account has a TAM, and no clock starts before
     * the TAM's engagement began (docs/playbook.md, Obligations). False: the earlier reading
     * (obligations for every managed account, clocks from any date). Default applied when absent.
     */
    requireTam: z.boolean().default(true),
    cadence: z.strictObject({
      intervalDays: z.strictObject({
        us_enterprise: modelIntervals,
        emea_enterprise: modelIntervals,
        commercial: modelIntervals,
      }),
      onboardingCheckInDays: days,
      clockActivityKinds: z.array(z.enum(ACTIVITY_KINDS)).min(1),
    }),
    onboarding: z.strictObject({
      kickoffDays: days,
      timeToEngageDays: days,
      engageActivityKinds: z.array(z.enum(ACTIVITY_KINDS)).min(1),
      firstCadenceCallDays: days,
      timeToFirstValueDays: days,
      timeToOnboardDays: days,
    }),
    ebr: z.strictObject({ everyDays: days, priorities: z.array(z.enum(['pr1', 'pr2'])) }),
    successPlan: z.strictObject({
      /** `countFrom: engagement`: due this many days after onboarding start, else the TAM's assignment. */
      dueDays: days,
      /**
       * `unmet` (default): due `graceDays` after the plan last stopped meeting the standard, never
       * before the TAM's engagement start + `graceDays`; `engagement`: the earlier reading.
       */
      countFrom: z.enum(['unmet', 'engagement']).default('unmet'),
      graceDays: daysOrZero.default(30),
      pr1: successPlanRequirement,
      pr2: successPlanRequirement,
    }),
    renewal: z.strictObject({ openDaysBefore: days, reviewByDaysBefore: daysOrZero }),
    priorityReview: z.strictObject({ enabled: z.boolean() }),
    triage: z.strictObject({ yellowEveryDays: days, redEveryDays: days }),
  }),
  health: z.strictObject({
    weights: z.strictObject({
      sentiment: z.number().gt(0),
      engagement: z.number().gt(0),
      successPlan: z.number().gt(0),
      supportTickets: z.number().gt(0),
    }),
    points: z.strictObject({
      green: z.number().min(0).max(100),
      yellow: z.number().min(0).max(100),
      red: z.number().min(0).max(100),
    }),
    thresholds: z.strictObject({ green: z.number().min(0).max(100), yellow: z.number().min(0).max(100) }),
    redSentimentMakesRed: z.boolean(),
    staleSentimentDays: days,
    onboardingGraceDays: daysOrZero,
    /**
     * The TAM-owned measures (all four) are scored only for an account with a TAM; with no
     * measure left the account is "not scored" (docs/playbook.md, Health). Default applied when absent.
     */
    requireTam: z.boolean().default(true),
    /** Engagement recency and success plan are left out up to this day of the TAM's engagement. */
    tamGraceDays: daysOrZero.default(30),
    engagement: z.strictObject({
      activityKinds: z.array(z.enum(ACTIVITY_KINDS)).min(1),
      enterprise: recencyBands,
      mid_market: recencyBands,
      smb: recencyBands,
      public_sector: recencyBands,
    }),
    /**
     * Days back a support ticket counts for health (default "the last 30 days", docs/playbook.md,
     * Health). Added after the format's first release, so a document without it (stored before)
     * takes the default instead of failing (docs/playbook.md, "The playbook document").
     */
    supportTicketWindowDays: z.number().int().min(1).max(365).default(30),
    supportTicketBands: z.array(ticketBand).min(1),
  }),
  /**
   * The customer journey and its workflows: templates, gates, the SA overlap (docs/journey.md).
   * A playbook stored before workflows existed takes the defaults.
   */
  journey: journeySettingsSchema.default(defaultJourneySettings),
  /**
   * The account team meeting's cadence and agenda (docs/meetings.md). A playbook stored before
   * it existed takes the defaults.
   */
  teamMeeting: teamMeetingSettingsSchema.default(defaultTeamMeetingSettings),
  /**
   * Who hears of each event, and the people of the leadership lists (docs/notifications.md). A
   * playbook stored before notifications existed takes the handbook's lists.
   */
  notifications: notificationSettingsSchema.default(defaultNotificationSettings),
  /**
   * Customer collaboration projects: their templates, which segment gets which, the response SLA
   * and the responsiveness measure (docs/projects.md). A playbook stored before projects existed
   * takes the defaults.
   */
  projects: projectSettingsSchema.default(defaultProjectSettings),
});

/**
 * The playbook document: every threshold, window and text the rules use. Structural checks
 * come from the schema; cross-field checks (ordered tiers, known plans, …) from a refinement.
 */
export const playbookSchema = playbookObject.superRefine((playbook, ctx) => {
  for (const issue of playbookCrossFieldIssues(playbook)) {
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  }
});

/** A validated playbook. */
export type Playbook = z.output<typeof playbookObject>;
export type PlaybookTier = Playbook['tiers'][number];
export type RecencyBand = z.output<typeof recencyBand>;
export type TicketBand = z.output<typeof ticketBand>;
export type GemstoneRule = z.output<typeof gemstoneRuleSchema>;
