import type { DisengagementReason } from './workflow-vocabulary.ts';

export interface DisengagementSummaryInput {
  accountName: string;
  reason: DisengagementReason;
  reasonNote: string | null;
  tamName: string | null;
  owner: { name: string; email: string | null; title: string } | null;
  plan: string;
  arr: number;
  /** The TAM alignment threshold in words, e.g. "premium or higher and ARR of at least $50,000". */
  threshold: string;
  answers: {
    support: string | null;
    writtenAdvice: string | null;
    featuresLost: readonly string[];
    resources: readonly string[];
  };
  /** Today, YYYY-MM-DD. */
  date: string;
}

const REASONS: Record<DisengagementReason, string> = {
  below_threshold_downgrade:
    'After the recent downgrade, your subscription is below the level at which we align a Technical Account Manager.',
  below_threshold_churn:
    'As your subscription is ending, your account will no longer have a Technical Account Manager aligned.',
  unsuccessful_strategic_engagement:
    'We aligned a Technical Account Manager with you for a specific strategic purpose; that engagement has come to an end without the outcome we set out to reach.',
  other: 'We are ending the Technical Account Manager engagement for your account.',
};

const bullets = (lines: readonly string[]) => lines.map((line) => `- ${line}`).join('\n');

/**
 * The follow-up after the disengagement conversation, written from the account's data: the
 * reason, who to talk to from now on, and the options the handbook lists (docs/journey.md).
 */
/** A plan id as a customer reads it: `ultimate` → Ultimate, `no_plan` → No plan. */
const planName = (plan: string) => {
  const words = plan.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function disengagementSummary(input: DisengagementSummaryInput): string {
  const owner = input.owner
    ? `${input.owner.name}, your ${input.owner.title}${input.owner.email ? ` (${input.owner.email})` : ''}`
    : 'your account team';
  const sections = [
    `# ${input.accountName}: your engagement with us from here`,
    `_${input.date}${input.tamName ? ` · from ${input.tamName}` : ''}_`,
    '## Why the engagement changes',
    [REASONS[input.reason], input.reasonNote].filter(Boolean).join(' '),
    `Your current plan is **${planName(input.plan)}** with an annual value of **$${Math.round(input.arr).toLocaleString('en-US')}**; a Technical Account Manager is aligned with accounts on ${input.threshold}.`,
    '## Who to contact from now on',
    `${owner} keeps the relationship with you and is your first contact for anything commercial or strategic.`,
    '## Your options',
    bullets([
      `**Support** for troubleshooting and how-to questions${input.answers.support ? `: ${input.answers.support}` : '.'}`,
      `**Complex questions or advice**: in writing to ${input.owner?.name ?? 'your account team'}${input.answers.writtenAdvice ? ` — ${input.answers.writtenAdvice}` : ', who will bring in the right people.'}`,
    ]),
  ];
  if (input.answers.featuresLost.length > 0)
    sections.push('### Features you will no longer have', bullets(input.answers.featuresLost));
  sections.push(
    '### Self-serve resources',
    bullets(
      input.answers.resources.length > 0
        ? input.answers.resources
        : ['The documentation', 'The blog and video channels', 'The community forum'],
    ),
    'Thank you for working with us. We are glad to keep helping through the channels above.',
  );
  return `${sections.join('\n\n')}\n`;
}
