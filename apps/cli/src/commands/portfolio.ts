import type { Portfolio } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, requireId, withConnectionOptions, withSession } from '../api.ts';
import {
  EMPTY,
  formatDate,
  formatDue,
  formatHealth,
  formatInstant,
  formatLoad,
  formatModel,
  formatMoney,
  formatPercent,
  formatPriority,
  formatTable,
  formatTier,
  plural,
  print,
  printJson,
} from '../output.ts';

export interface OwnerOptions extends ApiOptions {
  owner?: string;
}

export function portfolioCommand(): Command {
  return withConnectionOptions(
    new Command('portfolio')
      .description(
        "a TAM's accounts with tier, gemstone, priority, health and next due; capacity load and P1 share against guidance",
      )
      .option('--owner <userId>', 'whose portfolio: a TAM\'s user id, or "me" (default: you)'),
  ).action(showPortfolio);
}

/** `--owner`: a user id, or `me`/nothing for whoever the token belongs to (the server's default). */
export function ownerQuery(owner: string | undefined): { owner?: string } {
  const value = owner?.trim();
  return !value || value === 'me' ? {} : { owner: requireId(value) };
}

async function showPortfolio(options: OwnerOptions): Promise<void> {
  const query = ownerQuery(options.owner);
  await withSession(options, async ({ client }) => {
    const portfolio = await client.assessments.portfolio(query);
    if (options.json) {
      printJson(portfolio);
      return;
    }
    print(renderPortfolio(portfolio));
  });
}

/** The heading, one row per account, then the capacity line and the P1 guidance lines. */
export function renderPortfolio(portfolio: Portfolio): string {
  const heading = `Portfolio of ${portfolio.owner.name} · evaluated ${formatInstant(portfolio.evaluatedAt)}`;
  if (portfolio.items.length === 0)
    return `${heading}\n\nNo accounts: ${portfolio.owner.name} is TAM of none.`;
  const table = formatTable(
    [
      { header: 'account', max: 40 },
      { header: 'tier' },
      { header: 'gemstone' },
      { header: 'priority' },
      { header: 'health' },
      { header: 'arr', align: 'right' },
      { header: 'next due' },
      { header: 'renewal' },
      { header: 'id' },
    ],
    portfolio.items.map((item) => [
      item.name,
      formatTier(item.tier),
      item.gemstone,
      formatPriority(item.priority),
      formatHealth(item.healthColour, item.healthScore),
      formatMoney(item.arr),
      formatDue(item.nextDue),
      formatDate(item.renewalDate),
      item.accountId,
    ]),
  );
  return [heading, '', table, '', ...renderPortfolioSummary(portfolio)].join('\n');
}

/** `Capacity: load 0.84 of 1.00 — 7 accounts (…)` and one line per priority model, ⚠ when outside guidance. */
export function renderPortfolioSummary(portfolio: Portfolio): string[] {
  const { capacity } = portfolio;
  const tiers = Object.entries(capacity.byTier)
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([tier, entry]) => `${formatTier(tier)}: ${entry.accounts}`);
  const over = capacity.load > 1 ? ' ⚠ over capacity' : '';
  const lines = [
    `Capacity: load ${formatLoad(capacity.load)} of 1.00 — ${plural(capacity.accounts, 'account')}${tiers.length > 0 ? ` (${tiers.join(', ')})` : ''}${over}`,
  ];
  if (portfolio.p1Guidance.length > 0) {
    lines.push('P1 guidance:');
    for (const entry of portfolio.p1Guidance) {
      const mark = entry.withinGuidance === false ? '⚠' : entry.withinGuidance ? '✓' : EMPTY;
      const against =
        entry.withinGuidance === null
          ? entry.guidance
          : `${entry.withinGuidance ? 'within' : 'outside'} guidance: ${entry.guidance}`;
      lines.push(
        `  ${mark} ${formatModel(entry.model)}: ${entry.p1} of ${plural(entry.accounts, 'account')} Pr1 (${formatPercent(entry.share)}) — ${against}`,
      );
    }
  }
  return lines;
}
