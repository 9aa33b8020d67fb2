import type { ActorType, StaffRole } from '@liaison/contracts';

export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: StaffRole[];
}

/** Who is asking, how they proved it, and the instant their request is judged at. */
export interface RequestContext {
  user: AuthUser;
  actor: HistoryActor;
  now: Date;
  requestId: string;
}

/** What a request signed in with: a session (cookie) or an API token, by id. */
export interface Credential {
  kind: 'session' | 'api_token';
  id: string;
}

/** The author of a change as the history records it. */
export interface HistoryActor {
  type: ActorType;
  id: string | null;
  name: string;
}

export const systemActor: HistoryActor = { type: 'system', id: null, name: 'Liaison' };

/**
 * A signed-in customer user of the portal (docs/portal.md): what every customer-scoped service
 * takes instead of a `RequestContext`. A customer user belongs to exactly one account, so
 * `accountId` scopes every read and write a portal route makes.
 */
export interface CustomerContext {
  customerUserId: string;
  contactId: string;
  accountId: string;
  /** The contact's name. */
  name: string;
  email: string;
  /**
   * How the history names them: `{ type: 'contact', id: contactId, … }` — the person on the
   * account's record, whichever way they act (the portal, or a staff user logging it for them).
   */
  actor: HistoryActor;
  now: Date;
  requestId: string;
}
