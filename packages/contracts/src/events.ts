import { EVENT_TYPES } from '@liaison/domain';
import { z } from 'zod';

/**
 * What happens in Liaison that someone may want to hear about (docs/messages.md). Each event is
 * recorded in the transaction of the change that caused it, then handed once to every consumer:
 * the notification centre, e-mail and digests, outbound webhooks.
 */
export const eventTypes = EVENT_TYPES;
export const EventType = z.enum(eventTypes);
export type EventType = z.infer<typeof EventType>;

export const eventTypeLabels: Record<EventType, string> = {
  'task.assigned': 'A task assigned to me',
  'step.assigned': 'A journey step assigned to me',
  'obligation.overdue': 'An obligation turning overdue',
  'health.yellow': 'Health turning yellow',
  'health.red': 'Health turning red',
  'handoff.requested': 'A handoff requested',
  'handoff.accepted': 'A handoff accepted',
  'sentiment.stale': 'Sentiment going stale',
  'import.finished': 'An import finished',
  'import.failed': 'An import failed',
  'project.issue_opened': 'A customer opened an issue',
  'project.comment_added': 'A customer commented on an issue',
};

/** The event as consumers and webhook receivers see it: self-contained, no lookup needed. */
export const LiaisonEvent = z.object({
  id: z.uuid(),
  type: EventType,
  occurredAt: z.iso.datetime(),
  /** The account it concerns, when it concerns one. */
  account: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** Who caused it (null: the system — a refresh, a clock). */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** One line a person reads: "Health turned red: Acme Corp". */
  title: z.string(),
  /** Why, in a sentence or two (the rule's explanation where there is one). */
  summary: z.string(),
  /** The web app's path to the thing (`/accounts/…?tab=journey`). */
  link: z.string(),
  /** The people it is addressed to by name (an assignee); lists add others (docs/messages.md). */
  recipientIds: z.array(z.uuid()),
  /** Type-specific facts (from and to colour, due date, import counts…). */
  data: z.record(z.string(), z.unknown()),
});
export type LiaisonEvent = z.infer<typeof LiaisonEvent>;
