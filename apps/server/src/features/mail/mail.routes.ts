import { IdParams, MailMessage, MailOutboxQuery, MailStatusReport, mailOutboxPage } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';

/** E-mail for admins (docs/mail.md): the outbox, re-sending, a test message. */
export const mailRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  const tags = ['mail'];
  const mail = services.mail;
  app.get(
    '/mail/status',
    {
      schema: {
        tags,
        description:
          'Admins: whether an SMTP server is configured (SMTP_URL; without one every message is held in the outbox), the sender (MAIL_FROM), where links point, and the outbox counted by status.',
        response: { 200: MailStatusReport },
      },
    },
    async (request) => mail.status(request.context()),
  );
  app.get(
    '/mail/outbox',
    {
      schema: {
        tags,
        querystring: MailOutboxQuery,
        description:
          'Admins: every message Liaison sent, holds or failed to send, newest first; filter by status (`failed` is the dead-letter list), kind or recipient. Bodies are left out: read one message for them.',
        response: { 200: mailOutboxPage },
      },
    },
    async (request) => mail.list(request.context(), request.query),
  );
  app.get(
    '/mail/outbox/:id',
    {
      schema: {
        tags,
        params: IdParams,
        description:
          'Admins: one message with its text and HTML, attempts, and what the SMTP server answered.',
        response: { 200: MailMessage },
      },
    },
    async (request) => mail.get(request.context(), request.params.id),
  );
  app.post(
    '/mail/outbox/:id/resend',
    {
      schema: {
        tags,
        params: IdParams,
        description:
          'Admins: queues a held or failed message again (after SMTP_URL is set, or the SMTP server recovered); 422 INVALID_STATE for one queued or sent.',
        response: { 200: MailMessage },
      },
    },
    async (request) => mail.resend(request.context(), request.params.id),
  );
  app.post(
    '/mail/test',
    {
      schema: {
        tags,
        description:
          "Admins: queues a test message to the caller's own address, delivered like any other (held when no SMTP server is configured).",
        response: { 201: MailMessage },
      },
    },
    async (request, reply) => reply.status(201).send(await mail.sendTest(request.context())),
  );
};
