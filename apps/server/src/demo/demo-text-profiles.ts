import type { SentimentColour, StakeholderRole } from '@liaison/contracts';

/** Job titles by the stakeholder role a contact plays. */
export const TITLES: Record<StakeholderRole, readonly string[]> = {
  champion: [
    'Director of Platform Engineering',
    'Head of DevOps',
    'Engineering Manager, Developer Experience',
    'Principal Platform Engineer',
    'Senior Manager, CI/CD',
  ],
  economic_buyer: ['VP Engineering', 'CTO', 'CIO', 'VP Technology', 'Head of Engineering'],
  decision_maker: ['VP Infrastructure', 'Director of IT', 'Head of Software Delivery', 'Chief Architect'],
  technical_contact: ['Staff DevOps Engineer', 'Senior Site Reliability Engineer', 'Build & Release Lead'],
  executive_sponsor: ['SVP Technology', 'Chief Digital Officer', 'Group CTO', 'EVP Operations'],
  admin: ['GitLab Administrator', 'Systems Administrator', 'Tooling Administrator'],
};

export const ORG_STRUCTURES = [
  'Central platform team of {n} engineers serves {m} product teams; tooling budget sits with the CTO office.',
  'Federated: each business unit runs its own engineering; a small enablement group sets standards.',
  'Shared services IT owns the instance; development is split across {m} delivery squads and two offshore partners.',
  'Engineering reports to the CIO; security and compliance are a separate function with veto on tooling.',
  'Product engineering in two hubs; an SRE guild of {n} owns CI/CD and the developer portal.',
];

export const COMPELLING_FEATURES = [
  'Single application for SCM and CI',
  'Merge request approvals',
  'Security dashboards and vulnerability management',
  'Compliance pipelines',
  'Value stream analytics',
  'Epics and roadmaps',
  'Package and container registry',
  'Kubernetes agent',
  'Dependency and container scanning',
  'Audit events',
  'Geo replication',
  'Code owners',
];

export const WHY_THEY_BOUGHT = [
  'Consolidate a sprawl of Jenkins, Bitbucket and Jira into one platform and cut licence cost.',
  'A failed audit showed no traceability from change request to deployment.',
  'Release cadence had slipped to quarterly; leadership wants weekly releases.',
  'Shift security left after a supply-chain incident at a competitor.',
  'Cloud migration programme needs a standard CI/CD path for every team.',
  'Developer survey ranked tooling friction as the top reason for attrition.',
];

export const OBJECTIVES = [
  'Migrate all repositories from Bitbucket Server by end of quarter',
  'Move every team onto shared CI templates',
  'Roll out SAST and dependency scanning to all production services',
  'Cut mean time to merge below 24 hours',
  'Adopt epics and roadmaps for portfolio planning',
  'Retire the legacy Jenkins estate',
  'Standardise deployments to Kubernetes with the GitLab agent',
  'Pass the SOC 2 Type II audit with pipeline evidence',
  'Onboard the two acquired engineering teams',
  'Replace Artifactory with the GitLab package registry',
  'Introduce value stream analytics dashboards for leadership',
  'Enable merge request approvals with code owners on regulated repositories',
];

export const PAIN_POINTS = [
  'Pipelines queue for 20+ minutes at peak',
  'Toolchain sprawl: five tools, five logins, no end-to-end view',
  'Security findings arrive after release',
  'Upgrades are feared and postponed',
  'Low adoption outside the core platform team',
  'No single source of truth for what is deployed where',
  'Audit evidence is collected by hand every quarter',
  'Runner fleet is costly and under-utilised overnight',
  'Monorepo clone times hurt developer productivity',
];

export const OUTCOMES = [
  'Ship to production weekly instead of monthly',
  'Reduce toolchain spend by 30%',
  'Zero critical vulnerabilities older than 30 days',
  'Halve onboarding time for new engineers',
  'Audit-ready evidence generated automatically',
  'Faster time to market for the new digital channels',
];

