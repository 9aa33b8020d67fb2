import type { CustomerUser, CustomerUserList } from '@liaison/contracts';
import { Command } from 'commander';
import { type ApiOptions, withConnectionOptions, withSession } from '../api.ts';
import { EMPTY, formatInstant, formatTable, print, printJson } from '../output.ts';
import { type AccountRef, resolveAccount } from './journey-targets.ts';
import { pickContact, pickCustomerUser } from './project-targets.ts';

/**
 * `liaison customer-users list|invite|deactivate|reactivate|resend` (alias `customers`): the
 * contacts of an account invited to the customer portal (docs/portal.md). Reading is for every
 * staff user; the rest for the account's team, TAM managers and admins, as the server decides.
 */

interface InviteOptions extends ApiOptions {
  email?: string;
}

const ACCOUNT = [
  '<account>',
  'the account id, or its name (a part of it that matches one account is enough)',
] as const;

export function renderCustomerUsers(list: CustomerUserList, accountName: string): string {
  const heading = `Customer users of ${accountName} (${list.items.length})`;
  const parts = [
    list.items.length === 0
      ? `${heading}\n\nNobody is invited to the customer portal yet.`
      : `${heading}\n\n${formatTable(
          [
            { header: 'name', max: 30 },
            { header: 'e-mail', max: 40 },
            { header: 'status' },
            { header: 'invited' },
            { header: 'by', max: 24 },
            { header: 'last sign-in' },
            { header: 'id' },
          ],
          list.items.map((user) => [
            user.name,
            user.email,
            user.status,
            formatInstant(user.invitedAt),
            user.invitedBy?.name ?? EMPTY,
            formatInstant(user.lastSignInAt),
            user.id,
          ]),
        )}`,
  ];
  if (!list.can.manage)
    parts.push(
      "You may read this list; inviting and deactivating are for the account's team, TAM managers and admins.",
    );
  return parts.join('\n\n');
}

/** What a change did, in a sentence. */
export function changedText(
  user: CustomerUser,
  action: 'invited' | 'deactivated' | 'reactivated' | 'resent',
): string {
  const who = `${user.name} <${user.email}>`;
  switch (action) {
    case 'invited':
      return `Invited ${who} to the customer portal: the invitation e-mail (a link to set a password, valid 7 days) is queued.`;
    case 'resent':
      return `Sent ${who} a new invitation; the earlier link no longer works.`;
    case 'deactivated':
      return `Deactivated ${who}: their sessions and links ended at once.`;
    case 'reactivated':
      return `Reactivated ${who}: ${user.status === 'active' ? 'they may sign in again' : 'still invited, their invitation link sets a password'}.`;
  }
}

const nameOf = (account: AccountRef) => account.name ?? account.id;

async function listCustomerUsers(accountText: string, options: ApiOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, accountText);
    const list = await client.customerUsers.list(account.id);
    if (options.json) printJson(list);
    else print(renderCustomerUsers(list, nameOf(account)));
  });
}

async function invite(accountText: string, contactText: string, options: InviteOptions): Promise<void> {
  await withSession(options, async ({ client }) => {
    const account = await resolveAccount(client, accountText);
    const contact = pickContact(await client.contacts.list(account.id), contactText, nameOf(account));
    const user = await client.customerUsers.invite(account.id, {
      contactId: contact.id,
      ...(options.email ? { email: options.email.trim() } : {}),
    });
    if (options.json) printJson(user);
    else print(changedText(user, 'invited'));
  });
}

type Change = 'deactivate' | 'reactivate' | 'resendInvitation';
const DONE = { deactivate: 'deactivated', reactivate: 'reactivated', resendInvitation: 'resent' } as const;

function change(method: Change) {
  return async (accountText: string, who: string, options: ApiOptions): Promise<void> => {
    await withSession(options, async ({ client }) => {
      const account = await resolveAccount(client, accountText);
      const { items } = await client.customerUsers.list(account.id);
      const user = await client.customerUsers[method](pickCustomerUser(items, who, nameOf(account)).id);
      if (options.json) printJson(user);
      else print(changedText(user, DONE[method]));
    });
  };
}

export function customerUsersCommand(): Command {
  const customers = new Command('customer-users')
    .alias('customers')
    .description("an account's customer users of the portal: list, invite a contact, deactivate, reactivate");
  const WHO = ['<email>', "the customer user's sign-in e-mail (or their id)"] as const;
  customers.addCommand(
    withConnectionOptions(
      new Command('list')
        .description('who is invited, their status, who invited them and their last sign-in')
        .argument(...ACCOUNT),
    ).action(listCustomerUsers),
  );
  customers.addCommand(
    withConnectionOptions(
      new Command('invite')
        .description(
          'invite a contact of the account: an e-mail with a link to set a password (7 days, single use)',
        )
        .argument(...ACCOUNT)
        .argument('<contact>', "the contact's e-mail address (or id), as the account's contacts list it")
        .option('--email <address>', "invite at this address instead of the contact's own"),
    ).action(invite),
  );
  customers.addCommand(
    withConnectionOptions(
      new Command('deactivate')
        .description("end a customer user's access at once: their sessions and links")
        .argument(...ACCOUNT)
        .argument(...WHO),
    ).action(change('deactivate')),
  );
  customers.addCommand(
    withConnectionOptions(
      new Command('reactivate')
        .description('give a deactivated customer user their access back (they sign in afresh)')
        .argument(...ACCOUNT)
        .argument(...WHO),
    ).action(change('reactivate')),
  );
  customers.addCommand(
    withConnectionOptions(
      new Command('resend')
        .description('a new invitation e-mail for someone still invited; the earlier link stops working')
        .argument(...ACCOUNT)
        .argument(...WHO),
    ).action(change('resendInvitation')),
  );
  return customers;
}
