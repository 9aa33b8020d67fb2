import type { ActivityKind } from '@liaison/contracts';

/** What a TAM and a customer talk about. */
export const TOPICS = [
  'runner autoscaling',
  'the security dashboard rollout',
  'merge request approval rules',
  'the Bitbucket migration',
  'value stream analytics',
  'CI template standardisation',
  'the Kubernetes agent',
  'compliance pipelines',
  'package registry adoption',
  'Geo for the DR site',
  'upgrade planning',
  'SSO and SCIM provisioning',
  'pipeline performance',
  'dependency scanning results',
  'the Jenkins retirement plan',
  'epics and roadmaps for planning',
];

/** Summary templates per activity kind; `{topic}`, `{version}`, `{contact}` are filled in. */
export const SUMMARIES: Record<ActivityKind, readonly string[]> = {
  cadence_call: [
    'Cadence call: {topic}',
    'Monthly cadence: progress on {topic}',
    'Cadence call with {contact}: {topic} and open issues',
    'Cadence: success plan review and {topic}',
  ],
  ebr: [
    'Executive business review',
    'EBR: year in review and next-year goals',
    'EBR with the executive sponsor',
  ],
  onboarding_call: [
    'Onboarding: admin setup and SSO',
    'Onboarding: CI/CD fundamentals workshop',
    'Onboarding: migration plan review',
    'Onboarding: runner architecture',
    'Onboarding check-in: first value milestones',
  ],
  kickoff: ['Onboarding kickoff', 'Kickoff: success plan and stakeholders', 'Welcome call and kickoff'],
  health_check: ['Instance health check', 'Health check: performance and {version} upgrade readiness'],
  training: ['Training: GitLab CI for developers', 'Training: security scanners', 'Admin training: {topic}'],
  demo: [
    'Demo: Ultimate security features',
    'Demo: planning and portfolio management',
    'Product demo for {contact}',
  ],
  escalation_update: [
    'Escalation update: P1 performance incident',
    'Escalation update: outage follow-up',
    'Escalation: support ticket backlog',
  ],
  triage_update: [
    'Triage update: at-risk plan',
    'Triage: sentiment review and next steps',
    'Triage update: {topic}',
  ],
  email: [
    'Shared the {version} upgrade guide',
    'Sent EBR deck and follow-ups',
    'Email: recap of {topic}',
    'Introduced the new support escalation path',
    'Shared webinar invite: {topic}',
  ],
  meeting: [
    'Account team meeting',
    'Internal renewal review',
    'Meeting with {contact}: {topic}',
    'Discovery meeting: current toolchain',
  ],
  note: [
    'Note: {contact} mentioned budget planning starts next month',
    'Note: reorg announced on the customer side',
    'Note: usage dip after holiday season',
    'Note: customer asked about {topic}',
  ],
};

/** What the SDR sends a prospect. */
export const PROSPECT_EMAILS = [
  'Intro: consolidating the DevOps toolchain',
  'Follow-up on the free trial',
  'Shared a customer case study',
  'Invitation to a DevSecOps webinar',
  'Pricing overview for Premium and Ultimate',
];

export const NOTE_OPENERS = [
  '{contact} walked us through where the team stands on {topic}.',
  'Good session; {contact} brought two engineers from the platform team.',
  'Shorter call than planned, {contact} had a conflict.',
  'We reviewed the success plan objectives one by one.',
  '{contact} is pleased with progress but wants faster pipelines.',
];

export const NOTE_DETAILS = [
  'Adoption is at {adoption}% of licensed seats; most active groups are in the payments and mobile teams.',
  'They plan to upgrade to {version} after their change freeze.',
  'Open support tickets reviewed; one is waiting on a fix in the next release.',
  'Security team wants to see scanner results before widening the rollout.',
  'They asked for a roadmap session on planning features.',
  'Runner costs came up again; we suggested autoscaling on spot instances.',
  'Migration of the remaining repositories is scheduled over the next six weeks.',
];

export const ACTION_ITEMS = [
  'Send the upgrade checklist',
  'Share reference architecture for the next sizing tier',
  'Book a training session for the new team',
  'Follow up on the open support ticket',
  'Review CI template merge request',
  'Schedule the EBR with the executive sponsor',
  'Send the security scanner rollout guide',
  'Confirm migration dates',
  'Introduce the Professional Services team',
  'Update the success plan objectives',
  'Share value stream analytics dashboard example',
];
