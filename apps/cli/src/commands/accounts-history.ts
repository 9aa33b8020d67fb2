import type { HistoryEntry } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, parseLimit, requireId, withConnectionOptions, withSession } from '../api.ts';
import {
  EMPTY,
  formatInstant,
  formatTable,
  formatValue,
  humanise,
  note,
  print,
  printJson,
} from '../output.ts';

interface HistoryOptions extends ApiOptions {
  limit?: number;
  cursor?: string;
  all?: boolean;
  entity?: string;
}

export function accountsHistoryCommand(): Command {
  return withConnectionOptions(
    new Command('history')
      .description(
        'every change to an account and what it owns, newest first: who, when, field before → after',
      )
      .argument('<id>', 'the account id (see "liaison accounts list")')
      .option('--limit <n>', 'changes per page, 1–100 (default 20)', parseLimit)
      .option('--cursor <cursor>', 'continue from a previous page (its nextCursor)')
      .option('--all', 'the whole history, following the pages')
      .option(
        '--entity <type>',
        'only this kind of entity: account, business_profile, technical_profile, contact, team_assignment, opportunity, activity',
      ),
  ).action(showHistory);
}

async function showHistory(id: string, options: HistoryOptions): Promise<void> {
  const accountId = requireId(id);
  await withSession(options, async ({ client }) => {
    const query = { entityType: options.entity?.trim() || undefined };
    let items: HistoryEntry[];
    let nextCursor: string | null;
    if (options.all) {
      items = [];
      for await (const entry of client.accounts.iterateHistory(accountId, {
        ...query,
        limit: options.limit ?? 100,
      }))
        items.push(entry);
      nextCursor = null;
    } else {
      ({ items, nextCursor } = await client.accounts.history(accountId, {
        ...query,
        limit: options.limit ?? 20,
        cursor: options.cursor,
      }));
    }
    if (options.json) {
      printJson({ items, nextCursor });
      return;
    }
    if (items.length === 0) {
      print(options.cursor ? 'No more changes.' : 'No changes recorded.');
      return;
    }
    print(renderHistory(items, accountId));
    if (nextCursor) note(`older changes with --all, or the next page with --cursor ${nextCursor}`);
  });
}

/** One row per changed field; the time, actor, entity and operation only on an entry's first row. */
export function renderHistory(entries: HistoryEntry[], accountId?: string): string {
  const rows: string[][] = [];
  for (const entry of entries) {
    const entity =
      entry.entityId === accountId || entry.entityType.endsWith('_profile')
        ? humanise(entry.entityType)
        : `${humanise(entry.entityType)} ${entry.entityId.slice(0, 8)}`;
    const head = [formatInstant(entry.at), actorLabel(entry.actor), entity, entry.operation];
    const blank = head.map(() => '');
    if (entry.changes.length === 0) rows.push([...head, EMPTY, '']);
    entry.changes.forEach((change, index) => {
      const transition =
        entry.operation === 'create'
          ? formatValue(change.after)
          : entry.operation === 'delete'
            ? `${formatValue(change.before)} → ${EMPTY}`
            : `${formatValue(change.before)} → ${formatValue(change.after)}`;
      rows.push([...(index === 0 ? head : blank), change.field, transition]);
    });
  }
  return formatTable(
    [
      { header: 'time' },
      { header: 'actor', max: 40 },
      { header: 'entity', max: 28 },
      { header: 'operation' },
      { header: 'field' },
      { header: 'before → after', max: 100 },
    ],
    rows,
  );
}

function actorLabel(actor: HistoryEntry['actor']): string {
  // API-token actors are already named like `Ada (token "ci")`.
  return actor.type === 'user' || actor.type === 'api_token' ? actor.name : `${actor.name} (${actor.type})`;
}
