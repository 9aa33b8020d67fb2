import type { TaskListItem, WorkItem } from '@liaison/contracts';
import { OBLIGATION_LABELS, type ObligationKind } from '@liaison/domain';

/** One all-day entry of a feed: what is due, on which day, why, and where it lives in the web app. */
export interface FeedEvent {
  /** Stable across fetches, from the identity of what is due, so a calendar updates it in place. */
  uid: string;
  day: string;
  summary: string;
  description: string;
  url: string;
  category: string;
}

/** A renewal date of one of the person's accounts. */
export interface Renewal {
  accountId: string;
  accountName: string;
  renewalDate: string;
}

// One category per kind of obligation, so a calendar app can colour or filter them.
const categoryOf = (kind: string): string => {
  if (kind.startsWith('onboarding_')) return 'Onboarding';
  if (kind.startsWith('renewal_')) return 'Renewal';
  if (kind === 'cadence') return 'Cadence call';
  if (kind === 'ebr') return 'EBR';
  if (kind === 'triage_update') return 'Triage';
  return OBLIGATION_LABELS[kind as ObligationKind] ?? 'Obligation';
};

const accountUrl = (origin: string, accountId: string, tab?: string) =>
  `${origin}/accounts/${accountId}${tab ? `?tab=${tab}` : ''}`;

// Blank strings stay (they space the paragraphs); absent parts (null, false) drop out.
const lines = (...parts: (string | null | undefined | false)[]) =>
  parts.filter((part) => typeof part === 'string').join('\n');

/** An obligation: why it is due is the explanation the app shows beside it (its rule steps). */
function obligationEvent(item: WorkItem, origin: string): FeedEvent {
  const label = OBLIGATION_LABELS[item.kind as ObligationKind] ?? item.kind.replaceAll('_', ' ');
  const url = accountUrl(origin, item.accountId);
  return {
    // One obligation of a kind per account: when it is met its due date moves, and so does the event.
    uid: `obligation-${item.accountId}-${item.kind}@liaison`,
    day: item.dueDate,
    summary: `${label}: ${item.accountName}`,
    description: lines(
      `${label} for ${item.accountName}, due ${item.dueDate}${item.status === 'overdue' ? ' (overdue)' : ''}.`,
      '',
      'Why:',
      ...item.explanation.path.map((step) => `- ${step}`),
      '',
      `Open in Liaison: ${url}`,
    ),
    url,
    category: categoryOf(item.kind),
  };
}

function renewalEvent(renewal: Renewal, origin: string): FeedEvent {
  const url = accountUrl(origin, renewal.accountId);
  return {
    uid: `renewal-${renewal.accountId}@liaison`,
    day: renewal.renewalDate,
    summary: `Renewal: ${renewal.accountName}`,
    description: lines(
      `${renewal.accountName} renews on ${renewal.renewalDate}.`,
      '',
      `Open in Liaison: ${url}`,
    ),
    url,
    category: 'Renewal',
  };
}

/** A dated task or journey step from the person's task list (docs/tasks.md). */
function workEvent(item: TaskListItem, origin: string): FeedEvent | null {
  if (!item.dueOn) return null;
  const on = item.accountName ? ` (${item.accountName})` : '';
  if (item.source === 'workflow_step') {
    const url = item.accountId ? accountUrl(origin, item.accountId, 'journey') : `${origin}/week`;
    return {
      uid: `step-${item.workflowStepId}@liaison`,
      day: item.dueOn,
      summary: `Journey step: ${item.title}${on}`,
      description: lines(
        `An open step of a workflow on ${item.accountName ?? 'an account'} that you are responsible for, due ${item.dueOn}.`,
        '',
        `Open in Liaison: ${url}`,
      ),
      url,
      category: 'Journey step',
    };
  }
  if (!item.task) return null; // obligations come from the worklist's own source, with their explanation
  const url = item.accountId ? accountUrl(origin, item.accountId, 'tasks') : `${origin}/week`;
  return {
    uid: `task-${item.task.id}@liaison`,
    day: item.dueOn,
    summary: `Task: ${item.title}${on}`,
    description: lines(
      `A task of yours${item.accountName ? ` on ${item.accountName}` : ''}, due ${item.dueOn}.`,
      item.task.notes ? `\n${item.task.notes}` : null,
      '',
      `Open in Liaison: ${url}`,
    ),
    url,
    category: 'Task',
  };
}

/** Everything the feed lists, soonest first (ties by UID, so the text is stable between fetches). */
export function feedEvents(
  work: { obligations: WorkItem[]; renewals: Renewal[]; tasks: TaskListItem[] },
  origin: string,
): FeedEvent[] {
  const events = [
    ...work.obligations.map((item) => obligationEvent(item, origin)),
    ...work.renewals.map((renewal) => renewalEvent(renewal, origin)),
    ...work.tasks.flatMap((item) => workEvent(item, origin) ?? []),
  ];
  return events.sort((left, right) => left.day.localeCompare(right.day) || left.uid.localeCompare(right.uid));
}
