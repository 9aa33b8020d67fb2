import type { StaffRole } from '@liaison/contracts';
import { forbidden } from '@liaison/domain';

export interface PolicyUser {
  id: string;
  roles: readonly StaffRole[];
}

const hasRole = (user: PolicyUser, ...roles: StaffRole[]) => user.roles.some((role) => roles.includes(role));

/** A viewer reads only; a user with a viewer role and a working role works under the working role. */
export const isReadOnly = (user: PolicyUser) => user.roles.every((role) => role === 'viewer');

/**
 * Who may do what, in one place. Admins run the installation; TAM managers lead the account
 * teams; an account's own team maintains its record; everyone else on the staff reads.
 */
export const policies = {
  manageUsers: (user: PolicyUser) => hasRole(user, 'admin'),
  changeAccountTeam: (user: PolicyUser) => hasRole(user, 'admin', 'tam_manager'),
  createAccount: (user: PolicyUser) => !isReadOnly(user),
  editAccount: (user: PolicyUser, isTeamMember: boolean) =>
    hasRole(user, 'admin', 'tam_manager') || (isTeamMember && !isReadOnly(user)),
  deleteAccount: (user: PolicyUser) => hasRole(user, 'admin', 'tam_manager'),
};

export function authorize(allowed: boolean, message: string): void {
  if (!allowed) throw forbidden(message);
}
