import type { AccountProjects, ApiClient, Contact, CustomerUser, Project } from '@liaison/contracts';
import { InvalidArgumentError } from 'commander';
import { CliError } from '../output.ts';
import { type AccountRef, isId, resolveAccount } from './journey-targets.ts';

/**
 * What the project, issue and customer-user commands point at, from what a person types: an
 * account by id or name (its one collaboration project), an issue by its number, a contact or a
 * customer user by e-mail address (docs/projects.md, docs/portal.md).
 */

/** `3` or `#3`: an issue's number within its project, as the web and the e-mails show it. */
export function parseIssueNumber(value: string): number {
  const text = value.trim().replace(/^#/, '');
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000)
    throw new InvalidArgumentError('expected an issue number, e.g. 3 or #3');
  return Number(text);
}

/** How to name the account again in a hint: quoted when the shell would split it. */
export function accountWord(account: AccountRef, typed: string): string {
  const word = account.name ?? typed.trim();
  if (/^[\w.@-]+$/.test(word)) return word;
  // Single quotes read well inside the double-quoted hints, and the shell takes them literally.
  return word.includes("'") ? `"${word.replace(/["$`\\]/g, '\\$&')}"` : `'${word}'`;
}

/** The account's project (there is at most one per account); none yet is a coded refusal with the way out. */
export function projectOf(answer: AccountProjects, account: AccountRef, typed: string): Project {
  const project = answer.items[0];
  if (project) return project;
  const hint = answer.canCreate
    ? ` (create it with "liaison projects create ${accountWord(account, typed)}")`
    : '';
  throw new CliError(
    `${account.name ?? typed.trim()} has no collaboration project yet${hint}`,
    1,
    'NOT_FOUND',
  );
}

export interface ProjectTarget {
  account: AccountRef;
  project: Project;
}

export async function resolveProject(client: ApiClient, text: string): Promise<ProjectTarget> {
  const account = await resolveAccount(client, text);
  const project = projectOf(await client.projects.ofAccount(account.id), account, text);
  // Named by id, the account's name comes with its project.
  return { account: { id: account.id, name: account.name ?? project.accountName }, project };
}

/** A contact of the account by e-mail address (any case) or id: whom to invite. */
export function pickContact(contacts: readonly Contact[], text: string, accountName: string): Contact {
  const value = text.trim().toLowerCase();
  const found = contacts.find(
    (contact) => contact.id === value || (contact.email !== null && contact.email.toLowerCase() === value),
  );
  if (found) return found;
  throw new CliError(
    isId(value)
      ? `${accountName} has no contact ${value}`
      : `no contact of ${accountName} has the e-mail address ${text.trim()} (see "liaison accounts show")`,
    1,
    'NOT_FOUND',
  );
}

/** A customer user of the account by sign-in e-mail (any case), or by their id or their contact's id. */
export function pickCustomerUser(
  users: readonly CustomerUser[],
  text: string,
  accountName: string,
): CustomerUser {
  const value = text.trim().toLowerCase();
  const found = users.find(
    (user) => user.email.toLowerCase() === value || user.id === value || user.contactId === value,
  );
  if (found) return found;
  throw new CliError(
    `${accountName} has no customer user ${text.trim()} (see "liaison customer-users list")`,
    1,
    'NOT_FOUND',
  );
}
