import { z } from 'zod';
import { ACCOUNT_REGIONS, type AccountRegion, type TeamRole } from '../assessment/vocabulary.ts';

// Who hears of what (docs/notifications.md): the playbook's `notifications` section names, per
// event type, the audiences told; the server reads the facts each audience needs (the account's
// team now, the region's TAM managers, the leadership lists) and this file turns them into
// people. Pure: no clock, no I/O.

/**
 * What happens that someone may hear of (docs/notifications.md): the events' vocabulary, which
 * the contracts serve as `eventTypes`; each has its audiences and default channel here.
 */
export const EVENT_TYPES = [
  'task.assigned',
  'step.assigned',
  'obligation.overdue',
  'health.yellow',
  'health.red',
  'handoff.requested',
  'handoff.accepted',
  'sentiment.stale',
  'import.finished',
  'import.failed',
  'project.issue_opened',
  'project.comment_added',
] as const;
export type LiaisonEventType = (typeof EVENT_TYPES)[number];

/**
 * The audience vocabulary:
 * - `recipients`: the people the event names (an assignee, the importer);
 * - `account_team`: everyone on the account's team now (any role);
 * - `tam`: the account's TAM now; `account_owner`: its SAL or AE now;
 * - `regional_tam_manager`: active TAM managers whose region is the account's;
 * - `tam_director`, `sales_leadership`, `cs_leadership`: the playbook's lists of people
 *   (`notifications.leadership`), each entry an e-mail with the regions it covers.
 */
export const AUDIENCES = [
  'recipients',
  'account_team',
  'tam',
  'account_owner',
  'regional_tam_manager',
  'tam_director',
  'sales_leadership',
  'cs_leadership',
] as const;
export type Audience = (typeof AUDIENCES)[number];

export const LEADERSHIP_LISTS = ['tam_director', 'sales_leadership', 'cs_leadership'] as const;
export type LeadershipList = (typeof LEADERSHIP_LISTS)[number];

const audienceList = z.array(z.enum(AUDIENCES)).max(AUDIENCES.length);

const leader = z.strictObject({
  /** The person's Liaison sign-in e-mail; someone not (or no longer) a user is told nothing. */
  email: z.email().max(320),
  /** The accounts' regions this person hears about; empty: every region. */
  regions: z.array(z.enum(ACCOUNT_REGIONS)).max(ACCOUNT_REGIONS.length).default([]),
});

/**
 * Event types added after notifications were first released, with their audiences: a playbook
 * stored before them takes these (docs/projects.md, the customer's issues and comments).
 */
const laterAudiences: Partial<Record<LiaisonEventType, Audience[]>> = {
  'project.issue_opened': ['recipients', 'tam'],
  'project.comment_added': ['recipients', 'tam'],
};

export const notificationSettingsSchema = z.strictObject({
  /** Per event type, the audiences told. An empty list tells no one. */
  audiences: z.strictObject(
    Object.fromEntries(
      EVENT_TYPES.map((type) => {
        const later = laterAudiences[type];
        return [type, later ? audienceList.default(later) : audienceList];
      }),
    ) as Record<LiaisonEventType, typeof audienceList>,
  ),
  /** The people of each leadership list (the handbook names roles, an installation names people). */
  leadership: z.strictObject({
    tam_director: z.array(leader).max(200),
    sales_leadership: z.array(leader).max(200),
    cs_leadership: z.array(leader).max(200),
  }),
});
export type NotificationSettings = z.output<typeof notificationSettingsSchema>;

/**
 * The handbook's lists (R10): yellow → the account team (SAL/AE, SA), the regional TAM manager
 * and the TAM Director; red → the yellow list plus the Area Sales Manager, the Regional Director
 * and the VP of Customer Success. What a person is assigned, the person; what a TAM owes (an
 * overdue obligation, a stale sentiment), the TAM. Leadership lists start empty: an admin fills
 * them with the installation's people.
 */
export const defaultNotificationSettings: NotificationSettings = {
  audiences: {
    'task.assigned': ['recipients'],
    'step.assigned': ['recipients'],
    'obligation.overdue': ['recipients', 'tam'],
    'health.yellow': ['account_team', 'regional_tam_manager', 'tam_director'],
    'health.red': [
      'account_team',
      'regional_tam_manager',
      'tam_director',
      'sales_leadership',
      'cs_leadership',
    ],
    'handoff.requested': ['recipients'],
    'handoff.accepted': ['recipients'],
    'sentiment.stale': ['recipients', 'tam'],
    'import.finished': ['recipients'],
    'import.failed': ['recipients'],
    'project.issue_opened': ['recipients', 'tam'],
    'project.comment_added': ['recipients', 'tam'],
  },
  leadership: { tam_director: [], sales_leadership: [], cs_leadership: [] },
};

/** What the audiences are resolved from, read by the server for one event. */
export interface AudienceFacts {
  /** The account's region (null: the event concerns no account). */
  region: AccountRegion | string | null;
  /** The account's team now. */
  team: readonly { userId: string; role: TeamRole }[];
  /** Active TAM managers of the account's region. */
  regionalManagers: readonly string[];
  /** The leadership lists' entries that are users, with the regions each covers. */
  leaders: readonly { list: LeadershipList; userId: string; regions: readonly string[] }[];
  /** Users who may be told anything: active ones (a deactivated user hears nothing). */
  activeUserIds: ReadonlySet<string>;
}

export interface AudienceEvent {
  type: LiaisonEventType;
  actorId: string | null;
  recipientIds: readonly string[];
}

/**
 * Events a person is told of even when they caused them: an import runs in the background, and
 * the importer is the one waiting for its end. Anything else a person did, they know already.
 */
export const TOLD_OF_OWN_DOING: readonly LiaisonEventType[] = ['import.finished', 'import.failed'];

/** The people to tell of one event, each once, in the audiences' order. */
export function resolveAudience(
  event: AudienceEvent,
  settings: NotificationSettings,
  facts: AudienceFacts,
): string[] {
  const people: string[] = [];
  const teamWith = (roles: readonly TeamRole[] | null) =>
    facts.team.filter((seat) => roles === null || roles.includes(seat.role)).map((seat) => seat.userId);
  for (const audience of settings.audiences[event.type]) {
    switch (audience) {
      case 'recipients':
        people.push(...event.recipientIds);
        break;
      case 'account_team':
        people.push(...teamWith(null));
        break;
      case 'tam':
        people.push(...teamWith(['tam']));
        break;
      case 'account_owner':
        people.push(...teamWith(['sal', 'ae']));
        break;
      case 'regional_tam_manager':
        if (facts.region !== null) people.push(...facts.regionalManagers);
        break;
      default:
        people.push(
          ...facts.leaders
            .filter(
              (entry) =>
                entry.list === audience &&
                (entry.regions.length === 0 ||
                  (facts.region !== null && entry.regions.includes(facts.region))),
            )
            .map((entry) => entry.userId),
        );
    }
  }
  const ownDoingToo = TOLD_OF_OWN_DOING.includes(event.type);
  return [...new Set(people)].filter(
    (id) => facts.activeUserIds.has(id) && (ownDoingToo || id !== event.actorId),
  );
}
