import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { formatInstant, note, print, printJson } from '../output.ts';
import { resolveUser } from './journey-targets.ts';

/**
 * `liaison calendar url|status|revoke`: your calendar feed (docs/calendar.md), a secret iCal
 * address for Google Calendar or Outlook. The server shows the address only when it makes it, so
 * `url` always makes a new one.
 */

interface RevokeOptions extends ApiOptions {
  user?: string;
}

async function makeUrl(options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const before = (await client.calendar.feed()).feed;
    const made = await client.calendar.createFeed();
    if (options.json) return printJson({ ...made, replaced: before !== null });
    print(made.url);
    // On stderr, so `liaison calendar url | pbcopy` copies the address alone.
    if (before) note('A new address: the previous one stops working now. Subscribe your calendar again.');
    note('Google Calendar: Other calendars → + → From URL. Outlook: Add calendar → Subscribe from web.');
  });
}

async function showStatus(options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const { feed } = await client.calendar.feed();
    if (options.json) return printJson({ feed });
    if (!feed) return print('No calendar feed. `liaison calendar url` makes one.');
    print(
      `Calendar feed made ${formatInstant(feed.createdAt)}; last read ${feed.lastFetchedAt ? formatInstant(feed.lastFetchedAt) : 'never'}.`,
    );
  });
}

async function revoke(options: RevokeOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const user = options.user ? await resolveUser(client, options.user) : null;
    if (user) await client.calendar.revokeFeedOf(user.id);
    else await client.calendar.revokeFeed();
    if (options.json) return printJson({ revoked: true, userId: user?.id ?? null });
    print(
      user
        ? `Revoked ${user.name}'s calendar feed.`
        : 'Revoked your calendar feed: its address answers 404 now.',
    );
  });
}

export function calendarCommand(): Command {
  const calendar = new Command('calendar').description(
    'your calendar feed: obligations, renewals, journey steps and dated tasks in Google Calendar or Outlook',
  );
  calendar.addCommand(
    withConnectionOptions(
      new Command('url').description(
        'make your feed, or a new address for it (the old one stops), and print it',
      ),
    ).action(makeUrl),
  );
  calendar.addCommand(
    withConnectionOptions(
      new Command('status').description('whether you have a feed, when it was made and last read'),
    ).action(showStatus),
  );
  calendar.addCommand(
    withConnectionOptions(
      new Command('revoke')
        .description('revoke your feed (admins: anyone’s, with --user)')
        .option('--user <email|id>', 'admins: whose feed to revoke'),
    ).action(revoke),
  );
  return calendar;
}
