// E-mail (docs/mail.md): the outbox every message goes through, its delivery jobs, the admins' routes.

export { mailRoutes } from './mail.routes.ts';
export {
  createMailService,
  type MailDeps,
  type MailOptions,
  type MailService,
  type OutgoingMail,
} from './mail.service.ts';
export { DELIVER_JOB, HELD_NOTE, SWEEP_JOB } from './mail-delivery.ts';
