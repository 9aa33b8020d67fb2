import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { expect, test } from '@playwright/test';
import { ADMIN, screenshot, signIn } from './demo.ts';

// An admin registers a webhook endpoint pointing at a receiver this spec runs, sends a test event,
// watches the delivery succeed in the log and opens its attempts; the receiver checks the signature.

test('an admin registers an endpoint, sends a test event and sees it delivered', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'text/plain' }).end('received, thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/liaison`;

  try {
    await signIn(page, ADMIN);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page).toHaveURL(/\/admin\/webhooks$/);
    await expect(page.getByRole('heading', { name: 'Webhooks' })).toBeVisible();

    await page.getByRole('button', { name: 'New endpoint' }).click();
    const form = page.getByRole('dialog', { name: 'New webhook endpoint' });
    await form.getByRole('textbox', { name: 'Name' }).fill('CRM sync');
    await form.getByRole('textbox', { name: 'URL' }).fill('file:///etc/passwd');
    await form.getByRole('checkbox', { name: 'Health turning red' }).check();
    await form.getByRole('button', { name: 'Register endpoint' }).click();
    // The server's URL rule shows on the field.
    await expect(form.getByRole('textbox', { name: 'URL' })).toHaveAttribute('aria-invalid', 'true');
    await form.getByRole('textbox', { name: 'URL' }).fill(url);
    await form.getByRole('button', { name: 'Register endpoint' }).click();

    const secretDialog = page.getByRole('dialog', { name: 'Copy the signing secret' });
    await expect(secretDialog.getByText('you will not see this secret again')).toBeVisible();
    const secret = (await secretDialog.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    await secretDialog.getByRole('button', { name: 'Copy' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await secretDialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByText(secret)).toHaveCount(0);

    const row = page.getByRole('row').filter({ hasText: 'CRM sync' });
    await row.getByRole('button', { name: 'Send test' }).click();
    const log = page.getByRole('table', { name: 'Delivery log' });
    // The server's job queue sends it within a few seconds; the log follows it.
    await expect(log.getByText('Succeeded')).toBeVisible({ timeout: 30_000 });
    await expect(log.getByRole('row').nth(1)).toContainText('webhook.test');
    await expect(row.getByText('Succeeded')).toBeVisible({ timeout: 20_000 });

    // The receiver got one signed request.
    expect(received).toHaveLength(1);
    const [request] = received;
    const expected = createHmac('sha256', secret)
      .update(`${request!.headers['x-liaison-timestamp']}.${request!.body}`)
      .digest('hex');
    expect(request!.headers['x-liaison-signature']).toBe(`v1=${expected}`);
    expect(request!.headers['x-liaison-event']).toBe('webhook.test');
    expect(JSON.parse(request!.body)).toMatchObject({ type: 'webhook.test', data: { test: true } });

    await log.getByRole('button', { name: 'Attempts' }).click();
    const drawer = page.getByRole('dialog', { name: 'Delivery attempts' });
    const attempt = drawer.getByLabel('Attempt 1');
    await expect(attempt).toContainText('200');
    await expect(attempt).toContainText('received, thanks');
    await screenshot(page, 'webhook-attempts');

    await drawer.getByRole('button', { name: 'Replay' }).click();
    await expect(drawer).toBeHidden();
    await expect(log.getByRole('row')).toHaveCount(3);
    await expect(log.getByText('Replay')).toBeVisible();
    await expect(log.getByText('Succeeded')).toHaveCount(2, { timeout: 30_000 });
    expect(received).toHaveLength(2);
    await expect(row.getByText('Succeeded')).toBeVisible();
    await screenshot(page, '36-webhooks', { docs: true });
    expect(request!.headers['x-liaison-delivery']).not.toBe(received[1]!.headers['x-liaison-delivery']);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
