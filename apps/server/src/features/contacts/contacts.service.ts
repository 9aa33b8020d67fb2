import type { Contact, CreateContactRequest, UpdateContactRequest } from '@liaison/contracts';
import { notFound } from '@liaison/domain';
import type { RequestContext } from '../../context.ts';
import type { Database } from '../../db/client.ts';
import { checkVersion } from '../../http/versioning.ts';
import { requireEditableAccount } from '../accounts/account-access.ts';
import { accountsStore } from '../accounts/accounts.store.ts';
import { recordChanges } from '../history/history.recorder.ts';
import { presentContact } from './contacts.presenter.ts';
import { contactsStore } from './contacts.store.ts';

export function createContactsService(db: Database) {
  return {
    async list(_context: RequestContext, accountId: string): Promise<Contact[]> {
      if (!(await accountsStore.findById(db, accountId))) throw notFound('Account', accountId);
      return (await contactsStore.listByAccount(db, accountId)).map(presentContact);
    },

    async create(context: RequestContext, accountId: string, input: CreateContactRequest): Promise<Contact> {
      return db.transaction(async (tx) => {
        await requireEditableAccount(tx, context, accountId);
        const contact = presentContact(await contactsStore.insert(tx, accountId, input, context.now));
        await recordChanges(tx, context, [
          { accountId, entityType: 'contact', entityId: contact.id, before: null, after: contact },
        ]);
        return contact;
      });
    },

    async update(
      context: RequestContext,
      id: string,
      input: UpdateContactRequest,
      version: number,
    ): Promise<Contact> {
      const { version: _ignored, ...changes } = input;
      return db.transaction(async (tx) => {
        const current = await contactsStore.lockById(tx, id);
        if (!current) throw notFound('Contact', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Contact', id, version, current.version);
        const after = presentContact(await contactsStore.update(tx, id, changes, context.now));
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'contact',
            entityId: id,
            before: presentContact(current),
            after,
          },
        ]);
        return after;
      });
    },

    async delete(context: RequestContext, id: string, version: number): Promise<void> {
      await db.transaction(async (tx) => {
        const current = await contactsStore.lockById(tx, id);
        if (!current) throw notFound('Contact', id);
        await requireEditableAccount(tx, context, current.accountId);
        checkVersion('Contact', id, version, current.version);
        await contactsStore.delete(tx, id);
        await recordChanges(tx, context, [
          {
            accountId: current.accountId,
            entityType: 'contact',
            entityId: id,
            before: presentContact(current),
            after: null,
          },
        ]);
      });
    },
  };
}

export type ContactsService = ReturnType<typeof createContactsService>;
