import type { OutgoingMail } from '../mail/index.ts';

// The two messages the portal sends (docs/portal.md). Plain text first; the HTML escapes every
// value it interpolates (names come from staff and customers), as docs/security.md asks.

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const formatInstant = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function html(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
  return `<!doctype html><html><body style="font-family: system-ui, sans-serif; line-height: 1.5">
${body}
<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>
</body></html>`;
}

export interface InvitationFacts {
  to: string;
  name: string;
  accountName: string;
  vendorName: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
}

export function invitationMail(facts: InvitationFacts): OutgoingMail {
  const lines = [
    `Hello ${facts.name},`,
    `${facts.inviterName} of ${facts.vendorName} invites you to the customer portal of ${facts.accountName}: the place where you and your account team work together.`,
    `Set your password to sign in. The link works once and until ${formatInstant(facts.expiresAt)}.`,
  ];
  return {
    to: facts.to,
    subject: `${facts.vendorName}: your invitation to the customer portal`,
    text: `${lines.join('\n\n')}\n\n${facts.link}\n`,
    html: html(lines, { href: facts.link, label: 'Set your password' }),
    kind: 'portal-invitation',
  };
}

export interface SignInLinkFacts {
  to: string;
  name: string;
  vendorName: string;
  link: string;
  expiresAt: Date;
}

export function signInLinkMail(facts: SignInLinkFacts): OutgoingMail {
  const lines = [
    `Hello ${facts.name},`,
    `Here is your link to sign in to the ${facts.vendorName} customer portal. It works once and until ${formatInstant(facts.expiresAt)}.`,
    'If you did not ask for it, ignore this message: nobody can sign in without the link.',
  ];
  return {
    to: facts.to,
    subject: `${facts.vendorName}: your sign-in link`,
    text: `${lines.join('\n\n')}\n\n${facts.link}\n`,
    html: html(lines, { href: facts.link, label: 'Sign in to the portal' }),
    kind: 'portal-sign-in',
  };
}

export interface ReplyFacts {
  to: string;
  name: string;
  vendorName: string;
  authorName: string;
  issueTitle: string;
  issueNumber: number;
  /** The answer as written (Markdown): read as plain text, escaped in the HTML. */
  body: string;
  link: string;
}

/** A staff answer on an issue the customer takes part in. */
export function replyMail(facts: ReplyFacts): OutgoingMail {
  const lines = [
    `Hello ${facts.name},`,
    `${facts.authorName} of ${facts.vendorName} answered “${facts.issueTitle}” (#${facts.issueNumber}):`,
    facts.body,
  ];
  return {
    to: facts.to,
    subject: `${facts.vendorName}: ${facts.authorName} answered “${facts.issueTitle}”`,
    text: `${lines.join('\n\n')}\n\nReply in the portal: ${facts.link}\n`,
    html: html(lines, { href: facts.link, label: 'Reply in the portal' }),
    kind: 'portal-reply',
  };
}
