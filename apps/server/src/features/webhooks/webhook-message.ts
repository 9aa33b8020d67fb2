import { createHmac } from 'node:crypto';
import type { WebhookFormat, WebhookPayload } from '@liaison/contracts';

// What goes on the wire (docs/webhooks.md): the body for each format, the headers, the signature,
// and what is kept of an answer. Pure: the delivery job does the sending.

export const USER_AGENT = 'Liaison-Webhooks/1';
/** What the delivery log keeps of an answer's body. */
export const EXCERPT_BYTES = 2_048;

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp is signed so a capture cannot be replayed later. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Slack's mrkdwn gives `<`, `>` and `&` a meaning (links, mentions): text shows them escaped. */
export const slackEscape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The event's link made absolute on Liaison's public address (an event carries a path). */
export function absoluteLink(link: string, publicUrl: string): string {
  try {
    return new URL(link, `${publicUrl.replace(/\/+$/, '')}/`).toString();
  } catch {
    return publicUrl;
  }
}

/** A message for a Slack incoming webhook: the title as a link, the summary, then who and where. */
export function slackMessage(payload: WebhookPayload, publicUrl: string) {
  const url = absoluteLink(payload.link, publicUrl);
  // A URL inside `<…|…>` must not hold `|` or `>` (it would end the link early).
  const safeUrl = url.replaceAll('|', '%7C').replaceAll('>', '%3E').replaceAll('<', '%3C');
  const title = slackEscape(payload.title);
  const summary = slackEscape(payload.summary);
  const context = [
    payload.account ? `Account: ${slackEscape(payload.account.name)}` : null,
    payload.actor ? `By: ${slackEscape(payload.actor.name)}` : null,
    `Event: ${payload.type}`,
  ].filter((part): part is string => part !== null);
  return {
    // The fallback for notifications and clients without blocks.
    text: `${title}: ${summary}`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*<${safeUrl}|${title}>*\n${summary}` } },
      { type: 'context', elements: context.map((text) => ({ type: 'mrkdwn', text })) },
    ],
  };
}

/** The body an endpoint receives, as the exact text that is signed. */
export function messageBody(format: WebhookFormat, payload: WebhookPayload, publicUrl: string): string {
  return JSON.stringify(format === 'slack' ? slackMessage(payload, publicUrl) : payload);
}

export function messageHeaders(input: {
  secret: string;
  eventType: string;
  deliveryId: string;
  timestamp: number;
  body: string;
}): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    'User-Agent': USER_AGENT,
    'X-Liaison-Event': input.eventType,
    'X-Liaison-Delivery': input.deliveryId,
    'X-Liaison-Timestamp': String(input.timestamp),
    'X-Liaison-Signature': signature(input.secret, input.timestamp, input.body),
  };
}

/**
 * The first 2 KB of an answer's body as text, without NUL (PostgreSQL text cannot hold it);
 * invalid UTF-8 becomes U+FFFD, so what is kept is always valid text.
 */
export function excerpt(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, EXCERPT_BYTES))
    .replaceAll('\u0000', '');
}
