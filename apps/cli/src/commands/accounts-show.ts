import type { Account } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, parseInstant, requireId, withConnectionOptions, withSession } from '../api.ts';
import {
  EMPTY,
  formatBullets,
  formatCount,
  formatDate,
  formatFields,
  formatInstant,
  formatList,
  formatMoney,
  formatTable,
  humanise,
  indent,
  print,
  printJson,
} from '../output.ts';

interface ShowOptions extends ApiOptions {
  asOf?: string;
}

export function accountsShowCommand(): Command {
  return withConnectionOptions(
    new Command('show')
      .description('show an account with its business and technical profiles, contacts and team')
      .argument('<id>', 'the account id (see "liaison accounts list")')
      .option(
        '--as-of <instant>',
        'the record exactly as it was then: 2026-03-01 (midnight UTC) or 2026-03-01T09:30:00Z',
        parseInstant,
      ),
  ).action(showAccount);
}

async function showAccount(id: string, options: ShowOptions): Promise<void> {
  const accountId = requireId(id);
  await withSession(options, async ({ client }) => {
    const account = await client.accounts.get(accountId, { asOf: options.asOf });
    if (options.json) {
      printJson(account);
      return;
    }
    // The parent's name, as it was at the same instant; the id alone is enough if it is gone.
    let parentName: string | undefined;
    if (account.parentAccountId) {
      parentName = await client.accounts
        .get(account.parentAccountId, { asOf: options.asOf })
        .then((parent) => parent.name)
        .catch(() => undefined);
    }
    print(renderAccount(account, { parentName }));
  });
}

export function renderAccount(account: Account, extra: { parentName?: string | undefined } = {}): string {
  const contactName = (contactId: string | null) => {
    if (!contactId) return EMPTY;
    const contact = account.contacts.find((candidate) => candidate.id === contactId);
    return contact ? contact.name : contactId;
  };
  const text = (value: string | null) => (value?.trim() ? value.trim() : EMPTY);
  const business = account.businessProfile;
  const technical = account.technicalProfile;
  const architecture = technical.architecture;
  const sentiment = account.sentiment
    ? [
        account.sentiment,
        account.sentimentReason ? `: ${account.sentimentReason}` : '',
        account.sentimentSetAt ? ` (set ${formatInstant(account.sentimentSetAt)})` : '',
      ].join('')
    : EMPTY;
  const externalIds = Object.entries(account.externalIds).map(([system, value]) => `${system}=${value}`);

  const sections: string[] = [];
  sections.push(
    [
      `${account.name}  (${humanise(account.relationshipStage)} · ${humanise(account.segment)} · ${account.region.toUpperCase()})`,
      `id ${account.id} · version ${account.version} · updated ${formatInstant(account.updatedAt)}`,
      ...(account.asOf ? [`as of ${formatInstant(account.asOf)}`] : []),
    ].join('\n'),
  );
  sections.push(
    `Account\n${formatFields([
      ['Industry', text(account.industry)],
      ['Plan', account.plan],
      ['ARR', formatMoney(account.arr)],
      [
        'Users',
        `${formatCount(account.activeUsers)} active / ${formatCount(account.licensedUsers)} licensed · LAM ${formatCount(account.lam)}`,
      ],
      ['Stages adopted', formatList(account.stagesAdopted)],
      [
        'Parent',
        account.parentAccountId
          ? extra.parentName
            ? `${extra.parentName} (${account.parentAccountId})`
            : account.parentAccountId
          : EMPTY,
      ],
      ['Renewal', formatDate(account.renewalDate)],
      ['Contract start', formatDate(account.contractStart)],
      ['Sentiment', sentiment],
      ['At risk', account.atRisk ? 'yes' : 'no'],
      [
        'Onboarding',
        account.onboardingStartedAt
          ? `started ${formatInstant(account.onboardingStartedAt)}${account.onboardingCompletedAt ? `, completed ${formatInstant(account.onboardingCompletedAt)}` : ''}`
          : EMPTY,
      ],
      ['External ids', formatList(externalIds)],
    ])}`,
  );
  sections.push(
    `Business profile\n${formatFields([
      ['Organisation', text(business.organisationStructure)],
      ['Champion', contactName(business.championContactId)],
      ['Economic buyer', contactName(business.economicBuyerContactId)],
      ['Decision maker', contactName(business.decisionMakerContactId)],
      ['Why they bought', text(business.whyTheyBought)],
      ['Compelling features', formatBullets(business.mostCompellingFeatures)],
      ['Objectives', formatBullets(business.objectives)],
      ['Pain points', formatBullets(business.painPoints)],
      ['Desired outcomes', formatBullets(business.desiredBusinessOutcomes)],
      ['Success metrics', formatBullets(business.successMetrics)],
    ])}`,
  );
  const sizing = [
    architecture.users !== null ? `${formatCount(architecture.users)} users` : '',
    architecture.referenceArchitecture ?? '',
    architecture.highAvailability ? 'HA' : '',
    architecture.geo ? 'Geo' : '',
  ].filter(Boolean);
  sections.push(
    `Technical profile\n${formatFields([
      ['Deployment', humanise(technical.deployment)],
      ['Version', text(technical.productVersion)],
      ['Architecture', formatList(sizing)],
      ['Hosting', text(technical.hosting)],
      ['Integrations', formatList(technical.integrations)],
      ['Security', formatBullets(technical.securityCompliance)],
      ['Environments', formatList(technical.environments)],
      ['Scale notes', text(technical.scaleNotes)],
    ])}`,
  );
  sections.push(
    account.contacts.length === 0
      ? 'Contacts\n  none'
      : `Contacts (${account.contacts.length})\n${indent(
          formatTable(
            [
              { header: 'name', max: 30 },
              { header: 'title', max: 30 },
              { header: 'email' },
              { header: 'roles' },
            ],
            account.contacts.map((contact) => [
              contact.name,
              contact.title ?? EMPTY,
              contact.email ?? EMPTY,
              formatList(contact.stakeholderRoles.map(humanise)),
            ]),
          ),
        )}`,
  );
  sections.push(
    account.team.length === 0
      ? 'Team\n  none'
      : `Team (${account.team.length})\n${indent(
          formatTable(
            [{ header: 'role' }, { header: 'name' }, { header: 'since' }, { header: 'until' }],
            account.team.map((member) => [
              member.role.toUpperCase(),
              member.userName,
              formatInstant(member.startsAt),
              member.endsAt ? formatInstant(member.endsAt) : EMPTY,
            ]),
          ),
        )}`,
  );
  return sections.join('\n\n');
}
