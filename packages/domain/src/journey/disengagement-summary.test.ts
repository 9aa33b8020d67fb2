import { describe, expect, it } from 'vitest';
import { type DisengagementSummaryInput, disengagementSummary } from './disengagement-summary.ts';

// The follow-up summary is written from the inputs it is given (docs/journey.md, Disengagement).

const input = (fields: Partial<DisengagementSummaryInput> = {}): DisengagementSummaryInput => ({
  accountName: 'Dwindle Ltd',
  reason: 'below_threshold_downgrade',
  reasonNote: 'Downgraded at renewal.',
  tamName: 'Tess Tam',
  owner: { name: 'Abe Exec', email: 'abe@vendor.example', title: 'Account Executive' },
  plan: 'premium',
  arr: 60_000.4,
  threshold: 'the premium plan or higher with an annual value of at least $100,000',
  answers: { support: null, writtenAdvice: null, featuresLost: [], resources: [] },
  date: '2026-03-02',
  ...fields,
});

describe('disengagementSummary', () => {
  it('writes the whole summary from the account, in order', () => {
    expect(disengagementSummary(input())).toBe(
      [
        '# Dwindle Ltd: your engagement with us from here',
        '',
        '_2026-03-02 · from Tess Tam_',
        '',
        '## Why the engagement changes',
        '',
        'After the recent downgrade, your subscription is below the level at which we align a Technical Account Manager. Downgraded at renewal.',
        '',
        'Your current plan is **Premium** with an annual value of **$60,000**; a Technical Account Manager is aligned with accounts on the premium plan or higher with an annual value of at least $100,000.',
        '',
        '## Who to contact from now on',
        '',
        'Abe Exec, your Account Executive (abe@vendor.example) keeps the relationship with you and is your first contact for anything commercial or strategic.',
        '',
        '## Your options',
        '',
        '- **Support** for troubleshooting and how-to questions.',
        '- **Complex questions or advice**: in writing to Abe Exec, who will bring in the right people.',
        '',
        '### Self-serve resources',
        '',
        '- The documentation',
        '- The blog and video channels',
        '- The community forum',
        '',
        'Thank you for working with us. We are glad to keep helping through the channels above.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['below_threshold_downgrade', 'After the recent downgrade, your subscription is below the level'],
    ['below_threshold_churn', 'As your subscription is ending, your account will no longer have'],
    [
      'unsuccessful_strategic_engagement',
      'We aligned a Technical Account Manager with you for a specific strategic purpose',
    ],
    ['other', 'We are ending the Technical Account Manager engagement for your account.'],
  ] as const)('explains the reason %s', (reason, text) => {
    const markdown = disengagementSummary(input({ reason, reasonNote: null }));
    expect(markdown).toContain(`## Why the engagement changes\n\n${text}`);
    expect(markdown).not.toContain('Downgraded at renewal.');
  });

  it('lists the features lost on a downgrade, and only when there are some', () => {
    const lost = disengagementSummary(
      input({
        answers: {
          support: null,
          writtenAdvice: null,
          featuresLost: ['Dedicated TAM', 'Roadmap reviews'],
          resources: [],
        },
      }),
    );
    expect(lost).toContain(
      '### Features you will no longer have\n\n- Dedicated TAM\n- Roadmap reviews\n\n### Self-serve',
    );
    expect(disengagementSummary(input())).not.toContain('Features you will no longer have');
  });

  it('uses what the TAM wrote for support, written advice and resources', () => {
    const markdown = disengagementSummary(
      input({
        answers: {
          support: 'support.vendor.example, 24×5',
          writtenAdvice: 'send architecture questions by e-mail',
          featuresLost: [],
          resources: ['docs.vendor.example', 'forum.vendor.example'],
        },
      }),
    );
    expect(markdown).toContain(
      '- **Support** for troubleshooting and how-to questions: support.vendor.example, 24×5\n',
    );
    expect(markdown).toContain(
      '- **Complex questions or advice**: in writing to Abe Exec — send architecture questions by e-mail\n',
    );
    expect(markdown).toContain('### Self-serve resources\n\n- docs.vendor.example\n- forum.vendor.example\n');
    expect(markdown).not.toContain('The community forum');
  });

  it('falls back to the account team without an owner, and leaves out what is unknown', () => {
    const markdown = disengagementSummary(input({ owner: null, tamName: null }));
    expect(markdown).toContain('\n\n_2026-03-02_\n\n');
    expect(markdown).toContain('your account team keeps the relationship with you');
    expect(markdown).toContain('in writing to your account team, who will bring in the right people.');
    const noEmail = disengagementSummary(
      input({ owner: { name: 'Sol Leader', email: null, title: 'Strategic Account Leader' } }),
    );
    expect(noEmail).toContain('Sol Leader, your Strategic Account Leader keeps the relationship');
  });

  it('writes the annual value with thousands separators, rounded', () => {
    expect(disengagementSummary(input({ arr: 1_234_567.6 }))).toContain('annual value of **$1,234,568**');
  });
});
