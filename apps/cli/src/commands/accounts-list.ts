import {
  type AccountListItem,
  type AccountListParams,
  AccountSort,
  Region,
  RelationshipStage,
  Segment,
} from '@liaison/contracts';
import { Command, Option } from 'commander';
import { type ApiOptions, parseLimit, requireId, withConnectionOptions, withSession } from '../api.ts';
import { formatDate, formatMoney, formatTable, humanise, note, plural, print, printJson } from '../output.ts';

interface ListOptions extends ApiOptions {
  q?: string;
  segment?: AccountListParams['segment'];
  region?: AccountListParams['region'];
  stage?: AccountListParams['relationshipStage'];
  teamMember?: string;
  tam?: string;
  sort?: AccountListParams['sort'];
  limit?: number;
  cursor?: string;
  all?: boolean;
}

export function accountsListCommand(): Command {
  return withConnectionOptions(
    new Command('list')
      .description('list accounts, filtered and sorted')
      .option('--q <text>', 'name contains (case-insensitive)')
      .addOption(new Option('--segment <segment>', 'only this segment').choices(Segment.options))
      .addOption(new Option('--region <region>', 'only this region').choices(Region.options))
      .addOption(
        new Option('--stage <stage>', 'only this relationship stage').choices(RelationshipStage.options),
      )
      .option('--team-member <userId>', 'accounts this user is on the team of now ("me" for yourself)')
      .option('--tam <userId>', 'accounts whose TAM now is this user ("me" for yourself, "none" for no TAM)')
      .addOption(
        new Option('--sort <field>', 'sort order; a leading - means descending')
          .choices(AccountSort.options)
          .default('name'),
      )
      .option('--limit <n>', 'accounts per page, 1–100 (default 50)', parseLimit)
      .option('--cursor <cursor>', 'continue from a previous page (its nextCursor)')
      .option('--all', 'every matching account, following the pages'),
  ).action(listAccounts);
}

async function listAccounts(options: ListOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    let teamMember = options.teamMember?.trim();
    if (teamMember === 'me') teamMember = (await client.auth.me()).user.id;
    else if (teamMember) teamMember = requireId(teamMember);
    let tam = options.tam?.trim();
    if (tam === 'me') tam = (await client.auth.me()).user.id;
    else if (tam && tam !== 'none') tam = requireId(tam);
    const query: AccountListParams = {
      q: options.q,
      segment: options.segment,
      region: options.region,
      relationshipStage: options.stage,
      teamMember,
      tam,
      sort: options.sort,
    };

    let items: AccountListItem[];
    let nextCursor: string | null;
    if (options.all) {
      items = [];
      const progress = !options.json && process.stderr.isTTY;
      for await (const account of client.accounts.iterate({ ...query, limit: options.limit ?? 100 })) {
        items.push(account);
        if (progress && items.length % 100 === 0) process.stderr.write(`\r${items.length} accounts…`);
      }
      if (progress) process.stderr.write('\r\x1b[K');
      nextCursor = null;
    } else {
      ({ items, nextCursor } = await client.accounts.list({
        ...query,
        limit: options.limit,
        cursor: options.cursor,
      }));
    }

    if (options.json) {
      printJson({ items, nextCursor });
      return;
    }
    if (items.length === 0) {
      print(options.cursor ? 'No more accounts.' : 'No accounts match.');
      return;
    }
    print(renderAccounts(items));
    if (nextCursor)
      note(
        `${plural(items.length, 'account')} shown; more with --all, or the next page with --cursor ${nextCursor}`,
      );
  });
}

export function renderAccounts(items: AccountListItem[]): string {
  return formatTable(
    [
      { header: 'name', max: 40 },
      { header: 'segment' },
      { header: 'region' },
      { header: 'plan' },
      { header: 'arr', align: 'right' },
      { header: 'renewal' },
      { header: 'stage' },
      { header: 'tam', max: 24 },
      { header: 'id' },
    ],
    items.map((account) => [
      account.name,
      humanise(account.segment),
      account.region.toUpperCase(),
      account.plan,
      formatMoney(account.arr),
      formatDate(account.renewalDate),
      humanise(account.relationshipStage),
      account.tam?.name ?? '—',
      account.id,
    ]),
  );
}
