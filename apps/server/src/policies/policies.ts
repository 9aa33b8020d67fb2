import type { StaffRole, TeamRole } from '@liaison/contracts';
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
  managePlaybook: (user: PolicyUser) => hasRole(user, 'admin'),
  /** The server's own status: background work and its failures. */
  viewSystemStatus: (user: PolicyUser) => hasRole(user, 'admin'),
  /** The outbox (docs/mail.md): every message Liaison sent or holds, to anyone; re-sending. */
  manageMail: (user: PolicyUser) => hasRole(user, 'admin'),
  /** Bulk reassessment and the manager views of the whole team. */
  manageTeam: (user: PolicyUser) => hasRole(user, 'admin', 'tam_manager'),
  changeAccountTeam: (user: PolicyUser) => hasRole(user, 'admin', 'tam_manager'),
  createAccount: (user: PolicyUser) => !isReadOnly(user),
  /** Making tasks (docs/tasks.md); changing one is for its owner, its maker and its account's editors. */
  makeTasks: (user: PolicyUser) => !isReadOnly(user),
  editAccount: (user: PolicyUser, isTeamMember: boolean) =>
    hasRole(user, 'admin', 'tam_manager') || (isTeamMember && !isReadOnly(user)),
  deleteAccount: (user: PolicyUser) => hasRole(user, 'admin', 'tam_manager'),
  /** CSV imports write in bulk: TAM managers and admins; users only admins. */
  importRecords: (user: PolicyUser, object: string) =>
    object === 'users' ? hasRole(user, 'admin') : hasRole(user, 'admin', 'tam_manager'),
  /** EMEA: the TAM proposes a priority, the TAM manager approves it (docs/playbook.md, Priority). */
  approvePriorityProposal: (user: PolicyUser) => hasRole(user, 'tam_manager'),
  /** Outbound webhooks send the book's events elsewhere: an installation setting (docs/webhooks.md). */
  manageWebhooks: (user: PolicyUser) => hasRole(user, 'admin'),
};

export type ExceptionApproverRole = 'tam_manager' | 'sal' | 'ae';

/**
 * The role under which a user may decide a priority exception on an account, or null: a TAM
 * manager on any account (preferred), else a SAL or AE who is on the account's current team in
 * that role. `allowed` narrows the roles (the playbook's `exceptionApproverRoles`).
 */
export function exceptionApproverRole(
  user: PolicyUser,
  currentTeamRoles: readonly TeamRole[],
  allowed: readonly ExceptionApproverRole[] = ['tam_manager', 'sal', 'ae'],
): ExceptionApproverRole | null {
  if (allowed.includes('tam_manager') && hasRole(user, 'tam_manager')) return 'tam_manager';
  for (const role of ['sal', 'ae'] as const) {
    if (allowed.includes(role) && hasRole(user, role) && currentTeamRoles.includes(role)) return role;
  }
  return null;
}

export function authorize(allowed: boolean, message: string): void {
  if (!allowed) throw forbidden(message);
}
