import { chromium } from '@playwright/test';

const base = 'http://localhost:48123';
const users = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const spec of users) {
  const [email, path = '/', name = email.split('.')[0]] = spec.split(',');
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(base + '/sign-in');
  await page.getByLabel('E-mail').fill(`${email}@liaison.example`);
  await page.getByRole('textbox', { name: 'Password' }).fill('liaison-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  if (path !== '/') await page.goto(base + path);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  console.log(name, page.url());
  await page.screenshot({ path: `/tmp/twebshots/${name}.png`, fullPage: true });
  await page.close();
}
await browser.close();
