import type { TeamOverview } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import {
  EMPTY,
  formatInstant,
  formatLoad,
  formatMoney,
  formatPercent,
  formatTable,
  formatTier,
  humanise,
  indent,
  print,
  printJson,
} from '../output.ts';

export function teamCommand(): Command {
  return withConnectionOptions(
    new Command('team').description(
      'for TAM managers: load, P1 and overdue work per TAM; accounts needing a TAM, disengagement candidates, reviews due',
    ),
  ).action(showTeam);
}

async function showTeam(options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const overview = await client.assessments.teamOverview();
    if (options.json) {
      printJson(overview);
      return;
    }
    print(renderTeamOverview(overview));
  });
}

export function renderTeamOverview(overview: TeamOverview): string {
  const names = new Map(overview.tams.map((tam) => [tam.userId, tam.name]));
  const tamName = (userId: string | null) => (userId ? (names.get(userId) ?? userId) : EMPTY);
  const section = (title: string, count: number, table: () => string) =>
    count === 0 ? `${title}: none` : `${title} (${count})\n${indent(table())}`;

  const sections = [
    `Team overview · evaluated ${formatInstant(overview.evaluatedAt)}`,
    section('TAMs', overview.tams.length, () =>
      formatTable(
        [
          { header: 'tam', max: 32 },
          { header: 'region' },
          { header: 'accounts', align: 'right' },
          { header: 'load', align: 'right' },
          { header: 'p1', align: 'right' },
          { header: 'p1 share', align: 'right' },
          { header: 'overdue', align: 'right' },
        ],
        overview.tams.map((tam) => [
          tam.name,
          tam.region ? tam.region.toUpperCase() : EMPTY,
          String(tam.accounts),
          `${tam.load > 1 ? '⚠ ' : ''}${formatLoad(tam.load)}`,
          String(tam.p1),
          formatPercent(tam.p1Share),
          String(tam.overdue),
        ]),
      ),
    ),
    section('Accounts needing a TAM', overview.needsTam.length, () =>
      formatTable(
        [
          { header: 'account', max: 40 },
          { header: 'arr', align: 'right' },
          { header: 'tier' },
          { header: 'id' },
        ],
        overview.needsTam.map((account) => [
          account.name,
          formatMoney(account.arr),
          formatTier(account.tier),
          account.accountId,
        ]),
      ),
    ),
    section('Disengagement candidates', overview.disengagementCandidates.length, () =>
      formatTable(
        [
          { header: 'account', max: 40 },
          { header: 'arr', align: 'right' },
          { header: 'tam' },
          { header: 'id' },
        ],
        overview.disengagementCandidates.map((account) => [
          account.name,
          formatMoney(account.arr),
          tamName(account.tamUserId),
          account.accountId,
        ]),
      ),
    ),
    section('Reviews due', overview.reviewsDue.length, () =>
      formatTable(
        [
          { header: 'account', max: 40 },
          { header: 'tam' },
          { header: 'due' },
          { header: 'status' },
          { header: 'id' },
        ],
        overview.reviewsDue.map((review) => [
          review.name,
          tamName(review.tamUserId),
          review.dueDate,
          humanise(review.status),
          review.accountId,
        ]),
      ),
    ),
  ];
  return sections.join('\n\n');
}
