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
