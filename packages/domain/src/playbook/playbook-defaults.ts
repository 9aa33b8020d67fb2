import { defaultJourneySettings } from '../journey/default-workflows.ts';
import { defaultTeamMeetingSettings } from '../meetings/team-meeting.ts';
import { defaultNotificationSettings } from '../notifications/audiences.ts';
import { defaultProjectSettings } from '../projects/default-projects.ts';
import type { Playbook } from './playbook-schema.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const oneToManyOnboarding =
  'One-to-many onboarding program via email campaign with individual milestones and goals';
const usModels = {
  noram: 'us_enterprise',
  latam: 'us_enterprise',
  emea: 'us_enterprise',
  apac: 'us_enterprise',
} as const;
const commercialModels = {
  noram: 'commercial',
  latam: 'commercial',
  emea: 'commercial',
  apac: 'commercial',
} as const;

/**
 * The handbook's values, rule by rule as docs/playbook.md gives them (Rules, Settings reference).
 * Money in USD, durations in days unless the field name says otherwise.
 */
export const defaultPlaybook: Playbook = deepFreeze({
  schemaVersion: 1,
  plans: ['free', 'premium', 'ultimate'],
  stages: ['plan', 'create', 'verify', 'package', 'secure', 'release', 'configure', 'monitor', 'govern'],
  fiscalYearStartMonth: 2,
  tiers: [
    {
      id: 'tier1',
      name: 'Tier 1',
      minArr: 500_000,
      accountsPerTam: 5,
      customerIntro: 'Phone introduction to TAM prior to final sale',
      onboarding: 'Personalized, individual onboarding with milestones and goals by way of success plan',
      newUserOnboarding: 'Personalized onboarding for new users above x seats',
      successPlanReview: 'Quarterly',
      roadmap: 'Quarterly',
      content: 'Email content shared regularly to drive 1-on-1 engagements',
    },
    {
      id: 'tier2',
      name: 'Tier 2',
      minArr: 250_000,
      accountsPerTam: 10,
      customerIntro: 'Email introduction to TAM prior to final sale',
      onboarding: oneToManyOnboarding,
      newUserOnboarding: 'One-to-many onboarding program via email campaign',
      successPlanReview: null,
      roadmap: 'Quarterly',
      content:
        'Email content shared regularly to drive one-to-many engagement such as webinars, community events',
    },
    {
      id: 'tier3',
      name: 'Tier 3',
      minArr: 100_000,
      accountsPerTam: 25,
      customerIntro: 'Email introduction to customer success department',
      onboarding: oneToManyOnboarding,
      newUserOnboarding: 'One-to-many onboarding program via email campaign',
      successPlanReview: null,
      roadmap: 'New feature video and/or links to YouTube videos',
      content: 'Automated email content shared regularly such as newsletters',
    },
  ],
  digital: {
    name: 'Digital',
    description: 'Below the TAM engagement tiers: no TAM; digital (one-to-many) enablement and Support',
  },
  tamAlignment: { minimumPlan: 'premium', minimumArr: 100_000 },
  gemstones: {
    ultimatePlan: 'ultimate',
    diamond: { usersAbove: 5000, ultimateUsersAbove: 2000, arrAbove: 500_000 },
    pearl: { usersAbove: 2500, ultimateUsersAbove: 1000, arrAbove: 250_000 },
    sapphire: { usersAbove: 1000, ultimateUsersAbove: null, arrAbove: 100_000 },
    ruby: { usersAbove: 500, ultimateUsersAbove: null, arrAbove: 50_000 },
  },
  priority: {
    modelBySegment: {
      enterprise: { ...usModels, emea: 'emea_enterprise' },
      public_sector: { ...usModels },
      mid_market: { ...commercialModels },
      smb: { ...commercialModels },
    },
    usEnterprise: {
      tierUpgradeWindowDays: 183,
      initiativeHoursPerWeekAbove: 2,
      onboardingWindowDays: 45,
      p1ShareTarget: 1 / 3,
      p1ShareTolerance: 0.1,
    },
    emeaEnterprise: {
      parameters: [
        {
          id: 'organisational_change',
          label: 'Organisational change within the customer',
          example: 'GitLab ownership is moving to another department within the customer organisation',
        },
        {
          id: 'onboarding_most_users',
          label: 'Customer lifecycle stage',
          example: 'Customer is still onboarding the majority of the user base',
        },
        {
          id: 'infrastructure_change',
          label: 'Current/upcoming infrastructure change',
          example:
            'Actively working with the customer on changing or implementing GitLab, including migrations',
        },
        {
          id: 'weekly_collaboration',
          label: 'Customer engagement level',
          example: 'Customer expressed the wish to collaborate on a weekly basis',
        },
        {
          id: 'seat_gap_to_lam',
          label: 'LAM',
          example: 'Increasing seats to close the gap between licensed users and LAM',
        },
        {
          id: 'expansion_play',
          label: 'Expansion plays',
          example: 'Stage adoption or expansion plays as part of success planning',
        },
        { id: 'tam_handover', label: 'GitLab organisational changes', example: 'TAM account handover' },
      ],
      p1CountMin: 5,
      p1CountMax: 8,
    },
    commercial: {
      topN: 30,
      topNSegments: ['mid_market', 'smb'],
      p2BelowArr: 75_000,
      p2MinStagesAdopted: 3,
      qualifyUpTierUpgradeWindowDays: 274,
    },
    exceptionApproverRoles: ['tam_manager', 'sal', 'ae'],
    atRisk: { healthColours: ['red'], yellowWithTriage: true },
  },
  obligations: {
    dueSoonDays: 7,
    requireTam: true,
    cadence: {
      intervalDays: {
        us_enterprise: { pr1: 30, pr2: 60 },
        emea_enterprise: { pr1: 30, pr2: 60 },
        commercial: { pr1: 30, pr2: 90 },
      },
      onboardingCheckInDays: 28,
      clockActivityKinds: ['cadence_call', 'onboarding_call'],
    },
    onboarding: {
      kickoffDays: 14,
      timeToEngageDays: 14,
      engageActivityKinds: ['kickoff', 'onboarding_call', 'cadence_call', 'meeting', 'ebr'],
      firstCadenceCallDays: 30,
      timeToFirstValueDays: 30,
      timeToOnboardDays: 45,
    },
    ebr: { everyDays: 365, priorities: ['pr1'] },
    successPlan: {
      dueDays: 45,
      countFrom: 'unmet',
      graceDays: 30,
      pr1: { minObjectives: 3, allGreen: true, requireActive: false },
      pr2: { minObjectives: 1, allGreen: false, requireActive: false },
    },
    renewal: { openDaysBefore: 180, reviewByDaysBefore: 120 },
    priorityReview: { enabled: true },
    triage: { yellowEveryDays: 14, redEveryDays: 7 },
  },
  health: {
    weights: { sentiment: 75, engagement: 10, successPlan: 10, supportTickets: 5 },
    points: { green: 100, yellow: 50, red: 0 },
    thresholds: { green: 75, yellow: 50 },
    redSentimentMakesRed: true,
    staleSentimentDays: 90,
    onboardingGraceDays: 30,
    requireTam: true,
    tamGraceDays: 30,
    engagement: {
      activityKinds: ['cadence_call', 'meeting'],
      enterprise: [{ minArr: 0, greenMaxDays: 35, yellowMaxDays: 60 }],
      public_sector: [{ minArr: 0, greenMaxDays: 35, yellowMaxDays: 60 }],
      mid_market: [
        { minArr: 50_000, greenMaxDays: 30, yellowMaxDays: 60 },
        { minArr: 0, greenMaxDays: 90, yellowMaxDays: 120 },
      ],
      smb: [
        { minArr: 50_000, greenMaxDays: 30, yellowMaxDays: 60 },
        { minArr: 0, greenMaxDays: 90, yellowMaxDays: 120 },
      ],
    },
    supportTicketWindowDays: 30,
    supportTicketBands: [
      { upTo: 0, colour: 'yellow' },
      { upTo: 5, colour: 'green' },
      { upTo: 15, colour: 'yellow' },
      { upTo: null, colour: 'red' },
    ],
  },
  journey: defaultJourneySettings,
  teamMeeting: defaultTeamMeetingSettings,
  notifications: defaultNotificationSettings,
  projects: defaultProjectSettings,
});

/**
 * The defaults before the readings of docs/playbook.md, "Numbers a TAM can trust": a yellow
 * health counts as at risk, obligations exist without a TAM and their clocks may start before
 * the TAM's engagement, the success plan is due 45 days after onboarding started, and an account
 * without a TAM is scored. Kept so the earlier policy stays reachable (and testable: a dry run
 * from these to the defaults lists exactly the accounts the readings change).
 */
export const previousDefaultPlaybook: Playbook = deepFreeze({
  ...defaultPlaybook,
  priority: {
    ...defaultPlaybook.priority,
    atRisk: { healthColours: ['yellow', 'red'], yellowWithTriage: false },
  },
  obligations: {
    ...defaultPlaybook.obligations,
    requireTam: false,
    successPlan: { ...defaultPlaybook.obligations.successPlan, countFrom: 'engagement' },
  },
  health: { ...defaultPlaybook.health, requireTam: false, tamGraceDays: 0 },
});
