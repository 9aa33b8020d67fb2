export { presentContact } from './contacts.presenter.ts';
export { contactsRoutes } from './contacts.routes.ts';
export { createContactsService } from './contacts.service.ts';
export { type ContactRow, contactsStore } from './contacts.store.ts';
