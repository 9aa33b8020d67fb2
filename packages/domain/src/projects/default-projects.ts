import type { ProjectSettings, ProjectTemplate } from './project-schema.ts';

// The default templates: the handbook's customer collaboration project (seeds 000, 001, 003 and
// handbook-facts §3.2) — a customer-facing README with placeholders, milestones for the proof of
// value, onboarding and success-plan review, the labels the engagement tips use, the pre-loaded
// "Welcome call" issue and the recurring meeting agenda, and the Meeting Agenda and Feature
// Request issue templates. The Commercial one is the lighter project a TAM opens after purchase.

const meetingAgenda = {
  key: 'meeting_agenda',
  name: 'Meeting agenda',
  title: 'Meeting agenda',
  description: [
    '## Attendees',
    '',
    '- {{customer}}: ',
    '- {{tam}} (TAM)',
    '',
    '## Agenda',
    '',
    '1. Actions from the last call',
    '2. Progress on the success plan',
    '3. Questions, feature requests, upgrades',
    '',
    '## Notes',
    '',
    '## Action items',
    '',
    '- [ ] ',
  ].join('\n'),
  labels: ['meeting'],
};

const featureRequest = {
  key: 'feature_request',
  name: 'Feature request',
  title: 'Feature request:',
  description: [
    '## What would you like to do?',
    '',
    '## Why does it matter to you (the business reason)?',
    '',
    '## By when would you need it?',
    '',
    '## Links (existing product issues, documentation)',
  ].join('\n'),
  labels: ['feature request'],
};

const question = {
  key: 'question',
  name: 'Question',
  title: '',
  description: [
    '## Your question',
    '',
    '## What have you tried?',
    '',
    '_Something broken, an outage or errors? Open a support ticket instead: support answers around the clock._',
  ].join('\n'),
  labels: ['question'],
};

const labels: ProjectTemplate['labels'] = [
  { name: 'question', colour: '#1f75cb', description: 'Product usage, best practices, recommendations' },
  { name: 'feature request', colour: '#6666c4', description: 'Something the product should do' },
  { name: 'upgrade', colour: '#108548', description: 'Upgrades and migrations' },
  { name: 'training', colour: '#c17d10', description: 'Enablement and training' },
  { name: 'health', colour: '#dd2b0e', description: 'How the engagement is going' },
  { name: 'meeting', colour: '#737278', description: 'Meeting agendas and notes' },
  { name: 'onboarding', colour: '#2f7b6a', description: 'Getting started' },
];

const readme = (kind: string) =>
  [
    '# {{customer}} and our collaboration project',
    '',
    `Welcome! This is the ${kind} collaboration project between {{customer}} and your account team: the`,
    'place to ask questions, track what we work on together and follow our milestones.',
    '',
    '## Your account team',
    '',
    '| role | name |',
    '| --- | --- |',
    '| Account owner | {{account_owner}} |',
    '| Solutions Architect | {{sa}} |',
    '| Technical Account Manager | {{tam}} |',
    '',
    '## Success plan',
    '',
    '{{success_plan}}',
    '',
    '{{objectives}}',
    '',
    '## How to work with us',
    '',
    '- **Questions** about product usage, best practices, adoption or integrations: open an issue here.',
    '- **Something broken** (downtime, errors, access problems): open a support ticket.',
    '- We discuss in the open issues as much as possible, so everyone on your team benefits.',
  ].join('\n');

const welcomeCall = {
  title: 'Welcome call',
  description: [
    'The Welcome call introduces {{customer}} to the Technical Account Manager, {{tam}}, who leads',
    'the rest of the call and owns this project from then on.',
    '',
    '- [ ] Schedule the call with {{account_owner}}, {{sa}}, {{tam}} and your team',
    '- [ ] Introductions and roles',
    '- [ ] Objectives and success criteria',
    '- [ ] Cadence of our calls',
  ].join('\n'),
  labels: ['meeting', 'onboarding'],
  milestone: 'Kick-off',
  assignToOwner: true,
  recursFrom: null,
};

const agendaIssue = {
  title: 'Meeting agenda',
  description: meetingAgenda.description,
  labels: ['meeting'],
  milestone: null,
  assignToOwner: true,
  // Closing it opens the next one from the Meeting agenda template.
  recursFrom: 'meeting_agenda',
};

export const enterpriseProjectTemplate: ProjectTemplate = {
  key: 'enterprise',
  name: 'Enterprise collaboration project',
  description:
    'Created by the SA between steps 3 and 7 of the journey, in pre-sales; moved to post-sales under the TAM at closed-won.',
  readme: readme('Enterprise'),
  milestones: [
    { title: 'Kick-off', description: 'Proof of value or implementation kick-off', dueDays: 14 },
    { title: 'Proof of value', description: 'Success criteria met', dueDays: 45 },
    { title: 'Onboarding', description: 'Time to first value, time to onboard', dueDays: 60 },
    { title: 'Success plan review', description: 'Objectives reviewed with the TAM', dueDays: 90 },
  ],
  labels,
  issueTemplates: [meetingAgenda, featureRequest, question],
  issues: [
    welcomeCall,
    agendaIssue,
    {
      title: 'Architecture and environments',
      description:
        'Your intended architecture, environments and integrations, kept up to date with their history.',
      labels: ['onboarding'],
      milestone: 'Onboarding',
      assignToOwner: false,
      recursFrom: null,
    },
  ],
};

export const commercialProjectTemplate: ProjectTemplate = {
  key: 'commercial',
  name: 'Commercial collaboration project',
  description: 'Opened by the TAM after the purchase, when a project helps the customer.',
  readme: readme('Commercial'),
  milestones: [
    { title: 'Kick-off', description: 'Onboarding kick-off', dueDays: 14 },
    { title: 'Onboarding', description: 'Time to first value', dueDays: 45 },
    { title: 'Success plan review', description: 'Objectives reviewed with the TAM', dueDays: 90 },
  ],
  labels,
  issueTemplates: [meetingAgenda, featureRequest, question],
  issues: [welcomeCall, agendaIssue],
};

export const defaultProjectSettings: ProjectSettings = {
  templates: [enterpriseProjectTemplate, commercialProjectTemplate],
  templateBySegment: {
    enterprise: 'enterprise',
    public_sector: 'enterprise',
    mid_market: 'commercial',
    smb: 'commercial',
  },
  responseSla: { firstResponseDays: 2, followUpDays: 3 },
  upgradeCheck: { minimumGemstone: 'ruby', dueDays: 14 },
  responsiveness: { healthMeasure: false, weight: 5, greenMaxDays: 1, yellowMaxDays: 3 },
};
