import type { StaffRole, TaskListItem } from '@liaison/contracts';
import {
  buildDigest,
  type DigestWorkItem,
  effectivePreferences,
  type MailContent,
  quietHoursEnd,
  wallTime,
} from '@liaison/domain';
import type { Database } from '../../db/client.ts';
import { type RequestContext, systemActor } from '../../kernel/context.ts';
import type { JobDefinition } from '../../kernel/job-queue.ts';
import type { PersonRow } from './audience.loader.ts';
import type { MailQueue } from './mail.ts';
import { notificationsReadModel } from './notifications.read-model.ts';
import { notificationsStore } from './notifications.store.ts';

export interface DigestDependencies {
  mail: MailQueue;
  publicUrl: () => string;
  /** The person's open work due by `dueBefore` (inclusive) or overdue: the tasks feature's list. */
  work(context: RequestContext, userId: string, dueBefore: string): Promise<TaskListItem[]>;
}

const DAY = 86_400_000;
/** "Your week": work due within these days, and changes no older than a week. */
const WEEK_DAYS = 7;

/** Where a line of work leads in the web app. */
function workLink(item: TaskListItem): string {
  if (!item.accountId) return '/week';
  if (item.source === 'workflow_step') return `/accounts/${item.accountId}?tab=journey`;
  if (item.source === 'obligation') return `/accounts/${item.accountId}`;
  return `/accounts/${item.accountId}?tab=tasks`;
}

export function workItem(item: TaskListItem): DigestWorkItem {
  return {
    title: item.title,
    accountName: item.accountName,
    dueOn: item.dueOn,
    overdue: item.overdue,
    link: workLink(item),
  };
}

/**
 * The daily digest (docs/notifications.md): each hour, the people whose local digest hour it is
 * get "your week" — their overdue and due-soon work and the digest-channel notifications since
 * the last digest — once a local day: the e-mail's dedupe key is `digest:<user>:<local date>`,
 * so another server, a retry or a second run in the hour sends nothing more.
 */
export function createDailyDigest(db: Database, dependencies: DigestDependencies) {
  /** The person's digest at `now`, queued; null when there was nothing to say (or already sent). */
  async function sendTo(person: PersonRow, now: Date): Promise<MailContent | null> {
    const preferences = effectivePreferences(person.stored, person.region);
    const local = wallTime(now, preferences.timeZone);
    const dueBefore = new Date(Date.parse(`${local.date}T00:00:00Z`) + WEEK_DAYS * DAY)
      .toISOString()
      .slice(0, 10);
    // The person's own list, read as them: what they see on My week.
    const context: RequestContext = {
      user: { id: person.id, name: person.name, email: person.email, roles: person.roles as StaffRole[] },
      actor: systemActor,
      now,
      requestId: `digest:${person.id}`,
    };
    const work = (await dependencies.work(context, person.id, dueBefore)).filter(
      (item) => item.dueOn !== null,
    );
    const since = new Date(now.getTime() - WEEK_DAYS * DAY).toISOString();
    const changes = await notificationsReadModel.undigested(db, person.id, since);
    const content = buildDigest({
      name: person.name.split(/\s+/)[0] ?? person.name,
      today: local.date,
      publicUrl: dependencies.publicUrl(),
      work: work.map(workItem),
      changes: changes.map((row) => ({ title: row.title, summary: row.summary, link: row.link })),
    });
    if (!content) return null;
    return db.transaction(async (executor) => {
      const queued = await dependencies.mail.queue(executor, {
        to: person.email,
        toUserId: person.id,
        ...content,
        kind: 'digest',
        dedupeKey: `digest:${person.id}:${local.date}`,
        sendAfter: quietHoursEnd(now, preferences.quietHours, preferences.timeZone),
      });
      if (queued === null) return null;
      // Carried by this digest: the next one says only what changed after.
      await notificationsStore.markDigested(
        executor,
        changes.map((row) => row.id),
        now.toISOString(),
      );
      return content;
    });
  }

  return {
    sendTo,
    /** One person's digest by id (tests, and an admin's "send it now" later). */
    async sendToUser(userId: string, now: Date): Promise<MailContent | null> {
      const person = await notificationsReadModel.person(db, userId);
      return person ? sendTo(person, now) : null;
    },
    /** Everyone whose local digest hour it is at `now`. */
    async sendDue(now: Date): Promise<{ sent: number; considered: number }> {
      let sent = 0;
      let considered = 0;
      const failures: unknown[] = [];
      for (const person of await notificationsReadModel.digestPeople(db)) {
        const preferences = effectivePreferences(person.stored, person.region);
        if (!preferences.digest) continue;
        if (Math.floor(wallTime(now, preferences.timeZone).minutes / 60) !== preferences.digestHour) continue;
        considered++;
        // One person's failure does not cost the others theirs; the job's retry then sends only
        // what is missing (the dedupe keys of those sent hold).
        try {
          if (await sendTo(person, now)) sent++;
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0)
        throw new AggregateError(failures, `${failures.length} of ${considered} digests failed`);
      return { sent, considered };
    },
  };
}

export type DailyDigest = ReturnType<typeof createDailyDigest>;

export const DIGEST_JOB = 'notifications-digest';

export function notificationsJobs(digest: DailyDigest, clock: () => Date): JobDefinition<never>[] {
  const job: JobDefinition = {
    name: DIGEST_JOB,
    description: 'Sends the daily digest to the people whose local digest hour it is.',
    // Hourly: every zone's digest hour comes round once a day (dedupe keys make it once).
    schedule: '0 * * * *',
    policy: 'stately',
    retryLimit: 5,
    retryDelaySeconds: 60,
    backoff: true,
    expireInSeconds: 1_800,
    run: async () => digest.sendDue(clock()),
  };
  return [job] as JobDefinition<never>[];
}
