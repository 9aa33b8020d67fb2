import type { StaffRole, TeamAssignment, User } from '@liaison/contracts';

/** Mirrors the server's policies so the UI shows only what the user may do (the server still decides). */
const hasRole = (user: Pick<User, 'roles'>, ...roles: StaffRole[]) =>
  user.roles.some((role) => roles.includes(role));

export const isReadOnly = (user: Pick<User, 'roles'>) => user.roles.every((role) => role === 'viewer');
export const isAdmin = (user: Pick<User, 'roles'>) => hasRole(user, 'admin');
export const isManager = (user: Pick<User, 'roles'>) => hasRole(user, 'admin', 'tam_manager');
export const isTam = (user: Pick<User, 'roles'>) => hasRole(user, 'tam');

const onTeam = (user: Pick<User, 'id'>, team: readonly TeamAssignment[], role?: string) =>
  team.some(
    (member) => member.userId === user.id && member.endsAt === null && (!role || member.role === role),
  );

/** Admins and TAM managers edit any account; the account's current team edits its own. */
export function canEditAccount(user: Pick<User, 'id' | 'roles'>, team: readonly TeamAssignment[]): boolean {
  if (isManager(user)) return true;
  return !isReadOnly(user) && onTeam(user, team);
}

/** A TAM manager, or the SAL / AE on the account's current team. */
export function canDecideException(
  user: Pick<User, 'id' | 'roles'>,
  team: readonly TeamAssignment[],
): boolean {
  if (hasRole(user, 'tam_manager')) return true;
  return (
    (hasRole(user, 'sal') && onTeam(user, team, 'sal')) || (hasRole(user, 'ae') && onTeam(user, team, 'ae'))
  );
}

/** Only TAM managers and admins change account teams, even where team members edit the account. */
export const canChangeTeam = (user: Pick<User, 'roles'>) => isManager(user);

export const canApproveProposal = (user: Pick<User, 'roles'>) => hasRole(user, 'tam_manager');
