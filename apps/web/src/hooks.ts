import type { User } from '@liaison/contracts';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { queries } from './queries.ts';

/** The signed-in user (the app's routes only render once the session is known). */
export function useMe(): User {
  return useSuspenseQuery(queries.me()).data.user;
}

/** Users by id, for names of requesters, approvers, attendees and owners. */
export function useUserNames(): (id: string | null | undefined) => string {
  const { data } = useQuery(queries.users());
  const byId = useMemo(() => new Map((data ?? []).map((user) => [user.id, user.name])), [data]);
  return (id) => (id ? (byId.get(id) ?? 'Unknown user') : '—');
}
