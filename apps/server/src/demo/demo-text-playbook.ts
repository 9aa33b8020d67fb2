import type { InitiativeKind, TicketSeverity } from '@liaison/contracts';

/** Success-plan strategies and highlights, as a TAM writes them. */
export const STRATEGIES = [
  'Consolidate the toolchain on GitLab by the end of the fiscal year; land security scanning as the expansion play.',
  'Stabilise the self-managed instance first, then grow adoption beyond SCM and CI into Plan and Secure.',
  'Prove value to the new CTO with delivery metrics; build an executive sponsor relationship before renewal.',
  'Standardise CI templates across business units and retire the legacy Jenkins estate.',
  'Get every product team onto merge request approvals and compliance pipelines ahead of the audit.',
  'Drive seat adoption toward the licensed count; use the champion network to onboard the remaining teams.',
  'Move from self-managed to GitLab Dedicated with no loss of pipeline history.',
  'Reduce cycle time with value stream analytics; report quarterly to the executive sponsor.',
];

/** Success-plan objectives: a title and (sometimes) the detail behind it. */
export const OBJECTIVES: readonly (readonly [string, string | null])[] = [
  ['Migrate the remaining Jenkins pipelines to GitLab CI', 'About 40% of pipelines still run on Jenkins.'],
  ['Roll out SAST and dependency scanning to every product team', null],
  [
    'Bring median pipeline duration under 10 minutes',
    'Runner autoscaling and caching review with the SRE guild.',
  ],
  ['Enforce merge request approvals on regulated repositories', 'Needed for the SOX controls.'],
  ['Onboard the acquired business unit (about 400 developers)', null],
  ['Upgrade to the current major version and enable Geo for DR', 'DR test planned with the platform team.'],
  ['Report DORA metrics to leadership from value stream analytics', null],
  ['Consolidate Artifactory into the package and container registry', null],
  ['Adopt epics and roadmaps for quarterly planning', 'Pilot with two product groups first.'],
  ['Enable SSO and SCIM provisioning for all users', null],
  ['Retire Bitbucket Server before its support ends', 'Hard deadline: the licence is not being renewed.'],
  ['Standardise CI/CD templates across business units', null],
  ['Reach 85% active users against licensed seats', 'Champion programme and internal training days.'],
  ['Adopt compliance pipelines for the payments platform', null],
  ['Deploy the Kubernetes agent for all production clusters', null],
  ['Triage the security dashboard backlog to zero critical findings', null],
];

/** Support-ticket subjects. */
export const TICKET_SUBJECTS = [
  'Pipelines stuck in pending state',
  'Runner registration fails after upgrade',
  'Slow merge request diffs on large repositories',
  'SAML login loop for some users',
  'Container registry cleanup policy not running',
  'Upgrade path question for the next major version',
  '500 errors on the project import page',
  'Geo secondary lagging behind primary',
  'License seat count does not match user list',
  'Dependency scanning job fails on private registry',
  'Gitaly timeouts during peak hours',
  'Backup restore taking longer than expected',
  'Webhook deliveries failing intermittently',
  'Question about compliance framework labels',
  'CI cache not restored between jobs',
  'Email notifications delayed',
  'API rate limits hit by automation',
  'Elasticsearch indexing stalled',
  'Merge request approval rules not applied',
  'Pages deployment returns 404',
];

export const TICKET_SEVERITIES: readonly (readonly [TicketSeverity, number])[] = [
  ['low', 30],
  ['normal', 46],
  ['high', 19],
  ['urgent', 5],
];

/** Work needing TAM time (US Enterprise flowchart), by kind. */
export const INITIATIVES: Record<InitiativeKind, readonly string[]> = {
  stage_adoption: [
    'Secure stage adoption: SAST, DAST and dependency scanning rolled out team by team, with weekly office hours.',
    'Plan stage adoption: moving portfolio planning from Jira to epics and roadmaps.',
    'Release stage adoption: environments, feature flags and release evidence for the payments teams.',
  ],
  infrastructure_change: [
    'Migration from self-managed to GitLab Dedicated; TAM coordinates the cut-over plan with Professional Services.',
    'Data centre exit: moving the instance to AWS with Geo for disaster recovery.',
    'Runner fleet move to Kubernetes with autoscaling; weekly working sessions with the platform team.',
  ],
};

/** EMEA parameter notes, by parameter id (docs/playbook.md, Priority: EMEA Enterprise). */
export const EMEA_NOTES: Record<string, readonly string[]> = {
  organisational_change: [
    'GitLab ownership moving from the central IT team to the new platform engineering group.',
    'New CTO reorganising engineering into product-aligned tribes.',
  ],
  onboarding_most_users: ['Only the first two divisions are live; most of the user base still to onboard.'],
  infrastructure_change: [
    'Migrating the self-managed instance to a new data centre this quarter.',
    'Moving from Bitbucket and Bamboo to GitLab; cut-over in waves.',
  ],
  weekly_collaboration: ['Platform lead asked for a weekly working session during the CI rollout.'],
  seat_gap_to_lam: ['Large gap between licensed users and LAM: seat true-up conversation with the AE.'],
  expansion_play: ['Ultimate security features are the expansion play in the success plan.'],
  tam_handover: ['Account handed over to a new TAM; extra time for the transition.'],
};

export const EXCEPTION_REASONS = {
  p1: [
    'Executive sponsor asked for fortnightly engagement during the Jenkins retirement; the SAL agrees it protects the renewal.',
    'Strategic logo in a new vertical: leadership wants monthly engagement through the first audit.',
    'Competitive threat at renewal: the customer is evaluating a rival platform.',
  ],
  p2: [
    'Self-sufficient platform team with a stable instance; a quarterly touch is enough despite the ranking.',
    'Customer asked to reduce meeting load until their reorganisation settles.',
  ],
} as const;

/** Why a TAM flagged a yellow account Requires Triage: the triage update that says so. */
export const TRIAGE_REASONS = [
  'Requires triage: champion left; the new platform lead is evaluating alternatives before renewal.',
  'Requires triage: adoption stalled at a third of the seats and the sponsor questions the value.',
  'Requires triage: repeated outages on the self-managed instance; the customer wants an SA on site.',
  'Requires triage: budget freeze announced, a seat reduction is on the table at renewal.',
] as const;

/** How a TAM names an EMEA parameter in a proposal's reason. */
export const PARAMETER_PHRASES: Record<string, string> = {
  organisational_change: 'organisational change at the customer',
  onboarding_most_users: 'most users still onboarding',
  infrastructure_change: 'infrastructure change under way',
  weekly_collaboration: 'customer asked for weekly collaboration',
  seat_gap_to_lam: 'seat gap to LAM',
  expansion_play: 'expansion play in the success plan',
  tam_handover: 'TAM handover',
};

export const PROPOSAL_REASONS = {
  pr1: 'Pr1 this quarter: ',
  pr2: 'No EMEA parameter applies this quarter; steady state.',
} as const;
