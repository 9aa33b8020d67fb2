import type { Playbook, User, UserAbilities } from '@liaison/contracts';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { tierName } from './playbook-text.ts';
import { queries } from './queries.ts';

/** The signed-in user (the app's routes only render once the session is known). */
export function useMe(): User {
  return useSuspenseQuery(queries.me()).data.user;
}

/**
 * What the signed-in user may do across the installation, as the server's policies decide it
 * (`GET /auth/me` → `can`). The web never copies a policy: it shows or hides, the server decides.
 */
export function useCan(): UserAbilities {
  return useSuspenseQuery(queries.me()).data.can;
}

/** Whether the user holds a book of accounts of their own (a TAM): a fact, not a permission. */
export const holdsBook = (user: Pick<User, 'roles'>) => user.roles.includes('tam');

/** Users by id, for names of requesters, approvers, attendees and owners. */
export function useUserNames(): (id: string | null | undefined) => string {
  const { data } = useQuery(queries.users());
  const byId = useMemo(() => new Map((data ?? []).map((user) => [user.id, user.name])), [data]);
  return (id) => (id ? (byId.get(id) ?? 'Unknown user') : '—');
}

/**
 * The playbook in force, as the server serves it (`GET /playbook`, typed by the contracts):
 * every band, window and name the pages show comes from here, never from a copy in the web app.
 * Fetched once per session (see `queries.playbook`); applying a new version refetches it.
 */
export function usePlaybook(): Playbook {
  return useSuspenseQuery(queries.playbook()).data.playbook;
}

/** Tier id → its name in the playbook (`tier1` → `Tier 1`, `digital` → `Digital`). */
export function useTierName(): (tier: string) => string {
  const playbook = usePlaybook();
  return (tier) => tierName(playbook, tier);
}
