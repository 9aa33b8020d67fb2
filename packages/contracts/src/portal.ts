import { z } from 'zod';
import { Id, IsoInstant, RecordMeta } from './common.ts';

// The customer portal (docs/portal.md). Two audiences: staff manage an account's customer users
// (`/accounts/{id}/customer-users`, `/customer-users/{id}/…`), and customer users sign in and read
// their own portal (`/portal/…`). Everything a customer user is answered is a `Portal*` schema:
// it names the fields a customer may see, and nothing staff-only (health, priority, ARR,
// assessments) is in any of them.

const PortalEmail = z
  .email()
  .max(254)
  .transform((value) => value.toLowerCase());

/** A customer's password: the same rule as a staff user's. */
const PortalPassword = z.string().min(10, 'must be at least 10 characters').max(200);

export const CustomerUserStatus = z.enum(['invited', 'active', 'deactivated']);

/** A customer user as staff see it. */
export const CustomerUser = RecordMeta.extend({
  accountId: Id,
  contactId: Id,
  /** The contact's name (the customer user has none of their own). */
  name: z.string(),
  email: z.string(),
  status: CustomerUserStatus,
  invitedBy: z.object({ id: Id, name: z.string() }).nullable(),
  invitedAt: IsoInstant,
  /** When the invitation was accepted (the password set). */
  activatedAt: IsoInstant.nullable(),
  deactivatedAt: IsoInstant.nullable(),
  lastSignInAt: IsoInstant.nullable(),
});

/** An account's customer users, and whether the caller may invite and manage them. */
export const CustomerUserList = z.object({
  items: z.array(CustomerUser),
  can: z.object({ manage: z.boolean() }),
});

export const InviteCustomerUserRequest = z.object({
  contactId: Id,
  /** The address to invite; by default the contact's own e-mail. */
  email: PortalEmail.optional(),
});

// What a customer user sends.

export const PortalSignInRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const PortalMagicLinkRequest = z.object({ email: z.string().trim().min(1).max(254) });

/** A token from a mailed link (`/portal/invite/<token>`, `/portal/sign-in/<token>`). */
const LinkToken = z.string().min(1).max(200);

export const PortalMagicLinkSignIn = z.object({ token: LinkToken });

export const PortalAcceptInvitationRequest = z.object({ token: LinkToken, password: PortalPassword });

/** What the invitation page shows before the password is set. */
export const PortalInvitation = z.object({
  email: z.string(),
  name: z.string(),
  accountName: z.string(),
  vendorName: z.string(),
});

export const PortalInvitationQuery = z.object({ token: LinkToken });

/** The answer to a magic-link request: always the same, whether the address is known or not. */
export const PortalMagicLinkSent = z.object({ message: z.string() });

/** The CSRF token every portal write sends as `X-Liaison-CSRF` (docs/security.md, Customer portal). */
export const PortalCsrf = z.object({ csrfToken: z.string() });

/** Who the signed-in customer user is, in their portal's terms. */
export const PortalMe = z.object({
  customerUser: z.object({ id: Id, name: z.string(), email: z.string(), contactId: Id }),
  account: z.object({ id: Id, name: z.string() }),
  vendor: z.object({
    name: z.string(),
    supportUrl: z
      .string()
      .nullable()
      .describe('Where a support problem (downtime, errors) goes instead of the project; null: no link.'),
  }),
  /** The account's TAM now, or null while it has none. */
  tam: z.object({ name: z.string(), initials: z.string() }).nullable(),
});

export type CustomerUserStatus = z.infer<typeof CustomerUserStatus>;
export type CustomerUser = z.infer<typeof CustomerUser>;
export type CustomerUserList = z.infer<typeof CustomerUserList>;
export type InviteCustomerUserRequest = z.input<typeof InviteCustomerUserRequest>;
export type PortalSignInRequest = z.infer<typeof PortalSignInRequest>;
export type PortalMagicLinkRequest = z.infer<typeof PortalMagicLinkRequest>;
export type PortalAcceptInvitationRequest = z.infer<typeof PortalAcceptInvitationRequest>;
export type PortalInvitation = z.infer<typeof PortalInvitation>;
export type PortalMe = z.infer<typeof PortalMe>;
