import type { Database } from '../../db/client.ts';
import { createOwnedRecordService } from '../../kernel/owned-records.ts';
import { clearContactLinks } from '../profiles/index.ts';
import { presentContact } from './contacts.presenter.ts';
import { contactsStore } from './contacts.store.ts';

// Contacts feed no playbook rule, so a change to one does not reassess the account.
export const createContactsService = (db: Database) =>
  createOwnedRecordService(db, {
    entityType: 'contact',
    label: 'Contact',
    store: contactsStore,
    present: presentContact,
    afterWrite: async ({ executor, context, account }, before, after) => {
      if (before && !after) await clearContactLinks(executor, context, account.id, before.id);
    },
  });

export type ContactsService = ReturnType<typeof createContactsService>;
