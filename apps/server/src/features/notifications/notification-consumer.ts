import type { LiaisonEvent } from '@liaison/contracts';
import {
  type AudienceFacts,
  EVENT_TYPES,
  effectivePreferences,
  LEADERSHIP_LISTS,
  type LiaisonEventType,
  notificationMail,
  type Playbook,
  quietHoursEnd,
  resolveAudience,
} from '@liaison/domain';
import type { Executor } from '../../db/client.ts';
import type { EventConsumer } from '../../kernel/events.ts';
import { audienceLoader, type PersonRow } from './audience.loader.ts';
import type { MailQueue } from './mail.ts';
import { type NotificationInsert, notificationsStore } from './notifications.store.ts';

export interface ConsumerDependencies {
  mail: MailQueue;
  /** The playbook in force: who hears of each event (its `notifications` section). */
  playbook: () => Playbook;
  publicUrl: () => string;
}

const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

const notifiable = (event: LiaisonEvent): event is LiaisonEvent & { type: LiaisonEventType } =>
  (EVENT_TYPES as readonly string[]).includes(event.type);

/**
 * The notification centre's consumer of events (docs/notifications.md): for each event, the
 * people its audiences name (never its actor, never a deactivated user), one notification each
 * on the channel their preferences give, and an e-mail for the `email` channel, held until their
 * quiet hours end. Everything is written in the dispatcher's transaction, and the (person,
 * event) pair is unique, so handing an event over twice tells nobody twice.
 *
 * Every staff user reads every account (docs/security.md, Policies: "everyone else on the staff
 * reads"), so the audiences need no per-account read check: only deactivated users are left out.
 */
export function createNotificationConsumer(dependencies: ConsumerDependencies): EventConsumer {
  return {
    name: 'notifications',
    async consume(executor: Executor, batch: readonly LiaisonEvent[], now: Date) {
      const events = batch.filter(notifiable);
      if (events.length === 0) return;
      const settings = dependencies.playbook().notifications;
      const accountIds = [...new Set(events.flatMap((event) => (event.account ? [event.account.id] : [])))];
      const accounts = new Map(
        (await audienceLoader.accounts(executor, accountIds.filter(isUuid), now)).map((row) => [row.id, row]),
      );
      const leaderEmails = LEADERSHIP_LISTS.flatMap((list) =>
        settings.leadership[list].map((entry) => entry.email.toLowerCase()),
      );
      const named = events.flatMap((event) => event.recipientIds);
      const seated = [...accounts.values()].flatMap((account) => account.team.map((seat) => seat.userId));
      const people = new Map(
        (
          await audienceLoader.people(
            executor,
            [...new Set([...named, ...seated])].filter(isUuid),
            leaderEmails,
          )
        ).map((person) => [person.id, person]),
      );
      const byEmail = new Map([...people.values()].map((person) => [person.email.toLowerCase(), person]));
      const leaders = LEADERSHIP_LISTS.flatMap((list) =>
        settings.leadership[list].flatMap((entry) => {
          const person = byEmail.get(entry.email.toLowerCase());
          return person ? [{ list, userId: person.id, regions: entry.regions }] : [];
        }),
      );
      const activeUserIds = new Set(people.keys());

      const rows: NotificationInsert[] = [];
      for (const event of events) {
        const account = event.account ? accounts.get(event.account.id) : undefined;
        const facts: AudienceFacts = {
          region: account?.region ?? null,
          team: account?.team ?? [],
          regionalManagers: [...people.values()]
            .filter(
              (person) => person.roles.includes('tam_manager') && account && person.region === account.region,
            )
            .map((person) => person.id),
          leaders,
          activeUserIds,
        };
        const audience = resolveAudience(
          { type: event.type, actorId: event.actor?.id ?? null, recipientIds: event.recipientIds },
          settings,
          facts,
        );
        for (const userId of audience) {
          const person = people.get(userId)!;
          const channel = effectivePreferences(person.stored, person.region).channels[event.type];
          if (channel === 'off') continue;
          rows.push({
            userId,
            eventId: event.id,
            type: event.type,
            title: event.title,
            summary: event.summary,
            link: event.link,
            accountId: event.account?.id ?? null,
            accountName: event.account?.name ?? null,
            actor: event.actor,
            occurredAt: event.occurredAt,
            createdAt: now.toISOString(),
            channel,
          });
        }
      }
      const inserted = await notificationsStore.insertNew(executor, rows);
      // Only what was inserted now is mailed: an event handed over again mails nobody twice.
      for (const row of inserted.filter((notification) => notification.channel === 'email')) {
        await mailNow(executor, people.get(row.userId)!, row, now, dependencies);
      }
    },
  };
}

async function mailNow(
  executor: Executor,
  person: PersonRow,
  row: NotificationInsert & { id: string },
  now: Date,
  dependencies: ConsumerDependencies,
) {
  const preferences = effectivePreferences(person.stored, person.region);
  const content = notificationMail({
    title: row.title,
    summary: row.summary,
    accountName: row.accountName ?? null,
    link: row.link,
    publicUrl: dependencies.publicUrl(),
  });
  await dependencies.mail.queue(executor, {
    to: person.email,
    toUserId: person.id,
    ...content,
    kind: `notification-${row.type.replaceAll('.', '-')}`,
    dedupeKey: `notification:${row.eventId}:${person.id}`,
    sendAfter: quietHoursEnd(now, preferences.quietHours, preferences.timeZone),
  });
}
