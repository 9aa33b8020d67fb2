export { presentSupportTicket } from './support-tickets.presenter.ts';
export { supportTicketsRoutes } from './support-tickets.routes.ts';
export { createSupportTicketsService } from './support-tickets.service.ts';
export type { SupportTicketRow } from './support-tickets.store.ts';
