import type {
  CalendarFeedStatus,
  CreatedCalendarFeed,
  StaffRole,
  TaskListItem,
  WorkItem,
} from '@liaison/contracts';
import { DomainError } from '@liaison/domain';
import type { Database, Executor } from '../../db/client.ts';
import type { RequestContext } from '../../kernel/context.ts';
import { hashToken, newFeedToken } from '../../kernel/secrets.ts';
import { authorize, policies } from '../../policies/policies.ts';
import { presentFeed } from './calendar.presenter.ts';
import { calendarStore } from './calendar.store.ts';
import { feedEvents, type Renewal } from './calendar-events.ts';
import { renderFeed } from './calendar-ics.ts';

/** The days a feed covers around today: recent misses stay visible, and half a year ahead. */
export const FEED_WINDOW = { daysBack: 30, daysAhead: 180 };

/** Where the feed reads what a person owes; composition wires the tasks and portfolio features. */
export interface CalendarSources {
  /** The person's open tasks and journey steps due within the window (their task list). */
  openWork(context: RequestContext, userId: string, window: Window): Promise<TaskListItem[]>;
  /** The obligations and renewal dates of the person's book within the window. */
  datedWork(
    context: RequestContext,
    userId: string,
    window: Window,
  ): Promise<{ obligations: WorkItem[]; renewals: Renewal[] }>;
}

export interface Window {
  from: string;
  to: string;
}

const dayAt = (now: Date, offsetDays: number) =>
  new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

// Unknown, rotated, revoked and a deactivated person's feeds all answer alike: nothing to tell apart.
const noFeed = () =>
  new DomainError('NOT_FOUND', 'No calendar feed at this address: it was never made, or it was revoked.');

/** Per-person calendar feeds (docs/calendar.md): the secret URL and what it serves. */
export function createCalendarService(db: Database, sources: CalendarSources) {
  return {
    async status(context: RequestContext): Promise<CalendarFeedStatus> {
      const row = await calendarStore.findByUser(db, context.user.id);
      return { feed: row ? presentFeed(row) : null };
    },

    /** Makes the caller's feed, or rotates it (the old URL stops at once); the URL is shown this once. */
    async create(context: RequestContext, urlOf: (token: string) => string): Promise<CreatedCalendarFeed> {
      const token = newFeedToken();
      const row = await calendarStore.upsert(db, context.user.id, hashToken(token), context.now);
      return { ...presentFeed(row), url: urlOf(token) };
    },

    async revoke(context: RequestContext): Promise<void> {
      if (!(await calendarStore.delete(db, context.user.id)))
        throw new DomainError('NOT_FOUND', 'You have no calendar feed to revoke.');
    },

    /** Admins end anyone's feed (a lost laptop, a leaked URL). */
    async revokeOf(context: RequestContext, userId: string): Promise<void> {
      authorize(policies.manageUsers(context.user), 'Only admins revoke someone else’s calendar feed.');
      if (!(await calendarStore.delete(db, userId)))
        throw new DomainError('NOT_FOUND', `User ${userId} has no calendar feed.`);
    },

    /** Ends a person's feed in the caller's transaction: their sign-ins end (deactivation, a new password). */
    endFeed: async (executor: Executor, userId: string): Promise<void> => {
      await calendarStore.delete(executor, userId);
    },

    /**
     * The feed behind a token, read as its person would see it: the token is the credential, so
     * the request runs in a context of theirs. Any string that is no live feed is a 404.
     */
    async feed(token: string, request: { now: Date; requestId: string; origin: string }): Promise<string> {
      const found = await calendarStore.findActiveByHash(db, hashToken(token));
      if (!found) throw noFeed();
      const { user } = found;
      const context: RequestContext = {
        user: { id: user.id, name: user.name, email: user.email, roles: user.roles as StaffRole[] },
        actor: { type: 'user', id: user.id, name: `${user.name} (calendar feed)` },
        now: request.now,
        requestId: request.requestId,
      };
      const window = {
        from: dayAt(request.now, -FEED_WINDOW.daysBack),
        to: dayAt(request.now, FEED_WINDOW.daysAhead),
      };
      const [tasks, dated] = await Promise.all([
        sources.openWork(context, user.id, window),
        sources.datedWork(context, user.id, window),
      ]);
      const text = renderFeed(user, feedEvents({ ...dated, tasks }, request.origin), request.now);
      await calendarStore.touch(db, user.id, request.now);
      return text;
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