export const SUCCESS_METRICS = [
  'Deployment frequency (DORA)',
  'Lead time for changes under 2 days',
  'Change failure rate below 10%',
  '80% of licensed users active monthly',
  'Pipeline success rate above 90%',
  'Mean time to remediate critical vulnerabilities',
  'Number of projects using shared CI templates',
];

export const SENTIMENT_REASONS: Record<SentimentColour, readonly string[]> = {
  green: [
    'Champion engaged; adoption plan on track.',
    'EBR went well; exec sponsor asked for an expansion proposal.',
    'Upgrade completed without incident; users happy with performance.',
    'Weekly usage growing steadily; CI migration ahead of plan.',
    'Strong relationship with platform team; clear success plan.',
  ],
  yellow: [
    'Champion changed roles; rebuilding the relationship.',
    'Adoption stalled below 60% of licensed seats.',
    'Budget review under way; renewal scope uncertain.',
    'Performance complaints after the last upgrade.',
    'Cadence calls repeatedly rescheduled by the customer.',
  ],
  red: [
    'Executive sponsor evaluating a competing platform.',
    'Two P1 incidents in a month; confidence shaken.',
    'Reorg froze the rollout; renewal at risk.',
    'Champion left the company; no replacement identified.',
    'Customer plans to consolidate on a competitor after a merger.',
  ],
};

export const HOSTING = {
  self_managed: [
    'AWS us-east-1, EKS with Gitaly on EC2',
    'On-premises VMware cluster, two data centres',
    'Azure West Europe, VM scale sets',
    'GCP europe-west4, GKE with Cloud SQL',
    'Red Hat OpenShift on-premises',
    'AWS ap-southeast-2, Omnibus on EC2',
  ],
  dedicated: [
    'GitLab Dedicated, AWS eu-west-1',
    'GitLab Dedicated, AWS us-west-2',
    'GitLab Dedicated, AWS ap-northeast-1',
  ],
  saas: ['GitLab.com', 'GitLab.com with self-hosted runners on AWS', 'GitLab.com with runners on GKE'],
} as const;

export const INTEGRATIONS = [
  'Jira',
  'Jenkins',
  'Slack',
  'Microsoft Teams',
  'ServiceNow',
  'SonarQube',
  'Artifactory',
  'HashiCorp Vault',
  'Okta SAML',
  'LDAP',
  'Terraform',
  'Datadog',
  'Splunk',
  'PagerDuty',
  'Kubernetes',
];

export const COMPLIANCE_BY_INDUSTRY: Record<string, readonly string[]> = {
  'Financial Services': ['SOX', 'PCI DSS', 'DORA (EU)'],
  Insurance: ['SOX', 'Solvency II'],
  Healthcare: ['HIPAA', 'HITRUST'],
  Pharmaceuticals: ['GxP', '21 CFR Part 11'],
  Government: ['FedRAMP Moderate', 'FIPS 140-2'],
  'Aerospace & Defense': ['ITAR', 'FIPS 140-2', 'CMMC Level 2'],
  Retail: ['PCI DSS'],
};

export const GENERAL_COMPLIANCE = ['SOC 2 Type II', 'ISO 27001', 'GDPR', 'SSO enforced', 'Data residency'];

export const ENVIRONMENT_SETS = [
  ['production', 'staging'],
  ['production', 'staging', 'disaster recovery'],
  ['production', 'pre-production', 'test', 'disaster recovery'],
  ['production', 'sandbox'],
];

export const SCALE_NOTES = [
  '{projects} projects, about {pipelines}k pipelines a month; a 14 GB monorepo is the heaviest workload.',
  '{projects} projects; CI peaks at 09:00 and 14:00 local; autoscaling runners on spot instances.',
  '{projects} projects across {groups} top-level groups; LFS-heavy game assets.',
  '{projects} projects; nightly mirror from a legacy SVN server still running.',
];
