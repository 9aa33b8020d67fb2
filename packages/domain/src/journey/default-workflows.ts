import { journeyTemplate, step } from './default-journey.ts';
import type { JourneySettings, WorkflowTemplate } from './workflow-schema.ts';

const after = (...afterSteps: string[]) => ({ afterSteps, opportunityStage: null, event: null });
const list = (
  id: string,
  label: string,
  prefill: WorkflowTemplate['steps'][number]['form'][number]['prefill'] = null,
) => ({ id, label, kind: 'list', prefill, required: false }) as const;
const textField = (
  id: string,
  label: string,
  prefill: WorkflowTemplate['steps'][number]['form'][number]['prefill'] = null,
  required = false,
) => ({ id, label, kind: 'text', prefill, required }) as const;

/** The formal account review and handoff from the SA to the TAM (docs/journey.md, SA→TAM handoff). */
const handoffTemplate: WorkflowTemplate = {
  kind: 'sa_tam_handoff',
  name: 'SA→TAM handoff',
  description:
    'A formal account review and handoff from the SA to the TAM when a TAM-qualifying account is closing: general account review, technical handoff, TAM introduction, and the TAM accepting the account.',
  steps: [
    step({
      id: 'align_tam',
      activity: 'Align a TAM to the account',
      responsible: 'tam_manager',
      informed: ['account_owner', 'sa'],
      output: { kind: 'team_change', description: 'The TAM who will accept the handoff', required: true },
      dueDays: 5,
    }),
    step({
      id: 'general_account_review',
      activity:
        'General account review: account name and industry sector, key people, Command Plan and reason for purchasing, business outcomes, pain points, metrics',
      responsible: 'sa',
      accountable: 'account_owner',
      consulted: ['tam', 'account_owner'],
      output: {
        kind: 'review',
        description: 'Enough for the TAM to start the success plan and onboarding',
        required: true,
      },
      startsWhen: after('align_tam'),
      dueDays: 7,
      form: [
        textField('account_name', 'Account name', 'account.name', true),
        textField('industry', 'Industry sector', 'account.industry'),
        textField('champion', 'Champion', 'profile.champion'),
        textField('economic_buyer', 'Economic buyer', 'profile.economicBuyer'),
        textField('decision_maker', 'Decision maker', 'profile.decisionMaker'),
        textField('why_they_bought', 'Reason for purchasing', 'profile.whyTheyBought'),
        list('business_outcomes', 'Defined business outcomes', 'profile.desiredBusinessOutcomes'),
        list('pain_points', 'Pain points', 'profile.painPoints'),
        list('metrics', 'Metrics', 'profile.successMetrics'),
      ],
    }),
    step({
      id: 'technical_handoff',
      activity:
        'Technical handoff: the PoV outcome, current state of use, intended architecture, stages evaluated and being implemented, the customer’s questions and concerns, the collaboration project',
      responsible: 'sa',
      consulted: ['tam'],
      output: { kind: 'review', description: 'The technical state the TAM takes over', required: true },
      startsWhen: after('general_account_review'),
      dueDays: 7,
      form: [
        textField('pov_outcome', 'Outcome of the PoV'),
        textField(
          'current_state',
          'Current state of use (progress towards production)',
          'technical.deployment',
        ),
        textField('intended_architecture', 'Intended architecture', 'technical.architecture'),
        list('stages_evaluated', 'Stages evaluated', 'account.stagesAdopted'),
        list('stages_implementing', 'Stages being implemented first'),
        list('open_questions', 'Questions and concerns the customer raised'),
        textField('collaboration_project', 'Collaboration project (if any)'),
      ],
    }),
    step({
      id: 'tam_introduction',
      activity: 'Introduce the TAM to the customer and start the TAM engagement',
      responsible: 'account_owner',
      consulted: ['tam', 'sa'],
      informed: ['customer'],
      output: { kind: 'meeting', description: 'The introduction, logged as a meeting', required: true },
      startsWhen: after('technical_handoff'),
      dueDays: 7,
    }),
    step({
      id: 'accept',
      activity:
        'Accept the handoff: the TAM assignment takes effect and the SA stays on the team through the initial engagement',
      responsible: 'tam',
      informed: ['sa', 'account_owner', 'tam_manager'],
      output: { kind: 'team_change', description: 'The TAM assignment, effective', required: true },
      startsWhen: after('tam_introduction'),
      dueDays: 3,
    }),
  ],
};

const welcomeCallTemplate: WorkflowTemplate = {
  kind: 'welcome_call',
  name: 'Welcome call',
  description:
    'Once the customer has paid, the SAL/AE sets up the "Welcome to GitLab" call with the SAL, SA, PSE, TAM and the customer; it introduces the TAM, who leads the rest of the call and owns the engagement from then on.',
  steps: [
    step({
      id: 'schedule',
      activity: 'Schedule the Welcome call with the SAL/AE, SA, PSE, TAM and the customer',
      responsible: 'account_owner',
      informed: ['sa', 'pse', 'tam'],
      dueDays: 7,
    }),
    step({
      id: 'hold',
      activity: 'Hold the Welcome call: introduce the TAM, who leads the rest of the call',
      responsible: 'tam',
      consulted: ['account_owner', 'sa', 'pse', 'customer'],
      output: { kind: 'meeting', description: 'The call, logged as an activity', required: true },
      startsWhen: after('schedule'),
      dueDays: 14,
    }),
  ],
};

