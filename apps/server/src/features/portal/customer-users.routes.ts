import { CustomerUser, CustomerUserList, IdParams, InviteCustomerUserRequest } from '@liaison/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Services } from '../../composition.ts';

/** Staff's side of the customer portal (docs/portal.md): an account's customer users. */
export const customerUsersRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (
  app,
  { services },
) => {
  const tags = ['portal'];
  const customerUsers = services.customerUsers;

  app.get(
    '/accounts/:id/customer-users',
    {
      schema: {
        tags,
        params: IdParams,
        description:
          "The account's customer users (the contacts invited to the customer portal), and whether the caller may invite and manage them (`can.manage`: the account's team, TAM managers, admins).",
        response: { 200: CustomerUserList },
      },
    },
    async (request) => customerUsers.list(request.context(), request.params.id),
  );

  app.post(
    '/accounts/:id/customer-users',
    {
      schema: {
        tags,
        params: IdParams,
        body: InviteCustomerUserRequest,
        description:
          'Invites a contact of the account to the customer portal: an e-mail with a link to set a password (single use, 7 days), queued in the outbox with the change.',
        response: { 201: CustomerUser },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await customerUsers.invite(request.context(), request.params.id, request.body)),
  );

  const actions = [
    ['resend-invitation', 'A new invitation e-mail; the earlier link stops working.', 'resendInvitation'],
    [
      'deactivate',
      'Ends the customer user’s access at once, their sessions and links with it.',
      'deactivate',
    ],
    [
      'reactivate',
      'Gives a deactivated customer user their access back (they sign in afresh).',
      'reactivate',
    ],
  ] as const;
  for (const [path, description, method] of actions) {
    app.post(
      `/customer-users/:id/${path}`,
      { schema: { tags, params: IdParams, description, response: { 200: CustomerUser } } },
      async (request) => customerUsers[method](request.context(), request.params.id),
    );
  }
};
