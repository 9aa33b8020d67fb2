import { describe, expect, it } from 'vitest';
import { loadDocumentedVerifier } from '../../../test/webhook-receiver.ts';
import { messageBody, messageHeaders, signature, slackEscape, slackMessage } from './webhook-message.ts';

// The signature as the server makes it, checked by the snippet docs/webhooks.md tells receivers
// to copy (run from the doc itself), and the Slack message.

const verify = await loadDocumentedVerifier();
const secret = 'whsec_test_secret';
const payload = {
  id: '5b0f1f7e-2f9a-4a57-9d8e-0d6f6d1e9c3a',
  type: 'health.red' as const,
  occurredAt: '2026-03-01T09:00:00.000Z',
  account: { id: '0b6c0f44-8a55-4a4b-a9a4-0a1f3c2f5d10', name: 'Acme <R&D> Corp' },
  actor: { id: 'u1', name: 'Morgan Reyes' },
  title: 'Health turned red: Acme <R&D> Corp',
  summary: 'Sentiment is red & the call is <overdue>.',
  link: '/accounts/0b6c0f44-8a55-4a4b-a9a4-0a1f3c2f5d10?tab=overview',
  recipientIds: [],
  data: { from: 'yellow', to: 'red' },
};

function signed(body: string, timestamp: number) {
  const headers = messageHeaders({ secret, eventType: 'health.red', deliveryId: 'd1', timestamp, body });
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

describe('the signature and the documented verifier', () => {
  const now = Date.parse('2026-03-01T09:00:00Z');
  const timestamp = now / 1000;
  const body = messageBody('liaison', payload, 'http://localhost:3000');

  it('verifies what the server signs, as a string or as bytes', () => {
    const headers = signed(body, timestamp);
    expect(headers['x-liaison-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verify(secret, headers, body, now)).toBe(true);
    expect(verify(secret, headers, Buffer.from(body), now + 299_000)).toBe(true);
  });

  it('refuses a tampered body, another secret, a moved timestamp, or a stale one', () => {
    const headers = signed(body, timestamp);
    expect(verify(secret, headers, body.replace('red', 'green'), now)).toBe(false);
    expect(verify('whsec_other', headers, body, now)).toBe(false);
    expect(verify(secret, { ...headers, 'x-liaison-timestamp': String(timestamp + 1) }, body, now)).toBe(
      false,
    );
    expect(verify(secret, headers, body, now + 301_000)).toBe(false);
    expect(verify(secret, headers, body, now - 301_000)).toBe(false);
  });

  it('refuses missing or malformed headers without throwing', () => {
    const headers = signed(body, timestamp);
    expect(verify(secret, {}, body, now)).toBe(false);
    expect(verify(secret, { ...headers, 'x-liaison-signature': 'v1=abc' }, body, now)).toBe(false);
    expect(
      verify(
        secret,
        { ...headers, 'x-liaison-signature': headers['x-liaison-signature']!.slice(3) },
        body,
        now,
      ),
    ).toBe(false);
    expect(verify(secret, { ...headers, 'x-liaison-timestamp': '1e9' }, body, now)).toBe(false);
  });

  it('signs the timestamp and the body together', () => {
    expect(signature(secret, 1, 'a')).not.toBe(signature(secret, 2, 'a'));
    expect(signature(secret, 1, 'a')).not.toBe(signature(secret, 1, 'b'));
  });
});

describe('the Slack message', () => {
  it('links the title to Liaison and escapes what Slack reads as markup', () => {
    const message = slackMessage(payload, 'https://liaison.example.com/');
    const section = message.blocks[0] as { text: { text: string } };
    expect(section.text.text).toBe(
      '*<https://liaison.example.com/accounts/0b6c0f44-8a55-4a4b-a9a4-0a1f3c2f5d10?tab=overview|Health turned red: Acme &lt;R&amp;D&gt; Corp>*\nSentiment is red &amp; the call is &lt;overdue&gt;.',
    );
    expect(JSON.stringify(message.blocks[1])).toContain('Account: Acme &lt;R&amp;D&gt; Corp');
    expect(message.text).toBe(slackEscape(`${payload.title}: ${payload.summary}`));
    expect(JSON.parse(messageBody('slack', payload, 'https://liaison.example.com'))).toEqual(message);
  });

  it('keeps a link that would break out of Slack’s <url|text>', () => {
    const message = slackMessage({ ...payload, link: '/a|b>c' }, 'http://localhost:3000');
    expect((message.blocks[0] as { text: { text: string } }).text.text).toContain(
      '<http://localhost:3000/a%7Cb%3Ec|',
    );
  });
});