const handoverTemplate: WorkflowTemplate = {
  kind: 'tam_handover',
  name: 'TAM-to-TAM handover',
  description:
    'When a TAM leaves or the book is rebalanced: the outgoing TAM reviews the account with the incoming one, introduces them to the customer, and the TAM manager hands the account over.',
  steps: [
    step({
      id: 'review',
      activity: 'Review the account with the incoming TAM',
      responsible: 'tam',
      consulted: ['tam_manager'],
      output: { kind: 'review', description: "The outgoing TAM's notes", required: true },
      dueDays: 7,
      form: [
        textField('notes', "Outgoing TAM's notes", null, true),
        list('open_risks', 'Open risks and commitments'),
        list('key_contacts', 'Key contacts and how to work with them'),
      ],
    }),
    step({
      id: 'introduction',
      activity: 'Introduce the incoming TAM to the customer',
      responsible: 'tam',
      consulted: ['account_owner'],
      informed: ['customer'],
      output: { kind: 'meeting', description: 'The introduction, logged as a meeting', required: false },
      startsWhen: after('review'),
      dueDays: 14,
    }),
    step({
      id: 'handover',
      activity: 'Hand the account over: the incoming TAM takes the TAM role from this moment',
      responsible: 'tam_manager',
      informed: ['tam', 'account_owner'],
      output: {
        kind: 'team_change',
        description: 'One write ends the old assignment where the new one starts',
        required: true,
      },
      startsWhen: after('introduction'),
      dueDays: 3,
    }),
  ],
};

const disengagementTemplate: WorkflowTemplate = {
  kind: 'disengagement',
  name: 'Disengagement',
  description:
    'When a customer falls below the TAM alignment threshold after a downgrade or churn, or a strategic engagement (such as a tier upgrade) was unsuccessful: manage the disengagement so the customer understands the reason and knows who to talk to from now on.',
  steps: [
    step({
      id: 'talk_with_manager',
      activity: 'Talk the disengagement over with your manager; be honest about the reason',
      responsible: 'tam',
      accountable: 'tam_manager',
      dueDays: 7,
      form: [textField('manager_notes', 'What you agreed with your manager')],
    }),
    step({
      id: 'customer_conversation',
      activity:
        'Have the conversation with the customer in person or face to face by video, including the SAL/AE, who will retain the relationship',
      responsible: 'tam',
      consulted: ['account_owner', 'customer'],
      output: { kind: 'meeting', description: 'The conversation, logged as a meeting', required: true },
      startsWhen: after('talk_with_manager'),
      dueDays: 14,
    }),
    step({
      id: 'options_reviewed',
      activity:
        'Review the options with the customer: Support for troubleshooting and how-to, complex advice in writing to the SAL/AE, the features lost on a downgrade, documentation and community resources',
      responsible: 'tam',
      consulted: ['account_owner'],
      startsWhen: after('customer_conversation'),
      dueDays: 7,
      form: [
        textField('support', 'Support: how to reach it for troubleshooting and how-to questions'),
        textField('written_advice', 'Complex questions: in writing to the SAL/AE'),
        list('features_lost', 'Features they lose (downgrade or churn)'),
        list('resources', 'Documentation, blog, videos and community forum for self-serve guidance'),
      ],
    }),
    step({
      id: 'follow_up_summary',
      activity: 'Send the follow-up summary: the reason, who to contact from now on, the options',
      responsible: 'tam',
      informed: ['account_owner', 'customer'],
      output: {
        kind: 'summary',
        description: 'Generated from the account (Markdown, ready to send)',
        required: true,
      },
      startsWhen: after('options_reviewed'),
      dueDays: 3,
    }),
    step({
      id: 'end_engagement',
      activity: "End the TAM engagement: the TAM's assignment ends and priority and obligations follow",
      responsible: 'tam',
      accountable: 'tam_manager',
      informed: ['account_owner'],
      output: { kind: 'team_change', description: "The TAM's assignment, ended", required: true },
      startsWhen: after('follow_up_summary'),
      dueDays: 3,
    }),
  ],
};

const overlapTemplate: WorkflowTemplate = {
  kind: 'sa_overlap',
  name: 'SA involvement after the sale',
  description:
    'The TAM owns the account after the sale; the SA stays involved for expansion plans, a new PoV or evaluation, licence expansions, Professional Services and SOWs, a TAM over capacity, and on-site evangelism.',
  steps: [
    step({
      id: 'assist',
      activity: 'Support the account team on what brought the SA back in',
      responsible: 'sa',
      consulted: ['tam', 'account_owner'],
      informed: ['tam'],
      dueDays: 14,
      form: [textField('outcome', 'What the SA did and what follows')],
    }),
  ],
};

/** The default journey settings and the six templates (docs/journey.md). */
export const defaultJourneySettings: JourneySettings = {
  gates: 'ask_reason',
  saOverlapDays: 30,
  templates: [
    journeyTemplate,
    handoffTemplate,
    welcomeCallTemplate,
    handoverTemplate,
    disengagementTemplate,
    overlapTemplate,
  ],
};
